// What a dry run would have done: each call shown (never sent), and the read that would verify it.
import { Box, Text } from "ink";
import type { RecordedWrite } from "../../aws/errors.js";
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
