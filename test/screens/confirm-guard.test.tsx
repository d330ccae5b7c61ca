// A confirmation takes only an Enter pressed on purpose on the panel as seen (src/screens/confirm-guard.ts), with
// the program's own figures: a held Enter (its repeats, each a chunk of its own, 30 ms apart, after an initial delay
// short or long), Enters piled up in one chunk, and an Enter right after the panel appears confirm nothing; an
// Enter pressed after reading the panel does, and the second question of a call that asks twice needs its own.
// The screens run on the simulated account; what was sent is its list of writes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { CONFIRM_TIMING, confirmTiming } from "../../src/screens/confirm-guard.js";
import { RootKeysScreen } from "../../src/screens/RootKeysScreen.js";
import { UserMfaScreen } from "../../src/screens/UserMfaScreen.js";
import { fold, KEYS, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

/** A held key as a terminal sends it: one chunk, then after `delayMs` one every `everyMs`, `repeats` of them. */
async function hold(write: (s: string) => void, key: string, { delayMs = 400, everyMs = 30, repeats = 30 } = {}) {
  write(key);
  await sleep(delayMs);
  for (let i = 0; i < repeats; i++) {
    write(key);
    await sleep(everyMs);
  }
}

/** Long enough after the panel and the last key for an Enter to count, with room for a busy machine. */
const READ = CONFIRM_TIMING.seenMs + 200;
/** Long enough for a counted Enter to be acted on (its settling), and the call to go out. */
const ACTED = CONFIRM_TIMING.settleMs + 400;
/** The QR code's secret, shown as text (ink-testing-library's terminal is too short for the QR): the device was made. */
const MADE = /[A-Z2-7]{64}/;

describe.each(["en", "ko"] as const)("a confirmation panel takes only a deliberate Enter (%s)", (lang) => {
  const t = messages(lang);
  beforeEach(() => void Object.assign(confirmTiming, CONFIRM_TIMING));
  afterEach(() => void Object.assign(confirmTiming, { seenMs: 0, quietMs: 0, settleMs: 0 }));

  async function userMfa() {
    const { ctx, account } = await simulatedWorld("new-account");
    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    await r.waitFor("iam:CreateVirtualMFADevice");
    const sent = () => account.writes().map((w) => w.call);
    /** Whether the frame says the text, wrapped or not. */
    const says = (text: string) => fold(r.frame()).includes(fold(text));
    return { r, sent, says };
  }

  it.each([
    ["a short initial delay (250 ms)", 250],
    ["a long initial delay (700 ms, longer than the panel's 300)", 700],
  ])(
    "a held Enter, %s, leads to the panel but confirms nothing; a fresh Enter then does",
    async (_what, delayMs) => {
      const { r, sent, says } = await userMfa();
      // Held on the intro: its first Enter leads to the confirmation, the repeats reach the panel.
      await hold((s) => r.stdin.write(s), KEYS.enter, { delayMs });
      await sleep(ACTED);
      expect(sent()).toEqual([]);
      expect(says(t.common.keyNotTaken)).toBe(true);
      // Let go, read, press: the call goes out, once.
      await sleep(READ);
      await r.press(KEYS.enter);
      await r.waitFor(MADE);
      expect(sent()).toEqual(["iam:CreateVirtualMFADevice"]);
      r.unmount();
    },
    20_000,
  );

  it("Enters piled up in one chunk confirm nothing", async () => {
    const { r, sent } = await userMfa();
    await r.press("\r\r\r\r\r\r");
    await r.waitFor(t.common.keyNotTaken);
    await sleep(ACTED);
    expect(sent()).toEqual([]);
    r.unmount();
  });

  it("an Enter right after the panel appears is not an answer to it; a fast typist's Enter after reading is", async () => {
    const { r, sent } = await userMfa();
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.keyNotTaken);
    await sleep(ACTED);
    expect(sent()).toEqual([]);
    await sleep(READ);
    const pressed = Date.now();
    await r.press(KEYS.enter);
    await r.waitFor(MADE);
    expect(sent()).toEqual(["iam:CreateVirtualMFADevice"]);
    // Acted on within a blink: its settling and the call, on a machine that may be busy.
    expect(Date.now() - pressed).toBeLessThan(1500);
    r.unmount();
  });

  it("Esc declines at once, whatever came before", async () => {
    const { r, sent } = await userMfa();
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.esc);
    // Back on the intro, which names the call again.
    await r.waitFor((f) => !fold(f).includes(fold(t.common.confirmTitle)) && f.includes("iam:CreateVirtualMFADevice"));
    await sleep(ACTED);
    expect(sent()).toEqual([]);
    r.unmount();
  });

  it("a held r on a failed change retries it once, not through one failure after another", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    await r.waitFor("iam:CreateVirtualMFADevice");
    // Three failures in a row: a held r that retried on each would get the device made by the fourth try.
    account.failNext("iam:CreateVirtualMFADevice", "ServiceFailure", 3);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await sleep(READ);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.retryKeys);
    await sleep(READ);
    await hold((s) => r.stdin.write(s), "r", { delayMs: 500 });
    await sleep(ACTED);
    expect(fold(r.frame())).toContain(fold(t.common.keyNotTaken));
    expect(account.writes()).toEqual([]);
    // Two more deliberate retries: the third failure, then the device.
    for (let i = 0; i < 2; i++) {
      await sleep(READ);
      await r.press("r");
      await sleep(ACTED);
    }
    await r.waitFor(MADE);
    expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice"]);
    r.unmount();
  }, 20_000);

  it("the signing key's second question needs an Enter of its own: a held Enter through both sends neither", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    const sent = () => account.writes().map((w) => w.call);
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    for (const [i, calls] of [
      [2, ["iam:UpdateAccessKey"]],
      [3, ["iam:UpdateAccessKey", "iam:DeleteAccessKey"]],
    ] as const) {
      await r.waitFor(t.common.confirmTitle);
      await sleep(READ);
      await r.press(KEYS.enter);
      await r.waitFor(t.common.progress(i, 3));
      expect(sent()).toEqual(calls);
    }
    await r.waitFor(t.rootKeys.signingWarning);
    await sleep(READ);
    // Held on the warning: its first Enter asks again, the repeats reach the second question.
    await hold((s) => r.stdin.write(s), KEYS.enter, { delayMs: 500 });
    await r.waitFor(t.common.confirmAgain);
    await sleep(ACTED);
    expect(fold(r.frame())).toContain(fold(t.common.keyNotTaken));
    expect(sent()).toEqual(["iam:UpdateAccessKey", "iam:DeleteAccessKey"]);
    await sleep(READ);
    await r.press(KEYS.enter);
    await r.waitFor(t.rootKeys.verified);
    expect(sent()).toEqual(["iam:UpdateAccessKey", "iam:DeleteAccessKey", "iam:DeleteAccessKey"]);
    r.unmount();
  }, 20_000);
});
