// The rest of the first-day checklist on the simulated account: the password policy (CIS 1.8, 1.9) and an admin
// identity other than root, inspect → plan → apply → verify, dry run, and a half-way failure rolled back.
import { describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { ADMINISTRATOR_ACCESS_ARN, type PasswordPolicy } from "../../src/aws/account.js";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { JournalingAccount } from "../../src/aws/journal.js";
import { SimulatedAccount, type ScenarioName } from "../../src/aws/simulated/index.js";
import { GENERATED_LENGTH, generatePassword, meetsPasswordPolicy } from "../../src/lib/password.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { PASSWORD_PLACEHOLDER } from "../../src/aws/operations.js";
import {
  adminActionHolds,
  applyAdminAction,
  confirmAdminAction,
  fullPlan,
  hasAdmin,
  inspectAdminIdentity,
  planAdminIdentity,
  rollbackAdminIdentity,
  verifyAdminIdentity,
} from "../../src/steps/admin-identity.js";
import { applyPasswordPolicy, inspectPasswordPolicy, planPasswordPolicy, targetPolicy, verifyPasswordPolicy } from "../../src/steps/password-policy.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { ApiAction, StepContext } from "../../src/steps/types.js";
import { createDevice, enableDevice } from "../../src/steps/user-mfa.js";

const START = new Date("2026-11-22T10:00:05Z");
const TIMING = { iamPollMs: 500, iamTimeoutMs: 10_000, trailPollMs: 1000, trailTimeoutMs: 60_000 };

/** A simulated account (changes show 1.5 s after they are made) on a clock that moves when a step sleeps. */
async function world(scenario: ScenarioName, wrap: (a: SimulatedAccount) => StepContext["account"] = (a) => a) {
  let clock = START.getTime();
  const now = () => new Date(clock);
  const sim = new SimulatedAccount({ scenario, now, visibilityDelayMs: 1500, reportDelayMs: 0 });
  const account = wrap(sim);
  const preflight = await inspectPreflight(account, now);
  const ctx: StepContext = {
    account,
    caller: preflight.caller,
    now,
    sleep: async (ms) => {
      clock += ms;
    },
    timing: TIMING,
    clockOffsetMs: preflight.clockOffsetMs,
  };
  return { sim, ctx, now, advance: (ms: number) => void (clock += ms) };
}

const writes = (sim: SimulatedAccount) => sim.writes().map((w) => w.call);

describe("password policy", () => {
  it("raises only what is below CIS and carries every other setting over (new account)", async () => {
    const { sim, ctx, advance } = await world("new-account");
    const finding = await inspectPasswordPolicy(ctx);
    expect(finding).toMatchObject({ meetsLength: false, meetsReuse: false });
    expect(finding.evidence[0]!.read).toBe("MinimumPasswordLength=8, PasswordReusePrevention=none");
    // The scenario's stricter-than-default settings (symbols, numbers, 90-day expiry) stay as they are.
    expect(finding.target).toEqual({ ...finding.current, minimumPasswordLength: 14, passwordReusePrevention: 24 });
    const plan = planPasswordPolicy(finding);
    expect(plan).toEqual([{ by: "rootlock", op: "updatePasswordPolicy", args: { policy: finding.target } }]);
    expect(plan.map(shownCall)).toEqual([
      {
        call: "iam:UpdateAccountPasswordPolicy",
        params: {
          MinimumPasswordLength: "14",
          RequireSymbols: "true",
          RequireNumbers: "true",
          RequireUppercaseCharacters: "false",
          RequireLowercaseCharacters: "false",
          AllowUsersToChangePassword: "true",
          MaxPasswordAge: "90",
          PasswordReusePrevention: "24",
          HardExpiry: "false",
        },
      },
    ]);
    await applyPasswordPolicy(ctx, finding);
    // IAM shows it only after its delay: the verification waits for it.
    const v = await verifyPasswordPolicy(ctx, finding.target);
    expect(v).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    expect(v.evidence[0]!.read).toBe("MinimumPasswordLength=14, PasswordReusePrevention=24");
    advance(2000);
    // A second run finds nothing to do and sends nothing.
    expect(planPasswordPolicy(await inspectPasswordPolicy(ctx))).toEqual([]);
    expect(writes(sim)).toEqual(["iam:UpdateAccountPasswordPolicy"]);
  });

  it("keeps settings stricter than CIS", () => {
    const strict: PasswordPolicy = {
      minimumPasswordLength: 20,
      requireSymbols: false,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: false,
      allowUsersToChangePassword: false,
      maxPasswordAge: 30,
      passwordReusePrevention: 5,
      hardExpiry: true,
    };
    expect(targetPolicy(strict)).toEqual({ ...strict, passwordReusePrevention: 24 });
    expect(targetPolicy({ ...strict, minimumPasswordLength: 10, passwordReusePrevention: 24 })).toEqual({
      ...strict,
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
    });
  });

  it("sets a full policy where there is none, no weaker than AWS's default (root-key account)", async () => {
    const { ctx } = await world("root-key");
    const finding = await inspectPasswordPolicy(ctx);
    expect(finding.current).toBeUndefined();
    expect(finding.evidence[0]!.read).toMatch(/^no password policy/);
    expect(finding.target).toMatchObject({
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
    });
    expect(finding.target.maxPasswordAge).toBeUndefined();
  });

  it("has nothing to do on the hardened account, whose minimum length (16) is above CIS", async () => {
    const { ctx } = await world("hardened");
    const finding = await inspectPasswordPolicy(ctx);
    expect(finding.current?.minimumPasswordLength).toBe(16);
    expect(planPasswordPolicy(finding)).toEqual([]);
  });

  it("a dry run records the full call and changes nothing", async () => {
    const { sim, ctx } = await world("new-account", (a) => new DryRunAccount(a));
    const finding = await inspectPasswordPolicy(ctx);
    await expect(applyPasswordPolicy(ctx, finding)).rejects.toThrow("dry run");
    expect((ctx.account as DryRunAccount).recorded).toMatchObject([
      { call: "iam:UpdateAccountPasswordPolicy", params: shownCall(planPasswordPolicy(finding)[0]!).params },
    ]);
    expect(writes(sim)).toEqual([]);
    expect((await sim.getPasswordPolicy())?.minimumPasswordLength).toBe(8);
  });

  it("says unverified when IAM never shows the policy (nothing was sent)", async () => {
    const { ctx } = await world("new-account");
    const finding = await inspectPasswordPolicy(ctx);
    const v = await verifyPasswordPolicy(ctx, finding.target);
    expect(v).toMatchObject({ state: "unverified", reason: "not-visible-yet" });
  });
});

describe("generated password", () => {
  it("is long, has every kind of character, and differs every time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(GENERATED_LENGTH);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[0-9]/);
      expect(p).toMatch(/[!@#$%^&*\-_=+]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
    expect(generatePassword(40)).toHaveLength(40);
  });

  it("is checked against a policy as AWS checks it", () => {
    const policy = targetPolicy(undefined);
    expect(meetsPasswordPolicy(generatePassword(), policy)).toBe(true);
    expect(meetsPasswordPolicy("Short-1a", policy)).toBe(false);
    expect(meetsPasswordPolicy("alllowercaseandlong", { ...policy, requireUppercaseCharacters: false, requireNumbers: false, requireSymbols: false })).toBe(true);
    // AWS's default without a policy: 8+ characters of three kinds.
    expect(meetsPasswordPolicy("abcdEFGH", undefined)).toBe(false);
    expect(meetsPasswordPolicy("abcdEF12", undefined)).toBe(true);
  });
});

/** Sends each change of the plan, reading each back as the screen does; returns the password that was made. */
async function applyAll(ctx: StepContext, plan: ApiAction[]): Promise<{ made: ApiAction[]; password?: string }> {
  const made: ApiAction[] = [];
  let password: string | undefined;
  for (const action of plan) {
    await applyAdminAction(ctx, action, (p) => (password = p));
    made.push(action);
    expect(await confirmAdminAction(ctx, action)).toBeDefined();
  }
  return { made, password };
}

describe("admin identity", () => {
  it("finds root the only administrator with root's key, and plans the group, user and login profile", async () => {
    const { ctx } = await world("root-key");
    const finding = await inspectAdminIdentity(ctx);
    expect(hasAdmin(finding)).toBe(false);
    expect(finding.evidence[0]!.read).toBe("no IAM user or role has AdministratorAccess: root is the only administrator");
    expect(fullPlan(finding, "alice", ctx.caller).map((a) => shownCall(a).call)).toEqual([
      "iam:CreateGroup",
      "iam:AttachGroupPolicy",
      "iam:CreateUser",
      "iam:AddUserToGroup",
      "iam:CreateLoginProfile",
      "iam:CreateVirtualMFADevice",
      "iam:EnableMFADevice",
    ]);
    expect(shownCall(planAdminIdentity(finding, "alice")[4]!).params).toEqual({ UserName: "alice", Password: PASSWORD_PLACEHOLDER, PasswordResetRequired: "true" });
  });

  it("names who already has AdministratorAccess, directly or through a group", async () => {
    const direct = await inspectAdminIdentity((await world("new-account")).ctx);
    expect(direct.admins).toEqual([{ kind: "user", name: "ops-admin" }]);
    const grouped = await inspectAdminIdentity((await world("clean")).ctx);
    expect(grouped.admins).toEqual([{ kind: "user", name: "ops-admin", via: "Administrators" }]);
    // The group exists with its policy: a new admin only joins it.
    expect(planAdminIdentity(grouped, "alice").map((a) => shownCall(a).call)).toEqual(["iam:CreateUser", "iam:AddUserToGroup", "iam:CreateLoginProfile"]);
  });

  it("creates the identity end to end, MFA included, verified by reading each part back; the password is never journaled", async () => {
    const { sim, ctx, advance } = await world("root-key", (a) => new JournalingAccount(a));
    const finding = await inspectAdminIdentity(ctx);
    const { password } = await applyAll(ctx, planAdminIdentity(finding, "alice"));
    expect(password).toHaveLength(GENERATED_LENGTH);
    const device = await createDevice(ctx, "alice");
    const step = timeStepOf(ctx.now());
    await enableDevice(ctx, "alice", device.serialNumber, codeAt(device.secret, step - 1), codeAt(device.secret, step));
    const v = await verifyAdminIdentity(ctx, "Administrators", "alice");
    expect(v.state).toBe("verified");
    expect(v.evidence.map((e) => `${e.source}: ${e.read}`)).toEqual([
      "iam:GetGroup: Administrators: members alice",
      "iam:ListAttachedGroupPolicies: Administrators: AdministratorAccess",
      "iam:GetLoginProfile: alice: PasswordResetRequired=true",
      "iam:ListMFADevices: alice: arn:aws:iam::123456789012:mfa/alice",
    ]);
    const journal = (ctx.account as JournalingAccount).entries;
    expect(journal.map((e) => e.call)).toEqual([...writes(sim)]);
    expect(journal.find((e) => e.call === "iam:CreateLoginProfile")!.params).toEqual({ UserName: "alice", PasswordResetRequired: "true" });
    expect(JSON.stringify(journal)).not.toContain(password!);
    // A second run sees an administrator and plans nothing.
    advance(2000);
    const again = await inspectAdminIdentity(ctx);
    expect(again.admins).toEqual([{ kind: "user", name: "alice", via: "Administrators" }]);
    expect(hasAdmin(again)).toBe(true);
  });

  it("a half-way failure removes what was made, last first, each removal read back", async () => {
    const { sim, ctx } = await world("root-key");
    const plan = planAdminIdentity(await inspectAdminIdentity(ctx), "alice");
    sim.failNext("iam:CreateLoginProfile", "AccessDenied");
    const { made } = await applyAll(ctx, plan.slice(0, 4));
    await expect(applyAdminAction(ctx, plan[4]!, () => {})).rejects.toMatchObject({ code: "AccessDenied" });
    const rollback = await rollbackAdminIdentity(ctx, made);
    expect(rollback.left).toEqual([]);
    expect(rollback.removed.map((e) => e.read)).toEqual([
      "iam:AddUserToGroup(GroupName=Administrators, UserName=alice) removed",
      "iam:CreateUser(UserName=alice) removed",
      "iam:AttachGroupPolicy(GroupName=Administrators, PolicyArn=arn:aws:iam::aws:policy/AdministratorAccess) removed",
      "iam:CreateGroup(GroupName=Administrators) removed",
    ]);
    expect(writes(sim).slice(4)).toEqual(["iam:RemoveUserFromGroup", "iam:DeleteUser", "iam:DetachGroupPolicy", "iam:DeleteGroup"]);
    expect(await sim.userExists("alice")).toBe(false);
    expect(await sim.getGroup("Administrators")).toBeUndefined();
  });

  it("names exactly what is left when a removal fails", async () => {
    const { sim, ctx } = await world("root-key");
    const { made } = await applyAll(ctx, planAdminIdentity(await inspectAdminIdentity(ctx), "alice"));
    sim.failNext("iam:DeleteUser", "AccessDenied");
    const rollback = await rollbackAdminIdentity(ctx, made);
    expect(rollback.left).toEqual([
      "iam:CreateUser(UserName=alice)",
      `iam:AttachGroupPolicy(GroupName=Administrators, PolicyArn=${ADMINISTRATOR_ACCESS_ARN})`,
      "iam:CreateGroup(GroupName=Administrators)",
    ]);
    expect(writes(sim).slice(5)).toEqual(["iam:DeleteLoginProfile", "iam:RemoveUserFromGroup"]);
    expect(await sim.userExists("alice")).toBe(true);
    // A second attempt (on quitting) removes only what is left, each once.
    const again = await rollbackAdminIdentity(ctx, rollback.leftActions);
    expect(again.left).toEqual([]);
    expect(writes(sim).slice(7)).toEqual(["iam:DeleteUser", "iam:DetachGroupPolicy", "iam:DeleteGroup"]);
  });

  it("removes what was made a moment ago, before IAM lists it", async () => {
    const { sim, ctx } = await world("root-key");
    const plan = planAdminIdentity(await inspectAdminIdentity(ctx), "alice");
    await applyAdminAction(ctx, plan[0]!, () => {});
    // Quit at once: IAM does not show the group yet, and the removal is sent all the same.
    expect(await adminActionHolds(ctx, plan[0]!)).toBe(false);
    const rollback = await rollbackAdminIdentity(ctx, [plan[0]!]);
    expect(rollback.left).toEqual([]);
    expect(writes(sim)).toEqual(["iam:CreateGroup", "iam:DeleteGroup"]);
  });

  it("removes a change whose answer was lost if it landed; AWS's NoSuchEntity says it did not", async () => {
    const { sim, ctx } = await world("root-key");
    const plan = planAdminIdentity(await inspectAdminIdentity(ctx), "alice");
    const { made } = await applyAll(ctx, plan.slice(0, 2));
    // CreateUser fails with a 5xx before doing anything: the screen counts it as "maybe made".
    sim.failNext("iam:CreateUser", "ServiceFailure");
    await expect(applyAdminAction(ctx, plan[2]!, () => {})).rejects.toMatchObject({ code: "ServiceFailure" });
    expect(await adminActionHolds(ctx, plan[2]!)).toBe(false);
    const rollback = await rollbackAdminIdentity(ctx, [...made, plan[2]!]);
    expect(rollback.left).toEqual([]);
    expect(writes(sim).slice(2)).toEqual(["iam:DetachGroupPolicy", "iam:DeleteGroup"]);
  });

  it("refuses what AWS refuses: an existing user, a group with members, a weak password", async () => {
    const { sim } = await world("clean");
    await expect(sim.send({ op: "createUser", args: { userName: "ops-admin" } })).rejects.toMatchObject({ code: "EntityAlreadyExists" });
    await expect(sim.send({ op: "deleteGroup", args: { groupName: "Administrators" } })).rejects.toMatchObject({ code: "DeleteConflict" });
    await sim.send({ op: "createUser", args: { userName: "bob" } });
    await expect(sim.send({ op: "createLoginProfile", args: { userName: "bob", passwordResetRequired: true } }, { password: "short" })).rejects.toMatchObject({
      code: "PasswordPolicyViolation",
    });
    await expect(sim.send({ op: "attachGroupPolicy", args: { groupName: "Administrators", policyArn: "arn:aws:iam::aws:policy/NoSuchPolicy" } })).rejects.toMatchObject({
      code: "NoSuchEntity",
    });
  });

  it("a dry run shows every change and makes none", async () => {
    const { sim, ctx } = await world("root-key", (a) => new DryRunAccount(a));
    const plan = planAdminIdentity(await inspectAdminIdentity(ctx), "alice");
    let password: string | undefined;
    for (const action of plan) await expect(applyAdminAction(ctx, action, (p) => (password = p))).rejects.toThrow("dry run");
    const recorded = (ctx.account as DryRunAccount).recorded;
    expect(recorded.map((r) => r.call)).toEqual(plan.map((a) => shownCall(a).call));
    expect(JSON.stringify(recorded)).not.toContain(password!);
    expect(recorded[4]!.params).toEqual({ UserName: "alice", PasswordResetRequired: "true" });
    expect(writes(sim)).toEqual([]);
  });
});
