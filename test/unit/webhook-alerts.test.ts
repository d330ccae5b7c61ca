// Webhook alerts (issue 16) on the simulated account: root's events to a Slack incoming webhook through an EventBridge
// connection, API destination, role and targets — beside or instead of the email — each change read back, a second
// run planning nothing, drift repaired, a give-up undone in reverse, check's alert row judging the destination, and
// the URL (a secret) never in a plan, a journal, the evidence or the saved demo account.
import { describe, expect, it } from "vitest";
import type { Account } from "../../src/aws/account.js";
import { JournalingAccount } from "../../src/aws/journal.js";
import { recorded, shownCall } from "../../src/aws/operations.js";
import { SimulatedAccount } from "../../src/aws/simulated/index.js";
import type { AccountState } from "../../src/aws/simulated/scenarios.js";
import { maskWebhook, webhookRef } from "../../src/aws/webhook.js";
import { parseWebhookUrl } from "../../src/steps/alert-input.js";
import { type AlertChoices, confirmAlertAction, inspectAlerts, planAlerts, verifyAlerts } from "../../src/steps/alerts.js";
import { runCheck } from "../../src/steps/check.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { ApiAction, StepContext } from "../../src/steps/types.js";
import { applyWebhookAction, rollbackWebhook, webhookTestActions } from "../../src/steps/webhook-alerts.js";
import { WEBHOOK_CONNECTION, WEBHOOK_DESTINATION, WEBHOOK_ROLE } from "../../src/steps/webhook-shapes.js";

const START = new Date("2026-11-22T10:00:05Z");
const TIMING = { iamPollMs: 500, iamTimeoutMs: 10_000, trailPollMs: 1000, trailTimeoutMs: 20_000 };
// A made-up webhook in Slack's shape; its token must never be seen anywhere but the request.
const URL_A = "https://hooks.slack.com/services/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";
const URL_B = "https://hooks.slack.com/services/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";
const TOKEN = /s3cr3tT0ken/;
const EMAIL = "owner@example.com";

async function world(wrap?: (a: Account) => Account) {
  let clock = START.getTime();
  const now = () => new Date(clock);
  const saved: AccountState[] = [];
  const simulated = new SimulatedAccount({
    scenario: "clean",
    now,
    visibilityDelayMs: 1500,
    cloudTrailDelayMs: 8000,
    reportDelayMs: 0,
    onChange: (s) => saved.push(structuredClone(s)),
  });
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
  return { simulated, ctx, saved, advance: (ms: number) => (clock += ms) };
}

const webhookOnly = (url = URL_A): AlertChoices => ({ webhook: webhookRef(url), apiCalls: false, createTrail: true });

async function applyAll(ctx: StepContext, choices: AlertChoices, url = URL_A): Promise<ApiAction[]> {
  const plan = planAlerts(await inspectAlerts(ctx), choices);
  for (const action of plan) {
    await applyWebhookAction(ctx, action, () => url);
    expect(await confirmAlertAction(ctx, action), shownCall(action).call).toBeDefined();
  }
  return plan;
}

describe("the webhook URL", () => {
  it("takes an https URL, refuses what is not a URL or not HTTPS, and never echoes it", () => {
    expect(parseWebhookUrl(`  ${URL_A} `)).toEqual({ ok: true, url: URL_A });
    expect(parseWebhookUrl("http://hooks.slack.com/services/T/B/x")).toEqual({ ok: false, why: "not-https" });
    expect(parseWebhookUrl("ftp://hooks.slack.com/x")).toEqual({ ok: false, why: "not-https" });
    for (const bad of ["hooks.slack.com/services/T/B/x", "not a url", "", "https://", "https://hooks.slack.com/a b", `https://x.example/${"a".repeat(2048)}`]) {
      expect(parseWebhookUrl(bad), bad).toEqual({ ok: false, why: "not-url" });
    }
  });

  it("is shown masked: scheme and host, then its last 4 characters only", () => {
    expect(maskWebhook(URL_A)).toBe("https://hooks.slack.com/…/AAAa");
    expect(webhookRef(URL_A).digest).not.toBe(webhookRef(URL_B).digest);
    expect(JSON.stringify(webhookRef(URL_A))).not.toMatch(TOKEN);
  });
});

describe("webhook alerts on the simulated account", () => {
  it("instead of the email: connection, destination, role, its policy, then each rule with its webhook target; read back; verified", async () => {
    const { ctx } = await world();
    const plan = await applyAll(ctx, webhookOnly());
    expect(plan.map((a) => a.op)).toEqual([
      "createBucket",
      "putBucketPolicy",
      "createTrail",
      "startLogging",
      "createConnection",
      "createApiDestination",
      "createWebhookRole",
      "putWebhookRolePolicy",
      "putEventRule",
      "putWebhookTarget",
      "putEventRule",
      "putWebhookTarget",
    ]);
    const v = await verifyAlerts(ctx, await inspectAlerts(ctx), webhookOnly());
    expect(v).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    expect(v.evidence.map((e) => e.read)).toContain("webhook https://hooks.slack.com/…/AAAa: connection AUTHORIZED; API destination ACTIVE; POSTs to this webhook");
    // A second run plans nothing.
    expect(planAlerts(await inspectAlerts(ctx), webhookOnly())).toEqual([]);
  });

  it("beside the email: both routes planned, the SNS target and the webhook target on each rule", async () => {
    const { ctx } = await world();
    const plan = planAlerts(await inspectAlerts(ctx), { ...webhookOnly(), email: EMAIL });
    expect(plan.filter((a) => a.op === "putRuleTarget" || a.op === "putWebhookTarget").map((a) => a.op)).toEqual([
      "putRuleTarget",
      "putWebhookTarget",
      "putRuleTarget",
      "putWebhookTarget",
    ]);
    expect(plan.map((a) => a.op)).toContain("subscribeEmail");
  });

  it("repairs drift: a changed URL is sent again (UpdateApiDestination), a removed target put back", async () => {
    const { ctx } = await world();
    await applyAll(ctx, webhookOnly());
    await ctx.account.send({ op: "removeWebhookTarget", args: { rule: "rootlock-root-mfa-removal", id: "rootlock-webhook" } });
    await ctx.sleep(2000);
    const plan = await applyAll(ctx, webhookOnly(URL_B), URL_B);
    expect(plan.map((a) => [a.op, "rule" in a.args ? a.args.rule : ""])).toEqual([
      ["updateApiDestination", ""],
      ["putWebhookTarget", "rootlock-root-mfa-removal"],
    ]);
    expect(await verifyAlerts(ctx, await inspectAlerts(ctx), webhookOnly(URL_B))).toMatchObject({ state: "verified" });
    expect(planAlerts(await inspectAlerts(ctx), webhookOnly(URL_B))).toEqual([]);
  });

  it("undoes the webhook in reverse when given up: targets, policy, role, destination, connection, each read back", async () => {
    const { ctx } = await world();
    const made = await applyAll(ctx, webhookOnly());
    const result = await rollbackWebhook(ctx, made);
    expect(result.left).toEqual([]);
    expect(result.removed.map((e) => e.source)).toEqual([
      "events:ListTargetsByRule",
      "events:ListTargetsByRule",
      "iam:GetRolePolicy",
      "iam:GetRole",
      "events:DescribeApiDestination",
      "events:DescribeConnection",
    ]);
    expect(await ctx.account.getConnection(WEBHOOK_CONNECTION)).toBeUndefined();
    expect(await ctx.account.getApiDestination(WEBHOOK_DESTINATION)).toBeUndefined();
    expect(await ctx.account.getRole(WEBHOOK_ROLE)).toBeUndefined();
    expect((await ctx.account.getEventRule("rootlock-root-console-sign-in"))?.targets).toEqual([]);
  });

  it("a root sign-in posts Slack's JSON to the channel; the test message goes by the same path", async () => {
    const { ctx, simulated, advance } = await world();
    await applyAll(ctx, webhookOnly());
    await simulated.console.signIn((await simulated.console.trainingCode())!);
    advance(9000);
    const posts = simulated.console.webhookChannel();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.to).toBe("https://hooks.slack.com/…/AAAa");
    const body = JSON.parse(posts[0]!.body) as { text: string };
    expect(body.text).toMatch(/^ROOT CONSOLE SIGN-IN \(Success\) in AWS account 123456789012 at .+ from 203\.0\.113\.10\. MFA used: Yes\. If this was not you/);

    const test = await webhookTestActions(ctx, { accountId: "123456789012", partition: "aws" });
    expect(test.map((a) => a.op)).toEqual(["putEventRule", "putWebhookTarget", "putTestEvent"]);
    for (const action of test) await applyWebhookAction(ctx, action, () => URL_A);
    const last = simulated.console.webhookChannel().at(-1)!;
    expect((JSON.parse(last.body) as { text: string }).text).toMatch(
      /^rootlock test message for AWS account 123456789012 at .+: a test of rootlock's root-activity alerts/,
    );
    // Sent again, only the event goes: the rule and its target are in place.
    advance(2000);
    expect((await webhookTestActions(ctx, { accountId: "123456789012", partition: "aws" })).map((a) => a.op)).toEqual(["putTestEvent"]);
  });

  it("the simulated account refuses an http endpoint as EventBridge does", async () => {
    const { ctx } = await world();
    const plan = planAlerts(await inspectAlerts(ctx), webhookOnly());
    const connection = plan.find((a) => a.op === "createConnection")!;
    await applyWebhookAction(ctx, connection, () => URL_A);
    const destination = plan.find((a) => a.op === "createApiDestination")!;
    await expect(applyWebhookAction(ctx, destination, () => "http://hooks.slack.com/services/x")).rejects.toMatchObject({ code: "InvalidParameter" });
  });

  it("never holds the URL: not in the plan, the journal, the evidence, nor the saved demo account", async () => {
    let journal: JournalingAccount | undefined;
    const { ctx, saved, simulated } = await world((a) => (journal = new JournalingAccount(a)));
    const plan = await applyAll(ctx, webhookOnly());
    const v = await verifyAlerts(ctx, await inspectAlerts(ctx), webhookOnly());
    await simulated.console.signIn((await simulated.console.trainingCode())!);
    expect(JSON.stringify(plan)).not.toMatch(TOKEN);
    expect(JSON.stringify(plan.map(recorded))).not.toMatch(TOKEN);
    // The confirm panel shows the mask; the record leaves even that out.
    const destination = plan.find((a) => a.op === "createApiDestination")!;
    expect(shownCall(destination).params.InvocationEndpoint).toBe("https://hooks.slack.com/…/AAAa");
    expect(recorded(destination).params.InvocationEndpoint).toBeUndefined();
    expect(journal!.entries.length).toBeGreaterThan(5);
    expect(JSON.stringify(journal!.entries)).not.toMatch(TOKEN);
    expect(JSON.stringify(v)).not.toMatch(TOKEN);
    expect(saved.length).toBeGreaterThan(0);
    expect(JSON.stringify(saved)).not.toMatch(TOKEN);
  });
});

describe("check's alert row with a webhook", () => {
  const row = async (ctx: StepContext) => (await runCheck(ctx.account, ctx.now, "test", true)).findings.find((f) => f.control === "root-activity-alerts")!;

  it("passes while the destination is ACTIVE and its connection AUTHORIZED; fails once either is not", async () => {
    const { ctx, simulated, advance } = await world();
    await applyAll(ctx, webhookOnly());
    advance(2000);
    const pass = await row(ctx);
    expect(pass.status).toBe("pass");
    expect(pass.evidence).toMatch(/rootlock-root-console-sign-in → arn:aws:events:us-east-1:123456789012:api-destination\/rootlock-webhook\//);

    simulated.setWebhookStates({ destination: "INACTIVE" });
    const inactive = await row(ctx);
    expect(inactive.status).toBe("fail");
    expect(inactive.evidence).toMatch(/INACTIVE, connection AUTHORIZED/);

    simulated.setWebhookStates({ destination: "ACTIVE", connection: "DEAUTHORIZED" });
    const deauthorized = await row(ctx);
    expect(deauthorized.status).toBe("fail");
    expect(deauthorized.evidence).toMatch(/ACTIVE, connection DEAUTHORIZED/);
    expect(JSON.stringify([pass, inactive, deauthorized])).not.toMatch(TOKEN);
  });

  it("the step counts the webhook delivered only when ACTIVE: not verified while the destination is INACTIVE", async () => {
    const { ctx, simulated } = await world();
    await applyAll(ctx, webhookOnly());
    simulated.setWebhookStates({ destination: "INACTIVE" });
    const v = await verifyAlerts(ctx, await inspectAlerts(ctx), webhookOnly());
    expect(v.state).toBe("unverified");
  });
});
