// The end of the wizard: every control, its audit ids, and its state as read back from AWS.
import { Box, Text } from "ink";
import { HARDWARE_MFA_IDS } from "../steps/controls.js";
import { allVerified, type SummaryRow } from "../steps/summary.js";
import { StateText } from "./components/VerdictView.js";
import type { RootMfaKind } from "./RootMfaScreen.js";
import { useUi } from "./ui-context.js";

// The ids column fits "1.8, 1.9 / IAM.15, IAM.16" on one line.
const WIDTHS = [28, 27, 22];

export function SummaryScreen({ rows, rootMfaKind }: { rows: SummaryRow[]; rootMfaKind: RootMfaKind }) {
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
        {rootMfaKind === "virtual" && (
          <Text color="yellow">
            {HARDWARE_MFA_IDS.cis} / {HARDWARE_MFA_IDS.securityHub}: {t.rootMfa.hardwareAdvice}
          </Text>
        )}
        {rootMfaKind === "non-virtual" && (
          <Text color="green">
            {HARDWARE_MFA_IDS.cis} / {HARDWARE_MFA_IDS.securityHub}: {t.rootMfa.hardware}
          </Text>
        )}
        {allVerified(rows) ? <Text color="green">{s.allVerified}</Text> : <Text color="yellow">{s.someNot}</Text>}
        <Text dimColor>{s.exit}</Text>
      </Box>
    </Box>
  );
}
