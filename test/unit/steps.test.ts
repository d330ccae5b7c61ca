// Every step, inspect → plan → apply → verify, on the simulated account, with a clock the test moves.
import { describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { SimulatedAccount, type ScenarioName } from "../../src/aws/simulated/index.js";
import { AccountError } from "../../src/aws/errors.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { stepOrder } from "../../src/steps/registry.js";
import { capabilitiesOf, inspectPreflight } from "../../src/steps/preflight.js";
import {
  applyRootKeyAction,
  confirmRootKeyAction,
  inspectRootKeys,
  isSigningKeyDeletion,
  planRootKeys,
  rootKeyActionHolds,
  verifyRootKeys,
  verifySigningKeyRejected,
} from "../../src/steps/root-access-keys.js";
import {
  applyRootMfaAction,
  deviceNameProblem,
  hasNonVirtualRootMfa,
  inspectRootMfa,
  otherOrphans,
  planRootMfa,
  suggestedDeviceName,
  verifyRootMfa,
} from "../../src/steps/root-mfa.js";
import { classifySignins, verifySigninTest } from "../../src/steps/signin-test.js";
import { allVerified, summarize } from "../../src/steps/summary.js";
import type { ApiAction, StepContext, Verdict } from "../../src/steps/types.js";
import { apiAction } from "../../src/steps/types.js";
import { checkCodes, createDevice, discardDevice, enableDevice, inspectUserMfa, planUserMfa, verifyUserMfa } from "../../src/steps/user-mfa.js";

const START = new Date("2026-11-22T10:00:05Z");
const TIMING = { iamPollMs: 500, iamTimeoutMs: 10_000, trailPollMs: 1000, trailTimeoutMs: 60_000 };

/** A simulated account and a step context on a clock that moves only when a step sleeps or the test says. */
async function world(scenario: ScenarioName, options: { rootSession?: boolean } = {}) {
  let clock = START.getTime();
  const now = () => new Date(clock);
  const account = new SimulatedAccount({ scenario, now, visibilityDelayMs: 1500, cloudTrailDelayMs: 8000, reportDelayMs: 0, ...options });
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
  const advance = (ms: number) => {
    clock += ms;
  };
  return { account, ctx, preflight, now, advance };
}

describe("preflight", () => {
  it("reads the new account as the admin user sees it", async () => {
    const { preflight } = await world("new-account");
    expect(preflight.caller).toMatchObject({ kind: "iam-user", userName: "ops-admin", accountId: "123456789012" });
    expect(preflight.summary).toEqual({ accountAccessKeysPresent: true, accountMfaEnabled: false });
    expect(preflight.orphans.map((d) => d.serialNumber)).toEqual(["arn:aws:iam::123456789012:mfa/root-account-mfa-device"]);
    expect(preflight.operatorMfa).toEqual([]);
    expect(preflight.capabilities).toEqual({ rootKeys: "console", operatorMfa: "api" });
    expect(Math.abs(preflight.clockOffsetMs)).toBeLessThan(1000);
  });

  it("sees root's own key in the root-key scenario, and orders the key step last", async () => {
    const { preflight } = await world("root-key");
    expect(preflight.caller.kind).toBe("root");
    expect(preflight.capabilities).toEqual({ rootKeys: "api", operatorMfa: "not-applicable" });
    expect(stepOrder(preflight.caller)).toEqual(["root-mfa", "password-policy", "admin-identity", "root-alerts", "root-signin", "root-access-keys"]);
  });

  it.each(["clean", "hardened"] as const)("finds nothing to fix in %s", async (scenario) => {
    const { preflight } = await world(scenario);
    expect(preflight.summary).toEqual({ accountAccessKeysPresent: false, accountMfaEnabled: true });
    expect(preflight.orphans).toEqual([]);
    expect(preflight.operatorMfa?.length).toBe(1);
    // clean: a virtual device on root; hardened: hardware only (a TOTP token and a security key).
    expect(preflight.rootVirtualDevices.length).toBe(scenario === "clean" ? 1 : 0);
  });

  it("names a read it may not make, and goes on without it", async () => {
    const account = new SimulatedAccount({ now: () => START });
    account.failNext("iam:GetAccountSummary", "AccessDenied");
    const preflight = await inspectPreflight(account, () => START);
    expect(preflight.summary).toBeUndefined();
    expect(preflight.denied).toEqual(["iam:GetAccountSummary"]);
    expect(preflight.orphans).toHaveLength(1);
  });

  it("measures the clock offset against the account's time", async () => {
    const account = new SimulatedAccount({ now: () => START, clockSkewMs: 45_000 });
    const preflight = await inspectPreflight(account, () => START);
    expect(preflight.clockOffsetMs).toBe(45_000);
  });
});

describe("root access keys, guided (admin caller)", () => {
  it("shows both keys with their last use, from the credential report", async () => {
    const { ctx } = await world("new-account");
    const finding = await inspectRootKeys(ctx);
    expect(finding.how).toBe("console");
    expect(finding.keys).toHaveLength(2);
    const used = finding.keys.find((k) => k.lastUsed);
    expect(used?.lastUsed).toMatchObject({ service: "s3", region: "ap-northeast-2" });
    expect((START.getTime() - used!.lastUsed!.at.getTime()) / 86_400_000).toBeCloseTo(3, 0);
    expect(finding.keys.filter((k) => !k.lastUsed)).toHaveLength(1);
    expect(planRootKeys(finding)).toEqual([
      { by: "operator", where: "console", task: "deactivate-root-key", slot: 1 },
      { by: "operator", where: "console", task: "delete-root-key", slot: 1 },
      { by: "operator", where: "console", task: "deactivate-root-key", slot: 2 },
      { by: "operator", where: "console", task: "delete-root-key", slot: 2 },
    ]);
  });

  it("is verified only once IAM shows the keys gone, not when they are merely inactive", async () => {
    const { ctx, account } = await world("new-account");
    const keys = await account.console.listAccessKeys();
    for (const k of keys) await account.console.setAccessKeyStatus(k.id, "Inactive");
    // Inactive keys still count as present (CIS): the wait runs out, unverified.
    expect(await verifyRootKeys(ctx)).toMatchObject({ state: "unverified", reason: "still-present" });
    for (const k of keys) await account.console.deleteAccessKey(k.id);
    const v = await verifyRootKeys(ctx);
    expect(v.state).toBe("verified");
    expect(v.evidence[0]).toMatchObject({ source: "iam:GetAccountSummary", read: "AccountAccessKeysPresent=0" });
  });

  it("stops waiting when the operator moves on", async () => {
    const { ctx } = await world("new-account");
    const controller = new AbortController();
    controller.abort();
    expect(await verifyRootKeys(ctx, { signal: controller.signal })).toMatchObject({ state: "unverified", reason: "operator-moved-on" });
  });

  it("is already done on a clean account", async () => {
    const { ctx } = await world("clean");
    const finding = await inspectRootKeys(ctx);
    expect(planRootKeys(finding)).toEqual([]);
  });
});

describe("root access keys by API (root's own key)", () => {
  it("deactivates then deletes the other key, deletes the signing key last, and proves it is rejected", async () => {
    const { ctx } = await world("root-key");
    const finding = await inspectRootKeys(ctx);
    expect(finding.how).toBe("api");
    const signing = finding.keys.find((k) => k.signing)!;
    const other = finding.keys.find((k) => !k.signing)!;
    const plan = planRootKeys(finding) as ApiAction[];
    expect(plan.map((a) => `${shownCall(a).call} ${shownCall(a).params.AccessKeyId} ${shownCall(a).params.Status ?? ""}`.trim())).toEqual([
      `iam:UpdateAccessKey ${other.id} Inactive`,
      `iam:DeleteAccessKey ${other.id}`,
      `iam:DeleteAccessKey ${signing.id}`,
    ]);
    expect(plan.map((a) => isSigningKeyDeletion(a, finding))).toEqual([false, false, true]);

    for (const action of plan.slice(0, 2)) {
      const receipt = await applyRootKeyAction(ctx, action);
      expect(receipt.call).toBe(shownCall(action).call);
      expect(await confirmRootKeyAction(ctx, action)).toBeDefined();
    }
    await applyRootKeyAction(ctx, plan[2]!);
    const v = await verifySigningKeyRejected(ctx);
    expect(v).toMatchObject({ state: "verified" });
    expect(v.evidence[0]!.read).toContain("InvalidClientTokenId");
  });

  it("reads before a retry, so a deletion that landed is not sent twice", async () => {
    const { ctx, account, advance } = await world("root-key");
    const finding = await inspectRootKeys(ctx);
    const del = (planRootKeys(finding) as ApiAction[])[1]!;
    await applyRootKeyAction(ctx, apiAction("updateRootAccessKey", { keyId: shownCall(del).params.AccessKeyId!, status: "Inactive" }));
    await applyRootKeyAction(ctx, del);
    advance(2000);
    expect(await rootKeyActionHolds(ctx, del)).toBe(true);
    await expect(applyRootKeyAction(ctx, del)).rejects.toMatchObject({ code: "NoSuchEntity" });
    expect(account.writes().filter((w) => w.call === "iam:DeleteAccessKey")).toHaveLength(1);
  });
});

describe("root access keys from a root session (aws login / GetSessionToken: temporary credentials)", () => {
  it("takes the console road, and IAM refuses ListAccessKeys/UpdateAccessKey/DeleteAccessKey without UserName", async () => {
    const { ctx, account, preflight } = await world("root-key", { rootSession: true });
    expect(ctx.caller).toMatchObject({ kind: "root", temporary: true });
    expect(ctx.caller.accessKeyId).toBeUndefined();
    expect(preflight.capabilities.rootKeys).toBe("console");
    const finding = await inspectRootKeys(ctx);
    expect(finding).toMatchObject({ present: true, how: "console", rootSession: true });
    expect(finding.keys.map((k) => k.slot)).toEqual([1, 2]);
    expect(planRootKeys(finding).every((a) => a.by === "operator")).toBe(true);
    const refusal = "ValidationError: Must specify userName when calling with non-User credentials";
    await expect(account.listRootAccessKeys()).rejects.toThrow(refusal);
    await expect(account.send({ op: "updateRootAccessKey", args: { keyId: "AKIA4ROOTKEYS3APNE2X", status: "Inactive" } })).rejects.toThrow(refusal);
    await expect(account.send({ op: "deleteRootAccessKey", args: { keyId: "AKIA4ROOTKEYS3APNE2X" } })).rejects.toThrow(refusal);
    expect(account.writes()).toEqual([]);
  });

  it("keeps the API road for root's own long-term key only", () => {
    const root = { accountId: "123456789012", arn: "arn:aws:iam::123456789012:root", kind: "root" as const };
    expect(capabilitiesOf({ ...root, accessKeyId: "AKIA4ROOTKEYS3APNE2X" }).rootKeys).toBe("api");
    expect(capabilitiesOf({ ...root, temporary: true }).rootKeys).toBe("console");
    expect(capabilitiesOf(root).rootKeys).toBe("console");
  });
});

describe("root MFA", () => {
  it("clears the orphan first, then the console assignment is verified from IAM", async () => {
    const { ctx, account, now } = await world("new-account");
    const finding = await inspectRootMfa(ctx);
    const plan = planRootMfa(finding);
    expect(plan[0]).toEqual({ by: "rootlock", op: "deleteVirtualMfaDevice", args: { serialNumber: "arn:aws:iam::123456789012:mfa/root-account-mfa-device" } });
    expect(shownCall(plan[0] as ApiAction)).toEqual({
      call: "iam:DeleteVirtualMFADevice",
      params: { SerialNumber: "arn:aws:iam::123456789012:mfa/root-account-mfa-device" },
    });
    expect(plan.slice(1).map((a) => (a.by === "operator" ? a.task : shownCall(a).call))).toEqual(["assign-root-mfa", "add-backup-mfa"]);

    // With the orphan in place the console refuses the usual name, as AWS does.
    const { secret } = await account.console.openMfaAssignment();
    const step = timeStepOf(now());
    await expect(account.console.finishMfaAssignment("root-account-mfa-device", secret, codeAt(secret, step - 1), codeAt(secret, step))).rejects.toMatchObject({
      code: "EntityAlreadyExists",
    });
    await applyRootMfaAction(ctx, plan[0] as ApiAction);
    await account.console.finishMfaAssignment("root-account-mfa-device", secret, codeAt(secret, step - 1), codeAt(secret, step));
    const v = await verifyRootMfa(ctx);
    expect(v.state).toBe("verified");
    const after = await inspectRootMfa(ctx);
    expect(after.rootDevices.map((d) => d.userArn)).toEqual(["arn:aws:iam::123456789012:root"]);
    expect(hasNonVirtualRootMfa(after)).toBe(false);
  });

  it("asks the name first: deletes only an unassigned device of that name or the legacy one, never another", async () => {
    const { ctx, account, now, advance } = await world("new-account");
    await account.send({ op: "createVirtualMfaDevice", args: { name: "colleague-phone" } }); // someone's enrolment in progress
    advance(2000); // IAM shows it a moment later
    const finding = await inspectRootMfa(ctx);
    const deletions = (name: string) => planRootMfa(finding, name).flatMap((a) => (a.by === "rootlock" ? [shownCall(a).params.SerialNumber] : []));
    const legacy = "arn:aws:iam::123456789012:mfa/root-account-mfa-device";
    const colleague = "arn:aws:iam::123456789012:mfa/colleague-phone";
    expect(suggestedDeviceName(finding)).toBe("root-mfa");
    expect(deletions("root-mfa")).toEqual([legacy]);
    expect(otherOrphans(finding, "root-mfa").map((d) => d.serialNumber)).toEqual([colleague]);
    expect(deletions("colleague-phone")).toEqual([legacy, colleague]);

    // The console: the colleague's device does not block another name; a device of the same name does.
    const { secret } = await account.console.openMfaAssignment();
    const step = timeStepOf(now());
    await expect(account.console.finishMfaAssignment("colleague-phone", secret, codeAt(secret, step - 1), codeAt(secret, step))).rejects.toMatchObject({
      code: "EntityAlreadyExists",
    });
    await account.console.finishMfaAssignment("root-mfa", secret, codeAt(secret, step - 1), codeAt(secret, step));
    expect(await verifyRootMfa(ctx)).toMatchObject({ state: "verified" });
  });

  it("with root MFA already on, deletes nothing and suggests a name no assigned device holds", async () => {
    const { ctx, account, advance } = await world("clean");
    await account.send({ op: "createVirtualMfaDevice", args: { name: "root-mfa" } });
    advance(2000);
    const finding = await inspectRootMfa(ctx);
    expect(finding.orphans).toHaveLength(1);
    expect(planRootMfa(finding, "root-mfa")).toEqual([]);
    expect(suggestedDeviceName({ assignedNames: ["root-mfa", "root-mfa-2"] })).toBe("root-mfa-3");
    expect(deviceNameProblem(finding, "root phone")).toBe("pattern");
    expect(deviceNameProblem(finding, "root-phone")).toBe("assigned");
    expect(deviceNameProblem(finding, "root-mfa")).toBeUndefined();
  });

  // One rule for a virtual MFA device's name (src/aws/names.ts): IAM's pattern (min 1, `[\w+=,.@-]+`), up to 128 in
  // the console's field, which the step asks for, and up to 226 by API, where the serial `arn:aws:iam::ACCT:mfa/NAME`
  // must fit serialNumberType's 256 (IAM API model, botocore iam/2010-05-08 service-2.json).
  it("a device name follows one rule: the console's 128 for the name the operator will type, 226 by API", async () => {
    const { ctx, account } = await world("clean");
    const finding = await inspectRootMfa(ctx);
    expect(deviceNameProblem(finding, "a".repeat(128))).toBeUndefined();
    expect(deviceNameProblem(finding, "a".repeat(129))).toBe("pattern");
    expect(deviceNameProblem(finding, "")).toBe("pattern");
    await expect(account.send({ op: "createVirtualMfaDevice", args: { name: "b".repeat(227) } })).rejects.toMatchObject({ code: "Unknown" });
    const made = await account.send({ op: "createVirtualMfaDevice", args: { name: "b".repeat(226) } });
    expect(made.serialNumber).toHaveLength(256);
  });

  it("refuses a ninth device for root in the console", async () => {
    const { account, now } = await world("new-account");
    for (let n = 1; n <= 9; n++) {
      const { secret } = await account.console.openMfaAssignment();
      const step = timeStepOf(now());
      const assign = account.console.finishMfaAssignment(`root-${n}`, secret, codeAt(secret, step - 1), codeAt(secret, step));
      if (n <= 8) await assign;
      else await expect(assign).rejects.toMatchObject({ code: "LimitExceeded" });
    }
  });

  it("refuses a second code from the same 30-second window", async () => {
    const { account, now } = await world("new-account");
    const { secret } = await account.console.openMfaAssignment();
    const code = codeAt(secret, timeStepOf(now()));
    await expect(account.console.finishMfaAssignment("root-phone", secret, code, code)).rejects.toMatchObject({ code: "InvalidAuthenticationCode" });
  });

  it("takes the flag alone for a hardware key or passkey, once it has held for a few reads", async () => {
    const { ctx } = await world("hardened");
    const v = await verifyRootMfa(ctx);
    expect(v.state).toBe("verified");
    expect(v.evidence.map((e) => e.read)).toEqual(["AccountMFAEnabled=1", "0 assigned to root, 0 unassigned"]);
  });

  it("stays unverified when nothing was done in the console", async () => {
    const { ctx } = await world("new-account");
    expect(await verifyRootMfa(ctx)).toMatchObject({ state: "unverified", reason: "not-visible-yet" });
  });

  it("has nothing to do when hardened, where root's MFA is hardware only", async () => {
    const { ctx } = await world("hardened");
    const finding = await inspectRootMfa(ctx);
    expect(finding.enabled).toBe(true);
    expect(hasNonVirtualRootMfa(finding)).toBe(true);
    expect(planRootMfa(finding)).toEqual([]);
  });
});

describe("the admin user's MFA, by API", () => {
  it("creates, checks two codes locally, enables, and reads back", async () => {
    const { ctx, now, account } = await world("new-account");
    const finding = await inspectUserMfa(ctx);
    expect(planUserMfa(finding, "123456789012").map((a) => (a.by === "rootlock" ? shownCall(a).call : ""))).toEqual([
      "iam:CreateVirtualMFADevice",
      "iam:EnableMFADevice",
    ]);
    const device = await createDevice(ctx, "ops-admin");
    const step = timeStepOf(now());
    const [c1, c2] = [codeAt(device.secret, step - 1), codeAt(device.secret, step)];
    expect(checkCodes(ctx, device.secret, c2, c1)).toMatchObject({ ok: false, problem: "wrong-order" });
    expect(checkCodes(ctx, device.secret, c1, c1)).toMatchObject({ ok: false, problem: "same-code" });
    expect(checkCodes(ctx, device.secret, c1, c2)).toMatchObject({ ok: true });
    await enableDevice(ctx, "ops-admin", device.serialNumber, c1, c2);
    expect(await verifyUserMfa(ctx, "ops-admin", device.serialNumber)).toMatchObject({ state: "verified" });
    expect(await account.listVirtualMfaDevices("Unassigned")).toHaveLength(1); // only the scenario's orphan
  });

  it("gets IAM's own refusal for codes that skip the local check, and leaves no device after discarding", async () => {
    const { ctx, account, now } = await world("new-account");
    const device = await createDevice(ctx, "ops-admin");
    const step = timeStepOf(now());
    await expect(enableDevice(ctx, "ops-admin", device.serialNumber, codeAt(device.secret, step - 3), codeAt(device.secret, step))).rejects.toMatchObject({
      code: "InvalidAuthenticationCode",
    });
    await discardDevice(ctx, device.serialNumber);
    await ctx.sleep(2000);
    const left = await account.listVirtualMfaDevices("Any");
    expect(left.some((d) => d.serialNumber === device.serialNumber)).toBe(false);
  });

  it("does not apply to root", async () => {
    const { ctx } = await world("root-key");
    const finding = await inspectUserMfa(ctx);
    expect(finding.applicable).toBe(false);
    expect(planUserMfa(finding, "123456789012")).toEqual([]);
  });
});

describe("sign-in test", () => {
  it("is verified by a root sign-in with MFA that CloudTrail shows after its delay", async () => {
    const { ctx, account, now } = await world("clean");
    const since = now();
    expect(await account.console.signIn((await account.console.trainingCode())!)).toBe("success");
    const v = await verifySigninTest(ctx, since);
    expect(v.state).toBe("verified");
    expect(v.evidence[0]!.read).toMatch(/Root, Success, MFAUsed=Yes/);
  });

  it("fails when root signs in without MFA", async () => {
    const { ctx, account, now } = await world("new-account");
    const since = now();
    expect(await account.console.signIn("")).toBe("success");
    expect(await verifySigninTest(ctx, since)).toMatchObject({ state: "failed", reason: "signin-without-mfa" });
  });

  it("reports only failed sign-ins as not verified", async () => {
    const { ctx, account, now } = await world("clean");
    const since = now();
    expect(await account.console.signIn("000000")).toBe("failure");
    expect(await verifySigninTest(ctx, since)).toMatchObject({ state: "unverified", reason: "signin-failed" });
  });

  it("ignores a sign-in from before the test (hardened has one from two days ago)", async () => {
    const { ctx, now } = await world("hardened");
    expect(await verifySigninTest(ctx, now())).toMatchObject({ state: "unverified", reason: "not-visible-yet" });
  });

  it("compares the identity type without case and needs success and MFA", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    const base = { eventId: "e", at, success: true, mfaUsed: true };
    expect(classifySignins([{ ...base, identityType: "ROOT" }], at).passed).toBeDefined();
    expect(classifySignins([{ ...base, identityType: "IAMUser" }], at).passed).toBeUndefined();
    expect(classifySignins([{ ...base, identityType: "Root", at: new Date(at.getTime() - 1) }], at).passed).toBeUndefined();
  });

  it("keeps waiting through throttling", async () => {
    const { ctx, account, now } = await world("clean");
    const since = now();
    account.failNext("cloudtrail:LookupEvents", "Throttling", 3);
    await account.console.signIn((await account.console.trainingCode())!);
    expect((await verifySigninTest(ctx, since)).state).toBe("verified");
  });

  it("lets other errors through to the screen as typed values", async () => {
    const { ctx, account, now } = await world("clean");
    account.failNext("cloudtrail:LookupEvents", "AccessDenied");
    await expect(verifySigninTest(ctx, now())).rejects.toBeInstanceOf(AccountError);
  });
});

describe("summary", () => {
  it("reports a control never reached as skipped, never as done", () => {
    const rows = summarize({ "root-access-keys": { state: "verified", reason: "read-back-confirms", evidence: [] } });
    expect(rows.map((r) => [r.control, r.ids.cis, r.ids.securityHub, r.verdict.state])).toEqual([
      ["root-access-keys", "1.4", "IAM.4", "verified"],
      ["root-mfa", "1.5", "IAM.9", "skipped"],
      ["operator-mfa", "1.10", "IAM.5", "skipped"],
      ["password-policy", "1.8, 1.9", "IAM.15, IAM.16", "skipped"],
      ["admin-identity", "1.7", "—", "skipped"],
      ["root-alerts", "4.3", "—", "skipped"],
      ["root-signin", "1.7", "—", "skipped"],
    ]);
    expect(allVerified(rows)).toBe(false);
  });

  it("lets the optional steps (password policy, admin identity, alerts) be skipped, but not left pending", () => {
    const ok: Verdict = { state: "verified", reason: "read-back-confirms", evidence: [] };
    const rest = { "root-access-keys": ok, "root-mfa": ok, "operator-mfa": ok, "password-policy": ok, "admin-identity": ok, "root-signin": ok };
    expect(allVerified(summarize({ ...rest, "root-alerts": { state: "skipped", reason: "operator-skipped", evidence: [] } }))).toBe(true);
    expect(allVerified(summarize({ ...rest, "root-alerts": { state: "unverified", reason: "subscription-pending", evidence: [] } }))).toBe(false);
    // The core steps are not optional: a skipped root MFA step is not verified.
    expect(allVerified(summarize({ ...rest, "root-mfa": { state: "skipped", reason: "operator-skipped", evidence: [] } }))).toBe(false);
    // A step never reached is not the operator's skip: it does not count as declined.
    expect(allVerified(summarize({ ...rest }))).toBe(false);
    expect(summarize({ ...rest }).find((r) => r.control === "root-alerts")?.verdict.reason).toBe("not-reached");
    // `rootlock alerts`: the alerts are the whole run, so skipping them is not "all verified".
    const alertsOnly = summarize({ "root-alerts": { state: "skipped", reason: "operator-skipped", evidence: [] } }, ["root-alerts"]);
    expect(allVerified(alertsOnly)).toBe(true);
    expect(allVerified(alertsOnly, [])).toBe(false);
  });
});
