// Against moto through the project's launcher: the sign-in test verified from recorded CloudTrail events,
// `rootlock check` as a whole, a dry run that sends no write (counted at the server), a missing permission
// named, and throttling survived.
import { spawnSync } from "node:child_process";
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/check-schema.js";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { LiveAccount } from "../../src/aws/live/account.js";
import { runCheck } from "../../src/steps/check.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import { verifySigninTest } from "../../src/steps/signin-test.js";
import type { StepContext } from "../../src/steps/types.js";
import { createDevice } from "../../src/steps/user-mfa.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { BUNDLE, childEnv } from "../helpers/pty.js";

const available = requireMoto("the audit and fault integration tests");
const SETUP_CREDENTIALS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const WRITES = /^(Create|Delete|Update|Enable|Deactivate|Put|Attach|Detach)/;

/** A CloudTrail ConsoleLogin record as AWS stores it. */
function consoleLogin(at: Date, opts: { root?: boolean; success?: boolean; mfa?: "Yes" | "YES" | "No" }) {
  return {
    eventVersion: "1.08",
    eventID: crypto.randomUUID(),
    eventTime: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    awsRegion: "us-east-1",
    sourceIPAddress: "203.0.113.10",
    userIdentity: opts.root === false ? { type: "IAMUser", userName: "ops-admin" } : { type: "Root", arn: "arn:aws:iam::123456789012:root" },
    responseElements: { ConsoleLogin: opts.success === false ? "Failure" : "Success" },
    additionalEventData: { MFAUsed: opts.mfa ?? "Yes", MFAIdentifier: "arn:aws:iam::123456789012:mfa/root-phone" },
  };
}

describe.runIf(available)("against moto: audit, sign-in evidence, dry run, faults", () => {
  let moto: MotoServer;
  let account: LiveAccount;
  let ctx: StepContext;
  let env: Record<string, string>;

  beforeAll(async () => {
    moto = await startMoto();
    const setup = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP_CREDENTIALS, maxAttempts: 1 });
    await setup.send(new CreateUserCommand({ UserName: "ops-admin" }));
    const key = await setup.send(new CreateAccessKeyCommand({ UserName: "ops-admin" }));
    env = {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: key.AccessKey!.AccessKeyId!,
      AWS_SECRET_ACCESS_KEY: key.AccessKey!.SecretAccessKey!,
      AWS_REGION: "us-east-1",
    };
    Object.assign(process.env, env);
    account = new LiveAccount({ maxAttempts: 1 });
    const preflight = await inspectPreflight(account, () => new Date());
    ctx = {
      account,
      caller: preflight.caller,
      now: () => new Date(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      timing: { iamPollMs: 50, iamTimeoutMs: 2000, trailPollMs: 100, trailTimeoutMs: 600 },
      clockOffsetMs: preflight.clockOffsetMs,
    };
  }, 60_000);

  afterEach(async () => {
    await moto.clearFaults();
    await moto.clearEvents();
  });

  afterAll(async () => {
    await moto?.stop();
    for (const name of Object.keys(env ?? {})) delete process.env[name];
  });

  describe("the sign-in test, verified from CloudTrail's records", () => {
    const since = new Date(Date.now() - 60_000);
    const before = new Date(since.getTime() - 3_600_000);
    const after = new Date(since.getTime() + 30_000);

    it("passes on a root sign-in with MFA after the test began (MFAUsed compared without case)", async () => {
      await moto.postEvents([consoleLogin(after, { mfa: "YES" })]);
      const v = await verifySigninTest(ctx, since);
      expect(v.state).toBe("verified");
      expect(v.evidence[0]!.read).toMatch(/Root, Success, MFAUsed=Yes \(arn:aws:iam::123456789012:mfa\/root-phone\)/);
    });

    it("fails on a root sign-in without MFA", async () => {
      await moto.postEvents([consoleLogin(after, { mfa: "No" })]);
      expect(await verifySigninTest(ctx, since)).toMatchObject({ state: "failed", reason: "signin-without-mfa" });
    });

    it("stays unverified on a failed sign-in, an IAM user's sign-in, or one from before the test", async () => {
      await moto.postEvents([consoleLogin(after, { success: false }), consoleLogin(after, { root: false }), consoleLogin(before, {})]);
      expect(await verifySigninTest(ctx, since)).toMatchObject({ state: "unverified", reason: "signin-failed" });
    });

    it("pages through LookupEvents", async () => {
      await moto.postEvents(Array.from({ length: 120 }, (_, i) => consoleLogin(new Date(after.getTime() + i * 1000), { root: false })));
      expect(await account.lookupConsoleLogins(since)).toHaveLength(120);
    });
  });

  it("runs rootlock check as a whole, as a script would", async () => {
    const r = spawnSync(process.execPath, [BUNDLE, "check", "--json"], { env: childEnv(env), encoding: "utf8" });
    const report = checkReportSchema.parse(JSON.parse(r.stdout));
    expect(report.simulated).toBe(false);
    expect(report.caller).toBe("arn:aws:iam::123456789012:user/ops-admin");
    const status = Object.fromEntries(report.findings.map((f) => [f.control, f.status]));
    // moto knows no root user: no key and no MFA on it; no rule, no contact and no password policy were made, and
    // no one holds AdministratorAccess.
    expect(status).toEqual({
      "root-access-keys": "pass",
      "root-mfa": "fail",
      "root-hardware-mfa": "fail",
      "root-use": "pass",
      "root-activity-alerts": "fail",
      "security-contact": "fail",
      "admin-identity": "fail",
      "password-min-length": "fail",
      "password-reuse": "fail",
    });
    expect(r.status).toBe(1);
  });

  it("names a permission the caller lacks, and says unknown rather than guess", async () => {
    await moto.fault({ action: "GetAccountSummary", deny: true });
    const preflight = await inspectPreflight(account, () => new Date());
    expect(preflight.denied).toEqual(["iam:GetAccountSummary"]);
    const report = await runCheck(account, () => new Date(), "test", false);
    expect(report.findings.find((f) => f.control === "root-mfa")).toMatchObject({
      status: "unknown",
      evidence: "could not read (AccessDenied on iam:GetAccountSummary)",
    });
  });

  it("survives throttling: the SDK backs off and retries", async () => {
    await moto.fault({ action: "GetAccountSummary", code: "Throttling", status: 400, times: 2 });
    const patient = new LiveAccount({ maxAttempts: 4 });
    expect(await patient.getRootSummary()).toEqual({ accountAccessKeysPresent: false, accountMfaEnabled: false });
    await moto.fault({ action: "GetAccountSummary", code: "Throttling", status: 400, times: 5 });
    await expect(account.getRootSummary()).rejects.toMatchObject({ code: "Throttling", action: "iam:GetAccountSummary" });
  });

  it("sends no write in a dry run (counted at the server)", async () => {
    await moto.clearRequests();
    const dry = { ...ctx, account: new DryRunAccount(account) };
    await expect(createDevice(dry, "ops-admin")).rejects.toThrow("dry run");
    await runCheck(dry.account, () => new Date(), "test", false);
    const seen = await moto.requests();
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((r) => WRITES.test(r.action) && r.action !== "GenerateCredentialReport")).toEqual([]);
  });
});
