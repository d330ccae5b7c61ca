// Root-activity alerts through the real adapter and the real SDK against moto's SNS, EventBridge, CloudTrail and
// S3 (the launcher keeps an email subscription pending until the test clicks its link, as AWS does). A first run
// sets everything up and reads it back; a second run plans nothing and sends no write; drift is repaired.
import { CloudTrailClient, GetEventSelectorsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { CreateBucketCommand, GetBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import {
  type AlertChoices,
  applyAlertAction,
  confirmAlertAction,
  existingAlertsVerdict,
  inspectAlerts,
  planAlerts,
  sendTestAlert,
  verifyAlerts,
} from "../../src/steps/alerts.js";
import { runCheck } from "../../src/steps/check.js";
import { adminContextOn } from "../helpers/live-world.js";
import type { StepContext } from "../../src/steps/types.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";

const available = requireMoto("the alerts integration tests");
const SETUP_CREDENTIALS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const EMAIL = "owner@example.com";
const CHOICES: AlertChoices = { email: EMAIL, apiCalls: true, createTrail: true };
const WRITES = /^(Create|Put|Set|Subscribe|Publish|Start|Delete)/;

const adminContext = adminContextOn;

describe.runIf(available)("alerts against moto", () => {
  let moto: MotoServer;
  let ctx: StepContext;

  beforeAll(async () => {
    moto = await startMoto();
    ctx = await adminContext(moto);
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
  });

  it("a dry run reads the account and sends no write", async () => {
    const dry = new DryRunAccount(ctx.account);
    const dryCtx = { ...ctx, account: dry };
    await moto.clearRequests();
    const plan = planAlerts(await inspectAlerts(dryCtx), CHOICES);
    expect(plan).toHaveLength(13);
    for (const action of plan) await expect(applyAlertAction(dryCtx, action)).rejects.toThrow("dry run");
    expect(dry.recorded.map((w) => w.call)).toEqual(plan.map((a) => shownCall(a).call));
    const sent = (await moto.requests()).filter((r) => WRITES.test(r.action));
    expect(sent).toEqual([]);
  });

  it("sets everything up, each change read back; unverified while the email is pending, verified once confirmed", async () => {
    const finding = await inspectAlerts(ctx);
    expect(finding.trails).toEqual([]);
    for (const action of planAlerts(finding, CHOICES)) {
      await applyAlertAction(ctx, action);
      expect(await confirmAlertAction(ctx, action), shownCall(action).call).toBeDefined();
    }
    expect(await verifyAlerts(ctx, finding, CHOICES)).toMatchObject({ state: "unverified", reason: "subscription-pending" });
    expect(await moto.confirmEmail(EMAIL)).toBe(1);
    const v = await verifyAlerts(ctx, finding, CHOICES);
    expect(v).toMatchObject({ state: "verified" });
    expect(v.evidence.map((e) => e.read)).toContain(`email ${EMAIL}: confirmed`);
    const trail = (await ctx.account.listTrails())[0];
    expect(trail).toMatchObject({ name: "rootlock-management-events", multiRegion: true, logging: true, managementEvents: "all" });
    const rule = await ctx.account.getEventRule("rootlock-root-console-sign-in");
    expect(rule?.targets[0]?.inputPathsMap).toMatchObject({ ip: "$.detail.sourceIPAddress", mfa: "$.detail.additionalEventData.MFAUsed" });
  });

  it("a second run plans nothing and sends no write", async () => {
    await moto.clearRequests();
    const finding = await inspectAlerts(ctx);
    expect(finding.deliveringTrail?.name).toBe("rootlock-management-events");
    expect(planAlerts(finding, CHOICES)).toEqual([]);
    const requests = await moto.requests();
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((r) => WRITES.test(r.action))).toEqual([]);
  });

  it("the topic policy is the form EventBridge's guide documents: ArnEquals on aws:SourceArn, naming each rule", async () => {
    const finding = await inspectAlerts(ctx);
    const policy = JSON.parse((await ctx.account.getTopic(finding.topicArn))!.policy!) as {
      Statement: { Sid: string; Principal: unknown; Action: string; Condition: unknown }[];
    };
    const mine = policy.Statement.find((s) => s.Sid === "rootlock-eventbridge-publish")!;
    expect(mine).toMatchObject({ Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish" });
    expect(mine.Condition).toEqual({
      ArnEquals: {
        "aws:SourceArn": ["console-sign-in", "mfa-removal", "api-call"].map((r) => `arn:aws:events:us-east-1:123456789012:rule/rootlock-root-${r}`),
      },
    });
  });

  it("reads no bucket once a trail delivers: the bucket matters only when a trail will be created", async () => {
    await moto.clearRequests();
    const finding = await inspectAlerts(ctx);
    expect(finding.deliveringTrail).toBeDefined();
    expect(finding.bucket).toBeUndefined();
    expect((await moto.requests()).filter((r) => r.service === "s3")).toEqual([]);
  });

  it("rootlock check sees the alerts delivered to a confirmed address, and the MFA-removal rule backed by a trail", async () => {
    const report = await runCheck(ctx.account, () => new Date(), "test", false);
    const alerts = report.findings.find((f) => f.control === "root-activity-alerts")!;
    expect(alerts).toMatchObject({ status: "pass", cis: "4.3", securityHub: "—", related: "CloudWatch.1" });
    expect(alerts.evidence).toContain("rootlock-root-console-sign-in → arn:aws:sns:us-east-1:123456789012:rootlock-root-activity (1 confirmed)");
    expect(alerts.evidence).toContain("root MFA-removal alert: yes");
  });

  it("repairs a disabled-by-edit rule and a lost policy statement, and nothing else", async () => {
    const finding = await inspectAlerts(ctx);
    await ctx.account.send({
      op: "putEventRule",
      args: { name: "rootlock-root-mfa-removal", pattern: JSON.stringify({ source: ["aws.iam"] }), description: "edited by hand", state: "ENABLED" },
    });
    await ctx.account.send({ op: "setTopicPolicy", args: { topicArn: finding.topicArn, policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) } });
    const plan = planAlerts(await inspectAlerts(ctx), CHOICES);
    expect(plan.map((a) => `${shownCall(a).call} ${shownCall(a).params.Name ?? shownCall(a).params.TopicArn}`)).toEqual([
      `sns:SetTopicAttributes ${finding.topicArn}`,
      "events:PutRule rootlock-root-mfa-removal",
    ]);
    for (const action of plan) await applyAlertAction(ctx, action);
    expect(planAlerts(await inspectAlerts(ctx), CHOICES)).toEqual([]);
  });

  it("sends a test message through the topic", async () => {
    const finding = await inspectAlerts(ctx);
    const receipt = await sendTestAlert(ctx, finding.topicArn);
    expect(receipt).toMatchObject({ call: "sns:Publish" });
    expect(receipt.requestId).toBeTruthy();
  });
});

// A member account of an organization (Control Tower, any organization trail): the management account's trail is
// listed by DescribeTrails, and GetTrailStatus / GetEventSelectors on it are refused, as AWS refuses them there.
describe.runIf(available)("alerts in a member account of an organization, against moto", () => {
  const MANAGEMENT = "999988887777";
  const ORG_TRAIL = "aws-controltower-BaselineCloudTrail";
  let moto: MotoServer;
  let ctx: StepContext;

  beforeAll(async () => {
    moto = await startMoto();
    ctx = await adminContext(moto);
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
  });

  it("a bucket name held by another account: S3 refuses it (ExpectedBucketOwner), and no trail is planned with it", async () => {
    const bucket = "rootlock-cloudtrail-123456789012";
    await moto.foreignBucket({ name: bucket, owner: MANAGEMENT });
    // The launcher answers as S3 does: 403 for another account's bucket, and for ExpectedBucketOwner not matched.
    const s3 = new S3Client({ region: "us-east-1", endpoint: moto.endpoint, forcePathStyle: true, credentials: SETUP_CREDENTIALS, maxAttempts: 1 });
    await s3.send(new CreateBucketCommand({ Bucket: "mine-123456789012" }));
    await expect(s3.send(new GetBucketPolicyCommand({ Bucket: "mine-123456789012", ExpectedBucketOwner: MANAGEMENT }))).rejects.toMatchObject({ name: "AccessDenied" });

    const finding = await inspectAlerts(ctx);
    expect(finding.bucket).toEqual({ exists: true, ownedElsewhere: true });
    expect(finding.evidence.map((e) => e.read).join("\n")).toContain(`${bucket}: refused (403)`);
    const plan = planAlerts(finding, CHOICES);
    expect(plan.filter((a) => shownCall(a).call.startsWith("s3:") || shownCall(a).call.startsWith("cloudtrail:"))).toEqual([]);
    expect(plan.filter((a) => shownCall(a).call === "events:PutRule").map((a) => shownCall(a).params.Name)).toEqual([
      "rootlock-root-console-sign-in",
      "rootlock-root-mfa-removal",
      "rootlock-root-api-call",
    ]);
  });

  it("the organization's trail: listed, refused by GetTrailStatus / GetEventSelectors as on AWS, and counted from DescribeTrails", async () => {
    await moto.orgTrail({ name: ORG_TRAIL, owner: MANAGEMENT });
    const arn = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/${ORG_TRAIL}`;
    const direct = new CloudTrailClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP_CREDENTIALS, maxAttempts: 1 });
    await expect(direct.send(new GetTrailStatusCommand({ Name: arn }))).rejects.toMatchObject({ name: "TrailNotFoundException" });
    await expect(direct.send(new GetEventSelectorsCommand({ TrailName: arn }))).rejects.toMatchObject({ name: "CloudTrailARNInvalidException" });

    await moto.clearRequests();
    const finding = await inspectAlerts(ctx);
    expect(finding.deliveringTrail).toMatchObject({ name: ORG_TRAIL, arn, organization: true, ownerAccountId: MANAGEMENT, statusFrom: "organization" });
    expect(finding.evidence.map((e) => e.read)).toContain(
      `${ORG_TRAIL} is the organization's trail (owned by account ${MANAGEMENT}; multi-region, global service events included), judged from DescribeTrails: a member account cannot read its status, and the organization keeps it logging management events`,
    );
    // No trail of rootlock's own, and its bucket is not even read.
    const plan = planAlerts(finding, CHOICES);
    expect(plan.filter((a) => shownCall(a).call.startsWith("s3:") || shownCall(a).call.startsWith("cloudtrail:"))).toEqual([]);
    expect(plan.filter((a) => shownCall(a).call === "events:PutRule").map((a) => shownCall(a).params.Name)).toEqual([
      "rootlock-root-console-sign-in",
      "rootlock-root-mfa-removal",
      "rootlock-root-api-call",
    ]);
    expect((await moto.requests()).filter((r) => r.service === "s3")).toEqual([]);
  });

  it("rootlock check is not sunk by the organization's trail, and names it in the alert row's evidence", async () => {
    const report = await runCheck(ctx.account, () => new Date(), "test", false);
    const alerts = report.findings.find((f) => f.control === "root-activity-alerts")!;
    expect(alerts.status).not.toBe("unknown");
    expect(alerts.evidence).toContain(`trail: ${ORG_TRAIL} is the organization's trail (owned by account ${MANAGEMENT};`);
  });

  it("one trail that may not be read does not sink the others: it is listed as unreadable, the organization's still counts", async () => {
    await ctx.account.send({ op: "createBucket", args: { bucket: "own-trail-bucket-123456789012" } });
    await ctx.account.send({ op: "createTrail", args: { name: "own-trail", bucket: "own-trail-bucket-123456789012" } });
    await moto.fault({ action: "GetTrailStatus", deny: true });
    try {
      const trails = await ctx.account.listTrails();
      expect(trails.find((t) => t.name === "own-trail")).toMatchObject({
        statusFrom: "unreadable",
        unreadable: { code: "AccessDenied", action: "cloudtrail:GetTrailStatus" },
      });
      const finding = await inspectAlerts(ctx);
      expect(finding.deliveringTrail?.name).toBe(ORG_TRAIL);
      expect(finding.evidence.map((e) => e.read)).toContain("own-trail: could not read (AccessDenied on cloudtrail:GetTrailStatus), not counted");
    } finally {
      await moto.clearFaults();
    }
  });
});

// An account whose owner set up a root-sign-in alert by hand: a rule that also takes read-only events (its State
// must round-trip, and count as enabled), written with the guide's "Signin" spelling, to a topic with a confirmed
// address. check's alert row fails while no trail brings the events (the rule cannot fire), passes once one does;
// the alerts step then recognises it as already in place.
describe.runIf(available)("a hand-made root-sign-in alert against moto", () => {
  let moto: MotoServer;
  let ctx: StepContext;
  const RULE = "security-root-sign-in";
  const alertRow = async () => (await runCheck(ctx.account, () => new Date(), "test", false)).findings.find((f) => f.control === "root-activity-alerts")!;

  beforeAll(async () => {
    moto = await startMoto();
    ctx = await adminContext(moto);
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
  });

  it("round-trips the rule's State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, and counts it as enabled", async () => {
    const topic = `arn:aws:sns:us-east-1:${ctx.caller.accountId}:security-alerts`;
    await ctx.account.send({ op: "createTopic", args: { name: "security-alerts" } });
    await ctx.account.send({ op: "subscribeEmail", args: { topicArn: topic, email: "security@example.com" } });
    expect(await moto.confirmEmail("security@example.com")).toBe(1);
    const pattern = JSON.stringify({ "detail-type": ["AWS Console Signin via CloudTrail"], detail: { userIdentity: { type: ["Root"] } } });
    await ctx.account.send({ op: "putEventRule", args: { name: RULE, pattern, description: "hand-made", state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" } });
    await ctx.account.send({ op: "putRuleTarget", args: { rule: RULE, target: { id: "security", arn: topic } } });
    expect(await ctx.account.getEventRule(RULE)).toMatchObject({ enabled: true, state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" });
    expect((await ctx.account.listEventRules()).find((r) => r.name === RULE)).toMatchObject({ enabled: true, targets: 1 });
  });

  it("check's alert row fails while no trail lets the rule fire, and passes once one logs management events", async () => {
    const without = await alertRow();
    expect(without.status).toBe("fail");
    expect(without.evidence).toContain(
      `${RULE} → arn:aws:sns:us-east-1:${ctx.caller.accountId}:security-alerts (1 confirmed), but NO trail logs management events into us-east-1, so the rule cannot fire`,
    );
    expect((await inspectAlerts(ctx)).existing).toBeUndefined();

    await ctx.account.send({ op: "createBucket", args: { bucket: "audit-trail-logs-bucket" } });
    await ctx.account.send({ op: "createTrail", args: { name: "audit-trail", bucket: "audit-trail-logs-bucket" } });
    await ctx.account.send({ op: "startLogging", args: { name: "audit-trail" } });
    const withTrail = await alertRow();
    expect(withTrail.status).toBe("pass");
    expect(withTrail.evidence).toContain("trail audit-trail logs management events into us-east-1");
  });

  it("the alerts step recognises the hand-made rule and topic as already in place", async () => {
    const finding = await inspectAlerts(ctx);
    expect(finding.existing).toMatchObject({
      routes: [{ rule: RULE, target: `arn:aws:sns:us-east-1:${ctx.caller.accountId}:security-alerts`, confirmed: 1 }],
      trail: "audit-trail",
    });
    expect(existingAlertsVerdict(finding)).toMatchObject({ state: "verified", reason: "already-compliant" });
  });
});
