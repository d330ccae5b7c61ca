// The live adapter: the `Account` port over AWS SDK v3, the only place the SDK is imported (this folder). This file
// holds IAM, STS (the caller, the account's clock), CloudTrail's LookupEvents and EventBridge's ListRules (in the
// alerts region: partition.ts) and the Account API's security contact; alerts.ts holds the alerts' SNS, EventBridge,
// CloudTrail and S3 calls.
//
// This module is imported lazily (only for live and dry-run modes, through open-account.ts), so `--help`, the demo
// and the first screen never pay for loading the SDK. Credentials come from the SDK's default chain (environment,
// shared files, SSO, …), `--profile` picks a profile, and `AWS_ENDPOINT_URL` is honoured as the SDK defines it
// (that is how the integration tests point it at a local moto server).
import { AccountClient, GetAlternateContactCommand } from "@aws-sdk/client-account";
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { EventBridgeClient, ListRulesCommand, type ListRulesCommandOutput, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteGroupCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  paginateGetGroup,
  paginateListAttachedGroupPolicies,
  paginateListEntitiesForPolicy,
  RemoveUserFromGroupCommand,
  UpdateAccountPasswordPolicyCommand,
  DeleteAccessKeyCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  paginateListAccessKeys,
  paginateListMFADevices,
  paginateListVirtualMFADevices,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type {
  AccessKey,
  AccessKeyStatus,
  Account,
  AssignmentFilter,
  Caller,
  ConsoleLoginEvent,
  EventRule,
  IamGroup,
  LoginProfile,
  MfaDevice,
  MfaEnablementEvent,
  NewVirtualMfaDevice,
  PasswordPolicy,
  PolicyEntities,
  RootCredentialReport,
  RootSummary,
  SecurityContact,
  VirtualMfaDevice,
  WriteReceipt,
} from "../account.js";
import { isRootArn, ruleStateIsEnabled } from "../account.js";
import { dispatch, type OpName, type OpResult, OPS, type SecretArg, type WriteHandlers, type WriteOf } from "../operations.js";
import { toAccountError } from "./aws-errors.js";
import { AccountError, noneIfAbsent } from "../errors.js";
import { parseRootReportRow } from "./credential-report.js";
import { LiveAlerts } from "./alerts.js";
import { liveWebhookReads, liveWebhookWrites, type WebhookClients } from "./webhook.js";
import { alertsRegionFor, partitionOfRegion } from "../partition.js";
import { systemNow, systemSleep } from "../../lib/clock.js";
import { firstUse } from "./lazy.js";

export interface LiveOptions {
  profile?: string;
  region?: string;
  /** SDK attempts per read (throttling, 5xx and dropped connections are retried with backoff). */
  maxAttempts?: number;
  /** How long one request may take before it counts as a dropped network. */
  requestTimeoutMs?: number;
  /** Explicit credentials instead of the default chain (tests that act as two identities in one process). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

// AWS usually has the report within seconds, and a small account's within a fraction of one: ask again soon, then
// back off (the audit waits on this read more than on any other).
const REPORT_POLL_MS = [100, 250, 500, 1000, 2000, 4000, 8000, 8000];
// A write refused with Throttling was not carried out, so it is safe to send again after these pauses.
const THROTTLED_WRITE_BACKOFF_MS = [500, 1500, 4000];
const REQUEST_TIMEOUT_MS = 20_000;

export class LiveAccount implements Account {
  readonly mode = "live" as const;
  private readonly iam: IAMClient;
  /** Writes go out once: see `write`. Made on the first write (lazy.ts). */
  private readonly iamWrites: () => IAMClient;
  private readonly sts: STSClient;
  private readonly trail: CloudTrailClient;
  private readonly events: EventBridgeClient;
  private readonly contacts: AccountClient;
  private readonly alerts: LiveAlerts;
  private readonly webhook: WebhookClients;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private accountId?: Promise<string>;
  /** A GetCallerIdentity being asked right now, if any. */
  private callerInFlight?: Promise<Caller>;
  /** The `Date` header of the latest STS response: the account's clock. */
  private lastServerDate?: Date;

  constructor(options: LiveOptions = {}) {
    const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const common = {
      profile: options.profile,
      maxAttempts: options.maxAttempts ?? 4,
      credentials: options.credentials,
      // Without a timeout a request to a silent network would wait forever. The SDK's request timeout only
      // logs a warning (over Ink's frame) unless told to throw; thrown, it is a NetworkError like a reset.
      requestHandler: { requestTimeout: timeout, connectionTimeout: timeout, throwOnRequestTimeout: true },
    };
    // IAM and STS are global; a region is still needed to sign: the standard partition's IAM region (us-east-1)
    // unless the operator chose one.
    const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? alertsRegionFor("aws");
    this.iam = new IAMClient({ ...common, region });
    this.iamWrites = firstUse(() => new IAMClient({ ...common, region, maxAttempts: 1 }));
    this.sts = new STSClient({ ...common, region });
    // Root's console sign-ins and IAM calls reach EventBridge and CloudTrail in one region of the partition
    // (us-east-1 in the standard one). The adapter is built before the caller is known, so the partition comes
    // from the region the credentials are used in: credentials of one partition sign only with its regions.
    const alertsRegion = alertsRegionFor(partitionOfRegion(region));
    this.trail = new CloudTrailClient({ ...common, region: alertsRegion });
    this.events = new EventBridgeClient({ ...common, region: alertsRegion });
    this.contacts = new AccountClient({ ...common, region: alertsRegion });
    this.alerts = new LiveAlerts(
      common,
      alertsRegion,
      { trail: this.trail, events: this.events },
      (action, run) => this.call(action, run),
      (call, run) => this.write(call, run),
      () => this.ownAccountId(),
    );
    const iamWrites = this.iamWrites;
    const eventsWrites = firstUse(() => new EventBridgeClient({ ...common, region: alertsRegion, maxAttempts: 1 }));
    this.webhook = {
      events: this.events,
      get eventsWrites() {
        return eventsWrites();
      },
      iam: this.iam,
      get iamWrites() {
        return iamWrites();
      },
    };
    this.now = options.now ?? systemNow;
    this.sleep = options.sleep ?? systemSleep;
    this.sts.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const date = (result.response as { headers?: Record<string, string> }).headers?.date;
        if (date && !Number.isNaN(Date.parse(date))) this.lastServerDate = new Date(date);
        return result;
      },
      { step: "deserialize", name: "rootlockServerDate" },
    );
  }

  // ---- reads -------------------------------------------------------------------------------------

  getCaller(): Promise<Caller> {
    // Always asked anew (a deleted signing key's rejection is read this way); one in flight is shared with the
    // trails' owner check below, so `check` asks STS once.
    const asking = (async () => {
      const out = await this.call("sts:GetCallerIdentity", () => this.sts.send(new GetCallerIdentityCommand({})));
      const credentials = await this.iam.config.credentials();
      return callerFrom(out.Arn ?? "", out.Account ?? "", credentials.accessKeyId, credentials.sessionToken);
    })();
    this.callerInFlight = asking;
    void asking.then(
      () => this.callerInFlight === asking && (this.callerInFlight = undefined),
      () => this.callerInFlight === asking && (this.callerInFlight = undefined),
    );
    return asking;
  }

  /** The caller's account, asked of STS once (or taken from the caller's identity being asked right now). */
  private ownAccountId(): Promise<string> {
    this.accountId ??= (this.callerInFlight ?? this.getCaller()).then((c) => c.accountId);
    this.accountId.catch(() => (this.accountId = undefined));
    return this.accountId;
  }

  async getServerTime(): Promise<Date> {
    await this.call("sts:GetCallerIdentity", () => this.sts.send(new GetCallerIdentityCommand({})));
    return this.lastServerDate ?? this.now();
  }

  async getRootSummary(): Promise<RootSummary> {
    const out = await this.call("iam:GetAccountSummary", () => this.iam.send(new GetAccountSummaryCommand({})));
    return {
      accountAccessKeysPresent: (out.SummaryMap?.AccountAccessKeysPresent ?? 0) > 0,
      accountMfaEnabled: (out.SummaryMap?.AccountMFAEnabled ?? 0) > 0,
    };
  }

  async listRootAccessKeys(): Promise<AccessKey[]> {
    // No UserName: the caller's own keys (root's, with root's long-term key).
    const metadata = await this.call("iam:ListAccessKeys", () => collect(paginateListAccessKeys({ client: this.iam }, {}), (p) => p.AccessKeyMetadata));
    return Promise.all(
      metadata.map(async (m): Promise<AccessKey> => {
        const id = m.AccessKeyId ?? "";
        const used = await this.call("iam:GetAccessKeyLastUsed", () => this.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id })));
        const last = used.AccessKeyLastUsed;
        return {
          id,
          status: m.Status === "Inactive" ? "Inactive" : "Active",
          createdAt: m.CreateDate ?? this.now(),
          lastUsed: last?.LastUsedDate ? { at: last.LastUsedDate, service: last.ServiceName ?? "N/A", region: last.Region ?? "N/A" } : undefined,
        };
      }),
    );
  }

  async listVirtualMfaDevices(filter: AssignmentFilter): Promise<VirtualMfaDevice[]> {
    const devices = await this.call("iam:ListVirtualMFADevices", () =>
      collect(paginateListVirtualMFADevices({ client: this.iam }, { AssignmentStatus: filter }), (p) => p.VirtualMFADevices),
    );
    return devices.map((d) => ({ serialNumber: d.SerialNumber ?? "", userArn: d.User?.Arn, enabledAt: d.EnableDate }));
  }

  async listUserMfaDevices(userName: string): Promise<MfaDevice[]> {
    const devices = await this.call("iam:ListMFADevices", () => collect(paginateListMFADevices({ client: this.iam }, { UserName: userName }), (p) => p.MFADevices));
    return devices.map((d) => ({ serialNumber: d.SerialNumber ?? "", enabledAt: d.EnableDate ?? this.now() }));
  }

  async getRootCredentialReport(): Promise<RootCredentialReport> {
    const read = () => this.call("iam:GetCredentialReport", () => this.iam.send(new GetCredentialReportCommand({})));
    // The report is asked for together with the first GenerateCredentialReport. When that answers COMPLETE at once,
    // a report under 4 hours old was there and AWS makes no new one, so this read holds that report, one round trip
    // sooner. Otherwise (STARTED: a new report is on its way) its answer is dropped and the report read once complete.
    // Handled at once: a failure of an answer nobody awaits would otherwise end the process.
    const early = read();
    early.catch(() => undefined);
    let completeAtOnce = true;
    // Generate, then wait for it with backoff: AWS answers STARTED until the report is COMPLETE.
    for (const wait of [0, ...REPORT_POLL_MS]) {
      if (wait) await this.sleep(wait);
      const state = await this.call("iam:GenerateCredentialReport", () => this.iam.send(new GenerateCredentialReportCommand({})));
      if (state.State === "COMPLETE") break;
      completeAtOnce = false;
    }
    // The early read's failure (a report AWS had not yet made visible to it, say) is not the answer: read again.
    const report = completeAtOnce ? await early.catch(read) : await read();
    const csv = new TextDecoder().decode(report.Content ?? new Uint8Array());
    return parseRootReportRow(csv, report.GeneratedTime ?? this.now());
  }

  async lookupConsoleLogins(since: Date): Promise<ConsoleLoginEvent[]> {
    const events = await this.lookupEvents("ConsoleLogin", since);
    return events.flatMap((e) => consoleLoginFrom(e.EventId ?? "", e.EventTime, e.CloudTrailEvent) ?? []);
  }

  async lookupRootMfaEnablements(since: Date): Promise<MfaEnablementEvent[]> {
    const events = await this.lookupEvents("EnableMFADevice", since);
    return events.flatMap((e) => rootMfaEnablementFrom(e.EventId ?? "", e.EventTime, e.CloudTrailEvent) ?? []);
  }

  /** CloudTrail's event history in us-east-1 for one event name, every page (50 events a page at most). */
  private async lookupEvents(eventName: string, since: Date): Promise<NonNullable<LookupEventsCommandOutput["Events"]>> {
    const events: NonNullable<LookupEventsCommandOutput["Events"]> = [];
    let token: string | undefined;
    do {
      const page: LookupEventsCommandOutput = await this.call("cloudtrail:LookupEvents", () =>
        this.trail.send(
          new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: eventName }],
            StartTime: since,
            MaxResults: 50,
            NextToken: token,
          }),
        ),
      );
      events.push(...(page.Events ?? []));
      token = page.NextToken;
    } while (token);
    return events;
  }

  async listEventRules(): Promise<EventRule[]> {
    const rules: EventRule[] = [];
    let token: string | undefined;
    do {
      const page: ListRulesCommandOutput = await this.call("events:ListRules", () => this.events.send(new ListRulesCommand({ NextToken: token })));
      for (const rule of page.Rules ?? []) {
        const name = rule.Name ?? "";
        const targets = await this.call("events:ListTargetsByRule", () => this.events.send(new ListTargetsByRuleCommand({ Rule: name })));
        rules.push({
          name,
          // A rule that also takes read-only management events is enabled too (PutRule State).
          enabled: ruleStateIsEnabled(rule.State),
          pattern: rule.EventPattern,
          targets: targets.Targets?.length ?? 0,
          targetArns: (targets.Targets ?? []).map((t) => t.Arn ?? ""),
        });
      }
      token = page.NextToken;
    } while (token);
    return rules;
  }

  async getSecurityContact(): Promise<SecurityContact | undefined> {
    try {
      const out = await this.contacts.send(new GetAlternateContactCommand({ AlternateContactType: "SECURITY" }));
      return { name: out.AlternateContact?.Name, email: out.AlternateContact?.EmailAddress };
    } catch (error) {
      // "No alternate contact of that type" is an answer, not a failure.
      if ((error as { name?: string }).name === "ResourceNotFoundException") return undefined;
      throw toAccountError(error, "account:GetAlternateContact");
    }
  }

  getTopic: Account["getTopic"] = (arn) => this.alerts.getTopic(arn);
  listSubscriptions: Account["listSubscriptions"] = (arn) => this.alerts.listSubscriptions(arn);
  getEventRule: Account["getEventRule"] = (name) => this.alerts.getEventRule(name);
  listTrails: Account["listTrails"] = () => this.alerts.listTrails();
  getBucket: Account["getBucket"] = (bucket, expectedOwner) => this.alerts.getBucket(bucket, expectedOwner);
  /** The webhook's writes, with this adapter's `call` and `write` (webhook.ts). */
  private webhookWrites(): ReturnType<typeof liveWebhookWrites> {
    return liveWebhookWrites(
      this.webhook,
      (action, run) => this.call(action, run),
      (call, run) => this.write(call, run),
    );
  }
  private readonly webhookReads = () => liveWebhookReads(this.webhook, (action, run) => this.call(action, run));
  getConnection: Account["getConnection"] = (name) => this.webhookReads().getConnection(name);
  getApiDestination: Account["getApiDestination"] = (name) => this.webhookReads().getApiDestination(name);
  getRole: Account["getRole"] = (name) => this.webhookReads().getRole(name);
  getRolePolicy: Account["getRolePolicy"] = (role, policy) => this.webhookReads().getRolePolicy(role, policy);
  async getPasswordPolicy(): Promise<PasswordPolicy | undefined> {
    const out = await noneIfAbsent(this.call("iam:GetAccountPasswordPolicy", () => this.iam.send(new GetAccountPasswordPolicyCommand({}))));
    const p = out?.PasswordPolicy;
    if (!p) return undefined;
    return {
      minimumPasswordLength: p.MinimumPasswordLength ?? 6,
      requireSymbols: p.RequireSymbols ?? false,
      requireNumbers: p.RequireNumbers ?? false,
      requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
      requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
      allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
      // AWS leaves these out when unset; some implementations answer 0, which means the same.
      maxPasswordAge: p.MaxPasswordAge || undefined,
      passwordReusePrevention: p.PasswordReusePrevention || undefined,
      hardExpiry: p.HardExpiry ?? false,
    };
  }

  async listPolicyEntities(policyArn: string): Promise<PolicyEntities> {
    const pages = await this.call("iam:ListEntitiesForPolicy", () => collect(paginateListEntitiesForPolicy({ client: this.iam }, { PolicyArn: policyArn }), (p) => [p]));
    return {
      users: pages.flatMap((p) => p.PolicyUsers ?? []).map((u) => u.UserName ?? ""),
      groups: pages.flatMap((p) => p.PolicyGroups ?? []).map((g) => g.GroupName ?? ""),
      roles: pages.flatMap((p) => p.PolicyRoles ?? []).map((r) => r.RoleName ?? ""),
    };
  }

  async getGroup(groupName: string): Promise<IamGroup | undefined> {
    const users = await noneIfAbsent(this.call("iam:GetGroup", () => collect(paginateGetGroup({ client: this.iam }, { GroupName: groupName }), (p) => p.Users)));
    return users && { name: groupName, members: users.map((u) => u.UserName ?? "") };
  }

  async listAttachedGroupPolicies(groupName: string): Promise<string[]> {
    const policies = await this.call("iam:ListAttachedGroupPolicies", () =>
      collect(paginateListAttachedGroupPolicies({ client: this.iam }, { GroupName: groupName }), (p) => p.AttachedPolicies),
    );
    return policies.map((p) => p.PolicyArn ?? "");
  }

  async userExists(userName: string): Promise<boolean> {
    return (await noneIfAbsent(this.call("iam:GetUser", () => this.iam.send(new GetUserCommand({ UserName: userName }))))) !== undefined;
  }

  async getLoginProfile(userName: string): Promise<LoginProfile | undefined> {
    const out = await noneIfAbsent(this.call("iam:GetLoginProfile", () => this.iam.send(new GetLoginProfileCommand({ UserName: userName }))));
    return out && { passwordResetRequired: out.LoginProfile?.PasswordResetRequired ?? false, createdAt: out.LoginProfile?.CreateDate };
  }

  // ---- writes ------------------------------------------------------------------------------------

  /** Every op of the operations table, sent by its SDK command (the alerts' by LiveAlerts). */
  private readonly writes: WriteHandlers = {
    updateRootAccessKey: (a) => this.updateRootAccessKey(a.keyId, a.status),
    deleteRootAccessKey: (a) => this.deleteRootAccessKey(a.keyId),
    deleteVirtualMfaDevice: (a) => this.deleteVirtualMfaDevice(a.serialNumber),
    createVirtualMfaDevice: (a) => this.createVirtualMfaDevice(a.name),
    enableMfaDevice: (a, codes) => this.enableMfaDevice(a.userName, a.serialNumber, codes.code1, codes.code2),
    updatePasswordPolicy: (a) => this.updatePasswordPolicy(a.policy),
    createGroup: (a) => this.createGroup(a.groupName),
    attachGroupPolicy: (a) => this.attachGroupPolicy(a.groupName, a.policyArn),
    createUser: (a) => this.createUser(a.userName),
    addUserToGroup: (a) => this.addUserToGroup(a.groupName, a.userName),
    createLoginProfile: (a, secret) => this.createLoginProfile(a.userName, secret.password, a.passwordResetRequired),
    deleteLoginProfile: (a) => this.deleteLoginProfile(a.userName),
    removeUserFromGroup: (a) => this.removeUserFromGroup(a.groupName, a.userName),
    deleteUser: (a) => this.deleteUser(a.userName),
    detachGroupPolicy: (a) => this.detachGroupPolicy(a.groupName, a.policyArn),
    deleteGroup: (a) => this.deleteGroup(a.groupName),
    createTopic: (a) => this.alerts.createTopic(a.name),
    setTopicPolicy: (a) => this.alerts.setTopicPolicy(a.topicArn, a.policy),
    subscribeEmail: (a) => this.alerts.subscribeEmail(a.topicArn, a.email),
    publish: (a) => this.alerts.publish(a.topicArn, a.subject, a.message),
    putEventRule: (a) => this.alerts.putEventRule(a.name, a.pattern, a.description, a.state),
    putRuleTarget: (a) => this.alerts.putRuleTarget(a.rule, a.target),
    createBucket: (a) => this.alerts.createBucket(a.bucket),
    putBucketPolicy: (a) => this.alerts.putBucketPolicy(a.bucket, a.policy),
    createTrail: (a) => this.alerts.createTrail(a.name, a.bucket),
    startLogging: (a) => this.alerts.startLogging(a.name),
    // The webhook's ops (webhook.ts): its clients are made in the constructor, after this table.
    createConnection: (a) => this.webhookWrites().createConnection(a),
    createApiDestination: (a, secret) => this.webhookWrites().createApiDestination(a, secret),
    updateApiDestination: (a, secret) => this.webhookWrites().updateApiDestination(a, secret),
    createWebhookRole: (a) => this.webhookWrites().createWebhookRole(a),
    updateWebhookRoleTrust: (a) => this.webhookWrites().updateWebhookRoleTrust(a),
    putWebhookRolePolicy: (a) => this.webhookWrites().putWebhookRolePolicy(a),
    putWebhookTarget: (a) => this.webhookWrites().putWebhookTarget(a),
    putTestEvent: (a) => this.webhookWrites().putTestEvent(a),
    removeWebhookTarget: (a) => this.webhookWrites().removeWebhookTarget(a),
    deleteWebhookRolePolicy: (a) => this.webhookWrites().deleteWebhookRolePolicy(a),
    deleteWebhookRole: (a) => this.webhookWrites().deleteWebhookRole(a),
    deleteApiDestination: (a) => this.webhookWrites().deleteApiDestination(a),
    deleteConnection: (a) => this.webhookWrites().deleteConnection(a),
  };

  send<K extends OpName>(write: WriteOf<K>, ...secret: SecretArg<K>): Promise<OpResult<K>> {
    return dispatch(this.writes, write, secret);
  }

  private async updateRootAccessKey(accessKeyId: string, status: AccessKeyStatus): Promise<WriteReceipt> {
    return this.write(OPS.updateRootAccessKey.action, () => this.iamWrites().send(new UpdateAccessKeyCommand({ AccessKeyId: accessKeyId, Status: status })));
  }

  private async deleteRootAccessKey(accessKeyId: string): Promise<WriteReceipt> {
    return this.write(OPS.deleteRootAccessKey.action, () => this.iamWrites().send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId })));
  }

  private async deleteVirtualMfaDevice(serialNumber: string): Promise<WriteReceipt> {
    return this.write(OPS.deleteVirtualMfaDevice.action, () => this.iamWrites().send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber })));
  }

  private async createVirtualMfaDevice(name: string): Promise<NewVirtualMfaDevice & { receipt: WriteReceipt }> {
    const call = OPS.createVirtualMfaDevice.action;
    const out = await this.sendOnce(call, () => this.iamWrites().send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name })));
    const device = out.VirtualMFADevice;
    // The seed arrives as bytes of Base32 text; it stays in memory, in this object only.
    const secret = new TextDecoder().decode(device?.Base32StringSeed ?? new Uint8Array());
    return { serialNumber: device?.SerialNumber ?? "", secret, receipt: { call, requestId: out.$metadata.requestId, at: this.now() } };
  }

  private async enableMfaDevice(userName: string, serialNumber: string, code1: string, code2: string): Promise<WriteReceipt> {
    return this.write(OPS.enableMfaDevice.action, () =>
      this.iamWrites().send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 })),
    );
  }

  private async updatePasswordPolicy(policy: PasswordPolicy): Promise<WriteReceipt> {
    return this.write(OPS.updatePasswordPolicy.action, () =>
      this.iamWrites().send(
        new UpdateAccountPasswordPolicyCommand({
          MinimumPasswordLength: policy.minimumPasswordLength,
          RequireSymbols: policy.requireSymbols,
          RequireNumbers: policy.requireNumbers,
          RequireUppercaseCharacters: policy.requireUppercaseCharacters,
          RequireLowercaseCharacters: policy.requireLowercaseCharacters,
          AllowUsersToChangePassword: policy.allowUsersToChangePassword,
          MaxPasswordAge: policy.maxPasswordAge,
          PasswordReusePrevention: policy.passwordReusePrevention,
          HardExpiry: policy.hardExpiry,
        }),
      ),
    );
  }

  private async createGroup(groupName: string): Promise<WriteReceipt> {
    return this.write(OPS.createGroup.action, () => this.iamWrites().send(new CreateGroupCommand({ GroupName: groupName })));
  }

  private async deleteGroup(groupName: string): Promise<WriteReceipt> {
    return this.write(OPS.deleteGroup.action, () => this.iamWrites().send(new DeleteGroupCommand({ GroupName: groupName })));
  }

  private async attachGroupPolicy(groupName: string, policyArn: string): Promise<WriteReceipt> {
    return this.write(OPS.attachGroupPolicy.action, () => this.iamWrites().send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policyArn })));
  }

  private async detachGroupPolicy(groupName: string, policyArn: string): Promise<WriteReceipt> {
    return this.write(OPS.detachGroupPolicy.action, () => this.iamWrites().send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policyArn })));
  }

  private async createUser(userName: string): Promise<WriteReceipt> {
    return this.write(OPS.createUser.action, () => this.iamWrites().send(new CreateUserCommand({ UserName: userName })));
  }

  private async deleteUser(userName: string): Promise<WriteReceipt> {
    return this.write(OPS.deleteUser.action, () => this.iamWrites().send(new DeleteUserCommand({ UserName: userName })));
  }

  private async addUserToGroup(groupName: string, userName: string): Promise<WriteReceipt> {
    return this.write(OPS.addUserToGroup.action, () => this.iamWrites().send(new AddUserToGroupCommand({ GroupName: groupName, UserName: userName })));
  }

  private async removeUserFromGroup(groupName: string, userName: string): Promise<WriteReceipt> {
    return this.write(OPS.removeUserFromGroup.action, () => this.iamWrites().send(new RemoveUserFromGroupCommand({ GroupName: groupName, UserName: userName })));
  }

  private async createLoginProfile(userName: string, password: string, passwordResetRequired: boolean): Promise<WriteReceipt> {
    // The password goes into the request and nowhere else; a failure carries only AWS's code and the action.
    return this.write(OPS.createLoginProfile.action, () =>
      this.iamWrites().send(new CreateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: passwordResetRequired })),
    );
  }

  private async deleteLoginProfile(userName: string): Promise<WriteReceipt> {
    return this.write(OPS.deleteLoginProfile.action, () => this.iamWrites().send(new DeleteLoginProfileCommand({ UserName: userName })));
  }

  // ---- machinery ---------------------------------------------------------------------------------

  /** Every SDK call goes through here: its failure becomes an AccountError naming the action. */
  private async call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toAccountError(error, action);
    }
  }

  /**
   * A write is sent once. The SDK would retry it after a 5xx, a reset or a timeout, but then the first attempt
   * may have been carried out: a second DeleteAccessKey would be a repeated deletion, a second
   * CreateVirtualMFADevice would fail on the first one's device, whose seed is lost. Such a failure goes to the
   * caller as it is, and the steps read the account before anything is sent again. Only Throttling, which AWS
   * answers without doing anything, is retried here.
   */
  private async sendOnce<T>(call: string, run: () => Promise<T>): Promise<T> {
    for (const pause of [...THROTTLED_WRITE_BACKOFF_MS, undefined]) {
      try {
        return await this.call(call, run);
      } catch (error) {
        if (pause === undefined || !(error instanceof AccountError && error.code === "Throttling")) throw error;
        await this.sleep(pause);
      }
    }
    throw new Error("unreachable");
  }

  private async write(call: string, run: () => Promise<{ $metadata: { requestId?: string } }>): Promise<WriteReceipt> {
    const out = await this.sendOnce(call, run);
    return { call, requestId: out.$metadata.requestId, at: this.now() };
  }
}

/** Pages through a paginator and flattens the pages' lists. */
async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(pick(page) ?? []));
  return all;
}

function callerFrom(arn: string, accountId: string, accessKeyId: string | undefined, sessionToken?: string): Caller {
  // AWS marks a key id by its kind: AKIA… long-term, ASIA… temporary (which always comes with a session token).
  // Only a long-term key is one the wizard could list or delete; session keys are not listed.
  const temporary = !!sessionToken || !!accessKeyId?.startsWith("ASIA");
  const longTermKey = !temporary && accessKeyId?.startsWith("AKIA") ? accessKeyId : undefined;
  const session = temporary ? { temporary } : {};
  if (isRootArn(arn)) return { accountId, arn, kind: "root", accessKeyId: longTermKey, ...session };
  const user = /^arn:aws[\w-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (user) return { accountId, arn, kind: "iam-user", userName: user[1], accessKeyId: longTermKey, ...session };
  if (/^arn:aws[\w-]*:sts::\d{12}:assumed-role\//.test(arn)) return { accountId, arn, kind: "assumed-role" };
  return { accountId, arn, kind: "other" };
}

/** One LookupEvents result as the sign-in test needs it; undefined when its record cannot be read. */
function consoleLoginFrom(eventId: string, eventTime: Date | undefined, record: string | undefined): ConsoleLoginEvent | undefined {
  if (!record) return undefined;
  try {
    const e = JSON.parse(record) as {
      eventTime?: string;
      userIdentity?: { type?: string };
      responseElements?: { ConsoleLogin?: string } | null;
      additionalEventData?: { MFAUsed?: string; MFAIdentifier?: string };
      sourceIPAddress?: string;
    };
    const at = eventTime ?? (e.eventTime ? new Date(e.eventTime) : undefined);
    if (!at) return undefined;
    return {
      eventId,
      at,
      identityType: e.userIdentity?.type ?? "",
      success: e.responseElements?.ConsoleLogin === "Success",
      // AWS's own samples write both "Yes" and "YES".
      mfaUsed: (e.additionalEventData?.MFAUsed ?? "").toLowerCase() === "yes",
      mfaIdentifier: e.additionalEventData?.MFAIdentifier,
      sourceIp: e.sourceIPAddress,
    };
  } catch {
    return undefined;
  }
}

/**
 * One EnableMFADevice result, kept only when the root user made it and AWS carried it out. From the console root's
 * own enablement is logged with `userIdentity.type` "Root" and `requestParameters.userName` "AWS ROOT USER"
 * (CloudTrail user guide, console sign-in events; ../shared/reference/aws-facts.md §6); a failed one has an errorCode.
 */
function rootMfaEnablementFrom(eventId: string, eventTime: Date | undefined, record: string | undefined): MfaEnablementEvent | undefined {
  if (!record) return undefined;
  try {
    const e = JSON.parse(record) as { eventTime?: string; errorCode?: string; userIdentity?: { type?: string }; requestParameters?: { serialNumber?: string } | null };
    const at = eventTime ?? (e.eventTime ? new Date(e.eventTime) : undefined);
    if (!at || e.errorCode || (e.userIdentity?.type ?? "").toLowerCase() !== "root") return undefined;
    return { eventId, at, serialNumber: e.requestParameters?.serialNumber };
  } catch {
    return undefined;
  }
}
