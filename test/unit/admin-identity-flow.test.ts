// The admin identity's run (src/steps/admin-identity-flow.ts) on the simulated account, with a scripted operator
// in place of the screen: the test plays the action runner (each change sent through the run, then read back),
// then ends the plan or the new user's MFA the ways the screen can. What is rolled back, in which order, what the
// operator is shown, and what stays registered for a quit (the shell's own Cleanups).
import { describe, expect, it } from "vitest";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { Cleanups } from "../../src/screens/cleanups.js";
import { confirmAdminAction, inspectAdminIdentity, planAdminIdentity } from "../../src/steps/admin-identity.js";
import { type AdminIdentityOperator, AdminIdentityRun, typedName } from "../../src/steps/admin-identity-flow.js";
import type { RunnerOutcome } from "../../src/steps/plan-outcome.js";
import { type ApiAction, awsNow, verdict } from "../../src/steps/types.js";
import { createDevice, enableDevice } from "../../src/steps/user-mfa.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import type { Account } from "../../src/aws/account.js";
import { simulatedOnClock } from "../helpers/simulated-clock.js";

const USER = "alice";
const MADE = ["iam:CreateGroup", "iam:AttachGroupPolicy", "iam:CreateUser", "iam:AddUserToGroup", "iam:CreateLoginProfile"];
const REMOVALS = ["iam:DeleteLoginProfile", "iam:RemoveUserFromGroup", "iam:DeleteUser", "iam:DetachGroupPolicy", "iam:DeleteGroup"];

/** The root-key account (nobody but root holds AdministratorAccess), on a clock that moves only when the run waits. */
async function world(wrap?: (account: Account) => Account) {
  const w = await simulatedOnClock("root-key", { wrap });
  const ctx = w.ctx;
  const finding = await inspectAdminIdentity(ctx);
  const cleanups = new Cleanups();
  const run = new AdminIdentityRun(ctx, cleanups);
  const plan = planAdminIdentity(finding, USER);
  /** The runner's part: each change sent through the run, then read back, up to `count` of them. */
  const make = async (count = plan.length) => {
    for (const action of plan.slice(0, count)) {
      await run.apply(action, () => {});
      await confirmAdminAction(ctx, action);
    }
  };
  return { ...w, finding, cleanups, run, plan, make };
}

/** The operator, shown the rollback and the identity's verification, which runs in full. */
function scripted() {
  const log: string[] = [];
  const operator: AdminIdentityOperator = {
    busy: (work) => void log.push(`busy: ${work}`),
    verify: async (run) => {
      log.push("verify");
      return run({});
    },
  };
  return { operator, log };
}

function outcome(done: ApiAction[], more: Partial<RunnerOutcome> = {}): RunnerOutcome {
  return { evidence: [], receipts: [], stopped: false, done, unconfirmed: false, notSent: [], ...more };
}

describe("the admin identity's run", () => {
  it("takes a name IAM allows and no user has, with its plan; says why another is not taken", async () => {
    const w = await world();
    expect(typedName("  alice ")).toEqual({ userName: USER });
    expect(typedName("alice smith")).toEqual({ problem: { kind: "invalid" } });
    expect(await w.run.nameFree(w.finding, USER)).toEqual({ userName: USER, actions: w.plan });
    expect(await w.run.nameFree(w.finding, "ops-admin")).toEqual({ problem: { kind: "taken", userName: "ops-admin" } });
    w.simulated.failNext("iam:GetUser", "AccessDenied", 1);
    expect(await w.run.nameFree(w.finding, USER)).toMatchObject({ problem: { kind: "unread", failure: { code: "AccessDenied", action: "iam:GetUser" } } });
    expect(w.writes()).toEqual([]);
  });

  it("a plan declined half-way rolls back what it made, last first, each removal read back, and names the declined call", async () => {
    const w = await world();
    await w.make(4);
    const op = scripted();
    const declined = w.plan[4]!;
    const end = await w.run.planEnded(w.finding, outcome(w.plan.slice(0, 4), { stopped: true, declined: { action: declined, notSent: 1 } }), USER, w.plan, op.operator);

    expect(op.log).toEqual(["busy: rollingBack"]);
    expect(end).toMatchObject({ verdict: { state: "skipped", reason: "declined" }, left: [] });
    expect(end?.verdict.evidence.some((e) => e.read.includes("iam:CreateLoginProfile"))).toBe(true);
    expect(w.writes()).toEqual([...MADE.slice(0, 4), ...REMOVALS.slice(1)]);
    expect(w.cleanups.size).toBe(0);
    w.settle();
    expect(await w.simulated.userExists(USER)).toBe(false);
  });

  it("a plan that ran to its end goes on to the password: nothing is rolled back, and a quit would still undo it all", async () => {
    const w = await world();
    await w.make();
    const op = scripted();
    expect(await w.run.planEnded(w.finding, outcome(w.plan), USER, w.plan, op.operator)).toBeUndefined();
    expect(op.log).toEqual([]);
    expect(w.cleanups.size).toBe(1);
    expect(await w.cleanups.runAll()).toEqual([]);
    expect(w.writes()).toEqual([...MADE, ...REMOVALS]);
  });

  it("a dry run shows every call a real run would make, the new user's MFA included", async () => {
    const w = await world((a) => new DryRunAccount(a));
    const dry = w.ctx.account as DryRunAccount;
    for (const action of w.plan) await w.run.apply(action, () => {}).catch(() => {});
    const end = await w.run.planEnded(w.finding, outcome([], { stopped: true, notSent: [...dry.recorded] }), USER, w.plan, scripted().operator);
    expect(end?.verdict).toMatchObject({ state: "skipped", reason: "dry-run" });
    expect(end?.notSent?.map((c) => c.call)).toEqual([...MADE, "iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    expect(w.writes()).toEqual([]);
    expect(w.cleanups.size).toBe(0);
  });

  it("the new user's MFA on: the whole identity is verified, and nothing is undone on quitting any more", async () => {
    const w = await world();
    await w.make();
    // The user's MFA as the user-MFA step leaves it (its own flow is tested in user-mfa-flow.test.ts).
    const device = await createDevice(w.ctx, USER);
    const step = timeStepOf(awsNow(w.ctx));
    await enableDevice(w.ctx, USER, device.serialNumber, codeAt(device.secret, step - 1), codeAt(device.secret, step));
    const op = scripted();
    const mfa = verdict("verified", "read-back-confirms", [{ source: "iam:ListMFADevices", read: "enabled", at: w.start }]);
    const end = await w.run.mfaEnded(w.finding, USER, mfa, op.operator);
    expect(op.log).toEqual(["verify"]);
    expect(end).toMatchObject({ userName: USER, verdict: { state: "verified", reason: "read-back-confirms" } });
    expect(end.verdict.evidence.map((e) => e.source)).toEqual([
      ...w.finding.evidence.map((e) => e.source),
      "iam:ListMFADevices",
      "iam:GetGroup",
      "iam:ListAttachedGroupPolicies",
      "iam:GetLoginProfile",
      "iam:ListMFADevices",
    ]);
    expect(w.cleanups.size).toBe(0);
  });

  it("the new user's MFA given up: the identity is rolled back, with the MFA step's evidence", async () => {
    const w = await world();
    await w.make();
    const op = scripted();
    const end = await w.run.mfaEnded(w.finding, USER, verdict("skipped", "operator-skipped"), op.operator);
    expect(op.log).toEqual(["busy: rollingBack"]);
    expect(end).toMatchObject({ verdict: { state: "skipped", reason: "operator-skipped" }, left: [] });
    expect(w.writes()).toEqual([...MADE, ...REMOVALS]);
    expect(w.cleanups.size).toBe(0);
  });

  it("a removal refused stops the rollback, names what is left, and keeps only that for the quit", async () => {
    const w = await world();
    await w.make();
    w.simulated.failNext("iam:DeleteUser", "AccessDenied");
    const end = await w.run.mfaLeft(w.finding, scripted().operator);
    expect(end.verdict).toMatchObject({ state: "failed", reason: "error" });
    expect(end.left).toEqual([
      "iam:CreateUser(UserName=alice)",
      "iam:AttachGroupPolicy(GroupName=Administrators, PolicyArn=arn:aws:iam::aws:policy/AdministratorAccess)",
      "iam:CreateGroup(GroupName=Administrators)",
    ]);
    expect(w.writes()).toEqual([...MADE, ...REMOVALS.slice(0, 2)]);
    // The quit removes what is left, and only that.
    expect(w.cleanups.size).toBe(1);
    expect(await w.cleanups.runAll()).toEqual([]);
    expect(w.writes()).toEqual([...MADE, ...REMOVALS]);
  });

  it("never runs two rollbacks at once: a second give-up meanwhile waits for the first", async () => {
    const w = await world();
    await w.make();
    const op = scripted();
    const [first, second] = await Promise.all([w.run.mfaLeft(w.finding, op.operator), w.run.mfaLeft(w.finding, op.operator)]);
    expect(second).toBe(first);
    expect(op.log).toEqual(["busy: rollingBack"]);
    expect(w.writes()).toEqual([...MADE, ...REMOVALS]);
  });
});
