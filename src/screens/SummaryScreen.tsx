// The end of the wizard: every control, its audit ids, and its state as read back from AWS.
import { Box, Text } from "ink";
import { type ControlId, OPTIONAL_CONTROLS } from "../steps/controls.js";
import { allVerified, skippedOptional, type SummaryRow } from "../steps/summary.js";
import { StateText } from "./components/VerdictView.js";
import type { RootMfaKind } from "../steps/root-mfa.js";
import { useUi } from "./ui-context.js";

// The ids column fits "1.8, 1.9 / IAM.15, IAM.16" on one line.
const WIDTHS = [28, 27, 22];

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
  return (
    <Box flexDirection="column">
      <Text bold>{s.title}</Text>
      <Box marginTop={1}>
        <Box width={WIDTHS[0]}>
          <Text color="gray">{s.control}</Text>
        </Box>
        <Box width={WIDTHS[1]}>
          <Text color="gray">{s.ids}</Text>
        </Box>
        <Text color="gray">{s.state}</Text>
      </Box>
      {rows.map((row) => (
        <Box key={row.control}>
          <Box width={WIDTHS[0]}>
            <Text wrap="truncate-end">{t.steps[row.control]}</Text>
          </Box>
          <Box width={WIDTHS[1]}>
            <Text>
              {row.ids.cis} / {row.ids.securityHub}
            </Text>
          </Box>
          <Box width={WIDTHS[2]}>
            <StateText state={row.verdict.state} />
          </Box>
          <Text dimColor>{t.reasons[row.verdict.reason]}</Text>
        </Box>
      ))}
      <Box marginTop={1} flexDirection="column">
        {rootMfaKind === "virtual" && <Text color="yellow">{t.rootMfa.hardwareAdvice}</Text>}
        {rootMfaKind === "non-virtual" && <Text color="green">{t.rootMfa.hardware}</Text>}
        <Closing rows={rows} optional={optional} flow={flow} />
        <Text dimColor>{s.exit}</Text>
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
