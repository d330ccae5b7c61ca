// One row of the org screen's 80-column frame: a line cut by display width (a Korean character takes two), so it
// never wraps; the evidence report keeps it whole.
import stringWidth from "string-width";

export function fitted(row: string, columns = 79): string {
  if (stringWidth(row) <= columns) return row;
  let out = "";
  for (const ch of row) {
    if (stringWidth(out + ch) > columns - 1) break;
    out += ch;
  }
  return `${out}…`;
}
