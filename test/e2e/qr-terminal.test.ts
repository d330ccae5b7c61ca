// The QR code in a real 80x24 pseudo-terminal, as a phone camera would see it, and followed live when the
// terminal is resized: smaller shows the secret as text (no cut code, no header scrolled away), larger again
// brings the code back with no key pressed.
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { drive, sleep } from "../helpers/drivers.js";
import { type PtySession, spawnRootlock } from "../helpers/pty.js";
import { decodeQrOnScreen } from "../helpers/qr-image.js";

const URI = /^otpauth:\/\/totp\/AWS:ops-admin@123456789012\?secret=([A-Z2-7]{64})&issuer=AWS$/;

/** The screen's rows, counted from the top: how tall Ink's frame is. */
const rowsUsed = (s: PtySession) => s.screen().split("\n").length;

describe.each([
  ["en", en],
  ["ko", ko],
] as const)("the QR code at 80x24 (%s)", (lang, t) => {
  it("scans alone at 80x24, gives way to the secret when smaller, and comes back when larger", async () => {
    const s = spawnRootlock(["--demo", "--scenario", "new-account", "--lang", lang], { cols: 80, rows: 24 });
    const w = drive(s, t);
    await w.preflight.start(t.app.keys.continue);
    await w.rootKeys.skip();
    await w.rootMfa.skip();
    await w.userMfa.start();

    // The code alone, under the header, in fewer rows than the terminal has: a camera reads exactly the URI.
    await s.waitFor(t.app.keys.typeCodes);
    const uri = decodeQrOnScreen(s.terminal, s.screen());
    expect(uri).toMatch(URI);
    const secret = URI.exec(uri!)![1]!;
    expect(s.screen().split("\n")[0]).toContain(t.app.modes.simulated);
    expect(rowsUsed(s)).toBeLessThan(24);

    // Narrower and shorter: the secret as text, the header still on top, no block of a cut code.
    s.resize(60, 20);
    await s.waitFor((sc) => sc.replace(/\s+/g, "").includes(secret));
    expect(s.screen().split("\n")[0]).toContain(t.app.modes.simulated);
    expect(s.screen()).not.toMatch(/█{20}[\s\S]*█{20}/); // only the timer's bar
    await sleep(100);

    // Larger again: the code is back by itself.
    s.resize(80, 24);
    await s.waitFor(t.app.keys.typeCodes);
    expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(uri);
    expect(rowsUsed(s)).toBeLessThan(24);

    // Enter: the code fields; Ctrl-R: the code again.
    s.press("enter");
    await s.waitFor(t.userMfa.code1);
    expect(s.screen()).toContain(t.userMfa.qrAlone.slice(0, 12));
    s.write("\x12");
    await s.waitFor(t.app.keys.typeCodes);
    expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(uri);

    // Room for everything: the code among the fields, with the full quiet zone.
    s.resize(100, 50);
    await s.waitFor((sc) => sc.includes(t.userMfa.code1) && /█{8}/.test(sc));
    expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(uri);

    s.press("ctrl-c");
    await s.waitForExit();
  });
});
