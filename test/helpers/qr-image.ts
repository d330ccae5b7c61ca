// Rebuilds the picture a camera would see from terminal cells (half-block characters and the colours the
// VT model says are shown), for jsQR. Shared by the QR component's test and the end-to-end test, which
// decodes the QR code off the real pseudo-terminal's screen.
import jsQR from "jsqr";
import { colourToRgb, shownColours, type Colour, type VirtualTerminal } from "./vt.js";

const SCALE = 4; // pixels per module, each way

export interface CellBox {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Light (true) or dark (false) for a colour; throws on the terminal default, which depends on the theme. */
function isLight(colour: Colour): boolean {
  const rgb = colourToRgb(colour);
  if (!rgb) throw new Error("a QR cell uses the terminal's default colour: it would depend on the theme");
  const [r, g, b] = rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128;
}

/** RGBA image of a box of cells: each cell is two modules high (upper and lower half). */
export function toImage(vt: VirtualTerminal, box: CellBox) {
  const width = box.cols * SCALE;
  const height = box.rows * 2 * SCALE;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < box.rows; row++) {
    for (let col = 0; col < box.cols; col++) {
      const cell = vt.cell(box.top + row, box.left + col);
      const { fg, bg } = shownColours(cell);
      const upperDrawn = cell.ch === "█" || cell.ch === "▀";
      const lowerDrawn = cell.ch === "█" || cell.ch === "▄";
      const halves = [isLight(upperDrawn ? fg : bg), isLight(lowerDrawn ? fg : bg)];
      halves.forEach((light, half) => {
        for (let y = 0; y < SCALE; y++) {
          for (let x = 0; x < SCALE; x++) {
            const px = ((row * 2 + half) * SCALE + y) * width + col * SCALE + x;
            data.fill(light ? 255 : 0, px * 4, px * 4 + 3);
            data[px * 4 + 3] = 255;
          }
        }
      });
    }
  }
  return { data, width, height };
}

/** Finds the QR code on a screen (its top row is a run of full blocks; every row starts with a quiet zone of at
 * least 2 modules, "██") and decodes it. */
export function decodeQrOnScreen(vt: VirtualTerminal, screen: string): string | undefined {
  const lines = screen.split("\n");
  const top = lines.findIndex((line) => /█{20}/.test(line));
  if (top < 0) return undefined;
  const left = lines[top]!.indexOf("█");
  const cols = /█+/.exec(lines[top]!.slice(left))![0].length;
  let rows = 0;
  while (lines[top + rows]?.slice(left, left + 2) === "██") rows++;
  const image = toImage(vt, { top, left, rows, cols });
  return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data;
}
