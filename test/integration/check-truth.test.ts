// `rootlock check` against moto through the real SDK: every request it sends is in the policy `rootlock policy
// --check` prints, and its CIS 1.7 row judges root's sign-ins before and after root's MFA was enabled.
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from "@aws-sdk/client-eventbridge";
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from "@aws-sdk/client-iam";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LiveAccount } from "../../src/aws/live/account.js";
import { actionsFor } from "../../src/aws/permissions.js";
import { runCheck } from "../../src/steps/check.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { type Key, liveWorld, SETUP, setupClient } from "../helpers/live-world.js";

const available = requireMoto("the check truth integration tests");

/** A CloudTrail record as AWS stores it (eventTime to the second, as CloudTrail writes it). */
function record(eventName: string, at: Date, extra: object) {
  return { eventVersion: "1.08", eventID: crypto.randomUUID(), eventTime: at.toISOString().replace(/\.\d{3}Z$/, "Z"), eventName, awsRegion: "us-east-1", ...extra };
}
const ROOT = { userIdentity: { type: "Root", arn: "arn:aws:iam::123456789012:root" } };
const rootSignin = (at: Date, mfa: "Yes" | "No") =>
  record("ConsoleLogin", at, { ...ROOT, eventSource: "signin.amazonaws.com", responseElements: { ConsoleLogin: "Success" }, additionalEventData: { MFAUsed: mfa } });

describe.runIf(available)("rootlock check against moto", () => {
  let moto: MotoServer;
  let admin: Key;
  let root: Key;
  const live = (key: Key) => new LiveAccount({ maxAttempts: 1, credentials: key });

  beforeAll(async () => {
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    const world = await liveWorld(setupClient(moto));
    admin = world.adminKey;
    root = world.rootKeys[0]!;
    // Something for every read of the audit to find: a root sign-in rule whose SNS topic it must read.
    const common = { region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 };
    const topic = await new SNSClient(common).send(new CreateTopicCommand({ Name: "security" }));
    const events = new EventBridgeClient(common);
    const pattern = JSON.stringify({ "detail-type": ["AWS Console Sign In via CloudTrail"], detail: { userIdentity: { type: ["Root"] } } });
    await events.send(new PutRuleCommand({ Name: "root-sign-in", EventPattern: pattern, State: "ENABLED" }));
    await events.send(new PutTargetsCommand({ Rule: "root-sign-in", Targets: [{ Id: "mail", Arn: topic.TopicArn }] }));
  }, 60_000);

  afterEach(async () => {
    await moto.clearEvents();
  });

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
  });

  it("sends nothing that `rootlock policy --check` does not allow, as an admin and as root", async () => {
    // A root sign-in without MFA makes the audit read root's MFA enablements too.
    await moto.postEvents([rootSignin(new Date(Date.now() - 3_600_000), "No")]);
    const allowed = new Set(actionsFor("check"));
    for (const key of [admin, root]) {
      await moto.clearRequests();
      await runCheck(live(key), () => new Date(), "test", false);
      const seen = await moto.requests();
      // JSON and query protocols name their action; REST ones (the Account API) only their service.
      const named = seen.filter((r) => r.action).map((r) => `${r.service}:${r.action}`);
      expect(named.length).toBeGreaterThan(10);
      expect([...new Set(named)].filter((a) => !allowed.has(a))).toEqual([]);
      const services = new Set([...allowed].map((a) => a.split(":")[0]));
      expect(seen.filter((r) => !r.action && !services.has(r.service))).toEqual([]);
    }
  });

  describe("CIS 1.7: root's sign-ins before and after root's MFA was enabled", () => {
    let enabledAt: Date;

    beforeAll(async () => {
      // The stand-in root gets a virtual device, as the console's Assign MFA device makes one.
      const iam = setupClient(moto);
      const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "root-phone" }));
      await iam.send(
        new EnableMFADeviceCommand({
          UserName: "root-standin",
          SerialNumber: device.VirtualMFADevice!.SerialNumber!,
          AuthenticationCode1: "123456",
          AuthenticationCode2: "654321",
        }),
      );
      const listed = await live(admin).listVirtualMfaDevices("Assigned");
      enabledAt = listed.find((d) => d.userArn?.endsWith(":root"))!.enabledAt!;
      expect(enabledAt).toBeInstanceOf(Date);
    });

    const rootUse = async () => (await runCheck(live(admin), () => new Date(), "test", false)).findings.find((f) => f.control === "root-use")!;

    it("passes the sign-in without MFA made to set root's MFA up, and shows it as such", async () => {
      await moto.postEvents([rootSignin(new Date(enabledAt.getTime() - 600_000), "No"), rootSignin(new Date(enabledAt.getTime() + 2_000), "Yes")]);
      const row = await rootUse();
      expect(row.status).toBe("pass");
      expect(row.evidence).toMatch(/2 root sign-ins in 90 days, 1 without MFA; .*1 of them before root's MFA was enabled \(.*\), 0 after$/);
    });

    it("fails a sign-in without MFA after root's MFA was enabled", async () => {
      await moto.postEvents([rootSignin(new Date(enabledAt.getTime() - 600_000), "No"), rootSignin(new Date(enabledAt.getTime() + 2_000), "No")]);
      expect(await rootUse()).toMatchObject({ status: "fail", evidence: expect.stringMatching(/1 of them before root's MFA was enabled \(.*\), 1 after$/) });
    });

    it("reads root's own successful EnableMFADevice events (a hardware key's or a passkey's start), and no one else's", async () => {
      const at = new Date(Date.now() - 86_400_000);
      const iamEvent = { eventSource: "iam.amazonaws.com", requestParameters: { userName: "AWS ROOT USER", serialNumber: "arn:aws:iam::123456789012:u2f/root/key" } };
      await moto.postEvents([
        record("EnableMFADevice", at, { ...ROOT, ...iamEvent }),
        record("EnableMFADevice", at, { ...ROOT, ...iamEvent, errorCode: "InvalidAuthenticationCode" }),
        record("EnableMFADevice", at, { ...iamEvent, userIdentity: { type: "IAMUser", userName: "ops-admin" } }),
      ]);
      const found = await live(admin).lookupRootMfaEnablements(new Date(at.getTime() - 60_000));
      expect(found.map((e) => [e.at.toISOString(), e.serialNumber])).toEqual([
        [at.toISOString().replace(/\.\d{3}Z$/, ".000Z"), "arn:aws:iam::123456789012:u2f/root/key"],
      ]);
    });
  });
});
