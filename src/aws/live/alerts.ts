// The alerts half of the live adapter: SNS, EventBridge, CloudTrail and S3, all in the alerts region (us-east-1 in
// the standard partition: see partition.ts), where root's console sign-ins and IAM calls arrive. Loaded with
// account.ts (lazily, for live and dry-run modes only). It is given the adapter's own `call` (a failure becomes an
// AccountError naming the action) and `write` (sent once; only Throttling retried), so the alerts' writes follow the
// same rule as every other write.
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  type DescribeTrailsCommandOutput,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  CreateTrailCommand,
  StartLoggingCommand,
} from "@aws-sdk/client-cloudtrail";
import type { AdvancedEventSelector, EventSelector } from "@aws-sdk/client-cloudtrail";
import {
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  type ListTargetsByRuleCommandOutput,
  PutRuleCommand,
  PutTargetsCommand,
} from "@aws-sdk/client-eventbridge";
import type { S3Client } from "@aws-sdk/client-s3";
import type { ListSubscriptionsByTopicCommandOutput, SNSClient } from "@aws-sdk/client-sns";
import {
  type AlertTopic,
  type BucketState,
  type EventRuleDetail,
  type ManagementEvents,
  type RuleState,
  type RuleTarget,
  ruleStateIsEnabled,
  type TopicSubscription,
  type Trail,
  type WriteReceipt,
} from "../account.js";
import { errorCodeOf } from "./aws-errors.js";
import { AccountError, isAccountError, noneIfAbsent } from "../errors.js";
import { OPS } from "../operations.js";
import { accountOf } from "../partition.js";
import { firstUse, loadOnce } from "./lazy.js";

type Call = <T>(action: string, run: () => Promise<T>) => Promise<T>;

/** A service's SDK module, loaded on first use, and its read and write clients. */
interface Clients<Sdk, Client> {
  sdk: Sdk;
  reads: Client;
  writes: Client;
}
type Write = (call: string, run: () => Promise<{ $metadata: { requestId?: string } }>) => Promise<WriteReceipt>;

interface ClientConfig {
  profile?: string;
  maxAttempts: number;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  requestHandler: object;
}

export class LiveAlerts {
  /**
   * SNS and S3 are loaded on first use (a third of the SDK code the adapter holds): `rootlock check` asks SNS only
   * for the topics a root sign-in rule targets, and S3 only the alerts step asks.
   */
  private readonly sns: () => Promise<Clients<typeof import("@aws-sdk/client-sns"), SNSClient>>;
  private readonly s3: () => Promise<Clients<typeof import("@aws-sdk/client-s3"), S3Client>>;
  private readonly events: EventBridgeClient;
  private readonly eventsWrites: () => EventBridgeClient;
  private readonly trail: CloudTrailClient;
  private readonly trailWrites: () => CloudTrailClient;

  constructor(
    common: ClientConfig,
    /** The region root's events arrive in (partition.ts, alertsRegionFor): every alerts client works there. */
    region: string,
    /** The adapter's own read clients in that region (its sign-in lookups and rule list use them too). */
    readers: { trail: CloudTrailClient; events: EventBridgeClient },
    private readonly call: Call,
    private readonly write: Write,
    /** The caller's account (sts:GetCallerIdentity, asked once): a trail another account owns is not ours to read. */
    private readonly ownAccount: () => Promise<string>,
  ) {
    const reads = { ...common, region };
    this.trail = readers.trail;
    this.events = readers.events;
    // Writes are sent once by the SDK: `write` decides what may be sent again (see account.ts, sendOnce).
    const writes = { ...reads, maxAttempts: 1 };
    // With a custom endpoint (AWS_ENDPOINT_URL, as the tests set it) a bucket cannot be a host name: use the path.
    const s3 = { forcePathStyle: !!(process.env.AWS_ENDPOINT_URL || process.env.AWS_ENDPOINT_URL_S3) };
    this.sns = loadOnce(async () => {
      const sdk = await import("@aws-sdk/client-sns");
      return { sdk, reads: new sdk.SNSClient(reads), writes: new sdk.SNSClient(writes) };
    });
    this.eventsWrites = firstUse(() => new EventBridgeClient(writes));
    this.trailWrites = firstUse(() => new CloudTrailClient(writes));
    this.s3 = loadOnce(async () => {
      const sdk = await import("@aws-sdk/client-s3");
      return { sdk, reads: new sdk.S3Client({ ...reads, ...s3 }), writes: new sdk.S3Client({ ...writes, ...s3 }) };
    });
  }

  // ---- reads -------------------------------------------------------------------------------------

  async getTopic(topicArn: string): Promise<AlertTopic | undefined> {
    const { sdk, reads } = await this.sns();
    const out = await noneIfAbsent(this.call("sns:GetTopicAttributes", () => reads.send(new sdk.GetTopicAttributesCommand({ TopicArn: topicArn }))));
    return out && { arn: topicArn, policy: out.Attributes?.Policy };
  }

  async listSubscriptions(topicArn: string): Promise<TopicSubscription[]> {
    const { sdk, reads } = await this.sns();
    const all: TopicSubscription[] = [];
    let token: string | undefined;
    do {
      const page: ListSubscriptionsByTopicCommandOutput = await this.call("sns:ListSubscriptionsByTopic", () =>
        reads.send(new sdk.ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: token })),
      );
      for (const s of page.Subscriptions ?? []) {
        // Until the owner clicks the emailed link, AWS lists "PendingConfirmation" where the ARN would be.
        const pending = !s.SubscriptionArn?.startsWith("arn:");
        all.push({ arn: pending ? undefined : s.SubscriptionArn, protocol: s.Protocol ?? "", endpoint: s.Endpoint ?? "", pending });
      }
      token = page.NextToken;
    } while (token);
    return all;
  }

  async getEventRule(name: string): Promise<EventRuleDetail | undefined> {
    const rule = await noneIfAbsent(this.call("events:DescribeRule", () => this.events.send(new DescribeRuleCommand({ Name: name }))));
    if (!rule) return undefined;
    const targets: RuleTarget[] = [];
    let token: string | undefined;
    do {
      const page: ListTargetsByRuleCommandOutput = await this.call("events:ListTargetsByRule", () =>
        this.events.send(new ListTargetsByRuleCommand({ Rule: name, NextToken: token })),
      );
      for (const t of page.Targets ?? []) {
        targets.push({
          id: t.Id ?? "",
          arn: t.Arn ?? "",
          ...(t.RoleArn && { roleArn: t.RoleArn }),
          inputPathsMap: t.InputTransformer?.InputPathsMap,
          inputTemplate: t.InputTransformer?.InputTemplate,
        });
      }
      token = page.NextToken;
    } while (token);
    const state: RuleState = rule.State === "ENABLED" || rule.State === "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" ? rule.State : "DISABLED";
    return { name, enabled: ruleStateIsEnabled(state), state, pattern: rule.EventPattern, description: rule.Description, targets };
  }

  async listTrails(): Promise<Trail[]> {
    // Shadow trails included: a multi-region trail made in another region still logs the alerts region, and in a
    // member account the organization's trail shows only this way.
    const [out, own] = await Promise.all([
      this.call("cloudtrail:DescribeTrails", () => this.trail.send(new DescribeTrailsCommand({ includeShadowTrails: true }))),
      this.ownAccount(),
    ]);
    // Each trail is read on its own: one that cannot be read does not stop the others.
    return Promise.all((out.trailList ?? []).map((t) => this.readTrail(t, own)));
  }

  private async readTrail(t: NonNullable<DescribeTrailsCommandOutput["trailList"]>[number], ownAccount: string): Promise<Trail> {
    const arn = t.TrailARN ?? "";
    const described = {
      name: t.Name ?? "",
      arn,
      homeRegion: t.HomeRegion ?? "",
      multiRegion: !!t.IsMultiRegionTrail,
      includeGlobalServiceEvents: !!t.IncludeGlobalServiceEvents,
      bucket: t.S3BucketName,
      ownerAccountId: accountOf(arn),
      organization: !!t.IsOrganizationTrail,
    };
    const notRead = { logging: false, managementEvents: "none" as const };
    // Another account's trail (the organization's, seen from a member): AWS refuses GetTrailStatus
    // (TrailNotFoundException) and GetEventSelectors (CloudTrailARNInvalidException) on it, whoever asks
    // (aws-facts §7.1: turbot/steampipe-plugin-aws#577, elastic/cloudbeat#1750). Judged from DescribeTrails.
    if (described.ownerAccountId && ownAccount && described.ownerAccountId !== ownAccount) return { ...described, ...notRead, statusFrom: "organization" };
    try {
      // By ARN: a shadow trail's status and selectors are found only that way.
      const id = arn || described.name;
      const [status, selectors] = await Promise.all([
        this.call("cloudtrail:GetTrailStatus", () => this.trail.send(new GetTrailStatusCommand({ Name: id }))),
        this.call("cloudtrail:GetEventSelectors", () => this.trail.send(new GetEventSelectorsCommand({ TrailName: id }))),
      ]);
      return {
        ...described,
        logging: !!status.IsLogging,
        managementEvents: managementEventsOf(selectors.EventSelectors, selectors.AdvancedEventSelectors),
        statusFrom: "read",
      };
    } catch (error) {
      if (!isAccountError(error)) throw error;
      // An organization trail refused as "not found" is the member-account case above, met some other way.
      if (described.organization && error.code === "NoSuchEntity") return { ...described, ...notRead, statusFrom: "organization" };
      // Any other refusal (AccessDenied on this one trail, say) leaves this trail unknown, not the whole list.
      return { ...described, ...notRead, statusFrom: "unreadable", unreadable: { code: error.code, action: error.action } };
    }
  }

  async getBucket(bucket: string, expectedOwner: string): Promise<BucketState> {
    const { sdk, reads } = await this.s3();
    try {
      // ExpectedBucketOwner: S3 answers 403 unless the bucket is the caller's own (S3 User Guide, "Verifying bucket
      // ownership with bucket owner condition"), so a name someone else holds is never taken for ours.
      const out = await reads.send(new sdk.GetBucketPolicyCommand({ Bucket: bucket, ExpectedBucketOwner: expectedOwner }));
      return { exists: true, policy: out.Policy };
    } catch (error) {
      // These are answers about the bucket, not failures of the read.
      const name = (error as { name?: string }).name;
      if (name === "NoSuchBucket") return { exists: false };
      if (name === "NoSuchBucketPolicy") return { exists: true };
      if (errorCodeOf(error) === "AccessDenied") return { exists: true, ownedElsewhere: true };
      throw new AccountError(errorCodeOf(error), "s3:GetBucketPolicy");
    }
  }

  // ---- writes ------------------------------------------------------------------------------------

  async createTopic(name: string): Promise<WriteReceipt> {
    const { sdk, writes } = await this.sns();
    return this.write(OPS.createTopic.action, () => writes.send(new sdk.CreateTopicCommand({ Name: name })));
  }

  async setTopicPolicy(topicArn: string, policy: string): Promise<WriteReceipt> {
    const { sdk, writes } = await this.sns();
    return this.write(OPS.setTopicPolicy.action, () =>
      writes.send(new sdk.SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: "Policy", AttributeValue: policy })),
    );
  }

  async subscribeEmail(topicArn: string, email: string): Promise<WriteReceipt> {
    const { sdk, writes } = await this.sns();
    return this.write(OPS.subscribeEmail.action, () => writes.send(new sdk.SubscribeCommand({ TopicArn: topicArn, Protocol: "email", Endpoint: email })));
  }

  async publish(topicArn: string, subject: string, message: string): Promise<WriteReceipt> {
    const { sdk, writes } = await this.sns();
    return this.write(OPS.publish.action, () => writes.send(new sdk.PublishCommand({ TopicArn: topicArn, Subject: subject, Message: message })));
  }

  putEventRule(name: string, pattern: string, description: string, state: RuleState): Promise<WriteReceipt> {
    return this.write(OPS.putEventRule.action, () =>
      this.eventsWrites().send(new PutRuleCommand({ Name: name, EventPattern: pattern, State: state, Description: description })),
    );
  }

  putRuleTarget(rule: string, target: RuleTarget): Promise<WriteReceipt> {
    return this.write(OPS.putRuleTarget.action, async () => {
      const out = await this.eventsWrites().send(
        new PutTargetsCommand({
          Rule: rule,
          Targets: [
            {
              Id: target.id,
              Arn: target.arn,
              InputTransformer: target.inputTemplate ? { InputPathsMap: target.inputPathsMap, InputTemplate: target.inputTemplate } : undefined,
            },
          ],
        }),
      );
      // PutTargets answers 200 even when it refused the target: the refusal is in the body.
      const failed = out.FailedEntries?.[0];
      if ((out.FailedEntryCount ?? 0) > 0)
        throw new AccountError(failed?.ErrorCode === "ConcurrentModificationException" ? "Throttling" : "InvalidParameter", OPS.putRuleTarget.action);
      return out;
    });
  }

  async createBucket(bucket: string): Promise<WriteReceipt> {
    const { sdk, writes } = await this.s3();
    // In us-east-1 a bucket takes no LocationConstraint.
    return this.write(OPS.createBucket.action, () => writes.send(new sdk.CreateBucketCommand({ Bucket: bucket })));
  }

  async putBucketPolicy(bucket: string, policy: string): Promise<WriteReceipt> {
    const { sdk, writes } = await this.s3();
    return this.write(OPS.putBucketPolicy.action, () => writes.send(new sdk.PutBucketPolicyCommand({ Bucket: bucket, Policy: policy })));
  }

  createTrail(name: string, bucket: string): Promise<WriteReceipt> {
    return this.write(OPS.createTrail.action, () =>
      this.trailWrites().send(new CreateTrailCommand({ Name: name, S3BucketName: bucket, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true })),
    );
  }

  startLogging(trailName: string): Promise<WriteReceipt> {
    return this.write(OPS.startLogging.action, () => this.trailWrites().send(new StartLoggingCommand({ Name: trailName })));
  }
}

/**
 * Which management events a trail's selectors log. Basic selectors: IncludeManagementEvents with a ReadWriteType.
 * Advanced selectors: eventCategory = Management, narrowed by readOnly = true / false. No selector at all logs
 * nothing (AWS always returns at least its default selector for a trail that logs management events).
 */
function managementEventsOf(basic: EventSelector[] | undefined, advanced: AdvancedEventSelector[] | undefined): ManagementEvents {
  const kinds = new Set<"read" | "write">();
  for (const s of basic ?? []) {
    if (s.IncludeManagementEvents === false) continue;
    if (s.ReadWriteType !== "WriteOnly") kinds.add("read");
    if (s.ReadWriteType !== "ReadOnly") kinds.add("write");
  }
  for (const s of advanced ?? []) {
    const fields = s.FieldSelectors ?? [];
    if (!fields.some((f) => f.Field === "eventCategory" && f.Equals?.includes("Management"))) continue;
    const readOnly = fields.find((f) => f.Field === "readOnly")?.Equals;
    if (!readOnly || readOnly.includes("true")) kinds.add("read");
    if (!readOnly || readOnly.includes("false")) kinds.add("write");
  }
  if (kinds.size === 2) return "all";
  return kinds.has("write") ? "write" : kinds.has("read") ? "read" : "none";
}
