// The password policy and admin identity screens on the simulated account, in both languages: the policy
// raised and read back; an admin user made end to end (its password shown once, its MFA enrolled); a dry run
// showing every call; and a half-way failure, a give-up and a quit each removing what was made.
import { describe, expect, it } from "vitest";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { messages } from "../../src/i18n/index.js";
import { meetsPasswordPolicy } from "../../src/lib/password.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { AdminIdentityScreen } from "../../src/screens/AdminIdentityScreen.js";
import { Cleanups } from "../../src/screens/cleanups.js";
import { PasswordPolicyScreen } from "../../src/screens/PasswordPolicyScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { fold, KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

const PASSWORD = /│\s*([A-Za-z0-9!@#$%^&*\-_=+]{24})\s*│/;
const MADE = ["iam:CreateGroup", "iam:AttachGroupPolicy", "iam:CreateUser", "iam:AddUserToGroup", "iam:CreateLoginProfile"];

describe.each(["en", "ko"] as const)("PasswordPolicyScreen (%s)", (lang) => {
  const t = messages(lang);
  const p = t.passwordPolicy;

  it("shows the policy against CIS, raises what is below, keeps the rest, reads it back", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <PasswordPolicyScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    const intro = fold(await r.waitFor(p.keeps));
    expect(intro).toContain(p.length(false));
    expect(intro).toContain(p.reuse(false));
    expect(intro).toMatch(/MaxPasswordAge 90 90/);
    expect(intro).toMatch(/MinimumPasswordLength 8 14/);
    await r.press(KEYS.enter);
    await r.waitFor("iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14, RequireSymbols=true");
    await r.press(KEYS.enter);
    // At 80x24 the root user's own rules are on the result, under the policy read back.
    expect(fold(await r.waitFor(p.verified))).toContain(fold(p.rootNote));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccountPasswordPolicy"]);
    expect(await account.getPasswordPolicy()).toMatchObject({ minimumPasswordLength: 14, passwordReusePrevention: 24, maxPasswordAge: 90, requireSymbols: true });
    r.unmount();
  });

  it("has nothing to do when the policy is already stricter than CIS", async () => {
    const { ctx } = await simulatedWorld("hardened");
    let done: Verdict | undefined;
    const r = renderIn(lang, <PasswordPolicyScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(p.already);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "already-compliant" });
    r.unmount();
  });

  it("in a dry run shows the whole call and sends nothing", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const dry = new DryRunAccount(account);
    let done: Verdict | undefined;
    const r = renderIn(lang, <PasswordPolicyScreen ctx={{ ...ctx, account: dry }} onDone={(v) => (done = v)} onBack={() => {}} />, { mode: "dry-run" });
    await r.waitFor(p.noneDefaults);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmDryRun);
    await r.press(KEYS.enter);
    const frame = await r.waitFor(t.common.wouldCall);
    expect(fold(frame)).toContain("RequireUppercaseCharacters=true, RequireLowercaseCharacters=true, AllowUsersToChangePassword=true, PasswordReusePrevention=24");
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "dry-run" });
    expect(account.writes()).toEqual([]);
    r.unmount();
  });
});

describe.each(["en", "ko"] as const)("AdminIdentityScreen (%s)", (lang) => {
  const t = messages(lang);
  const a = t.adminIdentity;

  /** From the intro to the screen that shows the password: a name, then each change confirmed. */
  async function createUpToPassword(r: ReturnType<typeof renderIn>, steps = 5) {
    await r.waitFor(a.none);
    expect(r.frame()).toContain(a.identityCenter.slice(0, 20));
    await r.press(KEYS.enter);
    await r.waitFor(a.nameLabel);
    await r.type("alice");
    await r.press(KEYS.enter);
    for (let i = 1; i <= steps; i++) {
      await r.waitFor(t.common.progress(i, 5));
      await r.waitFor(t.common.confirmTitle);
      await r.press(KEYS.enter);
    }
  }

  it("makes an admin user end to end: group, policy, user, password shown once, MFA, all read back", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AdminIdentityScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await createUpToPassword(r);
    const shown = await r.waitFor(a.passwordTitle("alice"));
    const password = PASSWORD.exec(shown)![1]!;
    expect(meetsPasswordPolicy(password, await account.getPasswordPolicy())).toBe(true);
    expect(await account.getLoginProfile("alice")).toEqual({ passwordResetRequired: true });
    await r.press(KEYS.enter);

    // The user's MFA, through the user-MFA screen; the password has left the screen.
    await r.waitFor(t.userMfa.title("alice"));
    expect(r.frame()).not.toContain(password);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    const secret = /([A-Z2-7]{64})/.exec(await r.waitFor(/[A-Z2-7]{64}/))![1]!;
    const step = timeStepOf(new Date());
    await r.type(codeAt(secret, step - 1));
    await r.press(KEYS.enter);
    await r.type(codeAt(secret, step));
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.verified("alice"));
    await r.press(KEYS.enter);

    const result = await r.waitFor(a.verified("alice"));
    expect(fold(result)).toContain(fold(a.switchFromRoot("alice")));
    expect(result).toContain("iam:GetLoginProfile: alice: PasswordResetRequired=true");
    expect(result).not.toContain(password);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    expect(account.writes().map((w) => w.call)).toEqual([...MADE, "iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    r.unmount();
  });

  it("a failure half-way, given up, removes what was made, last first", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    account.failNext("iam:CreateLoginProfile", "AccessDenied");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AdminIdentityScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await createUpToPassword(r);
    await r.waitFor("AccessDenied:");
    await r.press("s");
    await r.waitFor(a.rolledBack);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "operator-skipped" });
    expect(account.writes().map((w) => w.call)).toEqual([...MADE.slice(0, 4), "iam:RemoveUserFromGroup", "iam:DeleteUser", "iam:DetachGroupPolicy", "iam:DeleteGroup"]);
    r.unmount();
  });

  it("giving up at the MFA codes deletes the device, then everything else", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AdminIdentityScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await createUpToPassword(r);
    await r.waitFor(a.passwordContinue);
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.title("alice"));
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.code1);
    await r.press(KEYS.esc);
    await r.waitFor(t.userMfa.discarded);
    await r.press(KEYS.enter);
    await r.waitFor(a.rolledBack);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "operator-skipped" });
    expect(
      account
        .writes()
        .map((w) => w.call)
        .slice(5),
    ).toEqual([
      "iam:CreateVirtualMFADevice",
      "iam:DeleteVirtualMFADevice",
      "iam:DeleteLoginProfile",
      "iam:RemoveUserFromGroup",
      "iam:DeleteUser",
      "iam:DetachGroupPolicy",
      "iam:DeleteGroup",
    ]);
    expect(await account.userExists("alice")).toBe(false);
    r.unmount();
  });

  it("quitting half-way (q, Ctrl-C) runs the same removal", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const cleanups = new Cleanups();
    const r = renderIn(lang, <AdminIdentityScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />, { cleanups });
    await createUpToPassword(r, 3);
    await r.waitFor(t.common.progress(4, 5));
    expect(await cleanups.runAll()).toEqual([]);
    expect(account.writes().map((w) => w.call)).toEqual([...MADE.slice(0, 3), "iam:DeleteUser", "iam:DetachGroupPolicy", "iam:DeleteGroup"]);
    r.unmount();
  });

  it("quitting once the new user's MFA is on keeps the identity: it is complete", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const cleanups = new Cleanups();
    const r = renderIn(lang, <AdminIdentityScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />, { cleanups });
    await createUpToPassword(r);
    await r.waitFor(a.passwordTitle("alice"));
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.title("alice"));
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    const secret = /([A-Z2-7]{64})/.exec(await r.waitFor(/[A-Z2-7]{64}/))![1]!;
    const step = timeStepOf(new Date());
    await r.type(codeAt(secret, step - 1));
    await r.press(KEYS.enter);
    await r.type(codeAt(secret, step));
    await r.press(KEYS.enter);
    // The MFA step's own result, before its Enter: the quit comes here.
    await r.waitFor(t.userMfa.verified("alice"));
    expect(await cleanups.runAll()).toEqual([]);
    expect(account.writes().map((w) => w.call)).toEqual([...MADE, "iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    r.unmount();
  });

  it("in a dry run shows every call it would make, the MFA ones included, and makes nothing", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const dry = new DryRunAccount(account);
    let done: Verdict | undefined;
    const r = renderIn(lang, <AdminIdentityScreen ctx={{ ...ctx, account: dry }} onDone={(v) => (done = v)} onBack={() => {}} />, { mode: "dry-run" });
    await createUpToPassword(r);
    const frame = fold(await r.waitFor(t.common.wouldCall));
    for (const call of [...MADE, "iam:CreateVirtualMFADevice(VirtualMFADeviceName=alice)", "iam:EnableMFADevice(UserName=alice"]) expect(frame).toContain(call);
    expect(frame).toContain("iam:CreateLoginProfile(UserName=alice, PasswordResetRequired=true)");
    expect(frame).not.toContain(a.passwordTitle("alice"));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "dry-run" });
    expect(dry.recorded.map((w) => w.call)).toEqual(MADE);
    expect(account.writes()).toEqual([]);
    r.unmount();
  });

  it("names the administrators there are, and refuses a name already taken when asked for another", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AdminIdentityScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(a.holder("user", "ops-admin"));
    await r.press("n");
    await r.waitFor(a.nameLabel);
    await r.type("ops-admin");
    await r.press(KEYS.enter);
    await r.waitFor(a.nameTaken("ops-admin"));
    await r.press(KEYS.esc);
    await r.waitFor(a.createAnyway);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "already-compliant" });
    expect(account.writes()).toEqual([]);
    r.unmount();
  });
});
