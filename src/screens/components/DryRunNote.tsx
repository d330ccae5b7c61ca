// What a dry run would have done: each call shown (never sent), and the read that would verify it.
import { Box, Text } from "ink";
import type { RecordedWrite } from "../../aws/errors.js";
import type { Evidence } from "../../steps/types.js";
import { useUi } from "../ui-context.js";
import { CallLine } from "./ConfirmCall.js";

export function DryRunNote({ calls, verify }: { calls: RecordedWrite[]; verify: string }) {
  const { t } = useUi();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="blue" paddingX={1}>
      <Text color="blue">{t.common.wouldCall}</Text>
      {calls.map((c, i) => (
        <CallLine key={i} call={c.call} params={c.params} />
      ))}
      <Text dimColor>{t.common.wouldVerify(verify)}</Text>
    </Box>
  );
}

/** The report's record of a dry run: the calls, as evidence that says they were not sent. */
export function dryRunEvidence(calls: RecordedWrite[]): Evidence[] {
  return calls.map((c) => ({
    source: "dry run (not sent)",
    read: `${c.call}(${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(", ")})`,
    at: c.at,
  }));
}
