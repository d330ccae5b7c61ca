// Root MFA (orphan cleared, console stand-in, read back) and the sign-in test (stand-in sign-in, CloudTrail
// wait), in both languages.
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { RootMfaScreen } from "../../src/screens/RootMfaScreen.js";
import { SigninScreen } from "../../src/screens/SigninScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { fold, KEYS, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

describe.each(["en", "ko"] as const)("RootMfaScreen and SigninScreen (%s)", (lang) => {
  const t = messages(lang);

  it("clears the orphan, assigns root MFA in the stand-in, verifies it, then passes the sign-in test", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootMfaScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor("root-account-mfa-device");
    await r.press(KEYS.enter);
    await r.waitFor("iam:DeleteVirtualMFADevice");
    await r.press(KEYS.enter);
    await r.waitFor(t.rootMfa.consoleSteps[0]!);
    expect(fold(r.frame())).toContain(fold(t.rootMfa.backup));

    await r.press("c");
    await r.waitFor(t.standIn.mfa.deviceName);
    await r.type("root-account-mfa-device");
    await r.press(KEYS.enter);
    const page = await r.waitFor(/[A-Z2-7]{64}/);
    const secret = /([A-Z2-7]{64})/.exec(page)![1]!;
    // A second code from the same window is refused, as the console does.
    const step = timeStepOf(new Date());
    await r.type(codeAt(secret, step));
    await r.press(KEYS.enter);
    await r.type(codeAt(secret, step));
    await r.press(KEYS.enter);
    await r.waitFor(t.standIn.mfa.invalidCode);
    const now = timeStepOf(new Date());
    await r.type(codeAt(secret, now - 1));
    await r.press(KEYS.enter);
    await r.type(codeAt(secret, now));
    await r.press(KEYS.enter);
    await r.waitFor(t.standIn.mfa.added);
    await r.press(KEYS.esc);
    await r.waitFor(t.rootMfa.consoleSteps[0]!);
    await r.press(KEYS.enter);
    await r.waitFor(t.rootMfa.verified);
    expect(r.frame()).toContain(t.rootMfa.hardwareAdvice.slice(0, 12));
    await r.press(KEYS.enter);
    expect(done?.state).toBe("verified");
    r.unmount();

    let signin: Verdict | undefined;
    const s = renderIn(lang, <SigninScreen ctx={ctx} onDone={(v) => (signin = v)} onBack={() => {}} />, { standIn });
    await s.waitFor(t.signin.warning.slice(0, 20));
    await s.press(KEYS.enter);
    await s.waitFor(t.signin.openStandIn);
    await s.press("c");
    await s.waitFor(t.standIn.signin.title);
    await s.type("000000");
    await s.press(KEYS.enter);
    await s.waitFor(t.standIn.signin.failure);
    await s.type(codeAt(secret, timeStepOf(new Date())));
    await s.press(KEYS.enter);
    await s.waitFor(t.standIn.signin.success);
    await s.press(KEYS.enter);
    await s.waitFor(t.signin.verified);
    expect(s.frame()).toContain("MFAUsed=Yes");
    await s.press(KEYS.enter);
    expect(signin?.state).toBe("verified");
    expect(account.writes().map((w) => w.call)).toEqual(["iam:DeleteVirtualMFADevice"]);
    s.unmount();
  });

  it("shows the console's refusal when the orphan is still there", async () => {
    const { ctx, standIn } = await simulatedWorld("new-account");
    const r = renderIn(lang, <RootMfaScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />, { standIn });
    await r.waitFor("root-account-mfa-device");
    await r.press(KEYS.enter);
    await r.waitFor("iam:DeleteVirtualMFADevice");
    await r.press(KEYS.esc); // decline the orphan's deletion
    await r.waitFor(t.rootMfa.consoleSteps[0]!);
    await r.press("c");
    await r.waitFor(t.standIn.mfa.deviceName);
    await r.type("root-account-mfa-device");
    await r.press(KEYS.enter);
    const page = await r.waitFor(/[A-Z2-7]{64}/);
    const secret = /([A-Z2-7]{64})/.exec(page)![1]!;
    const now = timeStepOf(new Date());
    await r.type(codeAt(secret, now - 1));
    await r.press(KEYS.enter);
    await r.type(codeAt(secret, now));
    await r.press(KEYS.enter);
    await r.waitFor(t.standIn.mfa.alreadyExists);
    r.unmount();
  });

  it("asks the device name first; deletes only the device that would block it, and shows the others as information", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    await account.send({ op: "createVirtualMfaDevice", args: { name: "colleague-phone" } }); // someone else's enrolment in progress
    await sleep(50); // IAM shows it a moment later
    const legacy = "arn:aws:iam::123456789012:mfa/root-account-mfa-device";
    const colleague = "arn:aws:iam::123456789012:mfa/colleague-phone";
    const r = renderIn(lang, <RootMfaScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />, { standIn });
    const intro = await r.waitFor(t.rootMfa.deviceName("root-mfa"));
    expect(fold(intro)).toContain(fold(t.rootMfa.orphan(legacy)));
    expect(fold(intro)).toContain(fold(t.rootMfa.otherOrphan(colleague)));

    // A name with a space breaks AWS's rule; the colleague's name would make their device the one in the way.
    await r.press("n");
    await r.waitFor(`${t.rootMfa.nameLabel}: root-mfa`);
    for (let i = 0; i < "root-mfa".length; i++) await r.press(KEYS.backspace);
    await r.type("root phone");
    await r.press(KEYS.enter);
    await r.waitFor(t.rootMfa.namePattern);
    for (let i = 0; i < "root phone".length; i++) await r.press(KEYS.backspace);
    await r.type("colleague-phone");
    await r.press(KEYS.enter);
    await r.waitFor(t.rootMfa.deviceName("colleague-phone"));
    expect(fold(r.frame())).toContain(fold(t.rootMfa.orphan(colleague)));
    await r.press("n");
    await r.waitFor(`${t.rootMfa.nameLabel}: colleague-phone`);
    for (let i = 0; i < "colleague-phone".length; i++) await r.press(KEYS.backspace);
    await r.type("my-root");
    await r.press(KEYS.enter);
    await r.waitFor(t.rootMfa.deviceName("my-root"));
    expect(fold(r.frame())).toContain(fold(t.rootMfa.otherOrphan(colleague)));

    await r.press(KEYS.enter);
    const confirm = await r.waitFor("iam:DeleteVirtualMFADevice");
    expect(confirm).toContain("root-account-mfa-device");
    expect(confirm).not.toContain("colleague-phone");
    await r.press(KEYS.enter);
    await r.waitFor(t.rootMfa.nameToType("my-root"));
    expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    await sleep(50);
    expect((await account.listVirtualMfaDevices("Unassigned")).map((d) => d.serialNumber)).toEqual([colleague]);
    r.unmount();
  });

  it("offers a training code for a root device the trainee never saw, and a sign-in test on a clean account", async () => {
    const { ctx, standIn } = await simulatedWorld("clean");
    let done: Verdict | undefined;
    const r = renderIn(lang, <SigninScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(t.signin.start);
    await r.press(KEYS.enter);
    await r.waitFor(t.signin.openStandIn);
    await r.press("c");
    // The aid's sentence, with the code as a capture group.
    const aid = new RegExp(
      t.standIn.signin
        .trainingCode("@@@@@@")
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace("@@@@@@", "(\\d{6})"),
    );
    const frame = await r.waitFor(aid);
    const code = aid.exec(frame)![1]!;
    await r.type(code);
    await r.press(KEYS.enter);
    await r.waitFor(t.standIn.signin.success);
    await r.press(KEYS.esc);
    await r.waitFor(t.signin.verified);
    await r.press(KEYS.enter);
    expect(done?.state).toBe("verified");
    r.unmount();
  });

  it("records giving up on the wait as not verified", async () => {
    const { ctx, standIn } = await simulatedWorld("clean");
    let done: Verdict | undefined;
    const r = renderIn(lang, <SigninScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(t.signin.start);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.waiting(""));
    await r.press(KEYS.esc);
    await r.waitFor(t.states.unverified);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "unverified", reason: "operator-moved-on" });
    r.unmount();
  });

  it("after giving up on the wait, Esc goes back to the sign-in steps and waits again from the same start", async () => {
    const { ctx, standIn } = await simulatedWorld("clean");
    let done: Verdict | undefined;
    const r = renderIn(lang, <SigninScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(t.signin.start);
    await r.press(KEYS.enter);
    const began = /\d\d:\d\d:\d\d/.exec(await r.waitFor(t.common.waiting("")))![0];
    await r.press(KEYS.esc);
    await r.waitFor(t.states.unverified);
    await r.press(KEYS.esc);
    await r.waitFor(t.signin.start);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await r.press(KEYS.enter);
    expect(await r.waitFor(t.common.waiting(""))).toContain(began);
    r.unmount();
    expect(done).toBeUndefined();
  });
});
