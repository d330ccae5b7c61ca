// A minimal VT100/xterm screen model: enough of a terminal to show what a person would see after Ink (or any
// line-oriented TUI) has drawn and repainted. Ink repaints by moving the cursor up and erasing lines, so the
// raw byte stream is useless for assertions; this replays it onto a grid of cells.
//
// Supported: printable text with wide characters (widths from string-width, the same function Ink lays out
// with, so Korean/CJK and emoji take 2 cells exactly when Ink thinks they do), autowrap, CR, LF, BS, TAB,
// scrolling at the bottom, CSI A/B/C/D/E/F/G/`/d/H/f (cursor moves), J and K (erase display/line, all
// variants), X/P/@ (erase/delete/insert characters), s/u and ESC 7/8 (save/restore cursor), ESC D/E/M,
// ?25h/l (cursor visibility), SGR colours (kept per cell for tests that look at colour; bold etc. ignored).
// Ignored without effect: OSC/DCS/APC strings, other private modes (e.g. Ink's ?2026 synchronized output and
// its kitty keyboard CSI > u / < u), charset designations.
import stringWidth from "string-width";

/** A colour as SGR set it: undefined = the terminal's default, 0-255 = palette index, "#rrggbb" = truecolor. */
export type Colour = number | `#${string}` | undefined;

export interface Cell {
  /** The grapheme shown here ("" for the right half of a wide character). */
  ch: string;
  /** 2 for the left half of a wide character, 0 for its right half, 1 otherwise. */
  width: 0 | 1 | 2;
  fg: Colour;
  bg: Colour;
  inverse: boolean;
}

interface Pen {
  fg: Colour;
  bg: Colour;
  inverse: boolean;
}

const blankCell = (): Cell => ({ ch: " ", width: 1, fg: undefined, bg: undefined, inverse: false });
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

type State = "ground" | "esc" | "escCharset" | "csi" | "osc" | "oscEsc" | "str" | "strEsc";

export class VirtualTerminal {
  private grid: Cell[][];
  private row = 0;
  private col = 0;
  /** xterm's "pending wrap": after writing the last column, the next printable wraps first. */
  private pendingWrap = false;
  private saved = { row: 0, col: 0 };
  private pen: Pen = { fg: undefined, bg: undefined, inverse: false };
  private state: State = "ground";
  private seq = ""; // parameters of the CSI being read
  private text = ""; // printable run waiting to be segmented into graphemes
  cursorVisible = true;

  constructor(
    public cols = 100,
    public rows = 40,
  ) {
    this.grid = Array.from({ length: rows }, () => this.blankRow());
  }

  /** Feed output from the program. Escape sequences may be split across calls. */
  write(data: string): void {
    for (const ch of data) this.consume(ch);
    this.flushText();
  }

  /** Visible rows as plain text: trailing spaces trimmed, trailing blank rows dropped. */
  screen(): string {
    const lines = this.lines();
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    return lines.join("\n");
  }

  /** Every visible row as plain text, trailing spaces trimmed. */
  lines(): string[] {
    return this.grid.map((r) =>
      r
        .map((c) => c.ch)
        .join("")
        .trimEnd(),
    );
  }

  cell(row: number, col: number): Cell {
    const c = this.grid[row]?.[col];
    if (!c) throw new RangeError(`no cell at ${row},${col}`);
    return c;
  }

  /** True between escape sequences: output cut here can be followed by more text and read as the program meant. */
  atRest(): boolean {
    return this.state === "ground";
  }

  cursor(): { row: number; col: number; visible: boolean } {
    return { row: this.row, col: this.col, visible: this.cursorVisible };
  }

  /** Change the size, keeping the top-left content (no reflow, unlike most real terminals). */
  resize(cols: number, rows: number): void {
    this.flushText();
    this.grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.grid[r]?.[c] ?? blankCell()));
    this.cols = cols;
    this.rows = rows;
    this.row = Math.min(this.row, rows - 1);
    this.col = Math.min(this.col, cols - 1);
    this.pendingWrap = false;
  }

  // --- parser -------------------------------------------------------------------------------------------

  private consume(ch: string): void {
    switch (this.state) {
      case "ground":
        if (ch === "\x1b") {
          this.flushText();
          this.state = "esc";
        } else if (ch < " " || ch === "\x7f") {
          this.flushText();
          this.control(ch);
        } else {
          this.text += ch;
        }
        return;
      case "esc":
        this.escape(ch);
        return;
      case "escCharset": // ESC ( B and friends: one more character, ignored
        this.state = "ground";
        return;
      case "csi":
        if (ch >= "@" && ch <= "~") {
          this.state = "ground";
          this.csi(this.seq, ch);
        } else if (ch === "\x1b") {
          this.state = "esc"; // malformed: start over like a terminal would
        } else {
          this.seq += ch;
        }
        return;
      case "osc":
        if (ch === "\x07") this.state = "ground";
        else if (ch === "\x1b") this.state = "oscEsc";
        return;
      case "oscEsc": // ESC \ ends it; anything else: still inside
        this.state = ch === "\\" ? "ground" : "osc";
        return;
      case "str":
        if (ch === "\x1b") this.state = "strEsc";
        return;
      case "strEsc":
        this.state = ch === "\\" ? "ground" : "str";
        return;
    }
  }

  private control(ch: string): void {
    switch (ch) {
      case "\r":
        this.col = 0;
        this.pendingWrap = false;
        return;
      case "\n":
      case "\v":
      case "\f":
        this.lineFeed();
        return;
      case "\b":
        this.col = Math.max(0, this.col - 1);
        this.pendingWrap = false;
        return;
      case "\t":
        this.col = Math.min(this.cols - 1, (Math.floor(this.col / 8) + 1) * 8);
        this.pendingWrap = false;
        return;
      default: // BEL, NUL, SO/SI, DEL…: nothing to show
        return;
    }
  }

  private escape(ch: string): void {
    this.state = "ground";
    switch (ch) {
      case "[":
        this.state = "csi";
        this.seq = "";
        return;
      case "]":
        this.state = "osc";
        return;
      case "P":
      case "X":
      case "^":
      case "_":
        this.state = "str";
        return;
      case "(":
      case ")":
      case "*":
      case "+":
        this.state = "escCharset";
        return;
      case "7":
        this.saved = { row: this.row, col: this.col };
        return;
      case "8":
        this.moveTo(this.saved.row, this.saved.col);
        return;
      case "D":
        this.lineFeed();
        return;
      case "E":
        this.col = 0;
        this.lineFeed();
        return;
      case "M":
        this.reverseIndex();
        return;
      case "c":
        this.grid = Array.from({ length: this.rows }, () => this.blankRow());
        this.moveTo(0, 0);
        this.pen = { fg: undefined, bg: undefined, inverse: false };
        this.cursorVisible = true;
        return;
      default: // ESC = / ESC > (keypad modes) and the rest: no visible effect
        return;
    }
  }

  private csi(params: string, final: string): void {
    const privateMarker = /^[?<>=]/.test(params) ? params[0] : "";
    const body = privateMarker ? params.slice(1) : params;
    if (privateMarker === "?") {
      if (final === "h" || final === "l") {
        for (const p of body.split(";")) if (p === "25") this.cursorVisible = final === "h";
      }
      return;
    }
    if (privateMarker) return; // e.g. kitty keyboard protocol CSI > 1 u, CSI < u
    if (/[ -/]/.test(body)) return; // intermediates (e.g. CSI SP q cursor style): nothing to draw
    const nums = body.split(";").map((p) => (p === "" ? undefined : Number.parseInt(p, 10)));
    const n = (i: number, dflt = 1): number => {
      const v = nums[i];
      return v === undefined || Number.isNaN(v) || v === 0 ? dflt : v;
    };
    switch (final) {
      case "A":
        this.moveTo(this.row - n(0), this.col);
        return;
      case "B":
        this.moveTo(this.row + n(0), this.col);
        return;
      case "C":
        this.moveTo(this.row, this.col + n(0));
        return;
      case "D":
        this.moveTo(this.row, this.col - n(0));
        return;
      case "E":
        this.moveTo(this.row + n(0), 0);
        return;
      case "F":
        this.moveTo(this.row - n(0), 0);
        return;
      case "G":
      case "`":
        this.moveTo(this.row, n(0) - 1);
        return;
      case "d":
        this.moveTo(n(0) - 1, this.col);
        return;
      case "H":
      case "f":
        this.moveTo(n(0) - 1, n(1) - 1);
        return;
      case "J":
        this.eraseDisplay(nums[0] ?? 0);
        return;
      case "K":
        this.eraseLine(nums[0] ?? 0);
        return;
      case "X":
        this.fill(this.row, this.col, this.col + n(0));
        return;
      case "P": {
        const line = this.line(this.row);
        line.splice(this.col, Math.min(n(0), this.cols - this.col));
        while (line.length < this.cols) line.push(blankCell());
        return;
      }
      case "@": {
        const line = this.line(this.row);
        line.splice(this.col, 0, ...Array.from({ length: n(0) }, blankCell));
        line.length = this.cols;
        return;
      }
      case "s":
        this.saved = { row: this.row, col: this.col };
        return;
      case "u":
        this.moveTo(this.saved.row, this.saved.col);
        return;
      case "m":
        this.sgr(body);
        return;
      default: // scroll regions, insert/delete lines, device reports…: Ink does not use them
        return;
    }
  }

  private sgr(body: string): void {
    const parts = body === "" ? ["0"] : body.split(";");
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? "0";
      if (part.includes(":")) {
        // ITU form: 38:2::r:g:b, 38:2:r:g:b, 38:5:n (4:3 curly underline and such are ignored)
        const sub = part.split(":").map((s) => Number.parseInt(s || "0", 10));
        if (sub[0] === 38 || sub[0] === 48) {
          const rgb = sub.length >= 6 ? sub.slice(3, 6) : sub.slice(2, 5);
          const colour = sub[1] === 5 ? sub[2] : sub[1] === 2 ? toHex(rgb) : undefined;
          this.setColour(sub[0] === 38 ? "fg" : "bg", colour);
        }
        continue;
      }
      const code = Number.parseInt(part || "0", 10);
      if (code === 38 || code === 48) {
        const mode = Number(parts[i + 1]);
        let colour: Colour;
        if (mode === 5) {
          colour = Number(parts[i + 2]);
          i += 2;
        } else if (mode === 2) {
          colour = toHex([Number(parts[i + 2]), Number(parts[i + 3]), Number(parts[i + 4])]);
          i += 4;
        } else {
          i += 1;
        }
        this.setColour(code === 38 ? "fg" : "bg", colour);
      } else if (code === 0) this.pen = { fg: undefined, bg: undefined, inverse: false };
      else if (code === 7) this.pen.inverse = true;
      else if (code === 27) this.pen.inverse = false;
      else if (code >= 30 && code <= 37) this.pen.fg = code - 30;
      else if (code === 39) this.pen.fg = undefined;
      else if (code >= 40 && code <= 47) this.pen.bg = code - 40;
      else if (code === 49) this.pen.bg = undefined;
      else if (code >= 90 && code <= 97) this.pen.fg = code - 90 + 8;
      else if (code >= 100 && code <= 107) this.pen.bg = code - 100 + 8;
      // bold, dim, italic, underline, blink…: text is unchanged
    }
  }

  private setColour(which: "fg" | "bg", colour: Colour): void {
    this.pen[which] = colour;
  }

  // --- drawing ------------------------------------------------------------------------------------------

  private flushText(): void {
    if (this.text === "") return;
    const run = this.text;
    this.text = "";
    for (const { segment } of graphemes.segment(run)) this.print(segment);
  }

  private print(g: string): void {
    const w = Math.min(2, stringWidth(g)) as 0 | 1 | 2;
    if (w === 0) {
      // A combining mark or joiner that arrived on its own: it belongs to the character before the cursor.
      let prevCol = this.pendingWrap ? this.col : this.col - 1;
      if (this.grid[this.row]?.[prevCol]?.width === 0) prevCol--; // right half of a wide char: go to its left
      const prev = this.grid[this.row]?.[prevCol];
      if (prev) prev.ch += g;
      return;
    }
    if (this.pendingWrap) this.wrap();
    if (w === 2 && this.col === this.cols - 1) {
      this.fill(this.row, this.col, this.cols); // xterm: a wide char never straddles the edge
      this.wrap();
    }
    this.clearWideAt(this.row, this.col);
    if (w === 2) this.clearWideAt(this.row, this.col + 1);
    const line = this.line(this.row);
    const { fg, bg, inverse } = this.pen;
    line[this.col] = { ch: g, width: w, fg, bg, inverse };
    if (w === 2) line[this.col + 1] = { ch: "", width: 0, fg, bg, inverse };
    this.col += w;
    if (this.col >= this.cols) {
      this.col = this.cols - 1;
      this.pendingWrap = true;
    }
  }

  /** Overwriting either half of a wide character leaves the other half blank, as terminals do. */
  private clearWideAt(row: number, col: number): void {
    const line = this.line(row);
    const c = line[col];
    if (c?.width === 0 && col > 0) line[col - 1] = blankCell();
    if (c?.width === 2 && col + 1 < this.cols) line[col + 1] = blankCell();
  }

  private wrap(): void {
    this.pendingWrap = false;
    this.col = 0;
    this.lineFeed();
  }

  private lineFeed(): void {
    this.pendingWrap = false;
    if (this.row === this.rows - 1) {
      this.grid.shift();
      this.grid.push(this.blankRow());
    } else {
      this.row++;
    }
  }

  private reverseIndex(): void {
    this.pendingWrap = false;
    if (this.row === 0) {
      this.grid.pop();
      this.grid.unshift(this.blankRow());
    } else {
      this.row--;
    }
  }

  private moveTo(row: number, col: number): void {
    this.row = clamp(row, 0, this.rows - 1);
    this.col = clamp(col, 0, this.cols - 1);
    this.pendingWrap = false;
  }

  private eraseLine(mode: number): void {
    if (mode === 0) this.fill(this.row, this.col, this.cols);
    else if (mode === 1) this.fill(this.row, 0, this.col + 1);
    else if (mode === 2) this.fill(this.row, 0, this.cols);
  }

  private eraseDisplay(mode: number): void {
    if (mode === 0) {
      this.fill(this.row, this.col, this.cols);
      for (let r = this.row + 1; r < this.rows; r++) this.fill(r, 0, this.cols);
    } else if (mode === 1) {
      for (let r = 0; r < this.row; r++) this.fill(r, 0, this.cols);
      this.fill(this.row, 0, this.col + 1);
    } else if (mode === 2 || mode === 3) {
      // 3 also drops the scrollback, which this model does not keep
      for (let r = 0; r < this.rows; r++) this.fill(r, 0, this.cols);
    }
  }

  /** Blank the cells [from, to) of a row, including any wide character cut in half at either end. */
  private fill(row: number, from: number, to: number): void {
    const line = this.line(row);
    const end = Math.min(to, this.cols);
    if (from < end) {
      this.clearWideAt(row, from);
      this.clearWideAt(row, end - 1);
    }
    for (let c = from; c < end; c++) line[c] = blankCell();
    this.pendingWrap = false;
  }

  private line(row: number): Cell[] {
    const line = this.grid[row];
    if (!line) throw new RangeError(`row ${row} outside the screen`);
    return line;
  }

  private blankRow(): Cell[] {
    return Array.from({ length: this.cols }, blankCell);
  }
}

// --- colours --------------------------------------------------------------------------------------------

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

function toHex(rgb: number[]): `#${string}` {
  return `#${rgb
    .map((v) =>
      clamp(v || 0, 0, 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

// xterm's default 16-colour palette. Themes change these (that is the point of painting hex colours), so
// treat the result for 0-15 as "what xterm shows", not as what every terminal shows.
const BASE16 = [
  "#000000",
  "#cd0000",
  "#00cd00",
  "#cdcd00",
  "#0000ee",
  "#cd00cd",
  "#00cdcd",
  "#e5e5e5",
  "#7f7f7f",
  "#ff0000",
  "#00ff00",
  "#ffff00",
  "#5c5cff",
  "#ff00ff",
  "#00ffff",
  "#ffffff",
];

/** [r, g, b] of a colour, or undefined for the terminal default (which depends on the theme). */
export function colourToRgb(colour: Colour): [number, number, number] | undefined {
  if (colour === undefined) return undefined;
  if (typeof colour === "string") {
    const v = Number.parseInt(colour.slice(1), 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  if (colour < 16) return colourToRgb(BASE16[colour] as `#${string}`);
  if (colour < 232) {
    const steps = [0, 95, 135, 175, 215, 255];
    const i = colour - 16;
    return [steps[Math.floor(i / 36)] ?? 0, steps[Math.floor(i / 6) % 6] ?? 0, steps[i % 6] ?? 0];
  }
  const grey = 8 + (colour - 232) * 10;
  return [grey, grey, grey];
}

/** Foreground and background as drawn (inverse applied). */
export function shownColours(cell: Cell): { fg: Colour; bg: Colour } {
  return cell.inverse ? { fg: cell.bg, bg: cell.fg } : { fg: cell.fg, bg: cell.bg };
}
