// A QR code as rows of half-block characters, ready to be painted by <Qr> (components/Qr.tsx). Pure: no Ink.
//
// qrcode-terminal builds the matrix; we only read it back from its "small" output (one character per module
// column, two module rows per character) and redraw it, because that output has two problems:
//   1. It draws the LIGHT modules as glyphs and sets no colours, so it is right on a dark terminal and
//      inverted (unscannable by most readers) on a light one.
//   2. Its quiet zone is 1 module; the QR spec asks for 4, and phone cameras do need it.
//
// Colour scheme (the choice the rest of the app relies on): a glyph's drawn half is LIGHT, the undrawn half is
// DARK, and <Qr> paints BOTH colours explicitly — foreground white (#ffffff), background black (#000000) — so
// the code looks the same on dark and light themes. We keep qrcode-terminal's glyph polarity (glyph = light)
// rather than inverting it so the unpainted fallback (a terminal without colour) stays correct on the more
// common dark theme. Hex colours are used because chalk maps them to the nearest exact white/black at every
// colour level (truecolor 255,255,255; 256-colour 231/16; 16-colour bright white/black), whereas the named
// ANSI "white"/"black" are theme-dependent greys.
//
// Width caveat: ▀ ▄ █ are East Asian "ambiguous" width. Terminals set to draw ambiguous characters as wide
// (an option in some CJK setups) will draw each as 2 cells and break the code; the Base32 secret fallback
// covers that case.
import qrcodeTerminal from "qrcode-terminal";

/** Modules of light margin on every side of the symbol (the QR specification's minimum). */
export const QUIET_ZONE = 4;

// Half-block glyphs: which halves of the cell are drawn (light).
const BOTH = "\u2588"; // █ upper and lower light
const UPPER = "\u2580"; // ▀ upper light, lower dark
const LOWER = "\u2584"; // ▄ lower light, upper dark
const NONE = " "; //       both dark

/** The QR symbol as a matrix of modules, true = dark, without any quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  let out = "";
  // generate() calls back synchronously; it prints to stdout only when no callback is given.
  qrcodeTerminal.generate(text, { small: true }, (s) => {
    out = s;
  });
  const rows = out.split("\n").filter((l) => l.length > 0);
  const width = rows[0]?.length ?? 0;
  const n = width - 2; // one border column on each side
  if (n < 21 || rows.some((r) => r.length !== width)) {
    throw new Error(`qrcode-terminal output has an unexpected shape (width ${width})`);
  }
  // Back to pixels, 2 per character, light = glyph drawn over that half (qrcode-terminal's convention).
  const light: boolean[][] = [];
  for (const row of rows) {
    const chars = [...row];
    light.push(chars.map((c) => c === BOTH || c === UPPER));
    light.push(chars.map((c) => c === BOTH || c === LOWER));
  }
  // Its top border is "▄": an undrawn half, then one light row of quiet zone; then the modules start.
  // Left and right borders are one light column each.
  const matrix: boolean[][] = [];
  for (let r = 0; r < n; r++) {
    const src = light[r + 2];
    if (!src) throw new Error("qrcode-terminal output is shorter than its width");
    matrix.push(src.slice(1, 1 + n).map((isLight) => !isLight));
  }
  // Sanity check on the layout we assumed: the top-left finder pattern's outer ring is dark.
  const ring = [0, 1, 2, 3, 4, 5, 6].every((i) => matrix[0]?.[i] && matrix[i]?.[0] && matrix[6]?.[i] && matrix[i]?.[6]);
  if (!ring) throw new Error("qrcode-terminal output does not start with a finder pattern");
  return matrix;
}

/**
 * Rows of half-block characters for `text`, quiet zone included: one character per module horizontally, two
 * modules per character vertically. Draw them with a light foreground on a dark background (see <Qr>).
 * Every row has the same length in characters and in terminal cells.
 */
export function qrLines(text: string): string[] {
  const matrix = qrMatrix(text);
  const size = matrix.length + 2 * QUIET_ZONE;
  const dark = (r: number, c: number): boolean => {
    const mr = r - QUIET_ZONE;
    const mc = c - QUIET_ZONE;
    return matrix[mr]?.[mc] ?? false; // outside the symbol: quiet zone, light
  };
  const lines: string[] = [];
  // An odd module count leaves the last character row with a lower half beyond the symbol: it is light,
  // i.e. one more module of quiet zone.
  for (let r = 0; r < size; r += 2) {
    let line = "";
    for (let c = 0; c < size; c++) {
      const upperLight = !dark(r, c);
      const lowerLight = r + 1 < size ? !dark(r + 1, c) : true;
      line += upperLight ? (lowerLight ? BOTH : UPPER) : lowerLight ? LOWER : NONE;
    }
    lines.push(line);
  }
  return lines;
}

/** Terminal cells the code needs, quiet zone included. */
export function qrSize(text: string): { cols: number; rows: number } {
  const size = qrMatrix(text).length + 2 * QUIET_ZONE;
  return { cols: size, rows: Math.ceil(size / 2) };
}

/** Whether the code, quiet zone included, fits in `cols` x `rows` cells. */
export function fitsIn(text: string, cols: number, rows: number): boolean {
  const size = qrSize(text);
  return size.cols <= cols && size.rows <= rows;
}
