// Two things moto forgives and AWS does not, taught to the launcher and met here through the real SDK:
// - root signing with temporary credentials (a GetSessionToken / `aws login` session, key ASIA…): IAM refuses the
//   access-key calls without UserName, so rootlock takes the console road for root's keys and never sends them;
// - unassigned MFA devices: only one of the name the operator will type blocks the console, so only that one
//   is deleted; a device of another name (maybe a colleague's enrolment in progress) survives.
import { CreateVirtualMFADeviceCommand, IAMClient, ListAccessKeysCommand, ListVirtualMFADevicesCommand } from "@aws-sdk/client-iam";
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { LiveAccount } from "../../src/aws/live/account.js";
import { capabilitiesOf } from "../../src/steps/preflight.js";
import { runCheck } from "../../src/steps/check.js";
import { inspectRootKeys } from "../../src/steps/root-access-keys.js";
import { applyRootMfaAction, confirmOrphanDeleted, inspectRootMfa, otherOrphans, planRootMfa } from "../../src/steps/root-mfa.js";
import type { ApiAction } from "../../src/steps/types.js";
import { type Key, liveWorld, setupClient, stepContextOn } from "../helpers/live-world.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { rootAssignsVirtualMfa } from "../helpers/root-in-console.js";

const available = requireMoto("the root session and orphaned device tests");
const TIMING = { iamPollMs: 50, iamTimeoutMs: 3000, trailPollMs: 100, trailTimeoutMs: 1000 };
const mfaArn = (name: string) => `arn:aws:iam::123456789012:mfa/${name}`;

describe.runIf(available)("truth on real AWS: a root session, and orphaned MFA devices (moto through the launcher)", () => {
  let moto: MotoServer;
  let iam: IAMClient;
  let rootKeys: Key[];
  let adminKey: Key;

  /** Root's session, as GetSessionToken gives it (with MFA: without, IAM refuses every call). */
  async function rootSession(withMfa: boolean) {
    const sts = new STSClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: rootKeys[0]!, maxAttempts: 1 });
    const mfa = withMfa ? { SerialNumber: mfaArn("root-phone"), TokenCode: "123456" } : {};
    const c = (await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900, ...mfa }))).Credentials!;
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  }

  beforeAll(async () => {
    moto = await startMoto();
    // LiveAccount finds moto as the SDK finds any endpoint.
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    process.env.AWS_REGION = "us-east-1";
    iam = setupClient(moto);
    ({ rootKeys, adminKey } = await liveWorld(iam));
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_REGION;
  });

  it("answers a root session's ListAccessKeys without UserName as AWS does: 400 ValidationError", async () => {
    const session = await rootSession(true);
    expect(session.accessKeyId).toMatch(/^ASIA/);
    const asSession = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: session, maxAttempts: 1 });
    const refusal = await asSession.send(new ListAccessKeysCommand({})).catch((e: unknown) => e);
    expect(refusal).toMatchObject({
      name: "ValidationError",
      message: "Must specify userName when calling with non-User credentials",
      $metadata: { httpStatusCode: 400 },
    });
    // Without MFA, a GetSessionToken session may call no IAM API at all.
    const noMfa = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: await rootSession(false), maxAttempts: 1 });
    expect(await noMfa.send(new ListVirtualMFADevicesCommand({})).catch((e: unknown) => e)).toMatchObject({ name: "InvalidClientTokenId" });
  });

  it("with a root session, takes the console road for root's keys and never sends ListAccessKeys", async () => {
    const account = new LiveAccount({ maxAttempts: 1, credentials: await rootSession(true) });
    await moto.clearRequests();
    const ctx = await stepContextOn(account, TIMING);
    const finding = await inspectRootKeys(ctx);
    expect(ctx.caller).toMatchObject({ kind: "root", arn: "arn:aws:iam::123456789012:root", temporary: true });
    expect(ctx.caller.accessKeyId).toBeUndefined();
    expect(capabilitiesOf(ctx.caller).rootKeys).toBe("console");
    expect(finding).toMatchObject({ present: true, how: "console", rootSession: true });
    expect(finding.keys.map((k) => [k.slot, k.status])).toEqual([
      [1, "Active"],
      [2, "Active"],
    ]);
    const report = await runCheck(account, () => new Date(), "test", false);
    expect(report.findings.length).toBeGreaterThan(0);
    const sent = await moto.requests();
    expect(sent.filter((r) => r.action === "ListAccessKeys" || r.status === 400)).toEqual([]);
  });

  it("deletes only the unassigned device of the chosen name; one of another name survives, read back from moto", async () => {
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "root-mfa" }));
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "colleague-phone" }));
    const admin = await stepContextOn(new LiveAccount({ maxAttempts: 1, credentials: adminKey }), TIMING);
    const finding = await inspectRootMfa(admin);
    expect(finding.orphans.map((d) => d.serialNumber).sort()).toEqual([mfaArn("colleague-phone"), mfaArn("root-mfa")]);

    const deletions = planRootMfa(finding, "root-mfa").filter((a): a is ApiAction => a.by === "rootlock");
    expect(deletions.map((a) => shownCall(a).params.SerialNumber)).toEqual([mfaArn("root-mfa")]);
    expect(otherOrphans(finding, "root-mfa").map((d) => d.serialNumber)).toEqual([mfaArn("colleague-phone")]);
    for (const action of deletions) {
      await applyRootMfaAction(admin, action);
      expect(await confirmOrphanDeleted(admin, action)).toBeDefined();
    }
    const left = (await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices ?? [];
    expect(left.map((d) => d.SerialNumber)).toEqual([mfaArn("colleague-phone")]);

    // The console: a device of the same name would be refused; of another name, it is no obstacle.
    await expect(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "colleague-phone" }))).rejects.toMatchObject({
      name: "EntityAlreadyExistsException",
    });
    await rootAssignsVirtualMfa(iam, "root-mfa");
    const after = await inspectRootMfa(admin);
    expect(after.rootDevices.map((d) => d.serialNumber)).toEqual([mfaArn("root-mfa")]);
    expect(after.orphans.map((d) => d.serialNumber)).toEqual([mfaArn("colleague-phone")]);
  });
});
