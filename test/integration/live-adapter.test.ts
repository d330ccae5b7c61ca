// The real adapter (src/aws/live/account.ts) through the real AWS SDK against a real endpoint: moto's server on
// 127.0.0.1, started here through the project's launcher. moto has no root user, so this covers what an admin
// IAM user does — the recommended caller; the root-specific paths need a stand-in root (issue 3, still open).
import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { AccountError } from "../../src/aws/errors.js";
import { LiveAccount } from "../../src/aws/live/account.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import { applyRootMfaAction, confirmOrphanDeleted, inspectRootMfa, planRootMfa } from "../../src/steps/root-mfa.js";
import type { ApiAction, StepContext } from "../../src/steps/types.js";
import { checkCodes, createDevice, enableDevice, verifyUserMfa } from "../../src/steps/user-mfa.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";

const available = requireMoto("the live adapter's integration tests");

const SETUP_CREDENTIALS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

describe.runIf(available)("LiveAccount against a real endpoint (moto)", () => {
  let moto: MotoServer;
  let account: LiveAccount;
  let ctx: StepContext;

  beforeAll(async () => {
    moto = await startMoto();
    // The SDK's own default chain and endpoint variable: exactly what a live run reads.
    const setup = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP_CREDENTIALS, maxAttempts: 1 });
    await setup.send(new CreateUserCommand({ UserName: "ops-admin" }));
    await setup.send(new CreateLoginProfileCommand({ UserName: "ops-admin", Password: "Correct-Horse-9" }));
    const key = await setup.send(new CreateAccessKeyCommand({ UserName: "ops-admin" }));
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    process.env.AWS_ACCESS_KEY_ID = key.AccessKey!.AccessKeyId!;
    process.env.AWS_SECRET_ACCESS_KEY = key.AccessKey!.SecretAccessKey!;
    process.env.AWS_REGION = "us-east-1";
    account = new LiveAccount({ maxAttempts: 1 });
    const preflight = await inspectPreflight(account, () => new Date());
    ctx = {
      account,
      caller: preflight.caller,
      now: () => new Date(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      timing: { iamPollMs: 50, iamTimeoutMs: 3000, trailPollMs: 100, trailTimeoutMs: 1000 },
      clockOffsetMs: preflight.clockOffsetMs,
    };
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    for (const name of ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]) delete process.env[name];
  });

  it("reads the caller, the account's clock and the root flags", async () => {
    expect(ctx.caller).toMatchObject({ kind: "iam-user", userName: "ops-admin", accountId: "123456789012" });
    expect(ctx.caller.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(Math.abs(ctx.clockOffsetMs)).toBeLessThan(2000);
    expect(await account.getRootSummary()).toEqual({ accountAccessKeysPresent: false, accountMfaEnabled: false });
  });

  it("enrols the admin user's MFA by API, codes checked here, read back from IAM", async () => {
    const device = await createDevice(ctx, "ops-admin");
    expect(device.serialNumber).toBe("arn:aws:iam::123456789012:mfa/ops-admin");
    expect(device.secret).toMatch(/^[A-Z2-7]{64}$/);
    expect(device.receipt.requestId).toBeTruthy();
    const step = timeStepOf(new Date());
    const [c1, c2] = [codeAt(device.secret, step - 1), codeAt(device.secret, step)];
    expect(checkCodes(ctx, device.secret, c1, c2).ok).toBe(true);
    await enableDevice(ctx, "ops-admin", device.serialNumber, c1, c2);
    expect(await verifyUserMfa(ctx, "ops-admin", device.serialNumber)).toMatchObject({ state: "verified" });
    const assigned = await account.listVirtualMfaDevices("Assigned");
    expect(assigned.map((d) => d.userArn)).toContain("arn:aws:iam::123456789012:user/ops-admin");
  });

  it("turns AWS's refusals into typed failures that name the action", async () => {
    await expect(account.send({ op: "createVirtualMfaDevice", args: { name: "ops-admin" } })).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      action: "iam:CreateVirtualMFADevice",
    });
    await expect(account.send({ op: "deleteVirtualMfaDevice", args: { serialNumber: "arn:aws:iam::123456789012:mfa/none" } })).rejects.toMatchObject({
      code: "NoSuchEntity",
      action: "iam:DeleteVirtualMFADevice",
    });
    const error = await account.listUserMfaDevices("nobody").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountError);
    expect(String((error as Error).message)).not.toMatch(/\n\s+at /);
  });

  it("finds an orphaned device and deletes it on confirmation, read back", async () => {
    await account.send({ op: "createVirtualMfaDevice", args: { name: "root-account-mfa-device" } });
    const finding = await inspectRootMfa(ctx);
    const plan = planRootMfa(finding).filter((a): a is ApiAction => a.by === "rootlock");
    expect(plan.map((a) => shownCall(a).params.SerialNumber)).toEqual(["arn:aws:iam::123456789012:mfa/root-account-mfa-device"]);
    await applyRootMfaAction(ctx, plan[0]!);
    expect(await confirmOrphanDeleted(ctx, plan[0]!)).toBeDefined();
  });

  it("parses the credential report (stock moto writes no <root_account> row)", async () => {
    await moto.clearRequests();
    const report = await account.getRootCredentialReport();
    expect(report.keys).toEqual([]);
    expect(report.mfaActive).toBe(false);
    // No report yet (moto answers STARTED first): the read sent beside the first GenerateCredentialReport is
    // dropped, and the report is read again once COMPLETE.
    const actions = (await moto.requests()).map((r) => r.action);
    expect(actions.filter((a) => a === "GenerateCredentialReport")).toHaveLength(2);
    expect(actions.filter((a) => a === "GetCredentialReport")).toHaveLength(2);
    expect(actions.at(-1)).toBe("GetCredentialReport");
  });

  it("reads a report that is already there without waiting for GenerateCredentialReport's answer", async () => {
    await account.getRootCredentialReport(); // the report exists from here on
    // GenerateCredentialReport's answer held back 600 ms: the report is read meanwhile, not after it.
    await moto.clearRequests();
    await moto.fault({ action: "GenerateCredentialReport", kind: "delay", delay_ms: 600, after: true });
    const reading = account.getRootCredentialReport();
    await new Promise((r) => setTimeout(r, 300));
    expect((await moto.requests()).map((r) => r.action).sort()).toEqual(["GenerateCredentialReport", "GetCredentialReport"]);
    expect((await reading).keys).toEqual([]);
    expect((await moto.requests()).map((r) => r.action).sort()).toEqual(["GenerateCredentialReport", "GetCredentialReport"]);
  });

  it("sends nothing in a dry run", async () => {
    const dry = new DryRunAccount(account);
    await expect(dry.send({ op: "createVirtualMfaDevice", args: { name: "dry-run-device" } })).rejects.toThrow("dry run");
    const devices = await account.listVirtualMfaDevices("Any");
    expect(devices.some((d) => d.serialNumber.endsWith("/dry-run-device"))).toBe(false);
    expect(dry.recorded).toMatchObject([{ call: "iam:CreateVirtualMFADevice", params: { VirtualMFADeviceName: "dry-run-device" } }]);
  });
});
