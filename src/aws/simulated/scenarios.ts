// The simulated accounts a trainee can start from (`--scenario`). Plain data: the rest of simulated/ gives it life.
import type { WebhookRef } from "../webhook.js";
import { ADMINISTRATOR_ACCESS_ARN, type PasswordPolicy, rootArn } from "../account.js";
import { alertsRegionFor, type Partition } from "../partition.js";
import { newSecret } from "../../lib/secret.js";
import type { ScenarioName } from "../scenario-names.js";
import type { ManagementEvents, RootCredentialReport, RuleState, RuleTarget } from "../account.js";

export const ACCOUNT_ID = "123456789012";
export const ADMIN_USER = "ops-admin";
/** The simulated account is in the standard partition: root's events arrive in its alerts region (us-east-1). */
export const SIMULATED_REGION = alertsRegionFor("aws");
export const ROOT_ARN = rootArn(ACCOUNT_ID, "aws");
export const mfaArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:mfa/${name}`;
export const userArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:user/${name}`;
export const topicArn = (name: string) => `arn:aws:sns:${SIMULATED_REGION}:${ACCOUNT_ID}:${name}`;

/** The policy AWS gives a new topic: the owning account may manage it and publish to it; no service may. */
export function defaultTopicPolicy(arn: string): string {
  return JSON.stringify({
    Version: "2008-10-17",
    Id: "__default_policy_ID",
    Statement: [
      {
        Sid: "__default_statement_ID",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: [
          "SNS:GetTopicAttributes",
          "SNS:SetTopicAttributes",
          "SNS:AddPermission",
          "SNS:RemovePermission",
          "SNS:DeleteTopic",
          "SNS:Subscribe",
          "SNS:ListSubscriptionsByTopic",
          "SNS:Publish",
        ],
        Resource: arn,
        Condition: { StringEquals: { "AWS:SourceOwner": ACCOUNT_ID } },
      },
    ],
  });
}

export interface KeyRecord {
  id: string;
  status: "Active" | "Inactive";
  createdAt: Date;
  lastUsed?: { at: Date; service: string; region: string };
}

export interface DeviceRecord {
  serialNumber: string;
  /** Virtual devices appear in ListVirtualMFADevices; hardware keys and passkeys do not. */
  kind: "virtual" | "hardware";
  /** Known for every virtual device: the simulation checks codes with it. */
  secret?: string;
  /** An ARN when assigned (root's is `…:root`). */
  assignedTo?: string;
  enabledAt?: Date;
  /** Pre-set devices whose secret the trainee never saw: the sign-in stand-in may show their code. */
  training?: boolean;
}

export interface UserRecord {
  name: string;
  keys: KeyRecord[];
  hasPassword: boolean;
  /** Set with the password: the user must choose a new one at first sign-in. The password itself is never kept. */
  passwordResetRequired?: boolean;
  /** ARNs of managed policies attached to the user directly. */
  policies?: string[];
}

export interface GroupRecord {
  name: string;
  /** ARNs of the managed policies attached to the group. */
  policies: string[];
  members: string[];
}

export interface RoleRecord {
  name: string;
  policies: string[];
  /** The trust policy (JSON text); absent for the scenarios' own roles, which nothing here reads. */
  trustPolicy?: string;
  /** Inline policies by name (JSON text). */
  inlinePolicies?: Record<string, string>;
}

/** An EventBridge connection (webhook alerts). */
export interface ConnectionRecord {
  name: string;
  arn: string;
  state: string;
  authorizationType: string;
}

/** An EventBridge API destination: its endpoint only as a digest and a mask (the URL is a secret, never kept). */
export interface DestinationRecord {
  name: string;
  arn: string;
  state: string;
  connectionArn: string;
  httpMethod: string;
  rateLimitPerSecond: number;
  endpoint: WebhookRef;
}

/** What an API destination POSTed (the simulated channel): the webhook's mask, the JSON body, when. */
export interface WebhookPost {
  to: string;
  body: string;
  at: Date;
}

/** AWS managed policies the simulated account knows (AttachGroupPolicy refuses any other with NoSuchEntity). */
const READ_ONLY_ACCESS_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";
export const MANAGED_POLICIES = [ADMINISTRATOR_ACCESS_ARN, READ_ONLY_ACCESS_ARN, "arn:aws:iam::aws:policy/SecurityAudit"];

/** A standard-partition ARN as it reads in `partition` (arn:aws:… → arn:aws-us-gov:…). */
export const inPartition = (arn: string, partition: Partition) => arn.replace(/^arn:aws:/, `arn:${partition}:`);

export interface ConsoleLoginRecord {
  eventId: string;
  at: Date;
  success: boolean;
  mfaUsed: boolean;
  mfaIdentifier?: string;
  sourceIp: string;
}

export interface SubscriptionRecord {
  arn: string;
  protocol: "email";
  endpoint: string;
  /** An email subscription is pending until the owner clicks the link in AWS's confirmation email. */
  confirmed: boolean;
}

export interface TopicRecord {
  arn: string;
  policy: string;
  subscriptions: SubscriptionRecord[];
}

export interface RuleRecord {
  name: string;
  state: RuleState;
  pattern?: string;
  description?: string;
  targets: RuleTarget[];
}

export interface TrailRecord {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  includeGlobalServiceEvents: boolean;
  logging: boolean;
  managementEvents: ManagementEvents;
  bucket: string;
  /** Another account's trail (the organization's, seen from this member account): its owner. */
  owner?: string;
  organization?: boolean;
}

export interface AccountState {
  /** EventBridge rules on the default bus in us-east-1 (a root-sign-in alert, in the hardened account). */
  rules: RuleRecord[];
  /** SNS topics in us-east-1. */
  topics: TopicRecord[];
  /** CloudTrail trails visible from us-east-1. */
  trails: TrailRecord[];
  /** S3 buckets by name (names are global): `owner` set when another account holds the name. */
  buckets: { name: string; policy?: string; owner?: string }[];
  /** What reached a confirmed alert address (the simulated mailbox). */
  mailbox: { to: string; subject: string; body: string; at: Date }[];
  /** Webhook alerts: optional, so a demo account saved before them loads as it was. */
  connections?: ConnectionRecord[];
  destinations?: DestinationRecord[];
  /** What reached a webhook (the simulated channel). */
  webhookPosts?: WebhookPost[];
  securityContact?: { name: string; email: string };
  rootKeys: KeyRecord[];
  rootPasswordLastUsed?: Date;
  users: UserRecord[];
  groups: GroupRecord[];
  roles: RoleRecord[];
  /** Absent: the account has no password policy of its own (AWS's default rules apply). */
  passwordPolicy?: PasswordPolicy;
  devices: DeviceRecord[];
  signins: ConsoleLoginRecord[];
  /** The last credential report generated (GenerateCredentialReport makes a new one at most every 4 hours). */
  credentialReport?: RootCredentialReport;
}

export interface Scenario {
  state: AccountState;
  /** Who signs the calls: the admin user (recommended), or root with one of its keys. */
  caller: { kind: "iam-user"; userName: string; accessKeyId: string } | { kind: "root"; accessKeyId: string; session?: boolean };
}

const DAY = 86_400_000;
// Fixed, realistic-looking ids so trainees and screenshots see the same ones every time.
const ROOT_KEY_1 = "AKIA4ROOTKEYS3APNE2X";
const ROOT_KEY_2 = "AKIA4ROOTKEYNEVERUSD";
const ADMIN_KEY = "AKIA4OPSADMINSIGNKEY";

function newAccount(now: Date): AccountState {
  return {
    rootKeys: [
      {
        id: ROOT_KEY_1,
        status: "Active",
        createdAt: new Date(now.getTime() - 400 * DAY),
        lastUsed: { at: new Date(now.getTime() - 3 * DAY), service: "s3", region: "ap-northeast-2" },
      },
      { id: ROOT_KEY_2, status: "Active", createdAt: new Date(now.getTime() - 200 * DAY) },
    ],
    rootPasswordLastUsed: new Date(now.getTime() - 10 * DAY),
    // The usual first-day shortcut: AdministratorAccess attached to the user directly, no group.
    users: [
      {
        name: ADMIN_USER,
        hasPassword: true,
        policies: [ADMINISTRATOR_ACCESS_ARN],
        keys: [{ id: ADMIN_KEY, status: "Active", createdAt: new Date(now.getTime() - 30 * DAY) }],
      },
    ],
    groups: [],
    roles: [],
    // Set up once by someone: too short, no reuse prevention, but with settings a new policy must keep.
    passwordPolicy: {
      minimumPasswordLength: 8,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: false,
      allowUsersToChangePassword: true,
      maxPasswordAge: 90,
      hardExpiry: false,
    },
    ...noAlerts(),
    // Left by an abandoned console attempt: the next assignment under that name fails until it is deleted.
    devices: [{ serialNumber: mfaArn("root-account-mfa-device"), kind: "virtual", secret: newSecret() }],
    signins: [],
  };
}

function cleanAccount(now: Date): AccountState {
  const enabledAt = new Date(now.getTime() - 60 * DAY);
  return {
    ...noAlerts(),
    securityContact: { name: "Security team", email: "security@example.com" },
    rootKeys: [],
    rootPasswordLastUsed: new Date(now.getTime() - 60 * DAY),
    users: [{ name: ADMIN_USER, hasPassword: true, keys: [{ id: ADMIN_KEY, status: "Active", createdAt: new Date(now.getTime() - 60 * DAY) }] }],
    // The recommended shape: administrator rights through a group.
    groups: [{ name: "Administrators", policies: [ADMINISTRATOR_ACCESS_ARN], members: [ADMIN_USER] }],
    roles: [],
    passwordPolicy: {
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: 24,
      hardExpiry: false,
    },
    devices: [
      { serialNumber: mfaArn("root-phone"), kind: "virtual", secret: newSecret(), assignedTo: ROOT_ARN, enabledAt, training: true },
      { serialNumber: mfaArn(ADMIN_USER), kind: "virtual", secret: newSecret(), assignedTo: userArn(ADMIN_USER), enabledAt, training: true },
    ],
    signins: [],
  };
}

/** Root on hardware only (CIS 1.6): a TOTP token as its device and a security key as the backup. */
function hardenedAccount(now: Date): AccountState {
  const state = cleanAccount(now);
  const enabledAt = new Date(now.getTime() - 59 * DAY);
  state.devices = state.devices.filter((d) => d.assignedTo !== ROOT_ARN);
  // Stricter than CIS asks: a tool that "fixes" the policy must keep this.
  state.passwordPolicy = { ...state.passwordPolicy!, minimumPasswordLength: 16 };
  state.devices.push(
    { serialNumber: "GAHT61234567", kind: "hardware", secret: newSecret(), assignedTo: ROOT_ARN, enabledAt, training: true },
    { serialNumber: `arn:aws:iam::${ACCOUNT_ID}:u2f/root/security-key-safe`, kind: "hardware", assignedTo: ROOT_ARN, enabledAt },
  );
  // A root-sign-in alert set up by hand before rootlock: a plain rule (no input transformer) to a security team's
  // topic with a confirmed address, and an organisation-style trail. rootlock's alerts step shows it as already in
  // place (check's judgement), and adds its own beside it only when the operator asks.
  const alerts = topicArn("security-alerts");
  state.topics.push({
    arn: alerts,
    policy: defaultTopicPolicy(alerts),
    subscriptions: [{ arn: `${alerts}:0b6c7d1e-0000-4000-8000-000000000001`, protocol: "email", endpoint: "security@example.com", confirmed: true }],
  });
  state.rules.push({
    name: "root-console-sign-in",
    state: "ENABLED",
    pattern: JSON.stringify({ "detail-type": ["AWS Console Sign In via CloudTrail"], detail: { userIdentity: { type: ["Root"] } } }),
    targets: [{ id: "security-alerts", arn: alerts }],
  });
  state.buckets.push({ name: `management-trail-${ACCOUNT_ID}` });
  state.trails.push({
    name: "management-trail",
    homeRegion: SIMULATED_REGION,
    multiRegion: true,
    includeGlobalServiceEvents: true,
    logging: true,
    managementEvents: "all",
    bucket: `management-trail-${ACCOUNT_ID}`,
  });
  state.signins.push({
    eventId: "5b1e2c3d-0000-4000-8000-000000000001",
    at: new Date(now.getTime() - 2 * DAY),
    success: true,
    mfaUsed: true,
    mfaIdentifier: "GAHT61234567",
    sourceIp: "203.0.113.10",
  });
  return state;
}

function noAlerts(): Pick<AccountState, "rules" | "topics" | "trails" | "buckets" | "mailbox"> {
  return { rules: [], topics: [], trails: [], buckets: [], mailbox: [] };
}

/**
 * Like a new account, but root is the only administrator (ops-admin may only read) and there is no password
 * policy at all: the account as its owner first gets it, signing with root's own key.
 */
function rootOnlyAccount(now: Date): AccountState {
  const state = newAccount(now);
  state.users = state.users.map((u) => ({ ...u, policies: [READ_ONLY_ACCESS_ARN] }));
  delete state.passwordPolicy;
  return state;
}

export function scenario(name: ScenarioName, now: Date): Scenario {
  switch (name) {
    case "new-account":
      return { state: newAccount(now), caller: { kind: "iam-user", userName: ADMIN_USER, accessKeyId: ADMIN_KEY } };
    case "clean":
      return { state: cleanAccount(now), caller: { kind: "iam-user", userName: ADMIN_USER, accessKeyId: ADMIN_KEY } };
    case "hardened":
      return { state: hardenedAccount(now), caller: { kind: "iam-user", userName: ADMIN_USER, accessKeyId: ADMIN_KEY } };
    case "root-key":
      return { state: rootOnlyAccount(now), caller: { kind: "root", accessKeyId: ROOT_KEY_1 } };
  }
}
