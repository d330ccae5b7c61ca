// Faults at the alerts step's AWS calls, through the real SDK against moto: reads (the topic, a rule's targets, the
// trails) and writes (the subscription, a rule's target, the trail), each throttled, failed with a 5xx, reset, or
// answered too late, before or after moto made the change. The operator retries; a write whose answer was lost is
// read back before it is sent again, and the step ends with everything in place, verified once the owner confirms.
import { ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { DescribeTrailsCommand, CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as t } from "../../../src/i18n/en.js";
import { AlertsScreen } from "../../../src/screens/AlertsScreen.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate, SETUP } from "./harness.js";

const available = requireMoto("the alerts fault matrix");
const EMAIL = "owner@example.com";
const WRITES = /^(CreateTopic|SetTopicAttributes|Subscribe|PutRule|PutTargets|CreateTrail|StartLogging)$/;

describe.runIf(available)("root-activity alerts under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const cases = matrix(
    [{ action: "GetTopicAttributes" }, { action: "ListTargetsByRule" }, { action: "DescribeTrails" }],
    [{ action: "Subscribe" }, { action: "PutTargets" }, { action: "CreateTrail" }],
  );

  it.each(cases)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.adminKey);
    await moto.fault(c.spec);
    const run = await operate((onDone) => <AlertsScreen ctx={ctx} email={EMAIL} onDone={onDone} onBack={() => {}} />, {
      enterOn: [t.alerts.introKeys, t.alerts.emailHint, t.alerts.apiChoice(false)],
      // The owner clicks the link once AWS has emailed it.
      onFrame: async (text) => {
        if (text.includes(t.alerts.confirmTitle(EMAIL))) await moto.confirmEmail(EMAIL);
      },
    });
    const seen = await moto.requests();
    expectNoHarm(c, seen, run);
    expect(run.verdict?.state).toBe("verified");
    // Each write landed once: a lost answer was read back, not sent again. (S3's REST calls name no action the
    // launcher's request log can read, so the bucket's two writes are checked through the trail that needs them.)
    const landed = seen.filter((s) => WRITES.test(s.action) && s.status === 200).map((s) => s.action);
    expect(landed.sort()).toEqual(
      ["CreateTopic", "SetTopicAttributes", "Subscribe", "CreateTrail", "StartLogging", "PutRule", "PutTargets", "PutRule", "PutTargets"].sort(),
    );
    const sns = new SNSClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 });
    const subs = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: `arn:aws:sns:us-east-1:${ctx.caller.accountId}:rootlock-root-activity` }));
    expect(subs.Subscriptions?.map((s) => s.Endpoint)).toEqual([EMAIL]);
    const trails = await new CloudTrailClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 }).send(new DescribeTrailsCommand({}));
    expect(trails.trailList?.map((x) => x.Name)).toEqual(["rootlock-management-events"]);
  });
});
