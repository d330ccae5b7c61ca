// The end of the wizard: every control, its audit ids, and its state as read back from AWS.
import { Box, Text } from "ink";
import stringWidth from "string-width";
import { type ControlId, OPTIONAL_CONTROLS } from "../steps/controls.js";
import { allVerified, skippedOptional, type SummaryRow } from "../steps/summary.js";
import { STATE_COLOR, STATE_MARK } from "./components/VerdictView.js";
import type { ReactNode } from "react";
import type { RootMfaKind } from "../steps/root-mfa.js";
import { useUi } from "./ui-context.js";

/** Columns as wide as their widest cell (string-width: a Korean letter takes two columns) and a gap. */
const columnWidths = (columns: string[][]) => columns.map((cells) => Math.max(...cells.map((c) => stringWidth(c))) + 2);

interface Props {
  rows: SummaryRow[];
  rootMfaKind: RootMfaKind;
  /** The controls whose skip does not cost "all verified" (none in `rootlock alerts`). */
  optional?: readonly ControlId[];
  flow?: "wizard" | "alerts";
}

export function SummaryScreen({ rows, rootMfaKind, optional = OPTIONAL_CONTROLS, flow = "wizard" }: Props) {
  const { t } = useUi();
  const s = t.summary;
  const ids = (row: SummaryRow) => `${row.ids.cis} / ${row.ids.securityHub}`;
  const stateText = (row: SummaryRow) => `${STATE_MARK[row.verdict.state]} ${t.states[row.verdict.state]}`;
  // One line a row, so that every row fits 80x24: the columns fixed, the reason takes what is left and is cut
  // short (the report has it whole).
  const widths = columnWidths([
    [s.control, ...rows.map((row) => t.steps[row.control])],
    [s.ids, ...rows.map(ids)],
    [s.state, ...rows.map(stateText)],
  ]);
  const cell = (i: number, node: ReactNode) => (
    <Box width={widths[i]} flexShrink={0}>
      {node}
    </Box>
  );
  return (
    <Box flexDirection="column">
      <Text bold>{s.title}</Text>
      <Box>
        {cell(0, <Text color="gray">{s.control}</Text>)}
        {cell(1, <Text color="gray">{s.ids}</Text>)}
        {cell(2, <Text color="gray">{s.state}</Text>)}
      </Box>
      {rows.map((row) => (
        <Box key={row.control}>
          {cell(0, <Text>{t.steps[row.control]}</Text>)}
          {cell(1, <Text>{ids(row)}</Text>)}
          {cell(2, <Text color={STATE_COLOR[row.verdict.state]}>{stateText(row)}</Text>)}
          <Text dimColor wrap="truncate-end">
            {t.reasons[row.verdict.reason]}
          </Text>
        </Box>
      ))}
      <Box marginTop={1} flexDirection="column">
        {rootMfaKind === "virtual" && <Text color="yellow">{t.rootMfa.hardwareAdvice}</Text>}
        {rootMfaKind === "non-virtual" && <Text color="green">{t.rootMfa.hardware}</Text>}
        <Closing rows={rows} optional={optional} flow={flow} />
      </Box>
    </Box>
  );
}

/**
 * The last word, never more than what happened: "every control is verified" only when no row is skipped; the
 * controls taken on when some optional ones were skipped; "run again to pick up" only where a run would (a dry run
 * changed nothing; `rootlock alerts` is run again as itself).
 */
function Closing({ rows, optional, flow }: Required<Omit<Props, "rootMfaKind">>) {
  const { t, mode } = useUi();
  const s = t.summary;
  if (allVerified(rows, optional)) {
    const skipped = skippedOptional(rows);
    if (skipped.length === 0) return <Text color="green">{s.allVerified}</Text>;
    return <Text color="green">{s.allTakenVerified(skipped.map((c) => t.steps[c]).join(", "))}</Text>;
  }
  if (mode === "dry-run") return <Text color="yellow">{s.dryRunEnd}</Text>;
  return <Text color="yellow">{flow === "alerts" ? s.someNotAlerts : s.someNot}</Text>;
}
