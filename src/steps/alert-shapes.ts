// What rootlock's root-activity alerts look like when they are right: the EventBridge rules with their patterns
// and input transformers, the SNS topic policy that lets EventBridge publish, and the CloudTrail bucket policy.
// Pure data and comparisons: the alerts step plans from these, and verifies against them.
import type { RuleState, RuleTarget, Trail } from "../aws/account.js";
import { accountOf, alertsRegionFor, type Partition, partitionOf } from "../aws/partition.js";
import { type Phrase, phrase } from "./said.js";

export const DEFAULT_TOPIC_NAME = "rootlock-root-activity";
export const TRAIL_NAME = "rootlock-management-events";
export const RULE_PREFIX = "rootlock-root-";
/** The id of rootlock's target on each rule: a target under another id (someone else's) is left alone. */
export const TARGET_ID = "rootlock-sns";
/** The Sid of rootlock's statement in the topic policy; other statements are kept as they are. */
const POLICY_SID = "rootlock-eventbridge-publish";

export type AlertRuleKind = "console-sign-in" | "mfa-removal" | "api-call";

export interface AlertRuleSpec {
  kind: AlertRuleKind;
  name: string;
  /** Events of this kind reach EventBridge only through a trail that logs management events. */
  needsTrail: boolean;
  pattern: object;
  /** The State the rule is put with: read-only management events arrive only with the ALL state. */
  state: RuleState;
  /** What it catches, in the evidence report's words (English, like AWS's names). */
  catches: string;
  description: string;
  target: RuleTarget;
}

/** The topic lives where root's events arrive: the partition's alerts region (see partition.ts). */
export function topicArnFor(partition: Partition, accountId: string, name: string): string {
  return `arn:${partition}:sns:${alertsRegionFor(partition)}:${accountId}:${name}`;
}

export function bucketNameFor(accountId: string): string {
  return `rootlock-cloudtrail-${accountId}`;
}

// Every message says what happened, in which account, when, from where, and whether MFA was used: the fields
// an owner needs to decide in seconds whether it was them. A JSON-string template makes SNS send plain text.
const COMMON_PATHS = { account: "$.account", time: "$.time", ip: "$.detail.sourceIPAddress" };

/**
 * The console sign-in's detail type, both spellings: real events (and AWS's re:Post rule) say "Sign In", the
 * EventBridge User Guide's list (eb-service-event-cloudtrail) says "Signin". A rule that names both catches either.
 */
export const SIGN_IN_DETAIL_TYPES = ["AWS Console Sign In via CloudTrail", "AWS Console Signin via CloudTrail"];

/** What the operator chose about the rules themselves. */
export interface RuleOptions {
  /** The API-call rule also takes read-only calls (Get*, List*, Describe*…): State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS. */
  readOnlyApiCalls?: boolean;
}

/**
 * rootlock's rules. Every one needs a trail: EventBridge receives each "… via CloudTrail" detail type, console
 * sign-ins included, only while a CloudTrail trail with logging records it (EventBridge User Guide, "AWS service
 * events delivered via AWS CloudTrail", eb-service-event-cloudtrail). A rule in us-east-1 sees only the events
 * delivered there: global services' (IAM, STS, Organizations, sign-in) and us-east-1's own regional services'.
 * With State ENABLED it gets write events only; read-only management events need
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (EventBridge API reference, PutRule `State`; User Guide,
 * "Receiving read-only management events from AWS services").
 */
export function alertRules(topicArn: string, options: RuleOptions = {}): AlertRuleSpec[] {
  const target = (inputPathsMap: Record<string, string>, inputTemplate: string): RuleTarget => ({ id: TARGET_ID, arn: topicArn, inputPathsMap, inputTemplate });
  return [
    {
      kind: "console-sign-in",
      name: `${RULE_PREFIX}console-sign-in`,
      needsTrail: true,
      pattern: { "detail-type": SIGN_IN_DETAIL_TYPES, detail: { userIdentity: { type: ["Root"] } } },
      state: "ENABLED",
      catches: "root console sign-ins, successful or not (either spelling of the detail type)",
      description: "rootlock: the root user signed in to the AWS console",
      target: target(
        { ...COMMON_PATHS, result: "$.detail.responseElements.ConsoleLogin", mfa: "$.detail.additionalEventData.MFAUsed" },
        '"ROOT CONSOLE SIGN-IN (<result>) in AWS account <account> at <time> from <ip>. MFA used: <mfa>. If this was not you, secure the root user now."',
      ),
    },
    {
      kind: "mfa-removal",
      name: `${RULE_PREFIX}mfa-removal`,
      needsTrail: true,
      pattern: {
        "detail-type": ["AWS API Call via CloudTrail"],
        source: ["aws.iam"],
        detail: { eventName: ["DeactivateMFADevice", "DeleteVirtualMFADevice"], userIdentity: { type: ["Root"] } },
      },
      state: "ENABLED",
      catches: "root's IAM DeactivateMFADevice and DeleteVirtualMFADevice calls",
      description: "rootlock: the root user removed an MFA device",
      target: target(
        { ...COMMON_PATHS, event: "$.detail.eventName", mfa: "$.detail.userIdentity.sessionContext.attributes.mfaAuthenticated" },
        '"ROOT MFA REMOVAL (<event>) in AWS account <account> at <time> from <ip>. Session used MFA: <mfa>. If this was not you, secure the root user now."',
      ),
    },
    {
      kind: "api-call",
      name: `${RULE_PREFIX}api-call`,
      needsTrail: true,
      pattern: { "detail-type": ["AWS API Call via CloudTrail"], detail: { userIdentity: { type: ["Root"] } } },
      state: options.readOnlyApiCalls ? "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" : "ENABLED",
      catches: `root's ${options.readOnlyApiCalls ? "read-only and write" : "write (not read-only)"} API calls delivered to us-east-1: global services (IAM, STS, Organizations…) and us-east-1's own regional services, not other regions'`,
      description: `rootlock: the root user's ${options.readOnlyApiCalls ? "read and write" : "write"} API calls delivered to us-east-1 (global services such as IAM, STS, Organizations; us-east-1's own services)`,
      target: target(
        {
          ...COMMON_PATHS,
          event: "$.detail.eventName",
          service: "$.detail.eventSource",
          region: "$.detail.awsRegion",
          mfa: "$.detail.userIdentity.sessionContext.attributes.mfaAuthenticated",
        },
        '"ROOT API CALL <service> <event> (region <region>) in AWS account <account> at <time> from <ip>. Session used MFA: <mfa>."',
      ),
    },
  ];
}

/** Two JSON texts (patterns, policies) are the same when they parse to the same value, whatever the spacing or key order. */
export function sameJson(a: string | undefined, b: object): boolean {
  if (!a) return false;
  try {
    return canonical(JSON.parse(a)) === canonical(b);
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function targetIsRight(actual: RuleTarget | undefined, wanted: RuleTarget): boolean {
  return (
    !!actual &&
    actual.arn === wanted.arn &&
    actual.inputTemplate === wanted.inputTemplate &&
    canonical(actual.inputPathsMap ?? {}) === canonical(wanted.inputPathsMap ?? {})
  );
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * rootlock's statement: EventBridge may publish, for this account's rootlock rules only (the confused-deputy
 * guard), in the form EventBridge's guide documents ("Using resource-based policies for Amazon EventBridge" →
 * Amazon SNS permissions, eb-use-resource-based.html): Principal events.amazonaws.com, sns:Publish, and
 * `ArnEquals` on `aws:SourceArn` naming each rule. Every rootlock rule is named, chosen or not, so the statement
 * does not change with the operator's choices and a second run plans nothing.
 */
export function publishStatement(topicArn: string, accountId: string): Statement {
  const partition = partitionOf(topicArn);
  const ruleArns = alertRules(topicArn).map((r) => `arn:${partition}:events:${alertsRegionFor(partition)}:${accountId}:rule/${r.name}`);
  return {
    Sid: POLICY_SID,
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: "sns:Publish",
    Resource: topicArn,
    Condition: { ArnEquals: { "aws:SourceArn": ruleArns } },
  };
}

/** The topic's policy with rootlock's statement added (or put back as it should be); the others kept. */
export function topicPolicyWith(current: string | undefined, topicArn: string, accountId: string): string {
  const parsed = parsePolicy(current);
  const others = (parsed?.Statement ?? []).filter((s) => s.Sid !== POLICY_SID);
  return JSON.stringify({
    Version: parsed?.Version ?? "2012-10-17",
    ...(parsed?.Id ? { Id: parsed.Id } : {}),
    Statement: [...others, publishStatement(topicArn, accountId)],
  });
}

/** Does the policy hold rootlock's statement, exactly as it should be? */
export function topicPolicyIsRight(policy: string | undefined, topicArn: string, accountId: string): boolean {
  const statement = parsePolicy(policy)?.Statement.find((s) => s.Sid === POLICY_SID);
  return !!statement && sameJson(JSON.stringify(statement), publishStatement(topicArn, accountId));
}

function parsePolicy(text: string | undefined): { Version?: string; Id?: string; Statement: Statement[] } | undefined {
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as { Version?: string; Id?: string; Statement?: Statement | Statement[] };
    return { Version: p.Version, Id: p.Id, Statement: Array.isArray(p.Statement) ? p.Statement : p.Statement ? [p.Statement] : [] };
  } catch {
    return undefined;
  }
}

/** The bucket policy CloudTrail needs (AWS's documented one), scoped to rootlock's trail by aws:SourceArn. */
export function trailBucketPolicy(partition: Partition, accountId: string, bucket: string): object {
  const sourceArn = `arn:${partition}:cloudtrail:${alertsRegionFor(partition)}:${accountId}:trail/${TRAIL_NAME}`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AWSCloudTrailAclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: `arn:${partition}:s3:::${bucket}`,
        Condition: { StringEquals: { "aws:SourceArn": sourceArn } },
      },
      {
        Sid: "AWSCloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `arn:${partition}:s3:::${bucket}/AWSLogs/${accountId}/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": sourceArn } },
      },
    ],
  };
}

/**
 * A trail that brings root's API calls to EventBridge in the alerts region: logging, management write events, and
 * covering that region (multi-region, or at home there) with global service events (IAM's) included.
 * The organization's trail seen from a member account cannot be read (statusFrom "organization"): it is judged
 * from DescribeTrails alone, and its logging and management events are the organization's to keep on. A trail
 * whose reads failed ("unreadable") is not counted: nothing is known of it.
 */
export function trailDeliversRootCalls(trail: Trail): boolean {
  const region = alertsRegionFor(partitionOf(trail.arn));
  const covers = (trail.multiRegion || trail.homeRegion === region) && trail.includeGlobalServiceEvents;
  if (trail.statusFrom === "organization") return covers;
  if (trail.statusFrom === "unreadable") return false;
  return trail.logging && (trail.managementEvents === "all" || trail.managementEvents === "write") && covers;
}

/**
 * Whether root's API calls reach EventBridge, from a list of trails: true when one trail brings them; undefined
 * when none is known to but some trail could not be read (it may); false otherwise.
 */
export function trailsDeliver(trails: Trail[]): boolean | undefined {
  if (trails.some(trailDeliversRootCalls)) return true;
  return trails.some((t) => t.statusFrom === "unreadable") ? undefined : false;
}

/** What the evidence says of the trail that brings root's API calls, as a phrase (said.ts): English in the JSON, the run's language on screen. */
export function deliveringTrailPhrase(trail: Trail): Phrase {
  if (trail.statusFrom === "organization") return phrase("organizationTrail", trail.name, trail.ownerAccountId || accountOf(trail.arn));
  return phrase("trailLogsNamed", trail.name);
}
