// A step's result: its state in its own colour, why, and what was read back from AWS to say so.
import { Box, Text } from "ink";
import { useEffect } from "react";
import { sayRead } from "../../steps/said.js";
import type { Verdict, VerdictState } from "../../steps/types.js";
import { useUi } from "../ui-context.js";

export const STATE_COLOR: Record<VerdictState, string> = { verified: "green", unverified: "yellow", failed: "red", skipped: "gray" };
export const STATE_MARK: Record<VerdictState, string> = { verified: "✔", unverified: "◐", failed: "✖", skipped: "–" };

export function StateText({ state }: { state: VerdictState }) {
  const { t } = useUi();
  return (
    <Text color={STATE_COLOR[state]}>
      {STATE_MARK[state]} {t.states[state]}
    </Text>
  );
}

export function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t, showVerdict } = useUi();
  // The shell learns what is on screen, so that quitting here reports this verdict, not "skipped".
  useEffect(() => {
    showVerdict?.(verdict);
    return () => showVerdict?.(undefined);
  }, [verdict, showVerdict]);
  return (
    <Box flexDirection="column">
      <Text>
        <StateText state={verdict.state} /> <Text dimColor>— {t.reasons[verdict.reason]}</Text>
      </Text>
      {verdict.evidence.length > 0 && <Text dimColor>{t.common.evidence}</Text>}
      {verdict.evidence.map((e, i) => (
        <Text key={i} dimColor>
          {"  "}
          {e.source}: {sayRead(e, t.evidence)}
        </Text>
      ))}
      {verdict.leftBehind && verdict.leftBehind.length > 0 && <Text color="yellow">{t.common.leftBehind(verdict.leftBehind.join(", "))}</Text>}
    </Box>
  );
}
