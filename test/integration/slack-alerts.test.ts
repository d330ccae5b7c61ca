// Webhook (Slack) alerts through the real adapter and the real SDK against moto's EventBridge and IAM (issue 16):
// a connection, an API destination, a role, and a target on each root rule, with no Lambda. Set up and read back, a
// second run plans nothing, drift repaired, a give-up undone in reverse, check's alert row, and the test message,
// which the launcher records as what EventBridge would POST (it never calls out).
import { DeleteApiDestinationCommand, EventBridgeClient, RemoveTargetsCommand } from "@aws-sdk/client-eventbridge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recorded, shownCall } from "../../src/aws/operations.js";
import { webhookRef } from "../../src/aws/webhook.js";
import { type AlertChoices, confirmAlertAction, inspectAlerts, planAlerts, verifyAlerts } from "../../src/steps/alerts.js";
import { runCheck } from "../../src/steps/check.js";
import type { ApiAction, StepContext } from "../../src/steps/types.js";
import { applyWebhookAction, rollbackWebhook, webhookTestActions } from "../../src/steps/webhook-alerts.js";
import { adminContextOn, SETUP } from "../helpers/live-world.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";

const available = requireMoto("the webhook alerts integration tests");

const URL_A = "https://hooks.slack.com/services/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";
const URL_B = "https://hooks.slack.com/services/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";
const TOKEN = /s3cr3tT0ken/;
const choicesFor = (url: string): AlertChoices => ({ webhook: webhookRef(url), apiCalls: false, createTrail: true });
const WRITES = /^(Create|Put|Update|Delete|Remove)/;
const PLACE = { accountId: "123456789012", partition: "aws" as const };

const adminContext = adminContextOn;

async function applyAll(ctx: StepContext, url: string): Promise<ApiAction[]> {
  const plan = planAlerts(await inspectAlerts(ctx), choicesFor(url));
  for (const action of plan) {
    await applyWebhookAction(ctx, action, () => url);
    expect(await confirmAlertAction(ctx, action), shownCall(action).call).toBeDefined();
  }
  return plan;
}

describe.runIf(available)("webhook alerts against moto", () => {
  let moto: MotoServer;
  let ctx: StepContext;
  let events: EventBridgeClient;
  let made: ApiAction[];

  beforeAll(async () => {
    moto = await startMoto();
    ctx = await adminContext(moto);
    events = new EventBridgeClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 });
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    delete process.env.AWS_ENDPOINT_URL;
  });

  it("sets up the connection, destination, role, policy and targets, each read back through the SDK, and verifies", async () => {
    made = await applyAll(ctx, URL_A);
    expect(made.map((a) => shownCall(a).call).filter((c) => c.startsWith("events:") || c.startsWith("iam:"))).toEqual([
      "events:CreateConnection",
      "events:CreateApiDestination",
      "iam:CreateRole",
      "iam:PutRolePolicy",
      "events:PutRule",
      "events:PutTargets",
      "events:PutRule",
      "events:PutTargets",
    ]);
    const destination = await ctx.account.getApiDestination("rootlock-webhook");
    expect(destination).toMatchObject({ state: "ACTIVE", httpMethod: "POST", endpoint: webhookRef(URL_A) });
    expect(await ctx.account.getConnection("rootlock-webhook")).toMatchObject({ state: "AUTHORIZED", authorizationType: "API_KEY" });
    const role = await ctx.account.getRole("rootlock-eventbridge-webhook");
    expect(JSON.parse(role!.trustPolicy!)).toMatchObject({
      Statement: [{ Principal: { Service: "events.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } }],
    });
    const target = (await ctx.account.getEventRule("rootlock-root-console-sign-in"))!.targets.find((t) => t.id === "rootlock-webhook");
    expect(target).toMatchObject({ arn: destination!.arn, roleArn: "arn:aws:iam::123456789012:role/rootlock-eventbridge-webhook" });
    const v = await verifyAlerts(ctx, await inspectAlerts(ctx), choicesFor(URL_A));
    expect(v).toMatchObject({ state: "verified" });
    expect(JSON.stringify([v, made.map(recorded)])).not.toMatch(TOKEN);
  });

  it("a second run plans nothing and sends no write", async () => {
    await moto.clearRequests();
    expect(planAlerts(await inspectAlerts(ctx), choicesFor(URL_A))).toEqual([]);
    expect((await moto.requests()).filter((r) => WRITES.test(r.action))).toEqual([]);
  });

  it("the test message goes by the same path: the launcher records Slack's JSON POSTed to the webhook", async () => {
    await moto.clearWebhookPosts();
    for (const action of await webhookTestActions(ctx, PLACE)) await applyWebhookAction(ctx, action, () => URL_A);
    const posts = await moto.webhookPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      destination: "rootlock-webhook",
      endpoint: URL_A,
      method: "POST",
      role: "arn:aws:iam::123456789012:role/rootlock-eventbridge-webhook",
    });
    expect((JSON.parse(posts[0]!.body) as { text: string }).text).toMatch(
      /^rootlock test message for AWS account 123456789012 at .+: a test of rootlock's root-activity alerts/,
    );
  });

  it("check's alert row: delivered while the destination is ACTIVE and its connection AUTHORIZED, not once INACTIVE", async () => {
    const row = async () => (await runCheck(ctx.account, () => new Date(), "test", false)).findings.find((f) => f.control === "root-activity-alerts")!;
    const pass = await row();
    expect(pass.status).toBe("pass");
    expect(pass.evidence).toMatch(/rootlock-root-console-sign-in → arn:aws:events:us-east-1:123456789012:api-destination\/rootlock-webhook\//);
    await moto.webhookState({ destination: "INACTIVE" });
    const inactive = await row();
    expect(inactive.status).toBe("fail");
    expect(inactive.evidence).toMatch(/INACTIVE, connection AUTHORIZED/);
    await moto.webhookState({ destination: "ACTIVE" });
    expect(JSON.stringify([pass, inactive])).not.toMatch(TOKEN);
  });

  it("repairs drift: a target removed and the URL changed are put back, and only those", async () => {
    await events.send(new RemoveTargetsCommand({ Rule: "rootlock-root-mfa-removal", Ids: ["rootlock-webhook"] }));
    const plan = await applyAll(ctx, URL_B);
    expect(plan.map((a) => `${shownCall(a).call} ${shownCall(a).params.Rule ?? shownCall(a).params.Name}`)).toEqual([
      "events:UpdateApiDestination rootlock-webhook",
      "events:PutTargets rootlock-root-mfa-removal",
    ]);
    expect((await ctx.account.getApiDestination("rootlock-webhook"))?.endpoint).toEqual(webhookRef(URL_B));
    expect(planAlerts(await inspectAlerts(ctx), choicesFor(URL_B))).toEqual([]);
  });

  it("a destination deleted by hand is made again, and the targets follow its new ARN", async () => {
    await events.send(new DeleteApiDestinationCommand({ Name: "rootlock-webhook" }));
    const plan = await applyAll(ctx, URL_B);
    expect(plan.map((a) => shownCall(a).call)).toEqual(["events:CreateApiDestination", "events:PutTargets", "events:PutTargets"]);
    made = [...made, ...plan];
  });

  it("an http:// endpoint is refused, as EventBridge refuses it (the launcher learned it)", async () => {
    const update = planAlerts(await inspectAlerts(ctx), choicesFor(URL_A)).find((a) => a.op === "updateApiDestination")!;
    await expect(applyWebhookAction(ctx, update, () => "http://hooks.slack.com/services/x")).rejects.toMatchObject({ code: "InvalidParameter" });
  });

  it("given up, everything the webhook made is removed in reverse, each removal read back", async () => {
    const result = await rollbackWebhook(ctx, made);
    expect(result.left).toEqual([]);
    expect(await ctx.account.getApiDestination("rootlock-webhook")).toBeUndefined();
    expect(await ctx.account.getConnection("rootlock-webhook")).toBeUndefined();
    expect(await ctx.account.getRole("rootlock-eventbridge-webhook")).toBeUndefined();
    expect((await ctx.account.getEventRule("rootlock-root-console-sign-in"))?.targets.filter((t) => t.id === "rootlock-webhook")).toEqual([]);
  });
});
