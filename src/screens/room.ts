// How many terminal rows the page (between the step bar and the keys line) may take, so that a frame stays a row
// shorter than the terminal: Ink clears the whole screen on every update of a frame as tall as the terminal, and
// the header scrolls away. The frame (components/Frame.tsx) works it out from the terminal's size and its own
// lines; a long list on the page (BoundedList) shows what fits in what is left.
import stringWidth from "string-width";
import { createContext, useContext } from "react";
import { useTerminalSize } from "./terminal-size.js";

/** Every frame is kept a row shorter than the terminal. */
export const SPARE_ROWS = 1;

export interface Room {
  /** Rows the page may take. */
  rows: number;
  /** Columns the page may take. */
  cols: number;
}

export const RoomContext = createContext<Room | undefined>(undefined);

/** The page's room; outside a frame (a screen rendered alone in a test), the whole terminal's. */
export function useRoom(): Room {
  const size = useTerminalSize();
  return useContext(RoomContext) ?? { rows: size.rows - SPARE_ROWS, cols: size.cols };
}

/**
 * The rows a line of text takes at this width, wrapped at spaces as Ink wraps it (a word longer than the line is
 * cut where the line ends). Measured with string-width: a Korean letter takes two columns.
 */
export const wrappedRows = (text: string, width: number): number => packedRows(text.split(" "), width);

/** The rows pieces take laid out one after another, a column between them, on lines of this width. */
export function packedRows(pieces: readonly string[], width: number): number {
  if (width <= 0) return 1;
  let rows = 1;
  let used = 0;
  for (const piece of pieces) {
    const w = stringWidth(piece);
    const need = used === 0 ? w : used + 1 + w;
    if (need <= width) {
      used = need;
      continue;
    }
    if (used > 0) rows++;
    // A piece wider than the line fills whole lines, then goes on on the next.
    rows += Math.max(0, Math.ceil(w / width) - 1);
    used = w % width || (w > 0 ? width : 0);
  }
  return rows;
}
