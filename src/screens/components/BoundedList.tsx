// A long list in a short terminal: the last lines that fit in the rows it is given, and above them "… N more"
// in the run's language. Lines are never cut short (a line that wraps takes its rows: cutting read-back evidence
// to one line once hid `MFAUsed=Yes`); the whole list stays in the evidence report.
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { useRoom, wrappedRows } from "../room.js";

interface Props {
  /** The lines, as they read (measured to know how many rows each takes). */
  lines: readonly string[];
  /** Rows the list may take, its "… N more" line included. */
  rows: number;
  /** Columns each line is indented by (it wraps within what is left). */
  indent?: number;
  /** The line above the ones shown: how many are left out, and where to find them. */
  more: (hidden: number) => string;
  /** How a line is drawn (default: as it reads). */
  render?: (line: string, index: number) => ReactNode;
  /** The rows a line takes as drawn (default: wrapped at the page's width less the indent). */
  measure?: (line: string) => number;
}

/** How many of the last lines fit: all of them, or as many as fit beside the "… N more" line (at least one). */
export function linesThatFit(lines: readonly string[], rows: number, width: number, measure = (line: string) => wrappedRows(line, width)): number {
  const heights = lines.map(measure);
  if (heights.reduce((a, b) => a + b, 0) <= rows) return lines.length;
  let shown = 0;
  for (let used = 1; shown < lines.length; shown++) {
    used += heights[lines.length - 1 - shown]!;
    if (used > rows) break;
  }
  return Math.max(1, shown);
}

export function BoundedList({ lines, rows, indent = 0, more, render = (line) => <Text>{line}</Text>, measure }: Props) {
  const { cols } = useRoom();
  const shown = linesThatFit(lines, rows, cols - indent, measure);
  const hidden = lines.length - shown;
  return (
    <Box flexDirection="column">
      {hidden > 0 && (
        <Text dimColor>
          {" ".repeat(indent)}
          {more(hidden)}
        </Text>
      )}
      {lines.slice(hidden).map((line, i) => (
        <Box key={hidden + i} paddingLeft={indent}>
          {render(line, hidden + i)}
        </Box>
      ))}
    </Box>
  );
}
