// The end of a `rootlock org` run on its screen: "Done" only when every account covered is credential-less by AWS's
// own read; otherwise a headline that says how many are not and why, those accounts first with their reason in a
// line each ("… N more" where the terminal is full: the evidence report has every one), what to fix, and the command
// that runs again for just those accounts. Fits the terminal (80x24 included) with the title and the keys line.
import { Box, Text } from "ink";
import type { OrgMessages } from "../../i18n/org-en.js";
import { AGAIN_ON_SCREEN, countsText, endText } from "../../org-text.js";
import { runEnd } from "../../steps/org/end.js";
import type { AccountResult } from "../../steps/org/types.js";
import { useRoom, wrappedRows } from "../room.js";
import { fitted } from "./fitted.js";

interface Props {
  results: readonly AccountResult[];
  t: OrgMessages;
  /** The run's command line, for the run-again line. */
  command: string;
  /** The exit status Enter leaves with. */
  code: number;
  /** Rows the screen draws around this view (its title, its keys line). */
  reserved: number;
  /** The screen is leaving: the line that says what Enter does goes (this frame stays in the terminal). */
  left?: boolean;
}

export function OrgEnd({ results, t, command, code, reserved, left = false }: Props) {
  const { rows, cols } = useRoom();
  const end = runEnd(results);
  const text = endText(end, t, command, AGAIN_ON_SCREEN);
  const counts = countsText(results, t);
  const fixed = [counts, text.headline, ...(text.forward.length > 0 ? [t.end.forward] : []), ...(text.skipped ? [text.skipped] : []), t.end.leave(code)];
  // Each "what to do" line wraps under its own text, two columns in.
  const forwardRows = text.forward.reduce((sum, line) => sum + wrappedRows(line, cols - 2), 0);
  const room = rows - reserved - forwardRows - fixed.reduce((sum, line) => sum + wrappedRows(line, cols), 0);
  // All the accounts when they fit; else as many as fit above the "… N more" line (one at least).
  const shown = text.accounts.length <= room ? text.accounts.length : Math.max(1, room - 1);
  const hidden = text.accounts.length - shown;
  return (
    <Box flexDirection="column">
      <Text>{counts}</Text>
      <Text bold color={end.done ? "green" : "yellow"}>
        {text.headline}
      </Text>
      {text.accounts.slice(0, shown).map((line) => (
        <Text key={line} color="red">
          {fitted(line, cols - 1)}
        </Text>
      ))}
      {hidden > 0 && <Text dimColor>{t.end.more(hidden)}</Text>}
      {text.forward.length > 0 && <Text bold>{t.end.forward}</Text>}
      {text.forward.map((line) => (
        <Box key={line}>
          <Box width={2} flexShrink={0}>
            <Text>-</Text>
          </Box>
          <Text>{line}</Text>
        </Box>
      ))}
      {text.skipped && <Text dimColor>{text.skipped}</Text>}
      {!left && <Text dimColor>{t.end.leave(code)}</Text>}
    </Box>
  );
}
