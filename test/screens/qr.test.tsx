// The QR code must scan: we take what <Qr> renders, replay it on the VT model (so each cell's colours are the
// ones a terminal would show), rebuild the picture a camera would see, and decode it with jsQR, without
// letting jsQR try the inverted image: dark modules must really come out dark.
import chalk from "chalk";
import { render } from "ink-testing-library";
import jsQR from "jsqr";
import stripAnsi from "strip-ansi";
import { afterEach, describe, expect, it } from "vitest";
import { Qr } from "../../src/screens/components/Qr.js";
import { QUIET_ZONE, fitsIn, qrLines, qrSize } from "../../src/screens/qr.js";
import { toImage } from "../helpers/qr-image.js";
import { VirtualTerminal } from "../helpers/vt.js";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"; // 64 Base32 characters
const URI = `otpauth://totp/AWS%3Aops-admin?secret=${SECRET}&issuer=AWS`;

const initialLevel = chalk.level;
afterEach(() => {
  chalk.level = initialLevel;
});

function renderAndDecode(value: string) {
  const { lastFrame, unmount } = render(<Qr value={value} />);
  const frame = lastFrame() ?? "";
  unmount();
  const { cols, rows } = qrSize(value);
  const vt = new VirtualTerminal(cols + 10, rows + 10);
  vt.write(frame.replace(/\n/g, "\r\n")); // ink-testing-library frames use bare \n; a tty would add the \r
  const image = toImage(vt, { top: 0, left: 0, rows, cols });
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
  return { frame, code };
}

describe("<Qr>", () => {
  it.each([3, 2, 1])("decodes to exactly the otpauth URI (chalk colour level %i)", (level) => {
    chalk.level = level as 1 | 2 | 3;
    const { code } = renderAndDecode(URI);
    expect(code?.data).toBe(URI);
  });

  it("paints explicit foreground and background colours", () => {
    chalk.level = 3;
    const { frame } = renderAndDecode(URI);
    expect(frame).toContain("\x1b[38;2;255;255;255m"); // white foreground
    expect(frame).toContain("\x1b[48;2;0;0;0m"); // black background
    chalk.level = 1;
    const basic = renderAndDecode(URI).frame;
    expect(basic).toMatch(/\x1b\[(9[0-7]|3[0-7])m/);
    expect(basic).toMatch(/\x1b\[(10[0-7]|4[0-7])m/);
  });

  it("shows nothing but the code", () => {
    chalk.level = 3;
    const { frame } = renderAndDecode(URI);
    const text = stripAnsi(frame);
    expect(text).toMatch(/^[█▀▄ \n]+$/);
    expect(text).not.toContain(SECRET);
    expect(text.split("\n")).toEqual(qrLines(URI));
  });
});

describe("qrLines", () => {
  it("has a quiet zone of at least 4 modules on every side", () => {
    const lines = qrLines(URI);
    const { cols, rows } = qrSize(URI);
    expect(lines).toHaveLength(rows);
    for (const line of lines) expect([...line]).toHaveLength(cols);
    // 4 modules = 2 full rows of light cells at the top; the symbol is odd-sized, so the bottom gets 4.5
    for (const line of [...lines.slice(0, QUIET_ZONE / 2), ...lines.slice(-QUIET_ZONE / 2)]) {
      expect(line).toBe("█".repeat(cols));
    }
    for (const line of lines) {
      expect(line.slice(0, QUIET_ZONE)).toBe("█".repeat(QUIET_ZONE));
      expect(line.slice(-QUIET_ZONE)).toBe("█".repeat(QUIET_ZONE));
    }
    // and the symbol starts right after it: rows 0-1 of the top-left finder pattern (a dark ring)
    expect(lines[2]?.slice(QUIET_ZONE, QUIET_ZONE + 7)).toBe(" ▄▄▄▄▄ ");
  });

  it("sizes the code from the data (version 1 is 21 modules + 2 x 4 quiet)", () => {
    expect(qrSize("hi")).toEqual({ cols: 29, rows: 15 });
    expect(qrSize(URI)).toEqual({ cols: 49, rows: 25 }); // 105 bytes: version 6, 41 modules
  });
});

describe("fitsIn", () => {
  it("needs room for the whole code, quiet zone included", () => {
    expect(fitsIn(URI, 49, 25)).toBe(true);
    expect(fitsIn(URI, 48, 25)).toBe(false);
    expect(fitsIn(URI, 49, 24)).toBe(false);
    expect(fitsIn(URI, 80, 24)).toBe(false); // the classic 80x24 terminal is one row short
    expect(fitsIn("hi", 29, 15)).toBe(true);
    expect(fitsIn("hi", 28, 15)).toBe(false);
    expect(fitsIn("hi", 0, 0)).toBe(false);
  });
});
