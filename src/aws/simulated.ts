// An in-memory AWS account that behaves like AWS, for the demo and training mode and for the steps' tests.
// It is an adapter like the real one, not a mock: it answers with AWS's error names, shows IAM changes only
// after a delay (eventual consistency), accepts EnableMFADevice only with two consecutive codes, refuses a
// device name an orphan already holds, regenerates the credential report at most every 4 hours, throttles
// LookupEvents at 2 a second, and shows a console sign-in in CloudTrail only some seconds later.
//
// Every write is checked against and applied to the true state at once; reads see a copy that catches up
// `visibilityDelayMs` later.
import { randomUUID } from "node:crypto";
import type {
  AccessKey,
  AccessKeyStatus,
  Account,
  AlertTopic,
  AssignmentFilter,
  BucketState,
  EventRuleDetail,
  RuleState,
  RuleTarget,
  Trail,
  TopicSubscription,
  Caller,
  ConsoleLoginEvent,
  MfaEnablementEvent,
  EventRule,
  IamGroup,
  LoginProfile,
  MfaDevice,
  NewVirtualMfaDevice,
  PasswordPolicy,
  PolicyEntities,
  RootConsole,
  RootCredentialReport,
  RootSummary,
  SecurityContact,
  VirtualMfaDevice,
  WriteReceipt,
} from "./account.js";
import { ruleStateIsEnabled } from "./account.js";
import { dispatch, type OpName, type OpResult, type SecretArg, type WriteHandlers, type WriteOf } from "./operations.js";
import { AccountError, type ErrorCode } from "./errors.js";
import { checkConsecutiveCodes, codeFor, isCurrentCode, newSecret } from "../lib/totp.js";
import { matchesPattern, transformInput } from "./event-pattern.js";
import { meetsPasswordPolicy } from "../lib/password.js";
import {
  ACCOUNT_ID,
  type AccountState,
  defaultTopicPolicy,
  topicArn as makeTopicArn,
  type DeviceRecord,
  type GroupRecord,
  type KeyRecord,
  type TrailRecord,
  MANAGED_POLICIES,
  mfaArn,
  ROOT_ARN,
  type Scenario,
  scenario as makeScenario,
  type ScenarioName,
  userArn,
} from "./scenarios.js";

export { SCENARIOS, type ScenarioName } from "./scenarios.js";

export interface SimulatedOptions {
  scenario?: ScenarioName;
  now?: () => Date;
  /** IAM's eventual consistency: how long a change takes to show in reads. */
  visibilityDelayMs?: number;
  /** How long a console sign-in takes to show in LookupEvents. */
  cloudTrailDelayMs?: number;
  /** How long GenerateCredentialReport takes. */
  reportDelayMs?: number;
  /** The account's clock minus ours. */
  clockSkewMs?: number;
  /**
   * Sign as root with temporary credentials (an `aws login` or GetSessionToken session, key id ASIA…) instead of
   * the scenario's own caller. IAM then refuses the access-key calls that omit UserName, as AWS does.
   */
  rootSession?: boolean;
}

/** A root session's key id: AWS gives temporary credentials ASIA… ids. */
export const ROOT_SESSION_KEY = "ASIA4ROOTSESSIONKEY1";
// AWS's answer to ListAccessKeys/UpdateAccessKey/DeleteAccessKey without UserName from temporary credentials
// (HTTP 400; reported in aws/aws-sdk-java#1304, dcoker/awsmfa#9, jckuester/awsweeper#114).
const NON_USER_CREDENTIALS = "ValidationError: Must specify userName when calling with non-User credentials";

const REPORT_MAX_AGE_MS = 4 * 3_600_000;
const DEVICE_NAME = /^[\w+=,.@-]{1,226}$/;
const USER_NAME = /^[\w+=,.@-]{1,64}$/;
const GROUP_NAME = /^[\w+=,.@-]{1,128}$/;
const MAX_DEVICES_PER_USER = 8;
const LOOKUP_RATE_PER_SECOND = 2;
const TOPIC_NAME = /^[\w-]{1,256}$/;
const RULE_NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
// S3's rules for a bucket name, in short: 3-63 characters, lower case, digits, dots and hyphens.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

interface Pending {
  due: number;
  change: (state: AccountState) => void;
}

export class SimulatedAccount implements Account {
  readonly mode = "simulated" as const;
  readonly console: RootConsole;

  private readonly now: () => Date;
  private readonly delay: number;
  private readonly trailDelay: number;
  private readonly reportDelay: number;
  private readonly skew: number;
  private readonly caller: Scenario["caller"];
  private readonly truth: AccountState;
  private readonly seen: AccountState;
  private readonly pending: Pending[] = [];
  private readonly failures = new Map<string, { code: ErrorCode; times: number }>();
  private readonly lookups: number[] = [];
  private readonly writeLog: { call: string; at: Date }[] = [];
  private report?: RootCredentialReport;

  constructor(options: SimulatedOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.delay = options.visibilityDelayMs ?? 1500;
    this.trailDelay = options.cloudTrailDelayMs ?? 8000;
    this.reportDelay = options.reportDelayMs ?? 1000;
    this.skew = options.clockSkewMs ?? 0;
    const { state, caller } = makeScenario(options.scenario ?? "new-account", this.now());
    this.caller = options.rootSession ? { kind: "root", accessKeyId: ROOT_SESSION_KEY, session: true } : caller;
    this.truth = state;
    this.seen = structuredClone(state);
    this.console = this.makeConsole();
  }

  // ---- test and training hooks -------------------------------------------------------------------

  /** The next `times` calls of `call` (e.g. "iam:ListVirtualMFADevices") fail with `code`. */
  failNext(call: string, code: ErrorCode, times = 1): void {
    this.failures.set(call, { code, times });
  }

  /**
   * This account joins an organization whose management account `owner` has an organization trail (multi-region,
   * global service events, logging): listed here, not readable here, as AWS shows it to a member account.
   */
  addOrganizationTrail(name: string, owner: string): void {
    const trail = { name, homeRegion: "us-east-1", multiRegion: true, includeGlobalServiceEvents: true, logging: true, managementEvents: "all" as const, bucket: `${name}-${owner}`, owner, organization: true };
    for (const s of [this.truth, this.seen]) s.trails.push({ ...trail });
  }

  /** Another AWS account holds this bucket name (names are global). */
  addForeignBucket(name: string, owner: string): void {
    for (const s of [this.truth, this.seen]) s.buckets.push({ name, owner });
  }

  /** Every write call made through the API port, in order. */
  writes(): { call: string; at: Date }[] {
    return [...this.writeLog];
  }

  // ---- reads -------------------------------------------------------------------------------------

  async getCaller(): Promise<Caller> {
    this.enter("sts:GetCallerIdentity", "sts");
    if (this.caller.kind === "root" && this.caller.session) return { accountId: ACCOUNT_ID, arn: ROOT_ARN, kind: "root", temporary: true };
    if (this.caller.kind === "root") return { accountId: ACCOUNT_ID, arn: ROOT_ARN, kind: "root", accessKeyId: this.caller.accessKeyId };
    return { accountId: ACCOUNT_ID, arn: userArn(this.caller.userName), kind: "iam-user", userName: this.caller.userName, accessKeyId: this.caller.accessKeyId };
  }

  async getServerTime(): Promise<Date> {
    this.enter("sts:GetCallerIdentity", "sts");
    return this.awsNow();
  }

  async getRootSummary(): Promise<RootSummary> {
    const state = this.read("iam:GetAccountSummary");
    return {
      // An inactive key still counts as present.
      accountAccessKeysPresent: state.rootKeys.length > 0,
      accountMfaEnabled: state.devices.some((d) => d.assignedTo === ROOT_ARN),
    };
  }

  async listRootAccessKeys(): Promise<AccessKey[]> {
    // Without UserName, ListAccessKeys lists the CALLER's keys: root's only with root's credentials.
    const state = this.read("iam:ListAccessKeys");
    this.refuseWithoutUserName("iam:ListAccessKeys");
    return this.callerKeys(state).map((k) => structuredClone(k));
  }

  async listVirtualMfaDevices(filter: AssignmentFilter): Promise<VirtualMfaDevice[]> {
    const state = this.read("iam:ListVirtualMFADevices");
    return state.devices
      .filter((d) => d.kind === "virtual")
      .filter((d) => filter === "Any" || (filter === "Assigned") === (d.assignedTo !== undefined))
      .map((d) => ({ serialNumber: d.serialNumber, userArn: d.assignedTo, enabledAt: d.enabledAt }));
  }

  async listUserMfaDevices(userName: string): Promise<MfaDevice[]> {
    const state = this.read("iam:ListMFADevices");
    this.user(state, userName, "iam:ListMFADevices");
    return state.devices.filter((d) => d.assignedTo === userArn(userName)).map((d) => ({ serialNumber: d.serialNumber, enabledAt: d.enabledAt! }));
  }

  async getRootCredentialReport(): Promise<RootCredentialReport> {
    this.enter("iam:GenerateCredentialReport");
    const stale = !this.report || this.now().getTime() - this.report.generatedAt.getTime() >= REPORT_MAX_AGE_MS;
    if (stale) {
      // The report is a snapshot: a change made after it was generated stays invisible for up to 4 hours.
      await new Promise((resolve) => setTimeout(resolve, this.reportDelay));
      this.report = this.snapshotReport();
    }
    this.enter("iam:GetCredentialReport");
    return structuredClone(this.report!);
  }

  async lookupConsoleLogins(since: Date): Promise<ConsoleLoginEvent[]> {
    this.lookupEvents();
    const awsNow = this.awsNow().getTime();
    return this.truth.signins
      .filter((e) => e.at.getTime() >= since.getTime() && e.at.getTime() + this.trailDelay <= awsNow)
      .map((e) => ({ eventId: e.eventId, at: e.at, identityType: "Root", success: e.success, mfaUsed: e.mfaUsed, mfaIdentifier: e.mfaIdentifier, sourceIp: e.sourceIp }));
  }

  async lookupRootMfaEnablements(since: Date): Promise<MfaEnablementEvent[]> {
    this.lookupEvents();
    // Each device root holds was enabled by root in the console: CloudTrail has one EnableMFADevice for it.
    const awsNow = this.awsNow().getTime();
    return this.truth.devices
      .filter((d) => d.assignedTo === ROOT_ARN && d.enabledAt && d.enabledAt.getTime() >= since.getTime() && d.enabledAt.getTime() + this.trailDelay <= awsNow)
      .map((d) => ({ eventId: `enable-${d.serialNumber}`, at: d.enabledAt!, serialNumber: d.serialNumber }));
  }

  /** CloudTrail's LookupEvents: 2 a second, per account and region, whatever the event name. */
  private lookupEvents(): void {
    this.enter("cloudtrail:LookupEvents", "cloudtrail");
    const now = this.now().getTime();
    while (this.lookups.length > 0 && now - this.lookups[0]! >= 1000) this.lookups.shift();
    if (this.lookups.length >= LOOKUP_RATE_PER_SECOND) throw new AccountError("Throttling", "cloudtrail:LookupEvents");
    this.lookups.push(now);
  }

  async listEventRules(): Promise<EventRule[]> {
    this.enter("events:ListRules", "events");
    return this.truth.rules.map((r) => ({ name: r.name, enabled: ruleStateIsEnabled(r.state), pattern: r.pattern, targets: r.targets.length, targetArns: r.targets.map((t) => t.arn) }));
  }

  async getSecurityContact(): Promise<SecurityContact | undefined> {
    this.enter("account:GetAlternateContact", "account");
    const contact = this.truth.securityContact;
    return contact && { ...contact };
  }

  async getTopic(topicArn: string): Promise<AlertTopic | undefined> {
    const topic = this.read("sns:GetTopicAttributes", "sns").topics.find((t) => t.arn === topicArn);
    return topic && { arn: topic.arn, policy: topic.policy };
  }

  async listSubscriptions(topicArn: string): Promise<TopicSubscription[]> {
    const topic = this.read("sns:ListSubscriptionsByTopic", "sns").topics.find((t) => t.arn === topicArn);
    if (!topic) throw new AccountError("NoSuchEntity", "sns:ListSubscriptionsByTopic");
    return topic.subscriptions.map((s) => ({ arn: s.confirmed ? s.arn : undefined, protocol: s.protocol, endpoint: s.endpoint, pending: !s.confirmed }));
  }

  async getEventRule(name: string): Promise<EventRuleDetail | undefined> {
    const rule = this.read("events:DescribeRule", "events").rules.find((r) => r.name === name);
    if (!rule) return undefined;
    this.enter("events:ListTargetsByRule", "events");
    return structuredClone({ name: rule.name, enabled: ruleStateIsEnabled(rule.state), state: rule.state, pattern: rule.pattern, description: rule.description, targets: rule.targets });
  }

  async listTrails(): Promise<Trail[]> {
    const state = this.read("cloudtrail:DescribeTrails", "cloudtrail");
    return state.trails.map((t): Trail => {
      const { owner, organization, ...fields } = t;
      const ownerAccountId = owner ?? ACCOUNT_ID;
      const described = { ...fields, arn: `arn:aws:cloudtrail:${t.homeRegion}:${ownerAccountId}:trail/${t.name}`, ownerAccountId, organization: !!organization };
      const notRead = { logging: false, managementEvents: "none" as const };
      // As AWS: the organization's trail is listed in a member account, but its status and selectors are not
      // readable there (TrailNotFoundException / CloudTrailARNInvalidException), so they are not asked for.
      if (ownerAccountId !== ACCOUNT_ID) return { ...described, ...notRead, statusFrom: "organization" };
      try {
        this.enter("cloudtrail:GetTrailStatus", "cloudtrail");
        this.enter("cloudtrail:GetEventSelectors", "cloudtrail");
      } catch (error) {
        if (!(error instanceof AccountError)) throw error;
        return { ...described, ...notRead, statusFrom: "unreadable", unreadable: { code: error.code, action: error.action } };
      }
      return { ...described, statusFrom: "read" };
    });
  }

  async getBucket(bucket: string, expectedOwner: string): Promise<BucketState> {
    const found = this.read("s3:GetBucketPolicy", "s3").buckets.find((b) => b.name === bucket);
    // ExpectedBucketOwner not matched: S3 answers 403 AccessDenied.
    if (found && (found.owner ?? ACCOUNT_ID) !== expectedOwner) return { exists: true, ownedElsewhere: true };
    return found ? { exists: true, policy: found.policy } : { exists: false };
  }

  async getPasswordPolicy(): Promise<PasswordPolicy | undefined> {
    const state = this.read("iam:GetAccountPasswordPolicy");
    return state.passwordPolicy && { ...state.passwordPolicy };
  }

  async listPolicyEntities(policyArn: string): Promise<PolicyEntities> {
    const state = this.read("iam:ListEntitiesForPolicy");
    if (!MANAGED_POLICIES.includes(policyArn)) throw new AccountError("NoSuchEntity", "iam:ListEntitiesForPolicy");
    return {
      users: state.users.filter((u) => u.policies?.includes(policyArn)).map((u) => u.name),
      groups: state.groups.filter((g) => g.policies.includes(policyArn)).map((g) => g.name),
      roles: state.roles.filter((r) => r.policies.includes(policyArn)).map((r) => r.name),
    };
  }

  async getGroup(groupName: string): Promise<IamGroup | undefined> {
    const group = this.read("iam:GetGroup").groups.find((g) => g.name === groupName);
    return group && { name: group.name, members: [...group.members] };
  }

  async listAttachedGroupPolicies(groupName: string): Promise<string[]> {
    const call = "iam:ListAttachedGroupPolicies";
    return [...this.group(this.read(call), groupName, call).policies];
  }

  async userExists(userName: string): Promise<boolean> {
    return this.read("iam:GetUser").users.some((u) => u.name === userName);
  }

  async getLoginProfile(userName: string): Promise<LoginProfile | undefined> {
    const user = this.read("iam:GetLoginProfile").users.find((u) => u.name === userName);
    return user?.hasPassword ? { passwordResetRequired: !!user.passwordResetRequired } : undefined;
  }

  // ---- writes ------------------------------------------------------------------------------------

  /** Every op of the operations table, as AWS would carry it out (and refuse it). */
  private readonly ops: WriteHandlers = {
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
    createTopic: (a) => this.createTopic(a.name),
    setTopicPolicy: (a) => this.setTopicPolicy(a.topicArn, a.policy),
    subscribeEmail: (a) => this.subscribeEmail(a.topicArn, a.email),
    publish: (a) => this.publish(a.topicArn, a.subject, a.message),
    putEventRule: (a) => this.putEventRule(a.name, a.pattern, a.description, a.state),
    putRuleTarget: (a) => this.putRuleTarget(a.rule, a.target),
    createBucket: (a) => this.createBucket(a.bucket),
    putBucketPolicy: (a) => this.putBucketPolicy(a.bucket, a.policy),
    createTrail: (a) => this.createTrail(a.name, a.bucket),
    startLogging: (a) => this.startLogging(a.name),
  };

  send<K extends OpName>(write: WriteOf<K>, ...secret: SecretArg<K>): Promise<OpResult<K>> {
    return dispatch(this.ops, write, secret);
  }

  private async updateRootAccessKey(accessKeyId: string, status: AccessKeyStatus): Promise<WriteReceipt> {
    const call = "iam:UpdateAccessKey";
    this.enter(call);
    this.refuseWithoutUserName(call);
    this.ownKey(accessKeyId, call);
    this.commit((s) => {
      const key = this.callerKeys(s).find((k) => k.id === accessKeyId);
      if (key) key.status = status;
    });
    return this.receipt(call);
  }

  private async deleteRootAccessKey(accessKeyId: string): Promise<WriteReceipt> {
    const call = "iam:DeleteAccessKey";
    this.enter(call);
    this.refuseWithoutUserName(call);
    this.ownKey(accessKeyId, call);
    // The API deletes an active key too: only the console insists on deactivating first.
    this.commit((s) => removeKey(this.callerKeys(s), accessKeyId));
    return this.receipt(call);
  }

  private async deleteVirtualMfaDevice(serialNumber: string): Promise<WriteReceipt> {
    const call = "iam:DeleteVirtualMFADevice";
    this.enter(call);
    const device = this.truth.devices.find((d) => d.serialNumber === serialNumber && d.kind === "virtual");
    if (!device) throw new AccountError("NoSuchEntity", call);
    if (device.assignedTo) throw new AccountError("DeleteConflict", call);
    this.commit((s) => {
      s.devices = s.devices.filter((d) => d.serialNumber !== serialNumber);
    });
    return this.receipt(call);
  }

  private async createVirtualMfaDevice(name: string): Promise<NewVirtualMfaDevice & { receipt: WriteReceipt }> {
    const call = "iam:CreateVirtualMFADevice";
    this.enter(call);
    if (!DEVICE_NAME.test(name)) throw new AccountError("Unknown", call, "ValidationError: invalid device name");
    const serialNumber = mfaArn(name);
    if (this.truth.devices.some((d) => d.serialNumber === serialNumber)) throw new AccountError("EntityAlreadyExists", call);
    const secret = newSecret();
    this.commit((s) => s.devices.push({ serialNumber, kind: "virtual", secret }));
    return { serialNumber, secret, receipt: this.receipt(call) };
  }

  private async enableMfaDevice(userName: string, serialNumber: string, code1: string, code2: string): Promise<WriteReceipt> {
    const call = "iam:EnableMFADevice";
    this.enter(call);
    this.user(this.truth, userName, call);
    const device = this.truth.devices.find((d) => d.serialNumber === serialNumber && d.kind === "virtual");
    if (!device?.secret) throw new AccountError("NoSuchEntity", call);
    if (device.assignedTo) throw new AccountError("EntityAlreadyExists", call);
    if (this.truth.devices.filter((d) => d.assignedTo === userArn(userName)).length >= MAX_DEVICES_PER_USER) throw new AccountError("LimitExceeded", call);
    // AWS says only that the codes are invalid, never why.
    if (!checkConsecutiveCodes(device.secret, code1, code2, this.awsNow()).ok) throw new AccountError("InvalidAuthenticationCode", call);
    const at = this.awsNow();
    this.commit((s) => assign(s, serialNumber, userArn(userName), at));
    return this.receipt(call);
  }

  private async createTopic(name: string): Promise<WriteReceipt> {
    const call = "sns:CreateTopic";
    this.enter(call, "sns");
    if (!TOPIC_NAME.test(name)) throw new AccountError("InvalidParameter", call);
    const arn = makeTopicArn(name);
    // CreateTopic is idempotent: an existing topic of that name is answered as is.
    if (!this.truth.topics.some((t) => t.arn === arn)) this.commit((s) => s.topics.push({ arn, policy: defaultTopicPolicy(arn), subscriptions: [] }));
    return this.receipt(call);
  }

  private async setTopicPolicy(topicArn: string, policy: string): Promise<WriteReceipt> {
    const call = "sns:SetTopicAttributes";
    this.enter(call, "sns");
    this.topic(topicArn, call);
    if (!isJson(policy)) throw new AccountError("InvalidParameter", call);
    this.commit((s) => {
      const topic = s.topics.find((t) => t.arn === topicArn);
      if (topic) topic.policy = policy;
    });
    return this.receipt(call);
  }

  private async subscribeEmail(topicArn: string, email: string): Promise<WriteReceipt> {
    const call = "sns:Subscribe";
    this.enter(call, "sns");
    const topic = this.topic(topicArn, call);
    if (!EMAIL.test(email)) throw new AccountError("InvalidParameter", call);
    // AWS makes no second subscription for the same address (it sends the confirmation email again).
    if (!topic.subscriptions.some((s) => s.endpoint === email)) {
      const arn = `${topicArn}:${randomUUID()}`;
      this.commit((s) => s.topics.find((t) => t.arn === topicArn)?.subscriptions.push({ arn, protocol: "email", endpoint: email, confirmed: false }));
    }
    return this.receipt(call);
  }

  private async publish(topicArn: string, subject: string, message: string): Promise<WriteReceipt> {
    const call = "sns:Publish";
    this.enter(call, "sns");
    this.topic(topicArn, call);
    this.deliver(topicArn, subject, message, this.awsNow());
    return this.receipt(call);
  }

  private async putEventRule(name: string, pattern: string, description: string, state: RuleState): Promise<WriteReceipt> {
    const call = "events:PutRule";
    this.enter(call, "events");
    if (!RULE_NAME.test(name)) throw new AccountError("InvalidParameter", call);
    if (!isJson(pattern)) throw new AccountError("InvalidParameter", call, "InvalidEventPatternException");
    this.commit((s) => {
      const rule = s.rules.find((r) => r.name === name);
      if (rule) Object.assign(rule, { pattern, description, state });
      else s.rules.push({ name, pattern, description, state, targets: [] });
    });
    return this.receipt(call);
  }

  private async updatePasswordPolicy(policy: PasswordPolicy): Promise<WriteReceipt> {
    const call = "iam:UpdateAccountPasswordPolicy";
    this.enter(call);
    // AWS's ranges for each field; outside them the call is refused and nothing changes.
    const inRange = (v: number | undefined, min: number, max: number) => v === undefined || (Number.isInteger(v) && v >= min && v <= max);
    if (!inRange(policy.minimumPasswordLength, 6, 128) || !inRange(policy.passwordReusePrevention, 1, 24) || !inRange(policy.maxPasswordAge, 1, 1095)) {
      throw new AccountError("Unknown", call, "ValidationError");
    }
    this.commit((s) => {
      s.passwordPolicy = { ...policy };
    });
    return this.receipt(call);
  }

  private async putRuleTarget(rule: string, target: RuleTarget): Promise<WriteReceipt> {
    const call = "events:PutTargets";
    this.enter(call, "events");
    if (!this.truth.rules.some((r) => r.name === rule)) throw new AccountError("NoSuchEntity", call);
    this.commit((s) => {
      const found = s.rules.find((r) => r.name === rule);
      if (!found) return;
      found.targets = [...found.targets.filter((t) => t.id !== target.id), structuredClone(target)];
    });
    return this.receipt(call);
  }

  private async createGroup(groupName: string): Promise<WriteReceipt> {
    const call = "iam:CreateGroup";
    this.enter(call);
    if (!GROUP_NAME.test(groupName)) throw new AccountError("Unknown", call, "ValidationError: invalid group name");
    if (this.truth.groups.some((g) => g.name === groupName)) throw new AccountError("EntityAlreadyExists", call);
    this.commit((s) => s.groups.push({ name: groupName, policies: [], members: [] }));
    return this.receipt(call);
  }

  private async deleteGroup(groupName: string): Promise<WriteReceipt> {
    const call = "iam:DeleteGroup";
    this.enter(call);
    const group = this.group(this.truth, groupName, call);
    // As AWS: members and attached policies must go first.
    if (group.members.length > 0 || group.policies.length > 0) throw new AccountError("DeleteConflict", call);
    this.commit((s) => {
      s.groups = s.groups.filter((g) => g.name !== groupName);
    });
    return this.receipt(call);
  }

  private async createBucket(bucket: string): Promise<WriteReceipt> {
    const call = "s3:CreateBucket";
    this.enter(call, "s3");
    if (!BUCKET_NAME.test(bucket)) throw new AccountError("InvalidParameter", call);
    const taken = this.truth.buckets.find((b) => b.name === bucket);
    if (taken) throw new AccountError(taken.owner ? "BucketAlreadyExists" : "EntityAlreadyExists", call);
    this.commit((s) => s.buckets.push({ name: bucket }));
    return this.receipt(call);
  }

  private async putBucketPolicy(bucket: string, policy: string): Promise<WriteReceipt> {
    const call = "s3:PutBucketPolicy";
    this.enter(call, "s3");
    const target = this.truth.buckets.find((b) => b.name === bucket);
    if (!target) throw new AccountError("NoSuchEntity", call);
    if (target.owner) throw new AccountError("AccessDenied", call);
    if (!isJson(policy)) throw new AccountError("InvalidParameter", call);
    this.commit((s) => {
      const found = s.buckets.find((b) => b.name === bucket);
      if (found) found.policy = policy;
    });
    return this.receipt(call);
  }

  private async attachGroupPolicy(groupName: string, policyArn: string): Promise<WriteReceipt> {
    const call = "iam:AttachGroupPolicy";
    this.enter(call);
    this.group(this.truth, groupName, call);
    if (!MANAGED_POLICIES.includes(policyArn)) throw new AccountError("NoSuchEntity", call);
    this.commit((s) => {
      const group = s.groups.find((g) => g.name === groupName);
      if (group && !group.policies.includes(policyArn)) group.policies.push(policyArn);
    });
    return this.receipt(call);
  }

  private async createTrail(name: string, bucket: string): Promise<WriteReceipt> {
    const call = "cloudtrail:CreateTrail";
    this.enter(call, "cloudtrail");
    if (this.truth.trails.some((t) => t.name === name)) throw new AccountError("EntityAlreadyExists", call);
    const target = this.truth.buckets.find((b) => b.name === bucket);
    if (!target) throw new AccountError("NoSuchEntity", call);
    // CloudTrail checks that the bucket policy lets it write before it creates the trail.
    if (!target.policy?.includes("cloudtrail.amazonaws.com")) throw new AccountError("InsufficientS3BucketPolicy", call);
    this.commit((s) =>
      s.trails.push({ name, homeRegion: "us-east-1", multiRegion: true, includeGlobalServiceEvents: true, logging: false, managementEvents: "all", bucket }),
    );
    return this.receipt(call);
  }

  private async startLogging(trailName: string): Promise<WriteReceipt> {
    const call = "cloudtrail:StartLogging";
    this.enter(call, "cloudtrail");
    if (!this.truth.trails.some((t) => t.name === trailName)) throw new AccountError("NoSuchEntity", call);
    this.commit((s) => {
      const trail = s.trails.find((t) => t.name === trailName);
      if (trail) trail.logging = true;
    });
    return this.receipt(call);
  }

  private async detachGroupPolicy(groupName: string, policyArn: string): Promise<WriteReceipt> {
    const call = "iam:DetachGroupPolicy";
    this.enter(call);
    if (!this.group(this.truth, groupName, call).policies.includes(policyArn)) throw new AccountError("NoSuchEntity", call);
    this.commit((s) => {
      const group = s.groups.find((g) => g.name === groupName);
      if (group) group.policies = group.policies.filter((p) => p !== policyArn);
    });
    return this.receipt(call);
  }

  private async createUser(userName: string): Promise<WriteReceipt> {
    const call = "iam:CreateUser";
    this.enter(call);
    if (!USER_NAME.test(userName)) throw new AccountError("Unknown", call, "ValidationError: invalid user name");
    if (this.truth.users.some((u) => u.name === userName)) throw new AccountError("EntityAlreadyExists", call);
    this.commit((s) => s.users.push({ name: userName, keys: [], hasPassword: false }));
    return this.receipt(call);
  }

  private async deleteUser(userName: string): Promise<WriteReceipt> {
    const call = "iam:DeleteUser";
    this.enter(call);
    const user = this.user(this.truth, userName, call);
    // As AWS: a password, keys, policies, group memberships and MFA devices must go first.
    const inGroup = this.truth.groups.some((g) => g.members.includes(userName));
    const hasDevice = this.truth.devices.some((d) => d.assignedTo === userArn(userName));
    if (user.hasPassword || user.keys.length > 0 || (user.policies ?? []).length > 0 || inGroup || hasDevice) throw new AccountError("DeleteConflict", call);
    this.commit((s) => {
      s.users = s.users.filter((u) => u.name !== userName);
    });
    return this.receipt(call);
  }

  private async addUserToGroup(groupName: string, userName: string): Promise<WriteReceipt> {
    const call = "iam:AddUserToGroup";
    this.enter(call);
    this.group(this.truth, groupName, call);
    this.user(this.truth, userName, call);
    this.commit((s) => {
      const group = s.groups.find((g) => g.name === groupName);
      if (group && !group.members.includes(userName)) group.members.push(userName);
    });
    return this.receipt(call);
  }

  private async removeUserFromGroup(groupName: string, userName: string): Promise<WriteReceipt> {
    const call = "iam:RemoveUserFromGroup";
    this.enter(call);
    if (!this.group(this.truth, groupName, call).members.includes(userName)) throw new AccountError("NoSuchEntity", call);
    this.commit((s) => {
      const group = s.groups.find((g) => g.name === groupName);
      if (group) group.members = group.members.filter((m) => m !== userName);
    });
    return this.receipt(call);
  }

  private async createLoginProfile(userName: string, password: string, passwordResetRequired: boolean): Promise<WriteReceipt> {
    const call = "iam:CreateLoginProfile";
    this.enter(call);
    const user = this.user(this.truth, userName, call);
    if (user.hasPassword) throw new AccountError("EntityAlreadyExists", call);
    // Checked against the account's policy (or AWS's default rules), then forgotten: only the fact is kept.
    if (!meetsPasswordPolicy(password, this.truth.passwordPolicy)) throw new AccountError("PasswordPolicyViolation", call);
    this.commit((s) => {
      const u = s.users.find((x) => x.name === userName);
      if (u) Object.assign(u, { hasPassword: true, passwordResetRequired });
    });
    return this.receipt(call);
  }

  private async deleteLoginProfile(userName: string): Promise<WriteReceipt> {
    const call = "iam:DeleteLoginProfile";
    this.enter(call);
    if (!this.user(this.truth, userName, call).hasPassword) throw new AccountError("NoSuchEntity", call);
    this.commit((s) => {
      const u = s.users.find((x) => x.name === userName);
      if (u) Object.assign(u, { hasPassword: false, passwordResetRequired: undefined });
    });
    return this.receipt(call);
  }

  // ---- the root user's console (the stand-in) ----------------------------------------------------

  private makeConsole(): RootConsole {
    // The console acts as root whoever runs rootlock, and shows its own page's changes at once.
    const rootKey = (id: string) => {
      const key = this.truth.rootKeys.find((k) => k.id === id);
      if (!key) throw new AccountError("NoSuchEntity", "console:AccessKeys");
      return key;
    };
    return {
      listAccessKeys: async () => structuredClone(this.truth.rootKeys),
      setAccessKeyStatus: async (id, status) => {
        rootKey(id);
        this.commit((s) => {
          const key = s.rootKeys.find((k) => k.id === id);
          if (key) key.status = status;
        });
      },
      deleteAccessKey: async (id) => {
        if (rootKey(id).status === "Active") throw new AccountError("DeleteConflict", "console:DeleteAccessKey");
        this.commit((s) => removeKey(s.rootKeys, id));
      },
      openMfaAssignment: async () => ({ secret: newSecret(), accountId: ACCOUNT_ID }),
      finishMfaAssignment: async (deviceName, secret, code1, code2) => {
        const call = "console:AssignMFADevice";
        const serialNumber = mfaArn(deviceName);
        // Only a device of the same name is in the way; root may hold up to eight devices, of any names.
        if (this.truth.devices.some((d) => d.serialNumber === serialNumber)) throw new AccountError("EntityAlreadyExists", call);
        if (this.truth.devices.filter((d) => d.assignedTo === ROOT_ARN).length >= MAX_DEVICES_PER_USER) throw new AccountError("LimitExceeded", call);
        if (!checkConsecutiveCodes(secret, code1, code2, this.awsNow()).ok) throw new AccountError("InvalidAuthenticationCode", call);
        const at = this.awsNow();
        this.commit((s) => {
          s.devices.push({ serialNumber, kind: "virtual", secret });
          assign(s, serialNumber, ROOT_ARN, at);
        });
      },
      confirmAlertEmail: async (email) => {
        const pending = this.truth.topics.some((t) => t.subscriptions.some((s) => s.endpoint === email && !s.confirmed));
        if (!pending) return false;
        this.commit((s) => s.topics.forEach((t) => t.subscriptions.filter((x) => x.endpoint === email).forEach((x) => (x.confirmed = true))));
        return true;
      },
      alertInbox: () => this.truth.mailbox.filter((m) => m.at.getTime() <= this.awsNow().getTime()).map((m) => ({ ...m })),
      trainingCode: () => {
        const device = this.truth.devices.find((d) => d.assignedTo === ROOT_ARN && d.training && d.secret);
        return device?.secret ? codeFor(device.secret, this.awsNow()) : undefined;
      },
      signIn: async (mfaCode) => {
        // Any TOTP device of root's (virtual, or a hardware token) can sign it in.
        const rootDevices = this.truth.devices.filter((d) => d.assignedTo === ROOT_ARN && d.secret);
        const hasMfa = this.truth.devices.some((d) => d.assignedTo === ROOT_ARN);
        const used = rootDevices.find((d) => isCurrentCode(d.secret!, mfaCode, this.awsNow()));
        const success = hasMfa ? used !== undefined : true;
        const at = this.awsNow();
        const sourceIp = "203.0.113.10";
        this.truth.signins.push({ eventId: randomUUID(), at, success, mfaUsed: hasMfa, mfaIdentifier: used?.serialNumber, sourceIp });
        if (success) this.truth.rootPasswordLastUsed = at;
        // EventBridge sees the same CloudTrail record, about as late as LookupEvents does.
        this.routeEvent(
          {
            version: "0",
            "detail-type": "AWS Console Sign In via CloudTrail",
            source: "aws.signin",
            account: ACCOUNT_ID,
            time: at.toISOString(),
            region: "us-east-1",
            detail: {
              eventName: "ConsoleLogin",
              eventSource: "signin.amazonaws.com",
              userIdentity: { type: "Root", arn: ROOT_ARN, accountId: ACCOUNT_ID },
              sourceIPAddress: sourceIp,
              responseElements: { ConsoleLogin: success ? "Success" : "Failure" },
              additionalEventData: { MFAUsed: hasMfa ? "Yes" : "No" },
            },
          },
          new Date(at.getTime() + this.trailDelay),
        );
        return success ? "success" : "failure";
      },
    };
  }

  // ---- machinery ---------------------------------------------------------------------------------

  private topic(arn: string, call: string) {
    const topic = this.truth.topics.find((t) => t.arn === arn);
    if (!topic) throw new AccountError("NoSuchEntity", call);
    return topic;
  }

  /** SNS delivers to confirmed email subscriptions only: a pending one receives nothing. */
  private deliver(topicArn: string, subject: string, body: string, at: Date): void {
    const topic = this.truth.topics.find((t) => t.arn === topicArn);
    for (const s of topic?.subscriptions ?? []) if (s.confirmed) this.truth.mailbox.push({ to: s.endpoint, subject, body, at });
  }

  /**
   * A CloudTrail event on the default bus: each enabled rule whose pattern matches sends it to its SNS targets,
   * shaped by the target's input transformer. A topic reached this way must let events.amazonaws.com publish.
   * As on AWS, a "… via CloudTrail" event (a console sign-in included) reaches EventBridge only while a trail with
   * logging records it (EventBridge User Guide, "AWS service events delivered via AWS CloudTrail",
   * eb-service-event-cloudtrail): without one, no rule fires.
   */
  private routeEvent(event: Record<string, unknown>, at: Date): void {
    if (!this.truth.trails.some(recordsRootEventsInUsEast1)) return;
    for (const rule of this.truth.rules) {
      if (!ruleStateIsEnabled(rule.state) || !rule.pattern || !matchesPattern(JSON.parse(rule.pattern), event)) continue;
      for (const target of rule.targets) {
        const topic = this.truth.topics.find((t) => t.arn === target.arn);
        if (!topic || !topic.policy.includes("events.amazonaws.com")) continue;
        this.deliver(topic.arn, "AWS Notification Message", transformInput(target, event), at);
      }
    }
  }

  private awsNow(): Date {
    return new Date(this.now().getTime() + this.skew);
  }

  /** Every API call starts here: injected failures, then the caller's key must still be valid. */
  private enter(call: string, service = "iam"): void {
    const failure = this.failures.get(call);
    if (failure) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.delete(call);
      throw new AccountError(failure.code, call);
    }
    const state = this.visible();
    // A session stays valid until it expires (longer than any run here); it is no key of the account's.
    if (this.caller.kind === "root" && this.caller.session) return;
    const key = this.callerKeys(state).find((k) => k.id === this.caller.accessKeyId);
    if (!key || key.status !== "Active") throw new AccountError("InvalidClientTokenId", call);
    // AWS records each use of a key (GetAccessKeyLastUsed); root's key in the root-key scenario shows it.
    const lastUsed = { at: this.now(), service, region: "us-east-1" };
    for (const s of [this.truth, state]) {
      const k = this.callerKeys(s).find((k) => k.id === this.caller.accessKeyId);
      if (k) k.lastUsed = { ...lastUsed };
    }
  }

  private read(call: string, service = "iam"): AccountState {
    this.enter(call, service);
    return this.visible();
  }

  /** Applies the changes that are due to the visible copy, in order. */
  private visible(): AccountState {
    const now = this.now().getTime();
    while (this.pending.length > 0 && this.pending[0]!.due <= now) this.pending.shift()!.change(this.seen);
    return this.seen;
  }

  private commit(change: (state: AccountState) => void): void {
    change(this.truth);
    this.pending.push({ due: this.now().getTime() + this.delay, change });
  }

  private receipt(call: string): WriteReceipt {
    const at = this.now();
    this.writeLog.push({ call, at });
    return { call, requestId: randomUUID(), at };
  }

  private callerKeys(state: AccountState): KeyRecord[] {
    if (this.caller.kind === "root") return state.rootKeys;
    const name = this.caller.userName;
    return state.users.find((u) => u.name === name)?.keys ?? [];
  }

  /** "If a temporary access key is used, then UserName is required" (ListAccessKeys, UpdateAccessKey in the IAM API reference). */
  private refuseWithoutUserName(call: string): void {
    if (this.caller.kind === "root" && this.caller.session) throw new AccountError("Unknown", call, NON_USER_CREDENTIALS);
  }

  /** UpdateAccessKey/DeleteAccessKey without UserName act on the caller's own keys only. */
  private ownKey(accessKeyId: string, call: string): void {
    if (!this.callerKeys(this.truth).some((k) => k.id === accessKeyId)) throw new AccountError("NoSuchEntity", call);
  }

  private user(state: AccountState, userName: string, call: string) {
    const user = state.users.find((u) => u.name === userName);
    if (!user) throw new AccountError("NoSuchEntity", call);
    return user;
  }

  private group(state: AccountState, groupName: string, call: string): GroupRecord {
    const group = state.groups.find((g) => g.name === groupName);
    if (!group) throw new AccountError("NoSuchEntity", call);
    return group;
  }

  private snapshotReport(): RootCredentialReport {
    const s = this.truth;
    return {
      generatedAt: this.now(),
      mfaActive: s.devices.some((d) => d.assignedTo === ROOT_ARN),
      passwordLastUsed: s.rootPasswordLastUsed,
      keys: s.rootKeys.slice(0, 2).map((k, i) => ({ slot: (i + 1) as 1 | 2, active: k.status === "Active", lastRotated: k.createdAt, lastUsed: k.lastUsed })),
    };
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function removeKey(keys: KeyRecord[], id: string): void {
  const i = keys.findIndex((k) => k.id === id);
  if (i >= 0) keys.splice(i, 1);
}

function assign(state: AccountState, serialNumber: string, arn: string, at: Date): void {
  const device: DeviceRecord | undefined = state.devices.find((d) => d.serialNumber === serialNumber);
  if (device) Object.assign(device, { assignedTo: arn, enabledAt: at });
}

/**
 * A trail that brings root's sign-ins and IAM calls to EventBridge in us-east-1: logging write management events,
 * covering us-east-1, with global service events (the same test as the alerts step's `trailDeliversRootCalls`,
 * which the adapter may not import).
 */
function recordsRootEventsInUsEast1(t: TrailRecord): boolean {
  return t.logging && (t.managementEvents === "all" || t.managementEvents === "write") && (t.multiRegion || t.homeRegion === "us-east-1") && t.includeGlobalServiceEvents;
}
