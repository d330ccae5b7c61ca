// What rootlock's webhook alerts (Slack, or any HTTPS webhook taking JSON) look like when they are right: an
// EventBridge connection and API destination that POSTs to the webhook, an IAM role EventBridge invokes it with,
// and, on each of rootlock's root rules, a target whose input transformer makes Slack's `{"text": …}` message. No
// Lambda. Pure data and comparisons, like alert-shapes.ts; the names follow names.ts (EventBridge: 1–64 of
// `[.\-_A-Za-z0-9]`; IAM role: 1–64 of `[\w+=,.@-]`).
import type { ApiDestination, EventConnection, IamRole, RuleTarget } from "../aws/account.js";
import { alertsRegionFor, type Partition } from "../aws/partition.js";
import type { WebhookRef } from "../aws/webhook.js";
import type { AlertRuleSpec } from "./alert-shapes.js";
import { sameJson } from "./alert-shapes.js";

export const WEBHOOK_CONNECTION = "rootlock-webhook";
export const WEBHOOK_DESTINATION = "rootlock-webhook";
export const WEBHOOK_ROLE = "rootlock-eventbridge-webhook";
export const WEBHOOK_ROLE_POLICY = "rootlock-invoke-webhook";
/** The id of rootlock's webhook target on each rule (beside `rootlock-sns`): another id is someone else's. */
export const WEBHOOK_TARGET_ID = "rootlock-webhook";
/**
 * Slack takes about one message a second ("Rate limits", api.slack.com/docs/rate-limits: "Posting messages: 1 per
 * second. Short bursts >1 allowed"); EventBridge holds back (and retries) what is over the destination's limit
 * (CreateApiDestination InvocationRateLimitPerSecond).
 */
export const WEBHOOK_RATE_PER_SECOND = 1;

/**
 * A connection must have an authorization type: CreateConnection's AuthorizationType and AuthParameters are both
 * required, and the type is one of BASIC, OAUTH_CLIENT_CREDENTIALS or API_KEY (EventBridge API reference,
 * CreateConnection; docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateConnection.html). A Slack incoming
 * webhook needs none (its URL is the credential), so rootlock sends API_KEY with a harmless fixed header that names
 * the sender: it grants nothing, and a webhook that does not know it ignores it.
 */
export const WEBHOOK_CONNECTION_HEADER = { name: "X-Rootlock-Alert", value: "root-activity" } as const;

/** The test message's route: a rule on a custom source rootlock can PutEvents to ("aws." sources are AWS's own). */
export const WEBHOOK_TEST_RULE = "rootlock-webhook-test";
export const WEBHOOK_TEST_SOURCE = "rootlock.test";
export const WEBHOOK_TEST_DETAIL_TYPE = "rootlock webhook test";

export function webhookRoleArn(partition: Partition, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:role/${WEBHOOK_ROLE}`;
}

/** Every version of rootlock's destination: the ARN ends in a suffix EventBridge generates. */
export function webhookDestinationArns(partition: Partition, accountId: string): string {
  return `arn:${partition}:events:${alertsRegionFor(partition)}:${accountId}:api-destination/${WEBHOOK_DESTINATION}/*`;
}

/**
 * Who may assume the role: EventBridge, for this account only (the confused-deputy guard with aws:SourceAccount, as
 * IAM's guide shows it: IAM User Guide, "The confused deputy problem", cross-service confused deputy prevention;
 * EventBridge User Guide, "Permissions required for EventBridge to access targets using IAM roles").
 */
export function webhookTrustPolicy(accountId: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
      },
    ],
  };
}

/** What the role may do: invoke rootlock's API destination, nothing else (EventBridge User Guide, eb-api-destinations). */
export function webhookRolePolicy(partition: Partition, accountId: string): object {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "events:InvokeApiDestination", Resource: webhookDestinationArns(partition, accountId) }],
  };
}

/** The target rootlock puts on a rule: the destination (by name), the role, and a transformer that makes Slack's JSON. */
export interface WebhookTarget {
  rule: string;
  id: string;
  destination: string;
  roleArn: string;
  inputPathsMap: Record<string, string>;
  inputTemplate: string;
}

/**
 * Slack's message for a root rule: `{"text": …}` with the same words the email says (account, time, source IP, MFA
 * used, what to do), taken from the rule's own SNS template, which is a JSON string already.
 */
export function webhookTargetFor(spec: Pick<AlertRuleSpec, "name" | "target">, roleArn: string): WebhookTarget {
  return {
    rule: spec.name,
    id: WEBHOOK_TARGET_ID,
    destination: WEBHOOK_DESTINATION,
    roleArn,
    inputPathsMap: spec.target.inputPathsMap ?? {},
    inputTemplate: `{"text": ${spec.target.inputTemplate}}`,
  };
}

/** The test message's rule and its target: a PutEvents with the test source reaches the webhook by the same path. */
export const WEBHOOK_TEST_PATTERN = { source: [WEBHOOK_TEST_SOURCE], "detail-type": [WEBHOOK_TEST_DETAIL_TYPE] };
export function webhookTestTarget(roleArn: string): WebhookTarget {
  return {
    rule: WEBHOOK_TEST_RULE,
    id: WEBHOOK_TARGET_ID,
    destination: WEBHOOK_DESTINATION,
    roleArn,
    inputPathsMap: { account: "$.account", time: "$.time", message: "$.detail.message" },
    inputTemplate: '{"text": "rootlock test message for AWS account <account> at <time>: <message>"}',
  };
}

/** Does a rule's target read back as rootlock's webhook target: the destination's ARN, the role, the transformer? */
export function webhookTargetIsRight(actual: RuleTarget | undefined, wanted: WebhookTarget, destinationArn: string | undefined): boolean {
  return (
    !!actual &&
    !!destinationArn &&
    actual.arn === destinationArn &&
    actual.roleArn === wanted.roleArn &&
    actual.inputTemplate === wanted.inputTemplate &&
    sameJson(JSON.stringify(actual.inputPathsMap ?? {}), wanted.inputPathsMap)
  );
}

/** The connection is there and EventBridge can authorize with it. */
export function connectionIsReady(c: EventConnection | undefined): boolean {
  return c?.state === "AUTHORIZED";
}

/** The destination POSTs to this webhook, through rootlock's connection. */
export function destinationIsRight(d: ApiDestination | undefined, webhook: WebhookRef, connection: EventConnection | undefined): boolean {
  return !!d && !!connection && d.endpoint.digest === webhook.digest && d.httpMethod === "POST" && d.connectionArn === connection.arn;
}

/** EventBridge delivers through a destination only while it is ACTIVE (EventBridge API reference, ApiDestinationState). */
export function destinationIsActive(d: ApiDestination | undefined): boolean {
  return d?.state === "ACTIVE";
}

export function roleIsRight(role: IamRole | undefined, accountId: string): boolean {
  return !!role && sameJson(role.trustPolicy, webhookTrustPolicy(accountId));
}
