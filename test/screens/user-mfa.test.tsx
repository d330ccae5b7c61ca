// The admin user's MFA screen, in both languages: confirm, QR, codes refused with the right message, codes
// accepted, read back; and giving up removes the device it created.
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { UserMfaScreen } from "../../src/screens/UserMfaScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

describe.each(["en", "ko"] as const)("UserMfaScreen (%s)", (lang) => {
  const t = messages(lang);

  it("enrols the admin user: confirm, scan, two consecutive codes, read back", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor("iam:CreateVirtualMFADevice");
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    // ink-testing-library's terminal has no rows (taken as 24): too short for the QR, so the secret is shown.
    const frame = await r.waitFor(/[A-Z2-7]{64}/);
    const secret = /([A-Z2-7]{64})/.exec(frame)![1]!;

    // Same code twice: refused here, before IAM.
    const step = timeStepOf(new Date());
    await r.type(codeAt(secret, step));
    await r.press(KEYS.enter);
    await r.type(codeAt(secret, step));
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.problems["same-code"]);
    expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice"]);

    // Letters: malformed.
    await r.type("12a456");
    await r.press(KEYS.enter);
    await r.type("123456");
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.problems.malformed);

    const now = timeStepOf(new Date());
    await r.type(codeAt(secret, now - 1));
    await r.press(KEYS.enter);
    await r.type(codeAt(secret, now));
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.verified("ops-admin"));
    expect(r.frame()).not.toContain(secret);
    await r.press(KEYS.enter);
    expect(done?.state).toBe("verified");
    expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    r.unmount();
  });

  it("removes the device it created when the operator gives up", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor("iam:CreateVirtualMFADevice");
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.code1);
    await r.press(KEYS.esc);
    await r.waitFor(t.userMfa.discarded);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "operator-skipped" });
    expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    r.unmount();
  });

  it("says when the terminal is too small for the QR code and shows the secret instead", async () => {
    const { ctx } = await simulatedWorld("new-account");
    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    await r.waitFor("iam:CreateVirtualMFADevice");
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    // ink-testing-library's stdout is 100 columns and has no rows: the screen assumes 24, too short for the code.
    const frame = await r.waitFor(t.userMfa.secretFallback);
    expect(frame).toMatch(/[A-Z2-7]{64}/);
    r.unmount();
  });

  it("has nothing to do when the user already has MFA", async () => {
    const { ctx } = await simulatedWorld("clean");
    let done: Verdict | undefined;
    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(t.userMfa.already("ops-admin"));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "already-compliant" });
    r.unmount();
  });
});
