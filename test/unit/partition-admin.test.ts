// AdministratorAccess in the caller's partition: a GovCloud caller (aws-us-gov) on the simulated account, whose
// managed policies are then arn:aws-us-gov:iam::aws:policy/… as in GovCloud (a standard ARN does not exist there).
import { describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { SimulatedAccount } from "../../src/aws/simulated/index.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { applyAdminAction, fullPlan, hasAdmin, inspectAdminIdentity, planAdminIdentity, verifyAdminIdentity } from "../../src/steps/admin-identity.js";
import { runCheck } from "../../src/steps/check.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { StepContext } from "../../src/steps/types.js";
import { createDevice, enableDevice } from "../../src/steps/user-mfa.js";

const GOV_ADMIN = "arn:aws-us-gov:iam::aws:policy/AdministratorAccess";

async function govCloud(scenario: "root-key" | "hardened") {
  const now = () => new Date();
  const account = new SimulatedAccount({ scenario, partition: "aws-us-gov", visibilityDelayMs: 0, reportDelayMs: 0 });
  const preflight = await inspectPreflight(account, now);
  const ctx: StepContext = {
    account,
    caller: preflight.caller,
    now,
    sleep: async () => {},
    timing: { iamPollMs: 1, iamTimeoutMs: 50, trailPollMs: 1, trailTimeoutMs: 50 },
    clockOffsetMs: 0,
  };
  return { account, ctx };
}

describe("AdministratorAccess in the caller's partition", () => {
  it("an aws-us-gov caller: the admin identity reads and attaches arn:aws-us-gov:…AdministratorAccess, and the new user's device is a GovCloud ARN", async () => {
    const { ctx } = await govCloud("root-key");
    expect(ctx.caller.arn).toMatch(/^arn:aws-us-gov:iam::123456789012:/);
    const finding = await inspectAdminIdentity(ctx);
    expect(hasAdmin(finding)).toBe(false);
    const plan = fullPlan(finding, "alice", ctx.caller);
    expect(plan.find((a) => a.op === "attachGroupPolicy")?.args).toMatchObject({ policyArn: GOV_ADMIN });
    expect(shownCall(plan.find((a) => a.op === "enableMfaDevice")!).params.SerialNumber).toBe("arn:aws-us-gov:iam::123456789012:mfa/alice");

    // The identity made as the step makes it: AWS (here, the simulated GovCloud account) accepts the policy's ARN.
    for (const action of planAdminIdentity(finding, "alice")) await applyAdminAction(ctx, action, () => {});
    const device = await createDevice(ctx, "alice");
    const step = timeStepOf(new Date());
    await enableDevice(ctx, "alice", device.serialNumber, codeAt(device.secret, step - 1), codeAt(device.secret, step));
    const after = await inspectAdminIdentity(ctx);
    expect(after.groupHasPolicy).toBe(true);
    expect(after.admins).toEqual([{ kind: "user", name: "alice", via: finding.groupName }]);
    expect(await verifyAdminIdentity(ctx, finding.groupName, "alice")).toMatchObject({ state: "verified" });
  });

  it("rootlock check with an aws-us-gov caller finds the administrators by GovCloud's ARN", async () => {
    const { account } = await govCloud("hardened");
    const report = await runCheck(account, () => new Date(), "test", true);
    const admin = report.findings.find((f) => f.title === "An administrator other than root");
    expect(admin?.status).toBe("pass");
  });
});

describe("rootlock check when the administrators' read fails before the caller is known", () => {
  it("reports the failure as unknown and leaves no rejection unhandled (a dropped network once ended the process)", async () => {
    const account = new SimulatedAccount({ scenario: "hardened", visibilityDelayMs: 0, reportDelayMs: 0 });
    // AWS's order on a dropped network is not fixed: here ListEntitiesForPolicy fails first, while STS is still asked.
    const slowCaller = account.getCaller.bind(account);
    account.getCaller = async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return slowCaller();
    };
    account.listPolicyEntities = () => Promise.reject(Object.assign(new Error("NetworkError on iam:ListEntitiesForPolicy"), { code: "NetworkError" }));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const report = await runCheck(account, () => new Date(), "test", true);
      await new Promise((resolve) => setTimeout(resolve, 10)); // Node reports an unhandled rejection after the turn
      expect(unhandled).toEqual([]);
      expect(report.findings.find((f) => f.title === "An administrator other than root")?.status).toBe("unknown");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
