// A step's result: its state in its own colour, why, and what was read back from AWS to say so.
import { Box, Text } from "ink";
import { useEffect } from "react";
import { sayRead, saySource } from "../../steps/said.js";
import type { Messages } from "../../i18n/index.js";
import type { Verdict, VerdictState } from "../../steps/types.js";
import { useRoom, wrappedRows } from "../room.js";
import { useUi } from "../ui-context.js";
import { BoundedList } from "./BoundedList.js";

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

const stateLine = (verdict: Verdict, t: Messages) => `${STATE_MARK[verdict.state]} ${t.states[verdict.state]} — ${t.reasons[verdict.reason]}`;
const evidenceLines = (verdict: Verdict, t: Messages) => verdict.evidence.map((e) => `${saySource(e.source, t.evidence)}: ${sayRead(e, t.evidence)}`);
const leftBehindLine = (verdict: Verdict, t: Messages) =>
  verdict.leftBehind && verdict.leftBehind.length > 0 ? t.common.leftBehind(verdict.leftBehind.join(", ")) : undefined;

/** The rows the whole verdict takes at this width, every evidence line shown. */
export function verdictRows(verdict: Verdict, t: Messages, cols: number): number {
  const evidence = evidenceLines(verdict, t);
  const leftBehind = leftBehindLine(verdict, t);
  return (
    wrappedRows(stateLine(verdict, t), cols) +
    (evidence.length > 0 ? 1 + evidence.reduce((sum, line) => sum + wrappedRows(line, cols - 2), 0) : 0) +
    (leftBehind ? wrappedRows(leftBehind, cols) : 0)
  );
}

/** Rows a page takes around its verdict when it does not say (its title, a line of result, the keys line). */
const AROUND = 3;

/**
 * `around`: the rows the rest of the page takes; the read-back evidence shows its last lines in what is left
 * (all of it is in the evidence report).
 */
export function VerdictView({ verdict, around = AROUND }: { verdict: Verdict; around?: number }) {
  const { t, showVerdict } = useUi();
  const room = useRoom();
  // The shell learns what is on screen, so that quitting here reports this verdict, not "skipped".
  useEffect(() => {
    showVerdict?.(verdict);
    return () => showVerdict?.(undefined);
  }, [verdict, showVerdict]);
  const leftBehind = leftBehindLine(verdict, t);
  return (
    <Box flexDirection="column">
      <Text>
        <StateText state={verdict.state} /> <Text dimColor>— {t.reasons[verdict.reason]}</Text>
      </Text>
      {verdict.evidence.length > 0 && <Text dimColor>{t.common.evidence}</Text>}
      <BoundedList
        lines={evidenceLines(verdict, t)}
        rows={room.rows - around - wrappedRows(stateLine(verdict, t), room.cols) - 1 - (leftBehind ? wrappedRows(leftBehind, room.cols) : 0)}
        indent={2}
        more={t.bounded.moreInReport}
        render={(line) => <Text dimColor>{line}</Text>}
      />
      {leftBehind && <Text color="yellow">{leftBehind}</Text>}
    </Box>
  );
}
