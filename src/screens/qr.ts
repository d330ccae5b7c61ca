// A QR code as rows of half-block characters, ready to be painted by <Qr> (components/Qr.tsx). Pure: no Ink.
//
// The symbol comes from the QR encoder that qrcode-terminal vendors (its own drawing is not used: it draws
// the LIGHT modules as glyphs with no colours, so it is inverted on a light terminal, and its quiet zone is
// one module). Two things are chosen here to make the code small enough for an 80x24 terminal, where the
// height is the limit (two modules per row):
//   - error correction L, the lowest: a code on a screen is not damaged the way a printed one is, and every
//     reader decodes every level (ISO/IEC 18004: the level is read from the format information);
//   - the fewest bits: the text is split into numeric, alphanumeric and byte segments (ISO/IEC 18004 §7.4;
//     every reader decodes mixed segments). The 64-character Base32 seed of AWS's CreateVirtualMFADevice is
//     alphanumeric (A-Z, 2-7): 5.5 bits a character instead of 8. With the label rootlock uses this takes the
//     otpauth URI from version 8 (49 modules) to version 5 (37 modules).
//
// Colour scheme (the choice the rest of the app relies on): a glyph's drawn half is LIGHT, the undrawn half is
// DARK, and <Qr> paints BOTH colours explicitly — foreground white (#ffffff), background black (#000000) — so
// the code looks the same on dark and light themes. A terminal without colour shows the glyphs light on its
// (usually dark) background, which is still the right polarity. Hex colours are used because chalk maps them to
// the nearest exact white/black at every colour level (truecolor 255,255,255; 256-colour 231/16; 16-colour
// bright white/black), whereas the named ANSI "white"/"black" are theme-dependent greys.
//
// Width caveat: ▀ ▄ █ are East Asian "ambiguous" width. Terminals set to draw ambiguous characters as wide
// (an option in some CJK setups) will draw each as 2 cells and break the code; the Base32 secret fallback
// covers that case.
import QRCode, { type QrSegment } from "qrcode-terminal/vendor/QRCode/index.js";

/** Modules of light margin on every side: the QR specification's minimum, drawn whenever it fits. */
export const QUIET_ZONE = 4;
/** The least margin drawn: phone readers find a code with 2 modules of margin (it is Micro QR's minimum). */
export const MIN_QUIET_ZONE = 2;

/** Error correction level L in the vendored encoder's numbering (L 1, M 0, Q 3, H 2). */
const LEVEL_L = 1;

// Half-block glyphs: which halves of the cell are drawn (light).
const BOTH = "\u2588"; // █ upper and lower light
const UPPER = "\u2580"; // ▀ upper light, lower dark
const LOWER = "\u2584"; // ▄ lower light, upper dark
const NONE = " "; //       both dark

type Mode = "numeric" | "alphanumeric" | "byte";

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const MODE_INDICATOR: Record<Mode, number> = { numeric: 1, alphanumeric: 2, byte: 4 };
/** Bits of a segment's character count, for versions 1-9 (ISO/IEC 18004 table 3); larger versions have more. */
const COUNT_BITS: Record<Mode, number> = { numeric: 10, alphanumeric: 9, byte: 8 };
/** Bits per character, in sixths of a bit (numeric: 10 bits per 3 digits; alphanumeric: 11 bits per 2). */
const SIXTHS_PER_CHAR: Record<Mode, number> = { numeric: 20, alphanumeric: 33, byte: 48 };
const MODES: Mode[] = ["numeric", "alphanumeric", "byte"];

const holds = (mode: Mode, ch: string): boolean => mode === "byte" || (mode === "numeric" ? ch >= "0" && ch <= "9" : ALPHANUMERIC.includes(ch));

/**
 * The text as segments, each in the mode that makes the whole shortest: a shortest path over the characters,
 * where a character costs its mode's bits and starting a segment costs its header (mode + count).
 * The headers are those of versions 1-9, the sizes an otpauth URI lands in; beyond, the split is still valid.
 */
export function segmentsOf(text: string): { mode: Mode; text: string }[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  // cost[m]: the fewest sixths of a bit for the characters so far, the last one in mode m; from[i][m]: the mode
  // of character i-1 on that best path.
  let cost: Record<Mode, number> = { numeric: Infinity, alphanumeric: Infinity, byte: Infinity };
  const from: Record<Mode, Mode | undefined>[] = [];
  chars.forEach((ch, i) => {
    const next: Record<Mode, number> = { numeric: Infinity, alphanumeric: Infinity, byte: Infinity };
    const back: Record<Mode, Mode | undefined> = { numeric: undefined, alphanumeric: undefined, byte: undefined };
    for (const mode of MODES) {
      if (!holds(mode, ch)) continue;
      const header = (4 + COUNT_BITS[mode]) * 6;
      if (i === 0) {
        next[mode] = header + SIXTHS_PER_CHAR[mode];
        continue;
      }
      for (const prev of MODES) {
        const c = cost[prev] + (prev === mode ? 0 : header) + SIXTHS_PER_CHAR[mode];
        if (c < next[mode]) {
          next[mode] = c;
          back[mode] = prev;
        }
      }
    }
    cost = next;
    from.push(back);
  });
  let mode = MODES.reduce((best, m) => (cost[m] < cost[best] ? m : best), "byte" as Mode);
  const modes: Mode[] = [];
  for (let i = chars.length - 1; i >= 0; i--) {
    modes[i] = mode;
    mode = from[i]![mode] ?? mode;
  }
  const segments: { mode: Mode; text: string }[] = [];
  chars.forEach((ch, i) => {
    const last = segments[segments.length - 1];
    if (last && last.mode === modes[i]) last.text += ch;
    else segments.push({ mode: modes[i]!, text: ch });
  });
  return segments;
}

/** A segment in the shape the vendored encoder writes (mode indicator, count, data). */
function encoderSegment({ mode, text }: { mode: Mode; text: string }): QrSegment {
  const bytes = Buffer.from(text, "utf8");
  return {
    mode: MODE_INDICATOR[mode],
    getLength: () => (mode === "byte" ? bytes.length : text.length),
    write(buffer) {
      if (mode === "byte") for (const b of bytes) buffer.put(b, 8);
      else if (mode === "numeric") {
        for (let i = 0; i < text.length; i += 3) {
          const group = text.slice(i, i + 3);
          buffer.put(Number(group), group.length * 3 + 1); // 3 digits: 10 bits, 2: 7, 1: 4
        }
      } else {
        for (let i = 0; i < text.length; i += 2) {
          const a = ALPHANUMERIC.indexOf(text[i]!);
          if (i + 1 < text.length) buffer.put(a * 45 + ALPHANUMERIC.indexOf(text[i + 1]!), 11);
          else buffer.put(a, 6);
        }
      }
    },
  };
}

/** The QR symbol as a matrix of modules, true = dark, without any quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const code = new QRCode(-1, LEVEL_L);
  code.dataList.push(...segmentsOf(text).map(encoderSegment));
  code.make();
  return code.modules.map((row) => row.map((dark) => dark === true));
}

/**
 * Rows of half-block characters for `text`, with `quietZone` modules of light margin on every side: one
 * character per module horizontally, two modules per character vertically. Draw them with a light foreground
 * on a dark background (see <Qr>). Every row has the same length in characters and in terminal cells.
 */
export function qrLines(text: string, quietZone = QUIET_ZONE): string[] {
  return linesOf(qrMatrix(text), quietZone);
}

function linesOf(matrix: boolean[][], quietZone: number): string[] {
  const size = matrix.length + 2 * quietZone;
  const dark = (r: number, c: number): boolean => matrix[r - quietZone]?.[c - quietZone] ?? false; // outside: light
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
export function qrSize(text: string, quietZone = QUIET_ZONE): { cols: number; rows: number } {
  const size = qrMatrix(text).length + 2 * quietZone;
  return { cols: size, rows: Math.ceil(size / 2) };
}

/** Whether the code, quiet zone included, fits in `cols` x `rows` cells. */
export function fitsIn(text: string, cols: number, rows: number, quietZone = QUIET_ZONE): boolean {
  const size = qrSize(text, quietZone);
  return size.cols <= cols && size.rows <= rows;
}

/** The widest quiet zone (4, else 2) with which the code fits in `cols` x `rows`; undefined when none does. */
export function quietZoneFor(text: string, cols: number, rows: number): number | undefined {
  return [QUIET_ZONE, MIN_QUIET_ZONE].find((q) => fitsIn(text, cols, rows, q));
}
