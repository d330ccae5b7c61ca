// The root-specific paths against moto, whose launcher makes a stand-in IAM user act as root: root's own key
// deletes the other key and then itself, proven by AWS rejecting it (with moto's signature checking on); an
// admin identity sees root's keys in the summary and the credential report, and verifies them gone; root MFA
// assigned (as the console would) is verified from the admin identity, on a device assigned to …:root.
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { LiveAccount } from "../../src/aws/live/account.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import {
  applyRootKeyAction,
  confirmRootKeyAction,
  inspectRootKeys,
  isSigningKeyDeletion,
  planRootKeys,
  verifyRootKeys,
  verifySigningKeyRejected,
} from "../../src/steps/root-access-keys.js";
import { inspectRootMfa, verifyRootMfa } from "../../src/steps/root-mfa.js";
import type { ApiAction, StepContext } from "../../src/steps/types.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";

const available = requireMoto("the root stand-in integration tests");
const SETUP = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const EVERYTHING = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

type Key = { accessKeyId: string; secretAccessKey: string };

describe.runIf(available)("root's paths against moto (a stand-in user acts as root)", () => {
  let moto: MotoServer;
  let rootKeys: Key[];
  let adminKey: Key;

  /** A step context for a caller, through the real adapter and SDK. */
  async function contextFor(key: Key): Promise<StepContext> {
    const account = new LiveAccount({ maxAttempts: 1, credentials: key });
    const preflight = await inspectPreflight(account, () => new Date());
    return {
      account,
      caller: preflight.caller,
      now: () => new Date(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      timing: { iamPollMs: 50, iamTimeoutMs: 3000, trailPollMs: 100, trailTimeoutMs: 1000 },
      clockOffsetMs: preflight.clockOffsetMs,
    };
  }

  beforeAll(async () => {
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    process.env.AWS_REGION = "us-east-1";
    const iam = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 });
    const key = async (user: string): Promise<Key> => {
      const k = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!;
      return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
    };
    for (const user of ["root-standin", "ops-admin"]) {
      await iam.send(new CreateUserCommand({ UserName: user }));
      // Needed once moto checks signatures and permissions (turned on below for the rejection proof).
      await iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: "everything", PolicyDocument: EVERYTHING }));
    }
    rootKeys = [await key("root-standin"), await key("root-standin")];
    adminKey = await key("ops-admin");
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_REGION;
  });

  it("shows root's keys to the admin identity: summary flag, and the credential report's <root_account> row", async () => {
    const admin = await contextFor(adminKey);
    expect(admin.caller.kind).toBe("iam-user");
    const finding = await inspectRootKeys(admin);
    expect(finding).toMatchObject({ present: true, how: "console" });
    expect(finding.keys.map((k) => [k.slot, k.status])).toEqual([
      [1, "Active"],
      [2, "Active"],
    ]);
  });

  it("assigns root MFA (as the console would) and verifies it from the admin identity", async () => {
    const root = await contextFor(rootKeys[0]!);
    expect(root.caller).toMatchObject({ kind: "root", arn: "arn:aws:iam::123456789012:root", accessKeyId: rootKeys[0]!.accessKeyId });
    const device = await root.account.send({ op: "createVirtualMfaDevice", args: { name: "root-phone" } });
    const step = timeStepOf(new Date());
    // moto's EnableMFADevice wants a user name; with root's key the launcher fills in the stand-in, as AWS
    // acts on the caller. (The real AWS API refuses root MFA: the console does this step.)
    await root.account.send(
      { op: "enableMfaDevice", args: { userName: "", serialNumber: device.serialNumber } },
      { code1: codeAt(device.secret, step - 1), code2: codeAt(device.secret, step) },
    );
    const admin = await contextFor(adminKey);
    expect(await verifyRootMfa(admin)).toMatchObject({ state: "verified" });
    const finding = await inspectRootMfa(admin);
    expect(finding.rootDevices.map((d) => [d.serialNumber, d.userArn])).toEqual([["arn:aws:iam::123456789012:mfa/root-phone", "arn:aws:iam::123456789012:root"]]);
  });

  it("deletes root's keys with root's own key, the signing key last, and proves AWS rejects it", async () => {
    const root = await contextFor(rootKeys[0]!);
    const finding = await inspectRootKeys(root);
    expect(finding.how).toBe("api");
    const plan = planRootKeys(finding) as ApiAction[];
    expect(plan.map((a) => `${shownCall(a).call} ${shownCall(a).params.AccessKeyId}`)).toEqual([
      `iam:UpdateAccessKey ${rootKeys[1]!.accessKeyId}`,
      `iam:DeleteAccessKey ${rootKeys[1]!.accessKeyId}`,
      `iam:DeleteAccessKey ${rootKeys[0]!.accessKeyId}`,
    ]);
    expect(isSigningKeyDeletion(plan[2]!, finding)).toBe(true);
    for (const action of plan.slice(0, 2)) {
      await applyRootKeyAction(root, action);
      expect(await confirmRootKeyAction(root, action)).toBeDefined();
    }
    // From here moto checks every request's signature and key, as AWS does.
    await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" });
    await applyRootKeyAction(root, plan[2]!);
    const rejected = await verifySigningKeyRejected(root);
    expect(rejected.state).toBe("verified");
    expect(rejected.evidence[0]!.read).toContain("InvalidClientTokenId");

    const admin = await contextFor(adminKey);
    expect(await verifyRootKeys(admin)).toMatchObject({ state: "verified", evidence: [{ read: "AccountAccessKeysPresent=0" }] });
  });
});
