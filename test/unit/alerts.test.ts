// The alerts step on the simulated account: plan only what is missing, apply with read-back, a pending email
// subscription that leaves the step unverified until its owner clicks the link, a second run that plans nothing,
// drift repaired, the trail offered when none logs management events, and the alert that a root sign-in sends.
import { describe, expect, it } from "vitest";
import { shownCall } from "../../src/aws/operations.js";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { SimulatedAccount, type ScenarioName } from "../../src/aws/simulated/index.js";
import { matchesPattern, transformInput } from "../../src/aws/event-pattern.js";
import { alertRules, publishStatement, topicArnFor, topicPolicyIsRight, topicPolicyWith, trailBucketPolicy } from "../../src/steps/alert-shapes.js";
import { alertsRegionFor, partitionOf, partitionOfRegion } from "../../src/aws/partition.js";
import { runCheck } from "../../src/steps/check.js";
import {
  type AlertChoices,
  alertActionHolds,
  applyAlertAction,
  confirmAlertAction,
  existingAlertsVerdict,
  inspectAlerts,
  planAlerts,
  sendTestAlert,
  trailExpected,
  verifyAlerts,
} from "../../src/steps/alerts.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { Account } from "../../src/aws/account.js";
import type { StepContext } from "../../src/steps/types.js";

const START = new Date("2026-11-22T10:00:05Z");
const TIMING = { iamPollMs: 500, iamTimeoutMs: 10_000, trailPollMs: 1000, trailTimeoutMs: 20_000 };
const EMAIL = "owner@example.com";

async function world(scenario: ScenarioName, wrap?: (a: Account) => Account) {
  let clock = START.getTime();
  const now = () => new Date(clock);
  const simulated = new SimulatedAccount({ scenario, now, visibilityDelayMs: 1500, cloudTrailDelayMs: 8000, reportDelayMs: 0 });
  const account = wrap ? wrap(simulated) : simulated;
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
  return { simulated, ctx, advance: (ms: number) => (clock += ms) };
}

async function applyAll(ctx: StepContext, choices: AlertChoices) {
  const finding = await inspectAlerts(ctx);
  const plan = planAlerts(finding, choices);
  for (const action of plan) {
    await applyAlertAction(ctx, action);
    expect(await confirmAlertAction(ctx, action), shownCall(action).call).toBeDefined();
  }
  return { finding, plan };
}

describe("alerts step", () => {
  it("on a new account: topic, policy, subscription, trail and rules, in that order", async () => {
    const { ctx } = await world("new-account");
    const finding = await inspectAlerts(ctx);
    expect(finding.topic).toBeUndefined();
    expect(finding.deliveringTrail).toBeUndefined();
    const plan = planAlerts(finding, { email: EMAIL, apiCalls: true, createTrail: true });
    expect(plan.map((a) => shownCall(a).call)).toEqual([
      "sns:CreateTopic",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "s3:CreateBucket",
      "s3:PutBucketPolicy",
      "cloudtrail:CreateTrail",
      "cloudtrail:StartLogging",
      "events:PutRule",
      "events:PutTargets",
      "events:PutRule",
      "events:PutTargets",
      "events:PutRule",
      "events:PutTargets",
    ]);
    expect(plan.filter((a) => shownCall(a).call === "events:PutRule").map((a) => shownCall(a).params.Name)).toEqual([
      "rootlock-root-console-sign-in",
      "rootlock-root-mfa-removal",
      "rootlock-root-api-call",
    ]);
  });

  it("every rule needs the trail, the sign-in rule too, and the sign-in rule names both spellings of its detail type", () => {
    const rules = alertRules("arn:aws:sns:us-east-1:123456789012:t");
    expect(rules.map((r) => [r.kind, r.needsTrail])).toEqual([
      ["console-sign-in", true],
      ["mfa-removal", true],
      ["api-call", true],
    ]);
    const signIn = rules[0]!;
    expect(signIn.pattern).toMatchObject({ "detail-type": ["AWS Console Sign In via CloudTrail", "AWS Console Signin via CloudTrail"] });
    const event = { "detail-type": "AWS Console Sign In via CloudTrail", detail: { userIdentity: { type: "Root" } } };
    expect(matchesPattern(signIn.pattern, event)).toBe(true);
    expect(matchesPattern(signIn.pattern, { ...event, "detail-type": "AWS Console Signin via CloudTrail" })).toBe(true);
  });

  it("without a trail and without consent to create one, sets the rules up but says they cannot fire (no-trail)", async () => {
    const { ctx, simulated } = await world("new-account");
    const choices = { email: EMAIL, apiCalls: true, createTrail: false };
    const { plan, finding } = await applyAll(ctx, choices);
    expect(plan.some((a) => shownCall(a).call.startsWith("cloudtrail:") || shownCall(a).call.startsWith("s3:"))).toBe(false);
    expect(plan.filter((a) => shownCall(a).call === "events:PutRule").map((a) => shownCall(a).params.Name)).toEqual([
      "rootlock-root-console-sign-in",
      "rootlock-root-mfa-removal",
      "rootlock-root-api-call",
    ]);
    await simulated.console.confirmAlertEmail(EMAIL);
    const v = await verifyAlerts(ctx, finding, choices);
    expect(v).toMatchObject({ state: "unverified", reason: "no-trail" });
    expect(v.evidence.map((e) => e.read)).toContain("NO trail logs management events into us-east-1: EventBridge receives none of these events, so no rule can fire");
  });

  it("offers read-only calls for the API-call rule: put with State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, and right only with it", async () => {
    const { ctx } = await world("hardened");
    const readOnly = { email: EMAIL, apiCalls: true, readOnlyApiCalls: true, createTrail: false };
    const { plan } = await applyAll(ctx, readOnly);
    const puts = plan.filter((a) => shownCall(a).call === "events:PutRule").map((a) => [shownCall(a).params.Name, shownCall(a).params.State]);
    expect(puts).toEqual([
      ["rootlock-root-console-sign-in", "ENABLED"],
      ["rootlock-root-mfa-removal", "ENABLED"],
      ["rootlock-root-api-call", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"],
    ]);
    await ctx.sleep(2000);
    expect(await ctx.account.getEventRule("rootlock-root-api-call")).toMatchObject({ enabled: true, state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" });
    expect(planAlerts(await inspectAlerts(ctx), readOnly)).toEqual([]);
    // Write calls only, now: the rule's state is repaired, nothing else.
    const writesOnly = planAlerts(await inspectAlerts(ctx), { ...readOnly, readOnlyApiCalls: false });
    expect(writesOnly.map((a) => `${shownCall(a).call} ${shownCall(a).params.Name} ${shownCall(a).params.State}`)).toEqual([
      "events:PutRule rootlock-root-api-call ENABLED",
    ]);
  });

  it("on the hardened account, the hand-made rule and topic that deliver root sign-ins, with the trail, are already in place", async () => {
    const { ctx } = await world("hardened");
    const finding = await inspectAlerts(ctx);
    expect(finding.existing).toMatchObject({
      status: "pass",
      routes: [{ rule: "root-console-sign-in", target: "arn:aws:sns:us-east-1:123456789012:security-alerts", confirmed: 1 }],
      trail: "management-trail",
    });
    const v = existingAlertsVerdict(finding);
    expect(v).toMatchObject({ state: "verified", reason: "already-compliant" });
    expect(v!.evidence.map((e) => e.read).join("\n")).toContain(
      "root-console-sign-in → arn:aws:sns:us-east-1:123456789012:security-alerts (1 confirmed); trail management-trail",
    );
  });

  it("a new account's own alerts are not in place: nothing delivers yet", async () => {
    const { ctx } = await world("new-account");
    const finding = await inspectAlerts(ctx);
    expect(finding.existing).toBeUndefined();
    expect(existingAlertsVerdict(finding)).toBeUndefined();
  });

  it("is unverified while the subscription is pending, verified once the owner clicks the link; a second run plans nothing", async () => {
    const { ctx, simulated } = await world("new-account");
    const choices = { email: EMAIL, apiCalls: false, createTrail: true };
    const { finding } = await applyAll(ctx, choices);
    const pending = await verifyAlerts(ctx, finding, choices);
    expect(pending).toMatchObject({ state: "unverified", reason: "subscription-pending" });
    expect(pending.evidence.map((e) => e.read)).toContain(`email ${EMAIL}: pending`);

    expect(await simulated.console.confirmAlertEmail(EMAIL)).toBe(true);
    const confirmed = await verifyAlerts(ctx, finding, choices);
    expect(confirmed).toMatchObject({ state: "verified", reason: "read-back-confirms" });

    const again = await inspectAlerts(ctx);
    expect(again.deliveringTrail?.name).toBe("rootlock-management-events");
    expect(planAlerts(again, choices)).toEqual([]);
  });

  it("repairs drift: a rule's pattern changed by hand, a target removed, the policy statement lost", async () => {
    const { ctx, simulated } = await world("new-account");
    const choices = { email: EMAIL, apiCalls: false, createTrail: false };
    const { finding } = await applyAll(ctx, choices);
    await simulated.send({
      op: "putEventRule",
      args: { name: "rootlock-root-console-sign-in", pattern: JSON.stringify({ source: ["aws.signin"] }), description: "edited", state: "ENABLED" },
    });
    await simulated.send({ op: "setTopicPolicy", args: { topicArn: finding.topicArn, policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) } });
    await ctx.sleep(2000);
    const plan = planAlerts(await inspectAlerts(ctx), choices);
    expect(plan.map((a) => shownCall(a).call)).toEqual(["sns:SetTopicAttributes", "events:PutRule"]);
    for (const action of plan) await applyAlertAction(ctx, action);
    await ctx.sleep(2000);
    expect(planAlerts(await inspectAlerts(ctx), choices)).toEqual([]);
  });

  it("keeps the topic policy's other statements and scopes its own to this account's rootlock rules", () => {
    const arn = "arn:aws:sns:us-east-1:123456789012:t";
    const other = { Sid: "keep-me", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sns:Subscribe", Resource: arn };
    const policy = topicPolicyWith(JSON.stringify({ Version: "2008-10-17", Statement: [other] }), arn, "123456789012");
    const parsed = JSON.parse(policy) as { Statement: { Sid: string }[] };
    expect(parsed.Statement.map((s) => s.Sid)).toEqual(["keep-me", "rootlock-eventbridge-publish"]);
    expect(topicPolicyIsRight(policy, arn, "123456789012")).toBe(true);
    expect(topicPolicyIsRight(policy, arn, "210987654321")).toBe(false);
    // EventBridge's guide (eb-use-resource-based.html, Amazon SNS permissions): ArnEquals on aws:SourceArn, each rule named.
    expect(publishStatement(arn, "123456789012").Condition).toEqual({
      ArnEquals: { "aws:SourceArn": ["console-sign-in", "mfa-removal", "api-call"].map((r) => `arn:aws:events:us-east-1:123456789012:rule/rootlock-root-${r}`) },
    });
  });

  it("reads before a retry: a write that landed holds, and is not sent again", async () => {
    const { ctx } = await world("new-account");
    const [create] = planAlerts(await inspectAlerts(ctx), { email: EMAIL, apiCalls: false, createTrail: false });
    expect(await alertActionHolds(ctx, create!)).toBe(false);
    await applyAlertAction(ctx, create!);
    await ctx.sleep(2000);
    expect(await alertActionHolds(ctx, create!)).toBe(true);
  });

  it("finds the hardened account's trail and asks for no new one", async () => {
    const { ctx } = await world("hardened");
    const finding = await inspectAlerts(ctx);
    expect(finding.deliveringTrail?.name).toBe("management-trail");
    const plan = planAlerts(finding, { email: EMAIL, apiCalls: false, createTrail: false });
    expect(plan.some((a) => shownCall(a).call.startsWith("cloudtrail:"))).toBe(false);
    expect(plan.filter((a) => shownCall(a).call === "events:PutRule").map((a) => shownCall(a).params.Name)).toEqual([
      "rootlock-root-console-sign-in",
      "rootlock-root-mfa-removal",
    ]);
  });

  it("a dry run records every call and sends none", async () => {
    let dry: DryRunAccount | undefined;
    const { ctx, simulated } = await world("new-account", (a) => (dry = new DryRunAccount(a)));
    const plan = planAlerts(await inspectAlerts(ctx), { email: EMAIL, apiCalls: true, createTrail: true });
    for (const action of plan) await expect(applyAlertAction(ctx, action)).rejects.toThrow("dry run");
    expect(dry!.recorded.map((w) => w.call)).toEqual(plan.map((a) => shownCall(a).call));
    expect(dry!.recorded.map((w) => w.params)).toEqual(plan.map((a) => shownCall(a).params));
    expect(simulated.writes()).toEqual([]);
  });

  it("a root sign-in reaches no one while no trail records it, even with a confirmed address", async () => {
    const { ctx, simulated, advance } = await world("clean");
    await applyAll(ctx, { email: EMAIL, apiCalls: false, createTrail: false });
    await simulated.console.confirmAlertEmail(EMAIL);
    await simulated.console.signIn((await simulated.console.trainingCode())!);
    advance(9000);
    expect(simulated.console.alertInbox()).toEqual([]);
  });

  it("a root sign-in sends the readable alert to a confirmed address only, once CloudTrail has it", async () => {
    const { ctx, simulated, advance } = await world("clean");
    const choices = { email: EMAIL, apiCalls: false, createTrail: true };
    const { finding } = await applyAll(ctx, choices);
    await simulated.console.signIn((await simulated.console.trainingCode())!);
    advance(9000);
    expect(simulated.console.alertInbox()).toEqual([]);
    await simulated.console.confirmAlertEmail(EMAIL);
    await sendTestAlert(ctx, finding.topicArn);
    await simulated.console.signIn((await simulated.console.trainingCode())!);
    advance(9000);
    const inbox = simulated.console.alertInbox();
    expect(inbox.map((m) => m.subject)).toEqual(["rootlock test alert", "AWS Notification Message"]);
    expect(inbox[1]!.body).toMatch(
      /^ROOT CONSOLE SIGN-IN \(Success\) in AWS account 123456789012 at 2026-11-22T10:00:\d\d\.\d{3}Z from 203\.0\.113\.10\. MFA used: Yes\./,
    );
  });
});

describe("alerts in a member account of an organization, and a bucket name held elsewhere", () => {
  it("counts the organization's trail from DescribeTrails (it cannot be read here) and plans no trail of its own", async () => {
    const { ctx, simulated } = await world("new-account");
    simulated.addOrganizationTrail("aws-controltower-BaselineCloudTrail", "999988887777");
    const finding = await inspectAlerts(ctx);
    expect(finding.deliveringTrail).toMatchObject({
      name: "aws-controltower-BaselineCloudTrail",
      statusFrom: "organization",
      organization: true,
      ownerAccountId: "999988887777",
    });
    expect(finding.deliveringTrail?.arn).toBe("arn:aws:cloudtrail:us-east-1:999988887777:trail/aws-controltower-BaselineCloudTrail");
    expect(finding.bucket).toBeUndefined();
    expect(finding.evidence.map((e) => e.read).join("\n")).toContain("is the organization's trail (owned by account 999988887777");
    const plan = planAlerts(finding, { email: EMAIL, apiCalls: true, createTrail: true });
    expect(plan.some((a) => shownCall(a).call.startsWith("cloudtrail:") || shownCall(a).call.startsWith("s3:"))).toBe(false);
    expect(plan.filter((a) => shownCall(a).call === "events:PutRule")).toHaveLength(3);
    const alerts = (await runCheck(ctx.account, ctx.now, "test", true)).findings.find((f) => f.control === "root-activity-alerts")!;
    expect(alerts.evidence).not.toContain("could not read");
  });

  it("a trail whose status may not be read is listed as unreadable, and the others still count", async () => {
    const { ctx, simulated } = await world("hardened");
    simulated.addOrganizationTrail("org-trail", "999988887777");
    simulated.failNext("cloudtrail:GetTrailStatus", "AccessDenied");
    const trails = await ctx.account.listTrails();
    expect(trails.map((t) => [t.name, t.statusFrom])).toEqual([
      ["management-trail", "unreadable"],
      ["org-trail", "organization"],
    ]);
    simulated.failNext("cloudtrail:GetTrailStatus", "AccessDenied");
    const finding = await inspectAlerts(ctx);
    expect(finding.deliveringTrail?.name).toBe("org-trail");
    expect(finding.evidence.map((e) => e.read)).toContain("management-trail: could not read (AccessDenied on cloudtrail:GetTrailStatus), not counted");
  });

  it("a bucket name held by another account: refused with ExpectedBucketOwner, no trail planned, and the rules known not to fire", async () => {
    const { ctx, simulated } = await world("new-account");
    simulated.addForeignBucket("rootlock-cloudtrail-123456789012", "999988887777");
    const finding = await inspectAlerts(ctx);
    expect(finding.bucket).toEqual({ exists: true, ownedElsewhere: true });
    const plan = planAlerts(finding, { email: EMAIL, apiCalls: true, createTrail: true });
    expect(plan.some((a) => shownCall(a).call.startsWith("cloudtrail:") || shownCall(a).call.startsWith("s3:"))).toBe(false);
    // Every rule is still set up, as when the operator declines the trail; none can fire until a trail logs
    // management events, and the verdict will say so (no-trail).
    expect(plan.filter((a) => shownCall(a).call === "events:PutRule").map((a) => shownCall(a).params.Name)).toEqual([
      "rootlock-root-console-sign-in",
      "rootlock-root-mfa-removal",
      "rootlock-root-api-call",
    ]);
    expect(trailExpected(finding, { email: EMAIL, apiCalls: true, createTrail: true })).toBe(false);
  });
});

describe("partitions", () => {
  it("reads the partition from an ARN and from a region, and puts the alerts where IAM's events arrive", () => {
    expect(partitionOf("arn:aws:iam::123456789012:root")).toBe("aws");
    expect(partitionOf("arn:aws-cn:iam::123456789012:root")).toBe("aws-cn");
    expect(partitionOf("arn:aws-us-gov:iam::123456789012:root")).toBe("aws-us-gov");
    expect(partitionOfRegion("eu-west-1")).toBe("aws");
    expect(partitionOfRegion("cn-northwest-1")).toBe("aws-cn");
    expect(partitionOfRegion("us-gov-east-1")).toBe("aws-us-gov");
    expect(alertsRegionFor("aws")).toBe("us-east-1");
    expect(alertsRegionFor("aws-cn")).toBe("cn-north-1");
    expect(alertsRegionFor("aws-us-gov")).toBe("us-gov-west-1");
  });

  it("builds every alerts ARN in the caller's partition and alerts region", () => {
    const topic = topicArnFor("aws-us-gov", "123456789012", "t");
    expect(topic).toBe("arn:aws-us-gov:sns:us-gov-west-1:123456789012:t");
    const condition = publishStatement(topic, "123456789012").Condition as { ArnEquals: { "aws:SourceArn": string[] } };
    expect(condition.ArnEquals["aws:SourceArn"][0]).toBe("arn:aws-us-gov:events:us-gov-west-1:123456789012:rule/rootlock-root-console-sign-in");
    const bucketPolicy = JSON.stringify(trailBucketPolicy("aws-cn", "123456789012", "b"));
    expect(bucketPolicy).toContain("arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/rootlock-management-events");
    expect(bucketPolicy).toContain("arn:aws-cn:s3:::b");
    expect(bucketPolicy).not.toContain("arn:aws:");
  });
});

describe("event patterns and input transformers", () => {
  const [signIn, mfaRemoval] = alertRules("arn:aws:sns:us-east-1:123456789012:t");
  const event = {
    "detail-type": "AWS API Call via CloudTrail",
    source: "aws.iam",
    account: "123456789012",
    time: "2026-11-22T10:00:00Z",
    detail: {
      eventName: "DeactivateMFADevice",
      sourceIPAddress: "198.51.100.7",
      userIdentity: { type: "Root", sessionContext: { attributes: { mfaAuthenticated: "false" } } },
    },
  };
  it("matches root's MFA removal, not an IAM user's, and not a sign-in", () => {
    expect(matchesPattern(mfaRemoval!.pattern, event)).toBe(true);
    expect(matchesPattern(mfaRemoval!.pattern, { ...event, detail: { ...event.detail, userIdentity: { type: "IAMUser" } } })).toBe(false);
    expect(matchesPattern(mfaRemoval!.pattern, { ...event, detail: { ...event.detail, eventName: "EnableMFADevice" } })).toBe(false);
    expect(matchesPattern(signIn!.pattern, event)).toBe(false);
  });
  it("fills the template from the event", () => {
    expect(transformInput(mfaRemoval!.target, event)).toBe(
      "ROOT MFA REMOVAL (DeactivateMFADevice) in AWS account 123456789012 at 2026-11-22T10:00:00Z from 198.51.100.7. Session used MFA: false. If this was not you, secure the root user now.",
    );
  });
});
