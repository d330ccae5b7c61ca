// The one port between rootlock's steps and an AWS account.
//
// Every adapter (the real SDK one, the simulated account, the dry-run wrapper) implements `Account`.
// It is deliberately narrow: only the operations the steps need, with plain typed values in and out,
// so that steps never see an SDK type and the simulated account can answer exactly like AWS. The reads are
// methods of their own; every write goes through one generic `send`, typed by the operations table
// (operations.ts), which each adapter implements op by op.
//
// Failures are thrown as `AccountError` (see errors.ts) carrying AWS's own error code and the IAM
// action that failed; the wizard turns them into typed values before any screen sees them.

import type { OpName, OpResult, SecretArg, WriteOf } from "./operations.js";
import type { Partition } from "./partition.js";
import type { WebhookRef } from "./webhook.js";

export type CallerKind = "root" | "iam-user" | "assumed-role" | "other";

export interface Caller {
  accountId: string;
  arn: string;
  kind: CallerKind;
  /** Set when kind is "iam-user". */
  userName?: string;
  /** The access key id the caller signs with, when it is a long-term key (AKIA…). */
  accessKeyId?: string;
  /**
   * True when the caller signs with temporary credentials (a session: key id ASIA…, with a session token), as
   * from `aws login`, GetSessionToken or an assumed role. IAM then refuses ListAccessKeys/UpdateAccessKey/
   * DeleteAccessKey without UserName ("If a temporary access key is used, then UserName is required", IAM API
   * reference), and root has no user name: root's keys can be reached by API only with root's long-term key.
   */
  temporary?: boolean;
}

/** `GetAccountSummary` flags. Both describe the root user, whoever asks. */
export interface RootSummary {
  accountMfaEnabled: boolean;
  accountAccessKeysPresent: boolean;
}

export type AccessKeyStatus = "Active" | "Inactive";

export interface AccessKeyLastUse {
  at: Date;
  service: string;
  region: string;
}

export interface AccessKey {
  id: string;
  status: AccessKeyStatus;
  createdAt: Date;
  /** Absent when the key was never used. */
  lastUsed?: AccessKeyLastUse;
}

export interface VirtualMfaDevice {
  serialNumber: string;
  /** The ARN of the user the device is assigned to (`arn:aws:iam::ACCT:root` for root); absent when unassigned. */
  userArn?: string;
  enabledAt?: Date;
}

/**
 * A freshly created virtual device. `secret` is the Base32 seed: it lives in memory only, for the few
 * seconds between creation and enabling, and is never logged, written or put in an error.
 */
export interface NewVirtualMfaDevice {
  serialNumber: string;
  secret: string;
}

export interface MfaDevice {
  serialNumber: string;
  enabledAt: Date;
}

/** One `ConsoleLogin` CloudTrail event, reduced to what the sign-in test needs. */
export interface ConsoleLoginEvent {
  eventId: string;
  at: Date;
  /** `userIdentity.type`: "Root", "IAMUser", … */
  identityType: string;
  success: boolean;
  /** `additionalEventData.MFAUsed`, compared without case ("Yes" / "YES"). */
  mfaUsed: boolean;
  mfaIdentifier?: string;
  sourceIp?: string;
}

/**
 * One `EnableMFADevice` CloudTrail event made by the root user: root turning on an MFA device (virtual, hardware
 * key or passkey) in the console. Hardware keys and passkeys appear in no IAM list an administrator can read, so
 * this is how `check` learns when such a device started protecting root.
 */
export interface MfaEnablementEvent {
  eventId: string;
  at: Date;
  /** `requestParameters.serialNumber`: the device's ARN or serial number. */
  serialNumber?: string;
}

/** The credential report's `<root_account>` row. A report is regenerated at most every 4 hours. */
export interface RootCredentialReport {
  generatedAt: Date;
  mfaActive: boolean;
  passwordLastUsed?: Date;
  /** access_key_1_* and access_key_2_*; a slot with no key is left out. */
  keys: { slot: 1 | 2; active: boolean; lastRotated?: Date; lastUsed?: AccessKeyLastUse }[];
}

/** An EventBridge rule on the default bus in us-east-1 (where root's events arrive), with its pattern. */
export interface EventRule {
  name: string;
  enabled: boolean;
  /** The rule's event pattern, as JSON text (absent for a scheduled rule). */
  pattern?: string;
  targets: number;
  /** The targets' ARNs (an SNS topic's, for an email alert). */
  targetArns?: string[];
}

/** The account's security alternate contact (Account API, AlternateContactType=SECURITY). */
export interface SecurityContact {
  name?: string;
  email?: string;
}

/** An SNS topic (us-east-1) and its access policy, as JSON text. */
export interface AlertTopic {
  arn: string;
  policy?: string;
}

/** One subscription of a topic. An email subscription stays pending until its owner clicks the emailed link. */
export interface TopicSubscription {
  /** Absent while pending: AWS shows "PendingConfirmation" instead of an ARN. */
  arn?: string;
  protocol: string;
  endpoint: string;
  pending: boolean;
}

/** An EventBridge target, with the input transformer that shapes the message it receives. */
export interface RuleTarget {
  id: string;
  arn: string;
  /** The role EventBridge assumes to invoke the target (an API destination needs one; an SNS topic does not). */
  roleArn?: string;
  inputPathsMap?: Record<string, string>;
  inputTemplate?: string;
}

/**
 * An EventBridge rule's State (EventBridge API reference, PutRule `State`). ENABLED matches every event except the
 * read-only management events CloudTrail delivers; ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS matches those too
 * (EventBridge User Guide, "Receiving read-only management events from AWS services",
 * eb-service-event-cloudtrail-management).
 */
export type RuleState = "ENABLED" | "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" | "DISABLED";

/** Either enabled state matches events: a rule that also takes read-only events is no less enabled. */
export function ruleStateIsEnabled(state: string | undefined): boolean {
  return state === "ENABLED" || state === "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
}

/** One EventBridge rule read in full (events:DescribeRule + events:ListTargetsByRule). */
export interface EventRuleDetail {
  name: string;
  enabled: boolean;
  /** The State AWS answered (DISABLED for any state it may add that rootlock does not know). */
  state: RuleState;
  pattern?: string;
  description?: string;
  targets: RuleTarget[];
}

/**
 * An EventBridge connection (events:DescribeConnection): how EventBridge authorizes to an API destination's endpoint.
 * Its state becomes AUTHORIZED once EventBridge has the credentials (EventBridge API reference, ConnectionState:
 * CREATING | UPDATING | DELETING | AUTHORIZED | DEAUTHORIZED | AUTHORIZING | DEAUTHORIZING | ACTIVE | FAILED_CONNECTIVITY).
 */
export interface EventConnection {
  name: string;
  arn: string;
  state: string;
  authorizationType: string;
}

/**
 * An EventBridge API destination (events:DescribeApiDestination), its endpoint reduced to a digest and a mask: the
 * URL AWS answers (InvocationEndpoint) is a secret and never leaves the adapter (webhook.ts).
 */
export interface ApiDestination {
  name: string;
  arn: string;
  /** ACTIVE | INACTIVE (EventBridge API reference, ApiDestinationState). */
  state: string;
  connectionArn: string;
  httpMethod: string;
  rateLimitPerSecond?: number;
  endpoint: WebhookRef;
}

/** An IAM role (iam:GetRole) with its trust policy, as JSON text (IAM answers it URL-encoded: decoded here). */
export interface IamRole {
  name: string;
  arn: string;
  trustPolicy?: string;
}

/** Which management events a trail logs (from its basic or advanced event selectors). */
export type ManagementEvents = "all" | "write" | "read" | "none";

/**
 * Where a trail's `logging` and `managementEvents` come from:
 * - "read": GetTrailStatus and GetEventSelectors answered for it;
 * - "organization": the organization's trail (or another account's), which a member account may list but not read
 *   (AWS answers TrailNotFoundException / CloudTrailARNInvalidException): judged from DescribeTrails alone;
 * - "unreadable": reading this one trail failed (`unreadable` says how), so whether it logs is not known.
 * For the last two, `logging` is false and `managementEvents` "none": nothing was read.
 */
export type TrailStatusSource = "read" | "organization" | "unreadable";

/** A CloudTrail trail visible from the alerts region, with its status and selectors. */
export interface Trail {
  name: string;
  arn: string;
  homeRegion: string;
  multiRegion: boolean;
  includeGlobalServiceEvents: boolean;
  logging: boolean;
  managementEvents: ManagementEvents;
  bucket?: string;
  /** The account that owns the trail (from its ARN): another account's for an organization trail seen from a member. */
  ownerAccountId: string;
  /** DescribeTrails' IsOrganizationTrail. */
  organization: boolean;
  statusFrom: TrailStatusSource;
  /** Set when statusFrom is "unreadable": the failed read. */
  unreadable?: { code: string; action: string };
}

/**
 * An S3 bucket's existence and policy (s3:GetBucketPolicy with ExpectedBucketOwner = the caller's account:
 * NoSuchBucket / NoSuchBucketPolicy are answers). `ownedElsewhere`: S3 refused the read with 403 AccessDenied, which
 * is what it answers when the name is held by another account (bucket names are global) — or when the caller may
 * not read the bucket at all; either way rootlock cannot use it.
 */
export interface BucketState {
  exists: boolean;
  policy?: string;
  ownedElsewhere?: boolean;
}

/**
 * The account password policy for IAM users (GetAccountPasswordPolicy), with every field that
 * UpdateAccountPasswordPolicy takes: an update sends the whole policy (a field left out is reset to AWS's
 * default), so a change carries every field over. It does not govern the root user's password.
 */
export interface PasswordPolicy {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  /** Days before a password expires; absent: passwords never expire. */
  maxPasswordAge?: number;
  /** How many earlier passwords a user may not reuse; absent: reuse is allowed. */
  passwordReusePrevention?: number;
  /** An expired password can be changed only by an administrator. */
  hardExpiry: boolean;
}

/** Who has an IAM managed policy attached (ListEntitiesForPolicy), by name. */
export interface PolicyEntities {
  users: string[];
  groups: string[];
  roles: string[];
}

/** An IAM group and its members (GetGroup). */
export interface IamGroup {
  name: string;
  members: string[];
}

/** A user's console password (GetLoginProfile): never the password itself. */
export interface LoginProfile {
  passwordResetRequired: boolean;
  createdAt?: Date;
}

/** What a write returned, for the evidence of the step that made it. */
export interface WriteReceipt {
  call: string;
  requestId?: string;
  at: Date;
}

export type AssignmentFilter = "Assigned" | "Unassigned" | "Any";

export type AccountMode = "simulated" | "live" | "dry-run";

/** Every read of the port. Wrappers (journal, dry run) forward them all unchanged: see `forwardReads`. */
export interface AccountReads {
  /** sts:GetCallerIdentity */
  getCaller(): Promise<Caller>;
  /** The account's clock: the `Date` header of an AWS response. */
  getServerTime(): Promise<Date>;
  /** iam:GetAccountSummary → the two root flags. */
  getRootSummary(): Promise<RootSummary>;
  /** iam:ListAccessKeys (no UserName, so: the caller's keys — root's, with root credentials) + iam:GetAccessKeyLastUsed. */
  listRootAccessKeys(): Promise<AccessKey[]>;
  /** iam:ListVirtualMFADevices */
  listVirtualMfaDevices(filter: AssignmentFilter): Promise<VirtualMfaDevice[]>;
  /** iam:ListMFADevices(UserName) */
  listUserMfaDevices(userName: string): Promise<MfaDevice[]>;
  /** iam:GenerateCredentialReport (waited for) + iam:GetCredentialReport → the `<root_account>` row. */
  getRootCredentialReport(): Promise<RootCredentialReport>;
  /** cloudtrail:LookupEvents(EventName=ConsoleLogin) in us-east-1, events at or after `since`. */
  lookupConsoleLogins(since: Date): Promise<ConsoleLoginEvent[]>;
  /** cloudtrail:LookupEvents(EventName=EnableMFADevice) in us-east-1: root's own successful ones at or after `since`. */
  lookupRootMfaEnablements(since: Date): Promise<MfaEnablementEvent[]>;

  /** events:ListRules + events:ListTargetsByRule on the default bus in us-east-1. */
  listEventRules(): Promise<EventRule[]>;
  /** account:GetAlternateContact(SECURITY); undefined when none is set. */
  getSecurityContact(): Promise<SecurityContact | undefined>;
  /** iam:GetAccountPasswordPolicy; undefined when the account has none (NoSuchEntity). */
  getPasswordPolicy(): Promise<PasswordPolicy | undefined>;
  /** iam:ListEntitiesForPolicy: the users, groups and roles a managed policy is attached to. */
  listPolicyEntities(policyArn: string): Promise<PolicyEntities>;
  /** iam:GetGroup; undefined when there is no such group. */
  getGroup(groupName: string): Promise<IamGroup | undefined>;
  /** iam:ListAttachedGroupPolicies → the policies' ARNs. */
  listAttachedGroupPolicies(groupName: string): Promise<string[]>;
  /** iam:GetUser; false when there is no such user. */
  userExists(userName: string): Promise<boolean>;
  /** iam:GetLoginProfile; undefined when the user has no console password. */
  getLoginProfile(userName: string): Promise<LoginProfile | undefined>;

  // Root-activity alerts: SNS, EventBridge, CloudTrail and S3, all in us-east-1 (where root's events arrive).
  /** sns:GetTopicAttributes; undefined when the topic does not exist. */
  getTopic(topicArn: string): Promise<AlertTopic | undefined>;
  /** sns:ListSubscriptionsByTopic */
  listSubscriptions(topicArn: string): Promise<TopicSubscription[]>;
  /** events:DescribeRule + events:ListTargetsByRule on the default bus; undefined when there is no such rule. */
  getEventRule(name: string): Promise<EventRuleDetail | undefined>;
  /**
   * cloudtrail:DescribeTrails (shadow trails included) + GetTrailStatus + GetEventSelectors for each trail on its
   * own, from the alerts region. A trail that cannot be read does not sink the list: see `Trail.statusFrom`.
   */
  listTrails(): Promise<Trail[]>;
  /** s3:GetBucketPolicy, with ExpectedBucketOwner = `expectedOwner` (the caller's account). */
  getBucket(bucket: string, expectedOwner: string): Promise<BucketState>;

  // Webhook alerts (Slack or any HTTPS endpoint) through EventBridge API destinations, in the alerts region.
  /** events:DescribeConnection; undefined when there is no such connection. */
  getConnection(name: string): Promise<EventConnection | undefined>;
  /** events:DescribeApiDestination (the endpoint as a digest and a mask); undefined when there is no such destination. */
  getApiDestination(name: string): Promise<ApiDestination | undefined>;
  /** iam:GetRole; undefined when there is no such role. */
  getRole(roleName: string): Promise<IamRole | undefined>;
  /** iam:GetRolePolicy → the inline policy's document (JSON text, decoded); undefined when the role or policy is absent. */
  getRolePolicy(roleName: string, policyName: string): Promise<string | undefined>;
}

/**
 * The port: the reads, and one generic write. `send` takes a write of the operations table (operations.ts: the op
 * and its typed args) and, for the two ops that need one, the secret, which travels no further than the request
 * (never into a planned action, a journal entry or an error). Failures are thrown as `AccountError`.
 */
export interface Account extends AccountReads {
  readonly mode: AccountMode;
  send<K extends OpName>(write: WriteOf<K>, ...secret: SecretArg<K>): Promise<OpResult<K>>;
}

/** The names of every read of the port, listed once and checked complete by the compiler. */
const READ_NAMES = {
  getCaller: true,
  getServerTime: true,
  getRootSummary: true,
  listRootAccessKeys: true,
  listVirtualMfaDevices: true,
  listUserMfaDevices: true,
  getRootCredentialReport: true,
  lookupConsoleLogins: true,
  lookupRootMfaEnablements: true,
  listEventRules: true,
  getSecurityContact: true,
  getPasswordPolicy: true,
  listPolicyEntities: true,
  getGroup: true,
  listAttachedGroupPolicies: true,
  userExists: true,
  getLoginProfile: true,
  getTopic: true,
  listSubscriptions: true,
  getEventRule: true,
  listTrails: true,
  getBucket: true,
  getConnection: true,
  getApiDestination: true,
  getRole: true,
  getRolePolicy: true,
} satisfies Record<keyof AccountReads, true>;

/**
 * A base class for wrappers of another account (journal, dry run): every read forwarded to `inner` as it is, so a
 * wrapper states only what it changes (its `send`). A read added to the port is forwarded once it is in READ_NAMES,
 * which does not compile without it.
 */
export const ForwardingReads = class {
  constructor(inner: AccountReads) {
    const self = this as unknown as Record<string, unknown>;
    for (const name of Object.keys(READ_NAMES) as (keyof AccountReads)[]) {
      self[name] = (...args: unknown[]) => (inner[name] as (...a: unknown[]) => unknown)(...args);
    }
  }
} as new (inner: AccountReads) => AccountReads;

/** AWS's managed policy for full administrator rights: one ARN for every account of a partition (`arn:PARTITION:iam::aws:policy/…`). */
export function administratorAccessArn(partition: Partition): string {
  return `arn:${partition}:iam::aws:policy/AdministratorAccess`;
}

/** The same policy in the standard partition, where the simulated account is. */
export const ADMINISTRATOR_ACCESS_ARN = administratorAccessArn("aws");

export function rootArn(accountId: string, partition: Partition): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

export function isRootArn(arn: string | undefined): boolean {
  return !!arn && /^arn:aws[\w-]*:iam::\d{12}:root$/.test(arn);
}

/** Root signing with its own long-term key (AKIA…): the only caller for whom IAM lists and deletes root's keys by API. */
export function signsWithRootKey(caller: Caller): boolean {
  return caller.kind === "root" && !caller.temporary && caller.accessKeyId !== undefined;
}

/** Root signing with temporary credentials (`aws login`, GetSessionToken): root's keys are for the console then. */
export function isRootSession(caller: Caller): boolean {
  return caller.kind === "root" && !signsWithRootKey(caller);
}

/**
 * The root user's side of the AWS console, for what AWS allows only there (root access keys from the
 * console, root MFA assignment, a root sign-in). Only the simulated account offers one: it is the
 * terminal stand-in that trainees rehearse on. Against real AWS the operator uses the real console
 * and rootlock verifies the result through `Account`.
 */
export interface RootConsole {
  /** "Security credentials" page: root's access keys, as the console lists them. */
  listAccessKeys(): Promise<AccessKey[]>;
  /** The console's "Deactivate" / "Activate". */
  setAccessKeyStatus(accessKeyId: string, status: AccessKeyStatus): Promise<void>;
  /** The console's "Delete": refused with DeleteConflict while the key is active, as the console does. */
  deleteAccessKey(accessKeyId: string): Promise<void>;
  /** Opens "Assign MFA device → Authenticator app": the console makes a new secret and shows it as a QR. */
  openMfaAssignment(): Promise<{ secret: string; accountId: string }>;
  /**
   * The console's "Add MFA": creates the device `deviceName` and assigns it to root, with two consecutive
   * codes. EntityAlreadyExists when a device of that name exists (an orphan); InvalidAuthenticationCode
   * when the codes are not two consecutive valid codes.
   */
  finishMfaAssignment(deviceName: string, secret: string, code1: string, code2: string): Promise<void>;
  /** A root sign-in with password (implied) and an MFA code; CloudTrail records it some seconds later. */
  signIn(mfaCode: string): Promise<"success" | "failure">;
  /**
   * Training aid: the code a root device shows right now, for a device set up before the trainee arrived
   * (clean and hardened accounts), whose secret they never saw. Undefined when there is none.
   */
  trainingCode(): Promise<string | undefined>;
  /**
   * The alert address's mailbox, not the console: the owner clicks the link in the confirmation email AWS sent.
   * False when no subscription of that address is waiting.
   */
  confirmAlertEmail(email: string): Promise<boolean>;
  /** The alert emails that reached a confirmed address, newest last (subject and body). */
  alertInbox(): { to: string; subject: string; body: string; at: Date }[];
  /** The simulated channel: what reached a webhook (its mask, never its URL), newest last. */
  webhookChannel(): { to: string; body: string; at: Date }[];
}
