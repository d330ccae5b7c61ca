// Keys through a real terminal: bursts, an input method's full-width digits, the footer, and the exit line.
//
// A terminal sends what is typed fast, a held Backspace or a paste as one chunk; a Korean or Japanese input method
// in full-width mode commits "５３２８４３". Each chunk below is written at once, as the terminal would send it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { drive, sleep } from "../helpers/drivers.js";
import { spawnRootlock } from "../helpers/pty.js";

const fold = (text: string) => text.replace(/\s+/g, " ");

const scratchDirs: string[] = [];
afterAll(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

/** ASCII digits → full-width digits (U+FF10…U+FF19), as an IME in full-width mode commits them. */
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The secret as the screen shows it, joined again where the terminal wrapped it. */
const secretOnScreen = (screen: string) =>
  /([A-Z2-7]{64})/.exec(
    screen
      .split("\n")
      .map((row) => row.trim())
      .join(""),
  )?.[1];

describe.each([
  ["en", en],
  ["ko", ko],
] as const)("keys in a real terminal (%s)", (lang, t) => {
  it("handles every key of a burst, reads full-width digits as digits, names the keys, and ends on a line of its own", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "rootlock-keys-"));
    scratchDirs.push(cwd);
    const s = spawnRootlock(["--scenario", "new-account", "--lang", lang], { cols: 80, rows: 24, cwd });
    const w = drive(s, t);
    await w.preflight.start(t.app.keys.continue, async () => {
      // The footer names the keys that work here, in the run's language.
      expect(fold(s.screen())).toContain([t.app.keys.continue, t.app.keys.quit, t.app.keys.help].join(" · "));
    });
    await w.rootKeys.skip();
    await w.rootMfa.skip();
    await w.next("iam:CreateVirtualMFADevice");

    // Enter, Enter in one chunk: the first shows the confirmation; the second, typed before it was drawn, does not
    // confirm it (and the panel says so). An Enter of its own, once the call is read, does. At 80x24 the QR code
    // comes alone first; Ctrl-K leaves it for the fields, with the secret as text.
    s.write("\r\r");
    await w.next((sc) => fold(sc).includes(fold(t.common.keyNotTaken).slice(0, 30)));
    expect(s.screen()).toContain(t.common.confirmTitle);
    await w.confirm();
    await s.waitFor(t.app.keys.typeCodes);
    await sleep(30);
    s.write("\x0b");
    const codes = await s.waitFor((sc) => secretOnScreen(sc) !== undefined && sc.includes(t.userMfa.code1));
    const secret = secretOnScreen(codes)!;
    // In the code fields q and ? are typed: the way out named there is Ctrl-C. (The footer follows the frame
    // that registered the fields' keys: wait for it.)
    const fieldKeys = [t.app.keys.continue, t.app.keys.back, t.app.keys.otherField, t.app.keys.showSecret, t.app.keys.showQr, t.app.keys.interrupt].join(" · ");
    expect(fold(await s.waitFor((sc) => fold(sc).includes(fieldKeys)))).not.toContain(t.app.keys.quit);

    // Both codes in full-width digits, a slip fixed with Backspace, and both Enters: all one chunk.
    const now = timeStepOf(new Date());
    s.write(`${fullWidth(codeAt(secret, now - 1))}\r７\x7f${fullWidth(codeAt(secret, now))}\r`);
    await s.waitFor(t.userMfa.verified("ops-admin"));
    await sleep(30);

    s.write("q");
    expect((await s.waitForExit()).exitCode).toBe(EXIT.quit);
    // The line after the wizard starts a line of its own (it used to follow the footer: "? helpEvidence report").
    const prefix = t.cli.reportWritten("", "").split(":")[0]!;
    const rows = s.screen().split("\n");
    expect(rows.some((row) => row.startsWith(prefix))).toBe(true);
    expect(rows.filter((row) => row.includes(prefix)).every((row) => row.startsWith(prefix))).toBe(true);
  });
});
