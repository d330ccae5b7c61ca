// The QR code must scan: we take what <Qr> renders, replay it on the VT model (so each cell's colours are the
// ones a terminal would show), rebuild the picture a camera would see, and decode it with jsQR, without
// letting jsQR try the inverted image: dark modules must really come out dark.
import chalk from "chalk";
import { render } from "ink-testing-library";
import jsQR from "jsqr";
import stripAnsi from "strip-ansi";
import { afterEach, describe, expect, it } from "vitest";
import { Qr } from "../../src/screens/components/Qr.js";
import { MIN_QUIET_ZONE, QUIET_ZONE, fitsIn, qrLines, qrSize, segmentsOf } from "../../src/screens/qr.js";
import { Text } from "ink";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { Cleanups } from "../../src/screens/cleanups.js";
import { CodePair } from "../../src/screens/components/CodePair.js";
import { Frame } from "../../src/screens/components/Frame.js";
import { QrOrSecret, qrFit, qrNeeds } from "../../src/screens/components/QrOrSecret.js";
import { KeyboardProvider } from "../../src/screens/keyboard.js";
import { type Ui, UiContext } from "../../src/screens/ui-context.js";
import { fold, sleep } from "../helpers/ink.js";
import { decodeQrOnScreen, toImage } from "../helpers/qr-image.js";
import { VirtualTerminal } from "../helpers/vt.js";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"; // 64 Base32 characters
// What rootlock puts in the admin user's QR code (otpauthUri, TOTP_ISSUER, totpLabel).
const URI = `otpauth://totp/AWS:ops-admin@123456789012?secret=${SECRET}&issuer=AWS`;

const OLD_URI = `otpauth://totp/Amazon%20Web%20Services:ops-admin%40123456789012?secret=${SECRET}&issuer=Amazon%20Web%20Services`;

const initialLevel = chalk.level;
afterEach(() => {
  chalk.level = initialLevel;
});

function renderAndDecode(value: string, quietZone = QUIET_ZONE) {
  const { lastFrame, unmount } = render(<Qr value={value} quietZone={quietZone} />);
  const frame = lastFrame() ?? "";
  unmount();
  const { cols, rows } = qrSize(value, quietZone);
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
    // 124 bytes, the seed as alphanumeric: version 5, 37 modules (byte mode alone: version 6, 41)
    expect(qrSize(URI)).toEqual({ cols: 45, rows: 23 });
    expect(qrSize(URI, MIN_QUIET_ZONE)).toEqual({ cols: 41, rows: 21 });
    // The URI as it was (AWS's console issuer, "@" escaped), 166 bytes: byte mode alone made it version 8 (49
    // modules, 57x29 cells); with segments it is version 7 (45 modules), still too tall for 24 rows.
    expect(qrSize(OLD_URI)).toEqual({ cols: 53, rows: 27 });
  });

  it("has a 2-module quiet zone when asked, and still decodes", () => {
    const lines = qrLines(URI, MIN_QUIET_ZONE);
    expect(lines[0]).toBe("█".repeat(41));
    for (const line of lines) expect(line.slice(0, 2) + line.slice(-2)).toBe("████");
    expect(lines[1]?.slice(2, 9)).toBe(" ▄▄▄▄▄ ");
    chalk.level = 3;
    expect(renderAndDecode(URI, MIN_QUIET_ZONE).code?.data).toBe(URI);
  });
});

describe("segmentsOf", () => {
  it("puts the Base32 seed in an alphanumeric segment and the account id in a numeric one", () => {
    expect(segmentsOf(URI)).toEqual([
      { mode: "byte", text: "otpauth://totp/AWS:ops-admin@" },
      { mode: "numeric", text: "123456789012" },
      { mode: "byte", text: "?secret=" },
      { mode: "alphanumeric", text: SECRET },
      { mode: "byte", text: "&issuer=AWS" },
    ]);
    // short runs are not worth a segment's header
    expect(segmentsOf("ab1c")).toEqual([{ mode: "byte", text: "ab1c" }]);
    expect(segmentsOf("0123456789")).toEqual([{ mode: "numeric", text: "0123456789" }]);
  });

  it("decodes back to the text whatever the mix (jsQR reads every segment)", () => {
    chalk.level = 3;
    for (const text of [
      "hi",
      "ABC123",
      "12345",
      "x1234567890y",
      `otpauth://totp/AWS:a.very.long.user.name.indeed@123456789012?secret=${SECRET}&issuer=AWS`,
      "한글 otpauth",
    ]) {
      expect(renderAndDecode(text).code?.data).toBe(text);
    }
  });
});

describe("fitsIn", () => {
  it("needs room for the whole code, quiet zone included", () => {
    expect(fitsIn(URI, 45, 23)).toBe(true);
    expect(fitsIn(URI, 44, 23)).toBe(false);
    expect(fitsIn(URI, 45, 22)).toBe(false);
    expect(fitsIn(URI, 41, 21, MIN_QUIET_ZONE)).toBe(true);
    expect(fitsIn("hi", 29, 15)).toBe(true);
    expect(fitsIn("hi", 28, 15)).toBe(false);
    expect(fitsIn("hi", 0, 0)).toBe(false);
  });
});

describe("qrFit: the layout for the terminal's size", () => {
  it("inline with the full quiet zone when tall enough, alone at 80x24, the secret as text below that", () => {
    expect(qrFit(URI, { cols: 100, rows: 60 })).toEqual({ kind: "inline", quietZone: 4 });
    expect(qrFit(URI, { cols: 80, rows: 24 })).toEqual({ kind: "alone", quietZone: 2 });
    expect(qrFit(URI, { cols: 80, rows: 26 })).toEqual({ kind: "alone", quietZone: 4 });
    expect(qrNeeds(URI)).toEqual({ cols: 43, rows: 24 });
    expect(qrFit(URI, { cols: 43, rows: 24 }).kind).toBe("alone");
    expect(qrFit(URI, { cols: 42, rows: 24 }).kind).toBe("text");
    expect(qrFit(URI, { cols: 80, rows: 23 }).kind).toBe("text");
    // the console stand-in's border and banner take room from an inline code
    expect(qrFit(URI, { cols: 100, rows: 40 }).kind).toBe("inline");
    expect(qrFit(URI, { cols: 100, rows: 40 }, { cols: 4, rows: 6 }).kind).toBe("alone");
  });
});

/** Waits (up to 3 s) for a frame that passes the check: frames come after a tick, later on a busy machine. */
async function until(check: () => boolean) {
  for (let i = 0; i < 300 && !check(); i++) await sleep(10);
}

/** ink-testing-library's stdout, given a size (it has 100 columns and no rows) and told it has been resized. */
function resize(stdout: NodeJS.EventEmitter, cols: number, rows: number) {
  Object.defineProperty(stdout, "columns", { value: cols, configurable: true });
  Object.defineProperty(stdout, "rows", { value: rows, configurable: true });
  stdout.emit("resize");
}

describe.each([
  ["en", en],
  ["ko", ko],
] as const)("the QR code in the frame at 80x24 (%s)", (lang, t) => {
  function renderFrame() {
    const ui: Ui = { t, lang, mode: "simulated", cleanups: new Cleanups() };
    const result = render(
      <KeyboardProvider>
        <UiContext.Provider value={ui}>
          <Frame
            steps={["preflight", "root-access-keys", "root-mfa", "operator-mfa", "summary"]}
            current="operator-mfa"
            results={{}}
            accountId="123456789012"
            callerArn="arn:aws:iam::123456789012:user/ops-admin"
          >
            <Text>{t.userMfa.scan}</Text>
            <QrOrSecret uri={URI} secret={SECRET} active />
            <CodePair labels={[t.userMfa.code1, t.userMfa.code2]} onSubmit={() => {}} onCancel={() => {}} active />
          </Frame>
        </UiContext.Provider>
      </KeyboardProvider>,
    );
    const screen = () => {
      const vt = new VirtualTerminal(80, 24);
      vt.write((result.lastFrame() ?? "").replace(/\n/g, "\r\n"));
      return { vt, text: vt.screen(), height: (result.lastFrame() ?? "").split("\n").length };
    };
    return { ...result, screen };
  }

  it("covers the page with the code alone, shorter than the terminal, and a camera reads it", async () => {
    chalk.level = 2;
    const r = renderFrame();
    resize(r.stdout, 80, 24);
    await until(() => r.screen().text.includes(t.app.keys.typeCodes));
    const { vt, text, height } = r.screen();
    expect(height).toBeLessThan(24); // Ink would clear the screen on every update otherwise
    expect(text).toContain(t.app.modes.simulated); // the header stays
    expect(text).toContain(t.app.keys.typeCodes);
    expect(text).not.toContain(t.userMfa.code1); // the fields are under the cover
    expect(text.split("\n").slice(1).join("\n")).not.toMatch(/…/); // nothing cut but the header's ARN
    expect(decodeQrOnScreen(vt, text)).toBe(URI);
    r.unmount();
  });

  it("Enter goes to the code fields, Ctrl-R back to the code; a resize switches the layout live", async () => {
    chalk.level = 2;
    const r = renderFrame();
    resize(r.stdout, 80, 24);
    await until(() => r.screen().text.includes(t.app.keys.typeCodes));
    r.stdin.write("\r");
    await until(() => r.screen().text.includes(t.userMfa.code1));
    let { text } = r.screen();
    const { height } = r.screen();
    expect(text).toContain(t.userMfa.code1);
    expect(fold(text)).toContain(fold(t.userMfa.qrAlone));
    expect(fold(text)).toContain(fold(t.app.keys.showQr));
    expect(height).toBeLessThan(24);
    // typed into the first field, kept under the cover and after it
    r.stdin.write("1");
    await until(() => new RegExp(`${t.userMfa.code1}:? *1`).test(r.screen().text));
    r.stdin.write("\x12"); // Ctrl-R
    await until(() => !r.screen().text.includes(t.userMfa.code1));
    expect(decodeQrOnScreen(r.screen().vt, r.screen().text)).toBe(URI);
    r.stdin.write("\x12");
    await until(() => r.screen().text.includes(t.userMfa.code1));
    expect(r.screen().text).toMatch(new RegExp(`${t.userMfa.code1}:? *1`));

    resize(r.stdout, 60, 20); // too small for any code: the secret as text, no block of a cut code
    await until(() => r.screen().text.includes(SECRET.slice(0, 20)));
    ({ text } = r.screen());
    expect(fold(text)).toContain(fold(t.userMfa.secretFallback));
    expect(text).not.toMatch(/█{20}/);

    resize(r.stdout, 80, 24); // larger again: the code is back, alone, without a key
    await until(() => r.screen().text.includes(t.app.keys.typeCodes));
    expect(decodeQrOnScreen(r.screen().vt, r.screen().text)).toBe(URI);

    resize(r.stdout, 100, 60); // room for all: the code among the fields, with the full quiet zone
    await until(() => (r.lastFrame() ?? "").includes(t.userMfa.code1));
    const big = new VirtualTerminal(100, 60);
    big.write((r.lastFrame() ?? "").replace(/\n/g, "\r\n"));
    expect(big.screen()).toContain("████████"); // a 4-module quiet zone
    expect(big.screen()).toContain(t.userMfa.code1);
    expect(decodeQrOnScreen(big, big.screen())).toBe(URI);
    r.unmount();
  });
});
