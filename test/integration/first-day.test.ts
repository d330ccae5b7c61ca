// The password policy and the admin identity through the real adapter and the real AWS SDK, against moto's
// server (the project's launcher loads AWS's AdministratorAccess and keeps CreateLoginProfile's
// PasswordResetRequired, as AWS does). The caller is an IAM user with no administrator policy, so the account
// starts with root as its only administrator; the MFA codes are computed from the seed the API returned.
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { LiveAccount } from "../../src/aws/live/account.js";
import { meetsPasswordPolicy } from "../../src/lib/password.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import {
  adminActionHolds,
  applyAdminAction,
  confirmAdminAction,
  hasAdmin,
  inspectAdminIdentity,
  planAdminIdentity,
  rollbackAdminIdentity,
  verifyAdminIdentity,
} from "../../src/steps/admin-identity.js";
import { applyPasswordPolicy, inspectPasswordPolicy, planPasswordPolicy, verifyPasswordPolicy } from "../../src/steps/password-policy.js";
import { stepContextOn } from "../helpers/live-world.js";
import type { ApiAction, StepContext } from "../../src/steps/types.js";
import { createDevice, enableDevice } from "../../src/steps/user-mfa.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";

const available = requireMoto("the first-day checklist's integration tests");

const SETUP_CREDENTIALS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const WRITE_ACTIONS = /^(Create|Delete|Update|Attach|Detach|Add|Remove|Enable|Deactivate)/;

describe.runIf(available)("the first-day checklist against a real endpoint (moto)", () => {
  let moto: MotoServer;
  let setup: IAMClient;
  let ctx: StepContext;

  /** The IAM writes moto received since the last clear. */
  const writesSeen = async () => (await moto.requests()).filter((r) => r.service === "iam" && WRITE_ACTIONS.test(r.action)).map((r) => r.action);

  beforeAll(async () => {
    moto = await startMoto();
    setup = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP_CREDENTIALS, maxAttempts: 1 });
    await setup.send(new CreateUserCommand({ UserName: "ops-admin" }));
    const key = await setup.send(new CreateAccessKeyCommand({ UserName: "ops-admin" }));
    const account = new LiveAccount({
      maxAttempts: 1,
      credentials: { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! },
    });
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    ctx = await stepContextOn(account, { iamPollMs: 50, iamTimeoutMs: 3000, trailPollMs: 100, trailTimeoutMs: 1000 });
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
  });

  it("reads no password policy, applies CIS's, reads it back; a second run changes nothing", async () => {
    const first = await inspectPasswordPolicy(ctx);
    expect(first.current).toBeUndefined();
    await moto.clearRequests();
    await applyPasswordPolicy(ctx, first);
    expect(await verifyPasswordPolicy(ctx, first.target)).toMatchObject({ state: "verified" });
    const raw = (await setup.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!;
    expect(raw).toMatchObject({
      MinimumPasswordLength: 14,
      PasswordReusePrevention: 24,
      RequireSymbols: true,
      RequireUppercaseCharacters: true,
      AllowUsersToChangePassword: true,
    });
    await moto.clearRequests();
    expect(planPasswordPolicy(await inspectPasswordPolicy(ctx))).toEqual([]);
    expect(await writesSeen()).toEqual([]);
  });

  it("raises a weak policy and keeps every other setting it had", async () => {
    await setup.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, RequireSymbols: true, MaxPasswordAge: 90, HardExpiry: true }));
    const finding = await inspectPasswordPolicy(ctx);
    expect(finding.current).toMatchObject({ minimumPasswordLength: 8, maxPasswordAge: 90, hardExpiry: true, requireNumbers: false });
    await applyPasswordPolicy(ctx, finding);
    expect(await verifyPasswordPolicy(ctx, finding.target)).toMatchObject({ state: "verified" });
    const raw = (await setup.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!;
    expect(raw).toMatchObject({
      MinimumPasswordLength: 14,
      PasswordReusePrevention: 24,
      RequireSymbols: true,
      RequireNumbers: false,
      MaxPasswordAge: 90,
      HardExpiry: true,
    });
  });

  it("creates the admin identity end to end, MFA included, and verifies every part; a second run offers nothing", async () => {
    const finding = await inspectAdminIdentity(ctx);
    expect(hasAdmin(finding)).toBe(false);
    const plan = planAdminIdentity(finding, "alice");
    let password = "";
    await moto.clearRequests();
    for (const action of plan) {
      await applyAdminAction(ctx, action, (p) => (password = p));
      expect(await confirmAdminAction(ctx, action)).toBeDefined();
    }
    expect(meetsPasswordPolicy(password, await ctx.account.getPasswordPolicy())).toBe(true);
    const profile = await setup.send(new GetLoginProfileCommand({ UserName: "alice" }));
    expect(profile.LoginProfile?.PasswordResetRequired).toBe(true);

    const device = await createDevice(ctx, "alice");
    const step = timeStepOf(new Date());
    await enableDevice(ctx, "alice", device.serialNumber, codeAt(device.secret, step - 1), codeAt(device.secret, step));
    const v = await verifyAdminIdentity(ctx, "Administrators", "alice");
    expect(v.state).toBe("verified");
    expect(v.evidence.map((e) => e.read)).toEqual([
      "Administrators: members alice",
      "Administrators: AdministratorAccess",
      "alice: PasswordResetRequired=true",
      "alice: arn:aws:iam::123456789012:mfa/alice",
    ]);
    expect(await writesSeen()).toEqual([
      "CreateGroup",
      "AttachGroupPolicy",
      "CreateUser",
      "AddUserToGroup",
      "CreateLoginProfile",
      "CreateVirtualMFADevice",
      "EnableMFADevice",
    ]);

    await moto.clearRequests();
    const again = await inspectAdminIdentity(ctx);
    expect(again.admins).toEqual([{ kind: "user", name: "alice", via: "Administrators" }]);
    expect(await writesSeen()).toEqual([]);
  });

  it("a half-way failure is rolled back, last first, and what existed before stays", async () => {
    const finding = await inspectAdminIdentity(ctx);
    const plan = planAdminIdentity(finding, "bob");
    // The group and its policy are there from alice: only the user, its membership and its password are made.
    expect(plan.map((a) => shownCall(a).call)).toEqual(["iam:CreateUser", "iam:AddUserToGroup", "iam:CreateLoginProfile"]);
    await moto.fault({ action: "CreateLoginProfile", code: "AccessDenied", status: 403 });
    const made: ApiAction[] = [];
    for (const action of plan.slice(0, 2)) {
      await applyAdminAction(ctx, action, () => {});
      made.push(action);
      await confirmAdminAction(ctx, action);
    }
    await expect(applyAdminAction(ctx, plan[2]!, () => {})).rejects.toMatchObject({ code: "AccessDenied", action: "iam:CreateLoginProfile" });
    expect(await adminActionHolds(ctx, plan[2]!)).toBe(false);
    await moto.clearRequests();
    const rollback = await rollbackAdminIdentity(ctx, made);
    expect(rollback.left).toEqual([]);
    expect(await writesSeen()).toEqual(["RemoveUserFromGroup", "DeleteUser"]);
    expect(await ctx.account.userExists("bob")).toBe(false);
    expect((await ctx.account.getGroup("Administrators"))?.members).toEqual(["alice"]);
  });

  it("a dry run reads through the SDK and sends no write", async () => {
    const dry: StepContext = { ...ctx, account: new DryRunAccount(ctx.account) };
    const plan = planAdminIdentity(await inspectAdminIdentity(dry), "carol");
    await moto.clearRequests();
    for (const action of plan) await expect(applyAdminAction(dry, action, () => {})).rejects.toThrow("dry run");
    expect(await writesSeen()).toEqual([]);
    expect((dry.account as DryRunAccount).recorded.map((w) => w.call)).toEqual(plan.map((a) => shownCall(a).call));
  });
});
