// The simulated account's side of root's events: CloudTrail (sign-ins and MFA enablements looked up, trails),
// EventBridge rules, SNS topics and S3 buckets, as AWS answers and refuses them. LookupEvents is throttled at 2 a
// second, a console sign-in shows only some seconds later, an organization's trail is listed but not readable.
import { randomUUID } from "node:crypto";
import { type AccountReads, type RuleState, type RuleTarget, ruleStateIsEnabled, type Trail, type WriteReceipt } from "../account.js";
import { AccountError } from "../errors.js";
import { BUCKET_NAME_PATTERN, RULE_NAME_PATTERN, TOPIC_NAME_PATTERN } from "../names.js";
import type { WriteHandlers } from "../operations.js";
import { ACCOUNT_ID, defaultTopicPolicy, ROOT_ARN, SIMULATED_REGION, topicArn as makeTopicArn } from "./scenarios.js";
import { isJson, type SimulatedWorld } from "./state.js";

const LOOKUP_RATE_PER_SECOND = 2;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

type AlertReadName =
  "lookupConsoleLogins" | "lookupRootMfaEnablements" | "listEventRules" | "getTopic" | "listSubscriptions" | "getEventRule" | "listTrails" | "getBucket";
type AlertOpName =
  | "createTopic"
  | "setTopicPolicy"
  | "subscribeEmail"
  | "publish"
  | "putEventRule"
  | "putRuleTarget"
  | "createBucket"
  | "putBucketPolicy"
  | "createTrail"
  | "startLogging";

export function alertReads(w: SimulatedWorld): Pick<AccountReads, AlertReadName> {
  const lookups: number[] = [];
  /** CloudTrail's LookupEvents: 2 a second, per account and region, whatever the event name. */
  const lookupEvents = () => {
    w.enter("cloudtrail:LookupEvents", "cloudtrail");
    const now = w.now().getTime();
    while (lookups.length > 0 && now - lookups[0]! >= 1000) lookups.shift();
    if (lookups.length >= LOOKUP_RATE_PER_SECOND) throw new AccountError("Throttling", "cloudtrail:LookupEvents");
    lookups.push(now);
  };
  return {
    async lookupConsoleLogins(since) {
      lookupEvents();
      const awsNow = w.awsNow().getTime();
      return w.truth.signins
        .filter((e) => e.at.getTime() >= since.getTime() && e.at.getTime() + w.trailDelay <= awsNow)
        .map((e) => ({
          eventId: e.eventId,
          at: e.at,
          identityType: "Root",
          success: e.success,
          mfaUsed: e.mfaUsed,
          mfaIdentifier: e.mfaIdentifier,
          sourceIp: e.sourceIp,
        }));
    },

    async lookupRootMfaEnablements(since) {
      lookupEvents();
      // Each device root holds was enabled by root in the console: CloudTrail has one EnableMFADevice for it.
      const awsNow = w.awsNow().getTime();
      return w.truth.devices
        .filter((d) => d.assignedTo === ROOT_ARN && d.enabledAt && d.enabledAt.getTime() >= since.getTime() && d.enabledAt.getTime() + w.trailDelay <= awsNow)
        .map((d) => ({ eventId: `enable-${d.serialNumber}`, at: d.enabledAt!, serialNumber: d.serialNumber }));
    },

    async listEventRules() {
      w.enter("events:ListRules", "events");
      return w.truth.rules.map((r) => ({
        name: r.name,
        enabled: ruleStateIsEnabled(r.state),
        pattern: r.pattern,
        targets: r.targets.length,
        targetArns: r.targets.map((t) => t.arn),
      }));
    },

    async getTopic(topicArn) {
      const topic = w.read("sns:GetTopicAttributes", "sns").topics.find((t) => t.arn === topicArn);
      return topic && { arn: topic.arn, policy: topic.policy };
    },

    async listSubscriptions(topicArn) {
      const topic = w.read("sns:ListSubscriptionsByTopic", "sns").topics.find((t) => t.arn === topicArn);
      if (!topic) throw new AccountError("NoSuchEntity", "sns:ListSubscriptionsByTopic");
      return topic.subscriptions.map((s) => ({ arn: s.confirmed ? s.arn : undefined, protocol: s.protocol, endpoint: s.endpoint, pending: !s.confirmed }));
    },

    async getEventRule(name) {
      const rule = w.read("events:DescribeRule", "events").rules.find((r) => r.name === name);
      if (!rule) return undefined;
      w.enter("events:ListTargetsByRule", "events");
      return structuredClone({
        name: rule.name,
        enabled: ruleStateIsEnabled(rule.state),
        state: rule.state,
        pattern: rule.pattern,
        description: rule.description,
        targets: rule.targets,
      });
    },

    async listTrails() {
      const state = w.read("cloudtrail:DescribeTrails", "cloudtrail");
      return state.trails.map((t): Trail => {
        const { owner, organization, ...fields } = t;
        const ownerAccountId = owner ?? ACCOUNT_ID;
        const described = { ...fields, arn: `arn:aws:cloudtrail:${t.homeRegion}:${ownerAccountId}:trail/${t.name}`, ownerAccountId, organization: !!organization };
        const notRead = { logging: false, managementEvents: "none" as const };
        // As AWS: the organization's trail is listed in a member account, but its status and selectors are not
        // readable there (TrailNotFoundException / CloudTrailARNInvalidException), so they are not asked for.
        if (ownerAccountId !== ACCOUNT_ID) return { ...described, ...notRead, statusFrom: "organization" };
        try {
          w.enter("cloudtrail:GetTrailStatus", "cloudtrail");
          w.enter("cloudtrail:GetEventSelectors", "cloudtrail");
        } catch (error) {
          if (!(error instanceof AccountError)) throw error;
          return { ...described, ...notRead, statusFrom: "unreadable", unreadable: { code: error.code, action: error.action } };
        }
        return { ...described, statusFrom: "read" };
      });
    },

    async getBucket(bucket, expectedOwner) {
      const found = w.read("s3:GetBucketPolicy", "s3").buckets.find((b) => b.name === bucket);
      // ExpectedBucketOwner not matched: S3 answers 403 AccessDenied.
      if (found && (found.owner ?? ACCOUNT_ID) !== expectedOwner) return { exists: true, ownedElsewhere: true };
      return found ? { exists: true, policy: found.policy } : { exists: false };
    },
  };
}

/** The alerts' writes, as AWS carries them out (and refuses them). */
export function alertWrites(w: SimulatedWorld): Pick<WriteHandlers, AlertOpName> {
  return {
    createTopic: (a) => createTopic(w, a.name),
    setTopicPolicy: (a) => setTopicPolicy(w, a.topicArn, a.policy),
    subscribeEmail: (a) => subscribeEmail(w, a.topicArn, a.email),
    publish: (a) => publish(w, a.topicArn, a.subject, a.message),
    putEventRule: (a) => putEventRule(w, a.name, a.pattern, a.description, a.state),
    putRuleTarget: (a) => putRuleTarget(w, a.rule, a.target),
    createBucket: (a) => createBucket(w, a.bucket),
    putBucketPolicy: (a) => putBucketPolicy(w, a.bucket, a.policy),
    createTrail: (a) => createTrail(w, a.name, a.bucket),
    startLogging: (a) => startLogging(w, a.name),
  };
}

// ---- SNS ------------------------------------------------------------------------------------------

function topic(w: SimulatedWorld, arn: string, call: string) {
  const found = w.truth.topics.find((t) => t.arn === arn);
  if (!found) throw new AccountError("NoSuchEntity", call);
  return found;
}

async function createTopic(w: SimulatedWorld, name: string): Promise<WriteReceipt> {
  const call = "sns:CreateTopic";
  w.enter(call, "sns");
  if (!TOPIC_NAME_PATTERN.test(name)) throw new AccountError("InvalidParameter", call);
  const arn = makeTopicArn(name);
  // CreateTopic is idempotent: an existing topic of that name is answered as is.
  if (!w.truth.topics.some((t) => t.arn === arn)) w.commit((s) => s.topics.push({ arn, policy: defaultTopicPolicy(arn), subscriptions: [] }));
  return w.receipt(call);
}

async function setTopicPolicy(w: SimulatedWorld, topicArn: string, policy: string): Promise<WriteReceipt> {
  const call = "sns:SetTopicAttributes";
  w.enter(call, "sns");
  topic(w, topicArn, call);
  if (!isJson(policy)) throw new AccountError("InvalidParameter", call);
  w.commit((s) => {
    const found = s.topics.find((t) => t.arn === topicArn);
    if (found) found.policy = policy;
  });
  return w.receipt(call);
}

async function subscribeEmail(w: SimulatedWorld, topicArn: string, email: string): Promise<WriteReceipt> {
  const call = "sns:Subscribe";
  w.enter(call, "sns");
  const found = topic(w, topicArn, call);
  if (!EMAIL.test(email)) throw new AccountError("InvalidParameter", call);
  // AWS makes no second subscription for the same address (it sends the confirmation email again).
  if (!found.subscriptions.some((s) => s.endpoint === email)) {
    const arn = `${topicArn}:${randomUUID()}`;
    w.commit((s) => s.topics.find((t) => t.arn === topicArn)?.subscriptions.push({ arn, protocol: "email", endpoint: email, confirmed: false }));
  }
  return w.receipt(call);
}

async function publish(w: SimulatedWorld, topicArn: string, subject: string, message: string): Promise<WriteReceipt> {
  const call = "sns:Publish";
  w.enter(call, "sns");
  topic(w, topicArn, call);
  w.deliver(topicArn, subject, message, w.awsNow());
  return w.receipt(call);
}

// ---- EventBridge ----------------------------------------------------------------------------------

async function putEventRule(w: SimulatedWorld, name: string, pattern: string, description: string, state: RuleState): Promise<WriteReceipt> {
  const call = "events:PutRule";
  w.enter(call, "events");
  if (!RULE_NAME_PATTERN.test(name)) throw new AccountError("InvalidParameter", call);
  if (!isJson(pattern)) throw new AccountError("InvalidParameter", call, "InvalidEventPatternException");
  w.commit((s) => {
    const rule = s.rules.find((r) => r.name === name);
    if (rule) Object.assign(rule, { pattern, description, state });
    else s.rules.push({ name, pattern, description, state, targets: [] });
  });
  return w.receipt(call);
}

async function putRuleTarget(w: SimulatedWorld, rule: string, target: RuleTarget): Promise<WriteReceipt> {
  const call = "events:PutTargets";
  w.enter(call, "events");
  if (!w.truth.rules.some((r) => r.name === rule)) throw new AccountError("NoSuchEntity", call);
  w.commit((s) => {
    const found = s.rules.find((r) => r.name === rule);
    if (!found) return;
    found.targets = [...found.targets.filter((t) => t.id !== target.id), structuredClone(target)];
  });
  return w.receipt(call);
}

// ---- S3 and CloudTrail ----------------------------------------------------------------------------

async function createBucket(w: SimulatedWorld, bucket: string): Promise<WriteReceipt> {
  const call = "s3:CreateBucket";
  w.enter(call, "s3");
  if (!BUCKET_NAME_PATTERN.test(bucket)) throw new AccountError("InvalidParameter", call);
  const taken = w.truth.buckets.find((b) => b.name === bucket);
  if (taken) throw new AccountError(taken.owner ? "BucketAlreadyExists" : "EntityAlreadyExists", call);
  w.commit((s) => s.buckets.push({ name: bucket }));
  return w.receipt(call);
}

async function putBucketPolicy(w: SimulatedWorld, bucket: string, policy: string): Promise<WriteReceipt> {
  const call = "s3:PutBucketPolicy";
  w.enter(call, "s3");
  const target = w.truth.buckets.find((b) => b.name === bucket);
  if (!target) throw new AccountError("NoSuchEntity", call);
  if (target.owner) throw new AccountError("AccessDenied", call);
  if (!isJson(policy)) throw new AccountError("InvalidParameter", call);
  w.commit((s) => {
    const found = s.buckets.find((b) => b.name === bucket);
    if (found) found.policy = policy;
  });
  return w.receipt(call);
}

async function createTrail(w: SimulatedWorld, name: string, bucket: string): Promise<WriteReceipt> {
  const call = "cloudtrail:CreateTrail";
  w.enter(call, "cloudtrail");
  if (w.truth.trails.some((t) => t.name === name)) throw new AccountError("EntityAlreadyExists", call);
  const target = w.truth.buckets.find((b) => b.name === bucket);
  if (!target) throw new AccountError("NoSuchEntity", call);
  // CloudTrail checks that the bucket policy lets it write before it creates the trail.
  if (!target.policy?.includes("cloudtrail.amazonaws.com")) throw new AccountError("InsufficientS3BucketPolicy", call);
  w.commit((s) =>
    s.trails.push({ name, homeRegion: SIMULATED_REGION, multiRegion: true, includeGlobalServiceEvents: true, logging: false, managementEvents: "all", bucket }),
  );
  return w.receipt(call);
}

async function startLogging(w: SimulatedWorld, trailName: string): Promise<WriteReceipt> {
  const call = "cloudtrail:StartLogging";
  w.enter(call, "cloudtrail");
  if (!w.truth.trails.some((t) => t.name === trailName)) throw new AccountError("NoSuchEntity", call);
  w.commit((s) => {
    const trail = s.trails.find((t) => t.name === trailName);
    if (trail) trail.logging = true;
  });
  return w.receipt(call);
}
