// The root access keys screen, in both languages: the guided console road (with the stand-in) and the
// API road with root's own key (each change confirmed, the signing key confirmed twice and proven rejected).
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { RootKeysScreen } from "../../src/screens/RootKeysScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { PreflightView } from "../../src/screens/PreflightScreen.js";
import { fold, KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

describe.each(["en", "ko"] as const)("RootKeysScreen (%s)", (lang) => {
  const t = messages(lang);

  it("guides the console, lets the trainee do it in the stand-in, and verifies from the summary", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    const intro = await r.waitFor(t.rootKeys.consoleIntro);
    expect(intro).toContain("s3");
    expect(intro).toContain("ap-northeast-2");
    expect(intro).toContain(t.rootKeys.never);
    // The key's state in the run's language (활성 in Korean), never AWS's raw "Active" beside Korean text.
    expect(intro).toContain(t.rootKeys.status.Active);
    if (lang === "ko") expect(intro).not.toContain("Active");

    await r.press("c");
    await r.waitFor(t.standIn.keys.title);
    const keys = await account.console.listAccessKeys();
    // The console refuses to delete an active key.
    await r.press("x");
    await r.waitFor(t.standIn.keys.deactivateFirst);
    for (const key of keys) {
      await r.press("d");
      await r.waitFor(`${key.id} ${t.rootKeys.status.Inactive}`);
      await r.press("x");
      await r.waitFor(t.standIn.keys.deleteConfirm(key.id));
      if (key === keys[0]) {
        // A wrong id is refused; once the right one deletes the key, the refusal is gone with it.
        await r.type("AKIAWRONG");
        await r.press(KEYS.enter);
        await r.waitFor(t.standIn.keys.mismatch);
        for (let i = 0; i < "AKIAWRONG".length; i++) await r.press(KEYS.backspace);
      }
      await r.type(key.id);
      await r.press(KEYS.enter);
      await r.waitFor((f: string) => !f.includes(key.id));
      expect(r.frame()).not.toContain(t.standIn.keys.mismatch);
    }
    await r.press(KEYS.esc);
    await r.waitFor(t.rootKeys.consoleIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.rootKeys.verified);
    await r.press(KEYS.enter);
    expect(done?.state).toBe("verified");
    expect(done?.evidence.some((e) => e.read === "AccountAccessKeysPresent=0")).toBe(true);
    r.unmount();
  });

  it("reports not verified when the operator stops the wait before AWS shows a change", async () => {
    const { ctx, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(t.rootKeys.consoleIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.waiting(""));
    await r.press(KEYS.esc);
    await r.waitFor(t.states.unverified);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "unverified", reason: "operator-moved-on" });
    r.unmount();
  });

  it("with root's own key: confirms each call, the signing key twice, and proves it is rejected", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    await r.waitFor("iam:UpdateAccessKey");
    await r.press(KEYS.enter);
    await r.waitFor(t.common.progress(2, 3));
    await r.press(KEYS.enter);
    await r.waitFor(t.rootKeys.signingWarning);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmAgain);
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccessKey", "iam:DeleteAccessKey"]);
    await r.press(KEYS.enter);
    await r.waitFor(t.rootKeys.verified);
    const frame = r.frame();
    expect(frame).toContain("InvalidClientTokenId");
    await r.press(KEYS.enter);
    expect(done?.state).toBe("verified");
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccessKey", "iam:DeleteAccessKey", "iam:DeleteAccessKey"]);
    r.unmount();
  });

  it('after "done, not verified", Esc goes back to the console steps and c to the stand-in, to check again', async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(t.rootKeys.consoleIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.waiting(""));
    await r.press(KEYS.esc);
    await r.waitFor(t.states.unverified);
    await r.press(KEYS.esc);
    await r.waitFor(t.rootKeys.consoleIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.waiting(""));
    await r.press(KEYS.esc);
    await r.waitFor(t.states.unverified);
    await r.press("c");
    await r.waitFor(t.standIn.keys.title);
    for (const key of await account.console.listAccessKeys()) {
      await account.console.setAccessKeyStatus(key.id, "Inactive");
      await account.console.deleteAccessKey(key.id);
    }
    await r.press(KEYS.esc);
    await r.waitFor(t.rootKeys.consoleIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.rootKeys.verified);
    expect(r.frame()).not.toContain(t.states.unverified);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    r.unmount();
  });

  it("a approves the plan as a whole, but each deletion still asks on its own (the signing key's twice)", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.approveAll(3));
    await r.press("a");
    await r.waitFor((f) => fold(f).includes(fold(t.common.progress(2, 3))) && f.includes(t.common.confirmTitle));
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccessKey"]);
    expect(r.frame()).not.toContain(t.common.approveAll(2));
    await r.press(KEYS.enter);
    await r.waitFor(t.rootKeys.signingWarning);
    await r.press("a"); // not an answer to the signing key's deletion
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmAgain);
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccessKey", "iam:DeleteAccessKey"]);
    r.unmount();
  });

  it("declining a later change names it, and does not wait for what cannot happen", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.approveAll(3));
    await r.press(KEYS.enter);
    await r.waitFor(t.common.progress(2, 3));
    await r.press(KEYS.esc);
    await r.waitFor(t.reasons.declined);
    expect(r.frame()).not.toContain(t.common.waiting(""));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "declined" });
    expect(done!.evidence.at(-1)!.read).toMatch(/^declined by the operator: iam:DeleteAccessKey\(AccessKeyId=AKIA/);
    expect(done!.leftBehind).toBeUndefined();
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccessKey"]);
    r.unmount();
  });

  it("declining the first change leaves everything as it was and reports the step skipped", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.esc);
    await r.waitFor(t.states.skipped);
    await r.press(KEYS.enter);
    expect(done?.state).toBe("skipped");
    expect(account.writes()).toEqual([]);
    r.unmount();
  });

  it("shows an AWS refusal as a sentence naming the action, with a way forward", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    account.failNext("iam:GetAccountSummary", "AccessDenied");
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    const frame = await r.waitFor(t.common.retryKeys);
    expect(frame).toContain(t.errors.AccessDenied("iam:GetAccountSummary").slice(0, 20));
    await r.press("r");
    await r.waitFor(t.rootKeys.consoleIntro);
    r.unmount();
  });

  it("lets the operator go on without a permission, and reports the step unverified, naming it", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    account.failNext("iam:GetAccountSummary", "AccessDenied");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(t.common.retryKeys);
    await r.press("s");
    expect(done).toMatchObject({ state: "unverified", reason: "permission-missing", evidence: [{ source: "iam:GetAccountSummary", read: "AccessDenied" }] });
    r.unmount();
  });

  it("with a root session (temporary credentials), says why root's keys are for the console", async () => {
    const { ctx, account, preflight, standIn } = await simulatedWorld("root-key", { rootSession: true });
    const p = renderIn(lang, <PreflightView finding={preflight} />);
    await p.waitFor(t.preflight.planRootSession);
    p.unmount();
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />, { standIn });
    const intro = await r.waitFor(t.rootKeys.sessionWhy);
    expect(fold(intro)).toContain(fold(t.rootKeys.consoleIntro));
    expect(account.writes()).toEqual([]);
    r.unmount();
  });
});
