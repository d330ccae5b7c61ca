// Root-activity alerts (CIS 4.3 / Security Hub CloudWatch.1, related): an SNS topic in us-east-1 that EventBridge
// may publish to, an email subscription the owner confirms, EventBridge rules for root's console sign-ins, MFA
// removals and (on request) root's API calls delivered to us-east-1, and the CloudTrail trail that every one of
// them needs. inspect → plan → apply → verify like every step: the plan holds only what is missing or drifted, so
// a second run changes nothing that is right; every change is read back; the email subscription counts only once
// AWS shows it confirmed. An account whose own rule already tells someone of root sign-ins (check's judgement)
// is "already in place", and rootlock's own alerts are added only if the operator asks.
import { phrase, reads } from "./said.js";
import type { AlertTopic, BucketState, EventRuleDetail, TopicSubscription, Trail, WriteReceipt } from "../aws/account.js";
import {
  type AlertRuleKind,
  type AlertRuleSpec,
  alertRules,
  bucketNameFor,
  DEFAULT_TOPIC_NAME,
  deliveringTrailPhrase,
  RULE_PREFIX,
  sameJson,
  TARGET_ID,
  targetIsRight,
  topicArnFor,
  topicPolicyIsRight,
  topicPolicyWith,
  trailBucketPolicy,
  trailDeliversRootCalls,
  TRAIL_NAME,
} from "./alert-shapes.js";
import { alertsRegionFor, type Partition, partitionOf } from "../aws/partition.js";
import { judgeSignInAlerts, readAlertRoutes, type SignInAlertJudgement } from "./alert-judgement.js";
import { actionHolds, confirmAction, sendAction } from "./read-backs.js";
import type { AlertRoute, ApiAction, Evidence, StepContext, Verdict } from "./types.js";
import { apiAction, verdict } from "./types.js";
import { trailWait, type WaitHooks, waitUntil } from "./wait.js";
import type { WebhookRef } from "../aws/webhook.js";
import {
  inspectWebhook,
  planWebhookParts,
  planWebhookTarget,
  readWebhook,
  webhookEvidence,
  type WebhookFinding,
  webhookInPlace,
  type WebhookState,
} from "./webhook-alerts.js";

export interface AlertsFinding {
  accountId: string;
  partition: Partition;
  topicName: string;
  topicArn: string;
  topic?: AlertTopic;
  /** The topic's email subscriptions (pending ones included). */
  emails: TopicSubscription[];
  rules: Partial<Record<AlertRuleKind, EventRuleDetail>>;
  trails: Trail[];
  /** A trail that already brings root's API calls to EventBridge, if any. */
  deliveringTrail?: Trail;
  /** rootlock's own trail and bucket, as they are (to repair rather than recreate). */
  ownTrail?: Trail;
  /** rootlock's trail bucket, read only when a trail may be created (no trail delivers, rootlock's own is absent). */
  bucket?: BucketState;
  /** Alerts the account already has (not rootlock's): a rule and topic that tell someone of root sign-ins, and a trail. */
  existing?: SignInAlertJudgement;
  /** rootlock's webhook parts (connection, API destination, role), as they are. */
  webhook: WebhookFinding;
  evidence: Evidence[];
}

/** What the operator chose. */
export interface AlertChoices {
  /** The alert address; absent when the alerts go to a webhook only. */
  email?: string;
  /**
   * The webhook the alerts also (or instead) go to, as its digest and mask: the URL itself is a secret, supplied only
   * when the destination is sent (webhook-alerts.ts, applyWebhookAction).
   */
  webhook?: WebhookRef;
  /** Also alert on root's API calls delivered to us-east-1 (global services, and us-east-1's own). */
  apiCalls: boolean;
  /** The API-call rule takes read-only calls too (State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS). */
  readOnlyApiCalls?: boolean;
  /**
   * Create (or repair) rootlock's trail when no trail brings root's events to EventBridge. Declined, the rules are
   * still set up, but they cannot fire until a trail logs management events: the verdict says so (no-trail).
   */
  createTrail: boolean;
}

export async function inspectAlerts(ctx: StepContext, topicName = DEFAULT_TOPIC_NAME): Promise<AlertsFinding> {
  const partition = partitionOf(ctx.caller.arn);
  const accountId = ctx.caller.accountId;
  const topicArn = topicArnFor(partition, accountId, topicName);
  const bucketName = bucketNameFor(accountId);
  const specs = alertRules(topicArn);
  const [topic, ruleList, trails, [accountRules, topicReads, destinationReads], webhook] = await Promise.all([
    ctx.account.getTopic(topicArn),
    Promise.all(specs.map((s) => ctx.account.getEventRule(s.name))),
    ctx.account.listTrails(),
    readAlertRoutes(ctx.account),
    inspectWebhook(ctx),
  ]);
  const deliveringTrail = trails.find(trailDeliversRootCalls);
  const ownTrail = trails.find((t) => t.name === TRAIL_NAME);
  // The bucket matters only if rootlock may create its trail; read otherwise, a name someone else holds (or a
  // bucket the caller may not read) would stop a step that never needed it.
  const bucket = !deliveringTrail && !ownTrail ? await ctx.account.getBucket(bucketName, accountId) : undefined;
  const emails = topic ? (await ctx.account.listSubscriptions(topicArn)).filter((s) => s.protocol === "email") : [];
  const rules: AlertsFinding["rules"] = {};
  specs.forEach((s, i) => {
    const rule = ruleList[i];
    if (rule) rules[s.kind] = rule;
  });
  const unreadable = trails.filter((t) => t.statusFrom === "unreadable");
  // The account's own alerts, judged as `rootlock check` judges them; rootlock's rules are left to the plan.
  const others = accountRules.ok ? { ok: true as const, value: accountRules.value.filter((r) => !r.name.startsWith(RULE_PREFIX)) } : accountRules;
  const judged = judgeSignInAlerts(others, topicReads, { ok: true, value: trails }, destinationReads);
  const at = ctx.now();
  return {
    accountId,
    partition,
    topicName,
    topicArn,
    topic,
    emails,
    rules,
    trails,
    deliveringTrail,
    ownTrail,
    bucket,
    existing: judged.status === "pass" ? judged : undefined,
    webhook,
    evidence: [
      { source: "sns:GetTopicAttributes (us-east-1)", read: topic ? `${topicArn} exists` : `${topicArn} absent`, at },
      { source: "events:DescribeRule (us-east-1)", read: specs.map((s) => `${s.name} ${rules[s.kind] ? "present" : "absent"}`).join(", "), at },
      {
        source: "cloudtrail:DescribeTrails",
        ...(deliveringTrail
          ? reads(deliveringTrailPhrase(deliveringTrail))
          : { read: `${trails.length} trail(s), none logs management events into ${alertsRegionFor(partition)}` }),
        at,
      },
      ...unreadable.map((t) => ({
        source: "cloudtrail:GetTrailStatus + GetEventSelectors",
        read: `${t.name}: could not read (${t.unreadable?.code} on ${t.unreadable?.action}), not counted`,
        at,
      })),
      ...(bucket?.ownedElsewhere
        ? [
            {
              source: "s3:GetBucketPolicy (ExpectedBucketOwner)",
              read: `${bucketName}: refused (403): held by another account, or not readable by this identity; no trail will be created with it`,
              at,
            },
          ]
        : []),
      {
        source: "events:ListRules + sns:ListSubscriptionsByTopic (us-east-1)",
        ...reads(phrase("otherAlerts", judged.status, judged.said)),
        at,
      },
    ],
  };
}

/** The rules that will be set up: sign-in and MFA removal always, the API-call rule on request. */
export function chosenRules(finding: AlertsFinding, choices: AlertChoices): AlertRuleSpec[] {
  return alertRules(finding.topicArn, { readOnlyApiCalls: choices.readOnlyApiCalls }).filter((s) => s.kind !== "api-call" || choices.apiCalls);
}

export function needsTrailDecision(finding: AlertsFinding): boolean {
  return !finding.deliveringTrail;
}

/**
 * Whether rootlock can make its trail: not when its bucket name (rootlock-cloudtrail-ACCOUNT) answers 403 with
 * ExpectedBucketOwner = this account, i.e. someone else holds it. rootlock then creates no trail (it will not
 * write logs into a bucket it does not own) and says so; the operator can make a trail with another bucket.
 */
export function trailCreatable(finding: AlertsFinding): boolean {
  return !finding.bucket?.ownedElsewhere;
}

/** Will a trail bring the rules' events: one already does, or rootlock makes one. */
export function trailExpected(finding: AlertsFinding, choices: AlertChoices): boolean {
  return !!finding.deliveringTrail || (choices.createTrail && trailCreatable(finding));
}

/** Enabled with the State chosen (a rule that should take read-only events is not right without them), the pattern as planned. */
export function ruleIsRight(rule: EventRuleDetail | undefined, spec: AlertRuleSpec): boolean {
  return !!rule && rule.state === spec.state && sameJson(rule.pattern, spec.pattern);
}

/** The account's own alerts already tell someone of root sign-ins: the step is done without a change. */
export function existingAlertsVerdict(finding: AlertsFinding): Verdict | undefined {
  if (!finding.existing) return undefined;
  return verdict("verified", "already-compliant", finding.evidence);
}

/** Only what is missing or not as it should be, in the order AWS needs it (the topic before what points at it). */
/**
 * Only what is missing or not as it should be, in the order AWS needs it (the topic, and the webhook's destination
 * and role, before the targets that point at them). The email's parts only with an address, the webhook's only with
 * a webhook: either, or both.
 */
export function planAlerts(finding: AlertsFinding, choices: AlertChoices): ApiAction[] {
  const actions: ApiAction[] = [];
  const { topicArn } = finding;
  const email = choices.email;
  const place = { accountId: finding.accountId, partition: finding.partition };
  if (email) {
    if (!finding.topic) actions.push(apiAction("createTopic", { name: finding.topicName }));
    if (!topicPolicyIsRight(finding.topic?.policy, topicArn, finding.accountId)) {
      actions.push(apiAction("setTopicPolicy", { topicArn, policy: topicPolicyWith(finding.topic?.policy, topicArn, finding.accountId) }));
    }
    if (!finding.emails.some((s) => s.endpoint === email)) actions.push(apiAction("subscribeEmail", { topicArn, email }));
  }
  if (!finding.deliveringTrail && choices.createTrail && trailCreatable(finding)) actions.push(...planTrail(finding));
  if (choices.webhook) actions.push(...planWebhookParts(finding.webhook, choices.webhook, place));
  for (const spec of chosenRules(finding, choices)) {
    const rule = finding.rules[spec.kind];
    if (!ruleIsRight(rule, spec))
      actions.push(apiAction("putEventRule", { name: spec.name, pattern: JSON.stringify(spec.pattern), description: spec.description, state: spec.state }));
    if (
      email &&
      !targetIsRight(
        rule?.targets.find((t) => t.id === TARGET_ID),
        spec.target,
      )
    )
      actions.push(apiAction("putRuleTarget", { rule: spec.name, target: spec.target }));
    // A destination sent again (a changed URL) keeps its ARN, so a right target stays right.
    if (choices.webhook) actions.push(...planWebhookTarget(rule, spec, finding.webhook, place));
  }
  return actions;
}

/** rootlock's trail: each part created or repaired only if it is not already right. */
function planTrail(finding: AlertsFinding): ApiAction[] {
  const bucket = bucketNameFor(finding.accountId);
  const policy = trailBucketPolicy(finding.partition, finding.accountId, bucket);
  const actions: ApiAction[] = [];
  if (!finding.ownTrail) {
    if (!finding.bucket?.exists) actions.push(apiAction("createBucket", { bucket }));
    if (!sameJson(finding.bucket?.policy, policy)) actions.push(apiAction("putBucketPolicy", { bucket, policy: JSON.stringify(policy) }));
    actions.push(apiAction("createTrail", { name: TRAIL_NAME, bucket }));
  }
  if (!finding.ownTrail?.logging) actions.push(apiAction("startLogging", { name: TRAIL_NAME }));
  return actions;
}

export function applyAlertAction(ctx: StepContext, action: ApiAction): Promise<WriteReceipt> {
  return sendAction(ctx.account, action);
}

/** One read: does AWS already show this change? Asked before a retry, and waited for after the call (read-backs.ts). */
export function alertActionHolds(ctx: StepContext, action: ApiAction): Promise<boolean> {
  return actionHolds(ctx, action);
}

/** Reads one change back, waiting out SNS's and EventBridge's eventual consistency. */
export function confirmAlertAction(ctx: StepContext, action: ApiAction, hooks?: WaitHooks): Promise<Evidence | undefined> {
  return confirmAction(ctx, action, hooks);
}

/** Everything read back at once: what the verdict rests on. */
export interface AlertsState {
  topic: boolean;
  policy: boolean;
  subscription: "confirmed" | "pending" | "missing";
  rules: { spec: AlertRuleSpec; rule: boolean; target: boolean }[];
  /** Whether a trail brings root's events to EventBridge in us-east-1 (every rule needs one to fire). */
  trail: boolean;
  /** The webhook's parts, read back (when the alerts go to one). */
  webhook?: WebhookState;
}

async function readAlerts(ctx: StepContext, finding: AlertsFinding, choices: AlertChoices): Promise<AlertsState> {
  const specs = chosenRules(finding, choices);
  const topic = await ctx.account.getTopic(finding.topicArn);
  const [subs, rules, trails] = await Promise.all([
    topic ? ctx.account.listSubscriptions(finding.topicArn) : Promise.resolve([]),
    Promise.all(specs.map((s) => ctx.account.getEventRule(s.name))),
    ctx.account.listTrails(),
  ]);
  const mine = subs.find((s) => s.endpoint === choices.email);
  const place = { accountId: finding.accountId, partition: finding.partition };
  const webhook = choices.webhook ? await readWebhook(ctx, choices.webhook, specs, place) : undefined;
  return {
    webhook,
    topic: !!topic,
    policy: topicPolicyIsRight(topic?.policy, finding.topicArn, finding.accountId),
    subscription: !mine ? "missing" : mine.pending ? "pending" : "confirmed",
    rules: specs.map((spec, i) => ({
      spec,
      rule: ruleIsRight(rules[i], spec),
      // Without an address, the rule's SNS target is not rootlock's to judge.
      target:
        !choices.email ||
        targetIsRight(
          rules[i]?.targets.find((t) => t.id === TARGET_ID),
          spec.target,
        ),
    })),
    trail: trails.some(trailDeliversRootCalls),
  };
}

/**
 * Every part rootlock sets up is in place (the subscription may still be pending; the trail is judged apart): the
 * email's parts when there is an address, the webhook's (delivering: destination ACTIVE, connection AUTHORIZED)
 * when there is a webhook.
 */
function alertsInPlace(s: AlertsState, choices: AlertChoices): boolean {
  const email = !choices.email || (s.topic && s.policy && s.subscription !== "missing");
  const webhook = !s.webhook || webhookInPlace(s.webhook);
  return email && webhook && s.rules.every((r) => r.rule && r.target);
}

/** Nothing waits on an owner's click: there is no address, or its subscription is confirmed. */
const subscriptionDone = (s: AlertsState, choices: AlertChoices) => !choices.email || s.subscription === "confirmed";

function evidenceOf(s: AlertsState, finding: AlertsFinding, choices: AlertChoices, at: Date): Evidence[] {
  const email = choices.email;
  const evidence: Evidence[] = [
    ...(email
      ? [
          {
            source: "sns:GetTopicAttributes (us-east-1)",
            ...reads(phrase("topicState", finding.topicArn, phrase(s.topic ? "exists" : "gone"), phrase(s.policy ? "yes" : "no"))),
            at,
          },
          { source: "sns:ListSubscriptionsByTopic", ...reads(phrase("emailState", email, phrase(s.subscription))), at },
        ]
      : []),
    ...(s.webhook && choices.webhook ? webhookEvidence(s.webhook, choices.webhook, at) : []),
    ...s.rules.map((r) => ({
      source: "events:DescribeRule + events:ListTargetsByRule (us-east-1)",
      ...reads(
        phrase(
          "ruleState",
          r.spec.name,
          r.spec.catches,
          r.spec.state,
          phrase(r.rule ? "ruleAsPlanned" : "notAsPlanned"),
          // Without an address there is no topic target to judge: the webhook's targets have lines of their own.
          phrase(!email ? "noTopicTarget" : r.target ? "targetAsPlanned" : "notAsPlanned"),
        ),
      ),
      at,
    })),
    {
      source: "cloudtrail:DescribeTrails + GetTrailStatus + GetEventSelectors",
      ...reads(phrase(s.trail ? "trailLogs" : "noTrailLogs")),
      at,
    },
  ];
  return evidence;
}

/**
 * The independent read for the whole step. It waits for everything to show and for the owner to confirm the
 * subscription (a human reading an email, often in spam: the long wait). Stopped early, a pending subscription
 * leaves the step unverified: alerts go nowhere until it is confirmed. Without a trail that brings root's events
 * to EventBridge no rule can fire, so the step is unverified however right the rest is (no-trail); that is not
 * waited for when the operator declined rootlock's trail.
 */
export async function verifyAlerts(ctx: StepContext, finding: AlertsFinding, choices: AlertChoices, hooks?: WaitHooks): Promise<Verdict> {
  const expectTrail = trailExpected(finding, choices);
  const done = (s: AlertsState) => alertsInPlace(s, choices) && subscriptionDone(s, choices) && (s.trail || !expectTrail);
  const result = await waitUntil(ctx, () => readAlerts(ctx, finding, choices), done, trailWait(ctx, hooks));
  const last = result.last;
  const evidence = last ? evidenceOf(last, finding, choices, ctx.now()) : [];
  // The routes go on to the sign-in test, whose fire drill asks about each by name.
  const routed = (v: Verdict): Verdict => ({ ...v, handoff: { ...v.handoff, alertRoutes: alertRoutesOf(choices) } });
  if (result.met && last?.trail) return routed(verdict("verified", "read-back-confirms", evidence));
  if (last && alertsInPlace(last, choices) && !last.trail) return routed(verdict("unverified", "no-trail", evidence));
  if (last && alertsInPlace(last, choices)) return routed(verdict("unverified", "subscription-pending", evidence));
  return routed(verdict("unverified", result.aborted ? "operator-moved-on" : "not-visible-yet", evidence));
}

const TEST_SUBJECT = "rootlock test alert";

/** A test message through the topic: it reaches only confirmed addresses. */
/** The test message as a change like any other: the operator sees the sns:Publish call and confirms it first. */
export function testAlertAction(ctx: StepContext, topicArn: string): Extract<ApiAction, { op: "publish" }> {
  const message = `This is a test of rootlock's root-activity alerts for AWS account ${ctx.caller.accountId}, sent ${ctx.now().toISOString()}. No action is needed.`;
  return { by: "rootlock", op: "publish", args: { topicArn, subject: TEST_SUBJECT, message } };
}

/** Sends the test message the operator confirmed (`action`), or a new one. */
export async function sendTestAlert(ctx: StepContext, topicArn: string, action = testAlertAction(ctx, topicArn)): Promise<WriteReceipt> {
  return ctx.account.send({ op: "publish", args: action.args });
}

/** Where this run's alerts go, for the fire drill: the address, the webhook's mask (never its URL). */
export function alertRoutesOf(choices: AlertChoices): AlertRoute[] {
  return [
    ...(choices.email ? [{ kind: "email" as const, address: choices.email }] : []),
    ...(choices.webhook ? [{ kind: "webhook" as const, mask: choices.webhook.mask }] : []),
  ];
}
