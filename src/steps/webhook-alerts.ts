// The webhook half of the alerts step (issue 16): root's events to a Slack incoming webhook (or any HTTPS webhook
// taking JSON) through EventBridge itself: a connection, an API destination that POSTs to the webhook, a role
// EventBridge invokes it with, and a target on each of rootlock's root rules. No Lambda. Like every part of the
// step: only what is missing or drifted is planned (a second run plans nothing), every change is read back, and
// what was made is removed again, last first, when the operator gives it up.
//
// The URL is a secret (anyone holding it can post to the channel): the plan carries its digest and mask
// (aws/webhook.ts), the URL itself goes to `send` as the secret of CreateApiDestination / UpdateApiDestination
// only, and the destination is read back by comparing digests.
import type { ApiDestination, EventConnection, EventRuleDetail, IamRole, WriteReceipt } from "../aws/account.js";
import { isOp } from "../aws/operations.js";
import type { Partition } from "../aws/partition.js";
import type { WebhookRef } from "../aws/webhook.js";
import { type AlertRuleSpec, sameJson } from "./alert-shapes.js";
import { type Phrase, phrase, reads } from "./said.js";
import { rollBackChanges, type Rollback } from "./rollback.js";
import { sendAction } from "./read-backs.js";
import type { ApiAction, Evidence, StepContext, Verdict } from "./types.js";
import { apiAction } from "./types.js";
import type { WaitHooks } from "./wait.js";
import {
  connectionIsReady,
  destinationIsActive,
  destinationIsRight,
  roleIsRight,
  WEBHOOK_CONNECTION,
  WEBHOOK_CONNECTION_HEADER,
  WEBHOOK_DESTINATION,
  WEBHOOK_RATE_PER_SECOND,
  WEBHOOK_ROLE,
  WEBHOOK_ROLE_POLICY,
  WEBHOOK_TARGET_ID,
  WEBHOOK_TEST_DETAIL_TYPE,
  WEBHOOK_TEST_PATTERN,
  WEBHOOK_TEST_RULE,
  WEBHOOK_TEST_SOURCE,
  webhookRoleArn,
  webhookRolePolicy,
  webhookTargetFor,
  webhookTargetIsRight,
  webhookTestTarget,
  webhookTrustPolicy,
  type WebhookTarget,
} from "./webhook-shapes.js";

/** rootlock's webhook parts as they are. */
export interface WebhookFinding {
  connection?: EventConnection;
  destination?: ApiDestination;
  role?: IamRole;
  /** The role's inline policy (JSON text), when the role exists. */
  rolePolicy?: string;
}

export async function inspectWebhook(ctx: StepContext): Promise<WebhookFinding> {
  const [connection, destination, role] = await Promise.all([
    ctx.account.getConnection(WEBHOOK_CONNECTION),
    ctx.account.getApiDestination(WEBHOOK_DESTINATION),
    ctx.account.getRole(WEBHOOK_ROLE),
  ]);
  const rolePolicy = role ? await ctx.account.getRolePolicy(WEBHOOK_ROLE, WEBHOOK_ROLE_POLICY) : undefined;
  return { connection, destination, role, rolePolicy };
}

/** Where the webhook parts live: the account and its partition (the role's and the destination's ARNs). */
export interface WebhookPlace {
  accountId: string;
  partition: Partition;
}

/** The connection, destination, role and policy, each only if missing or not right, in the order AWS needs them. */
export function planWebhookParts(found: WebhookFinding, webhook: WebhookRef, place: WebhookPlace): ApiAction[] {
  const actions: ApiAction[] = [];
  if (!found.connection) {
    actions.push(apiAction("createConnection", { name: WEBHOOK_CONNECTION, apiKeyName: WEBHOOK_CONNECTION_HEADER.name, apiKeyValue: WEBHOOK_CONNECTION_HEADER.value }));
  }
  const destination = { name: WEBHOOK_DESTINATION, connection: WEBHOOK_CONNECTION, endpoint: webhook, rateLimitPerSecond: WEBHOOK_RATE_PER_SECOND };
  if (!found.destination) actions.push(apiAction("createApiDestination", destination));
  else if (!found.connection || !destinationIsRight(found.destination, webhook, found.connection)) actions.push(apiAction("updateApiDestination", destination));
  const trustPolicy = JSON.stringify(webhookTrustPolicy(place.accountId));
  if (!found.role) actions.push(apiAction("createWebhookRole", { roleName: WEBHOOK_ROLE, trustPolicy }));
  else if (!roleIsRight(found.role, place.accountId)) actions.push(apiAction("updateWebhookRoleTrust", { roleName: WEBHOOK_ROLE, trustPolicy }));
  const policy = webhookRolePolicy(place.partition, place.accountId);
  if (!sameJson(found.rolePolicy, policy)) {
    actions.push(apiAction("putWebhookRolePolicy", { roleName: WEBHOOK_ROLE, policyName: WEBHOOK_ROLE_POLICY, policy: JSON.stringify(policy) }));
  }
  return actions;
}

/** The webhook target on one rule, if it is missing or not right (a destination made now has no ARN yet: planned). */
export function planWebhookTarget(
  rule: EventRuleDetail | undefined,
  spec: Pick<AlertRuleSpec, "name" | "target">,
  found: WebhookFinding,
  place: WebhookPlace,
): ApiAction[] {
  const wanted = webhookTargetFor(spec, webhookRoleArn(place.partition, place.accountId));
  const actual = rule?.targets.find((t) => t.id === WEBHOOK_TARGET_ID);
  return webhookTargetIsRight(actual, wanted, found.destination?.arn) ? [] : [apiAction("putWebhookTarget", wanted)];
}

/** Sends one change; the webhook URL goes only to the calls that take it, as their secret. */
export function applyWebhookAction(ctx: StepContext, action: ApiAction, url: () => string): Promise<WriteReceipt> {
  const secret = async () => ({ url: url() });
  return sendAction(ctx.account, action, { createApiDestination: secret, updateApiDestination: secret });
}

/** Everything of the webhook read back at once. */
export interface WebhookState {
  /** The connection exists and is AUTHORIZED. */
  connection: boolean;
  /** The destination POSTs to this webhook through rootlock's connection. */
  destination: boolean;
  /** … and is ACTIVE (EventBridge delivers through it). */
  active: boolean;
  role: boolean;
  policy: boolean;
  /** For each rule, by name: its webhook target is right. */
  targets: Record<string, boolean>;
  connectionState?: string;
  destinationState?: string;
}

export async function readWebhook(ctx: StepContext, webhook: WebhookRef, specs: Pick<AlertRuleSpec, "name" | "target">[], place: WebhookPlace): Promise<WebhookState> {
  const found = await inspectWebhook(ctx);
  const rules = await Promise.all(specs.map((s) => ctx.account.getEventRule(s.name)));
  const roleArn = webhookRoleArn(place.partition, place.accountId);
  return {
    connection: connectionIsReady(found.connection),
    destination: destinationIsRight(found.destination, webhook, found.connection),
    active: destinationIsActive(found.destination),
    role: roleIsRight(found.role, place.accountId),
    policy: sameJson(found.rolePolicy, webhookRolePolicy(place.partition, place.accountId)),
    targets: Object.fromEntries(
      specs.map((s, i) => [
        s.name,
        webhookTargetIsRight(
          rules[i]?.targets.find((t) => t.id === WEBHOOK_TARGET_ID),
          webhookTargetFor(s, roleArn),
          found.destination?.arn,
        ),
      ]),
    ),
    connectionState: found.connection?.state,
    destinationState: found.destination?.state,
  };
}

/** Every webhook part is in place, and EventBridge can deliver through it (connection AUTHORIZED, destination ACTIVE). */
export function webhookInPlace(s: WebhookState): boolean {
  return s.connection && s.destination && s.active && s.role && s.policy && Object.values(s.targets).every(Boolean);
}

/** The webhook's evidence lines: its mask, never its URL. */
export function webhookEvidence(s: WebhookState, webhook: WebhookRef, at: Date): Evidence[] {
  const yesNo = (b: boolean): Phrase => phrase(b ? "yes" : "no");
  return [
    {
      source: "events:DescribeConnection + events:DescribeApiDestination (us-east-1)",
      ...reads(
        phrase(
          "webhookState",
          webhook.mask,
          s.connectionState ?? phrase("gone"),
          s.destinationState ?? phrase("gone"),
          phrase(s.destination ? "endpointMatches" : "notAsPlanned"),
        ),
      ),
      at,
    },
    { source: "iam:GetRole + iam:GetRolePolicy", ...reads(phrase("webhookRoleState", WEBHOOK_ROLE, yesNo(s.role), yesNo(s.policy))), at },
    ...Object.entries(s.targets).map(([rule, right]) => ({
      source: "events:ListTargetsByRule (us-east-1)",
      ...reads(phrase("webhookTarget", rule, phrase(right ? "webhookTargetAsPlanned" : "notAsPlanned"))),
      at,
    })),
  ];
}

/** The webhook calls the operator gave up on (`made`, in the order sent): removed last first, each read back. */
export function rollbackWebhook(ctx: StepContext, made: ApiAction[], hooks?: WaitHooks): Promise<Rollback> {
  return rollBackChanges(ctx, made.filter(isWebhookAction), hooks);
}

const WEBHOOK_OPS = new Set([
  "createConnection",
  "createApiDestination",
  "updateApiDestination",
  "createWebhookRole",
  "updateWebhookRoleTrust",
  "putWebhookRolePolicy",
  "putWebhookTarget",
]);

/** One of the webhook's own changes (not the rules or the topic it shares with the email). */
export function isWebhookAction(a: ApiAction): boolean {
  return WEBHOOK_OPS.has(a.op);
}

/**
 * The test message through the same path as a real alert: a rule on rootlock's test source with the same webhook
 * target (each only if not already right), then one PutEvents to it. Each is a change the operator confirms.
 */
export async function webhookTestActions(ctx: StepContext, place: WebhookPlace): Promise<ApiAction[]> {
  const [rule, destination] = await Promise.all([ctx.account.getEventRule(WEBHOOK_TEST_RULE), ctx.account.getApiDestination(WEBHOOK_DESTINATION)]);
  const actions: ApiAction[] = [];
  if (!rule || rule.state !== "ENABLED" || !sameJson(rule.pattern, WEBHOOK_TEST_PATTERN)) {
    actions.push(
      apiAction("putEventRule", {
        name: WEBHOOK_TEST_RULE,
        pattern: JSON.stringify(WEBHOOK_TEST_PATTERN),
        description: "rootlock: the webhook's test message (PutEvents from rootlock only)",
        state: "ENABLED",
      }),
    );
  }
  const target: WebhookTarget = webhookTestTarget(webhookRoleArn(place.partition, place.accountId));
  if (
    !webhookTargetIsRight(
      rule?.targets.find((t) => t.id === WEBHOOK_TARGET_ID),
      target,
      destination?.arn,
    )
  )
    actions.push(apiAction("putWebhookTarget", target));
  const message = `a test of rootlock's root-activity alerts, sent ${ctx.now().toISOString()}. No action is needed.`;
  actions.push(apiAction("putTestEvent", { source: WEBHOOK_TEST_SOURCE, detailType: WEBHOOK_TEST_DETAIL_TYPE, detail: JSON.stringify({ message }) }));
  return actions;
}

/** Is this planned change the test message itself (the last of `webhookTestActions`)? */
export const isTestEvent = (a: ApiAction) => isOp(a, "putTestEvent");

export type { Rollback };

/** The operator's answer to "did the test message arrive?": no API can see a message reach a channel. */
export function withWebhookTestAnswer(v: Verdict, mask: string, arrived: boolean, at: Date): Verdict {
  return {
    ...v,
    evidence: [...v.evidence, { source: "operator (the webhook's test message)", ...reads(phrase(arrived ? "webhookArrived" : "webhookNotArrived", mask)), at }],
  };
}
