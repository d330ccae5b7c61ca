// Every write rootlock can send, declared once: its AWS action, its typed arguments, how it is shown, and which
// steps send it. Plain data and types (no SDK, no Ink), so `rootlock policy`, --help and the screens load it freely.
//
// - A planned change is `{ op, args }` (a `Write`): the op names an entry here, the args are typed by it. Nothing
//   downstream re-parses strings: the adapters send `args`, the steps read `args` back.
// - `show(args)` gives the parameters as AWS's API names them: the confirm panel prints them, and without the
//   secret ones (below) the journal, the dry run and the evidence report record them. Keys and values are the
//   exact text those have always printed.
// - A secret (the console password of CreateLoginProfile, the two codes of EnableMFADevice) is never part of
//   `args`: it is a separate argument of `Account.send`, supplied only at the moment of sending. `show` prints a
//   placeholder in its place, and `secret` names those placeholder keys, which nothing but the confirm panel
//   ever sees (`recorded` leaves them out). So no planned action, journal entry or report can hold one.
// - `types` is never set: it only carries, for the compiler, what an op answers (most answer a `WriteReceipt`;
//   CreateVirtualMFADevice answers the new device with its seed) and which secret it takes.
// - Each adapter implements the table as a map (`WriteHandlers`: a missing op does not compile); the journal and
//   the dry run need no entry of their own. How each op is read back and undone lives in the steps layer
//   (src/steps/read-backs.ts), keyed by the same names. permissions.ts takes the write actions from here.
import type { AccessKeyStatus, NewVirtualMfaDevice, PasswordPolicy, RuleState, RuleTarget, WriteReceipt } from "./account.js";
import type { WebhookRef } from "./webhook.js";

interface OpSpec<A, R, S> {
  /** The IAM action, as a policy (and the journal, and the report) names it: "iam:DeleteAccessKey". */
  action: string;
  /** The steps that send it, in the README's words (its permission table). */
  usedBy: string;
  show: (args: A) => Record<string, string>;
  /** The keys of `show` that stand for a secret (their value is a placeholder): shown before sending, never recorded. */
  secret: readonly string[];
  /** Types only (never set): the op's arguments, its answer, its secret. */
  types?: { args: A; result: R; secret: S };
}

/** An entry of the table. `R`: what the op answers; `S`: the secret it takes when sent (`never`: none). */
function op<A, R = WriteReceipt, S = never>(spec: {
  action: string;
  usedBy: string;
  show: (args: A) => Record<string, string>;
  secret?: readonly string[];
}): OpSpec<A, R, S> {
  return { secret: [], ...spec };
}

/**
 * An API destination's endpoint, as the confirm panel shows it: its mask (webhook.ts), never the URL. A secret key:
 * the journal, the dry run and the report leave it out.
 */
const ENDPOINT_KEY = "InvocationEndpoint";
/** An API destination's arguments: the webhook's digest and mask stand for the URL, which travels as the secret. */
interface DestinationArgs {
  name: string;
  /** The connection's name: EventBridge gives its ARN a generated suffix, so the adapter reads it before sending. */
  connection: string;
  endpoint: WebhookRef;
  rateLimitPerSecond: number;
}
const showDestination = (a: DestinationArgs) => ({
  Name: a.name,
  ConnectionArn: `connection/${a.connection}/…`,
  [ENDPOINT_KEY]: a.endpoint.mask,
  HttpMethod: "POST",
  InvocationRateLimitPerSecond: String(a.rateLimitPerSecond),
});

/** What the confirm panel shows where a secret goes. */
export const PASSWORD_PLACEHOLDER = "(generated, shown once)";
const CODE_PLACEHOLDERS = { AuthenticationCode1: "(first code)", AuthenticationCode2: "(next code)" } as const;
/** Every placeholder by name: a screen says each in the run's language (the catalogue's common.placeholders). */
export const PLACEHOLDERS = {
  password: PASSWORD_PLACEHOLDER,
  firstCode: CODE_PLACEHOLDERS.AuthenticationCode1,
  nextCode: CODE_PLACEHOLDERS.AuthenticationCode2,
} as const;

/** UpdateAccountPasswordPolicy's parameters: the whole policy, as the real adapter sends it. */
export function passwordPolicyParams(policy: PasswordPolicy): Record<string, string> {
  return {
    MinimumPasswordLength: String(policy.minimumPasswordLength),
    RequireSymbols: String(policy.requireSymbols),
    RequireNumbers: String(policy.requireNumbers),
    RequireUppercaseCharacters: String(policy.requireUppercaseCharacters),
    RequireLowercaseCharacters: String(policy.requireLowercaseCharacters),
    AllowUsersToChangePassword: String(policy.allowUsersToChangePassword),
    // Left out when unset, as the real call leaves them out (AWS then means: never expire / reuse allowed).
    ...(policy.maxPasswordAge !== undefined && { MaxPasswordAge: String(policy.maxPasswordAge) }),
    ...(policy.passwordReusePrevention !== undefined && { PasswordReusePrevention: String(policy.passwordReusePrevention) }),
    HardExpiry: String(policy.hardExpiry),
  };
}

export const OPS = {
  // ---- root's access keys (with root's own long-term key: no UserName, so the caller's keys) ----
  updateRootAccessKey: op({
    action: "iam:UpdateAccessKey",
    usedBy: "root keys (root caller): deactivate",
    show: (a: { keyId: string; status: AccessKeyStatus }) => ({ AccessKeyId: a.keyId, Status: a.status }),
  }),
  deleteRootAccessKey: op({
    action: "iam:DeleteAccessKey",
    usedBy: "root keys (root caller)",
    show: (a: { keyId: string }) => ({ AccessKeyId: a.keyId }),
  }),

  // ---- MFA devices ----
  deleteVirtualMfaDevice: op({
    action: "iam:DeleteVirtualMFADevice",
    usedBy: "root MFA (only an unassigned device of the chosen name, or the legacy root-account-mfa-device), admin user MFA (undo)",
    show: (a: { serialNumber: string }) => ({ SerialNumber: a.serialNumber }),
  }),
  createVirtualMfaDevice: op<{ name: string }, NewVirtualMfaDevice & { receipt: WriteReceipt }>({
    action: "iam:CreateVirtualMFADevice",
    usedBy: "admin user MFA",
    show: (a) => ({ VirtualMFADeviceName: a.name }),
  }),
  enableMfaDevice: op<{ userName: string; serialNumber: string }, WriteReceipt, { code1: string; code2: string }>({
    action: "iam:EnableMFADevice",
    usedBy: "admin user MFA",
    // The two codes are one-time, but secrets while they are valid.
    show: (a) => ({ UserName: a.userName, SerialNumber: a.serialNumber, ...CODE_PLACEHOLDERS }),
    secret: Object.keys(CODE_PLACEHOLDERS),
  }),

  // ---- the password policy ----
  updatePasswordPolicy: op({
    action: "iam:UpdateAccountPasswordPolicy",
    usedBy: "password policy",
    show: (a: { policy: PasswordPolicy }) => passwordPolicyParams(a.policy),
  }),

  // ---- the admin identity, and its undo ----
  createGroup: op({ action: "iam:CreateGroup", usedBy: "admin identity", show: (a: { groupName: string }) => ({ GroupName: a.groupName }) }),
  attachGroupPolicy: op({
    action: "iam:AttachGroupPolicy",
    usedBy: "admin identity",
    show: (a: { groupName: string; policyArn: string }) => ({ GroupName: a.groupName, PolicyArn: a.policyArn }),
  }),
  createUser: op({ action: "iam:CreateUser", usedBy: "admin identity", show: (a: { userName: string }) => ({ UserName: a.userName }) }),
  addUserToGroup: op({
    action: "iam:AddUserToGroup",
    usedBy: "admin identity",
    show: (a: { groupName: string; userName: string }) => ({ GroupName: a.groupName, UserName: a.userName }),
  }),
  createLoginProfile: op<{ userName: string; passwordResetRequired: boolean }, WriteReceipt, { password: string }>({
    action: "iam:CreateLoginProfile",
    usedBy: "admin identity",
    show: (a) => ({ UserName: a.userName, Password: PASSWORD_PLACEHOLDER, PasswordResetRequired: String(a.passwordResetRequired) }),
    secret: ["Password"],
  }),
  deleteLoginProfile: op({ action: "iam:DeleteLoginProfile", usedBy: "admin identity (undo)", show: (a: { userName: string }) => ({ UserName: a.userName }) }),
  removeUserFromGroup: op({
    action: "iam:RemoveUserFromGroup",
    usedBy: "admin identity (undo)",
    show: (a: { groupName: string; userName: string }) => ({ GroupName: a.groupName, UserName: a.userName }),
  }),
  deleteUser: op({ action: "iam:DeleteUser", usedBy: "admin identity (undo)", show: (a: { userName: string }) => ({ UserName: a.userName }) }),
  detachGroupPolicy: op({
    action: "iam:DetachGroupPolicy",
    usedBy: "admin identity (undo)",
    show: (a: { groupName: string; policyArn: string }) => ({ GroupName: a.groupName, PolicyArn: a.policyArn }),
  }),
  deleteGroup: op({ action: "iam:DeleteGroup", usedBy: "admin identity (undo)", show: (a: { groupName: string }) => ({ GroupName: a.groupName }) }),

  // ---- root-activity alerts (us-east-1) ----
  createTopic: op({ action: "sns:CreateTopic", usedBy: "alerts", show: (a: { name: string }) => ({ Name: a.name }) }),
  setTopicPolicy: op({
    action: "sns:SetTopicAttributes",
    usedBy: "alerts: the topic's policy",
    show: (a: { topicArn: string; policy: string }) => ({ TopicArn: a.topicArn, AttributeName: "Policy", AttributeValue: a.policy }),
  }),
  subscribeEmail: op({
    action: "sns:Subscribe",
    usedBy: "alerts: the email address",
    show: (a: { topicArn: string; email: string }) => ({ TopicArn: a.topicArn, Protocol: "email", Endpoint: a.email }),
  }),
  publish: op({
    action: "sns:Publish",
    usedBy: "alerts: the test message",
    show: (a: { topicArn: string; subject: string; message: string }) => ({ TopicArn: a.topicArn, Subject: a.subject, Message: a.message }),
  }),
  putEventRule: op({
    action: "events:PutRule",
    usedBy: "alerts",
    /** `pattern`: the event pattern as the JSON text sent. */
    show: (a: { name: string; pattern: string; description: string; state: RuleState }) => ({
      Name: a.name,
      EventPattern: a.pattern,
      State: a.state,
      Description: a.description,
    }),
  }),
  putRuleTarget: op({
    action: "events:PutTargets",
    usedBy: "alerts",
    show: (a: { rule: string; target: RuleTarget }) => ({
      Rule: a.rule,
      Id: a.target.id,
      Arn: a.target.arn,
      ...(a.target.inputTemplate ? { InputPathsMap: JSON.stringify(a.target.inputPathsMap ?? {}), InputTemplate: a.target.inputTemplate } : {}),
    }),
  }),
  createBucket: op({ action: "s3:CreateBucket", usedBy: "alerts: the trail's bucket", show: (a: { bucket: string }) => ({ Bucket: a.bucket }) }),
  putBucketPolicy: op({
    action: "s3:PutBucketPolicy",
    usedBy: "alerts: the trail's bucket",
    show: (a: { bucket: string; policy: string }) => ({ Bucket: a.bucket, Policy: a.policy }),
  }),
  createTrail: op({
    action: "cloudtrail:CreateTrail",
    usedBy: "alerts",
    // Multi-region, global service events included: what the adapters send.
    show: (a: { name: string; bucket: string }) => ({ Name: a.name, S3BucketName: a.bucket, IsMultiRegionTrail: "true", IncludeGlobalServiceEvents: "true" }),
  }),
  startLogging: op({ action: "cloudtrail:StartLogging", usedBy: "alerts", show: (a: { name: string }) => ({ Name: a.name }) }),

  // ---- webhook alerts (Slack, or any HTTPS webhook taking JSON) through an EventBridge API destination (us-east-1) ----
  createConnection: op({
    action: "events:CreateConnection",
    usedBy: "alerts: the webhook",
    // The API key is a harmless fixed header, not a credential: see alert-shapes.ts, WEBHOOK_CONNECTION_HEADER.
    show: (a: { name: string; apiKeyName: string; apiKeyValue: string }) => ({
      Name: a.name,
      AuthorizationType: "API_KEY",
      ApiKeyName: a.apiKeyName,
      ApiKeyValue: a.apiKeyValue,
    }),
  }),
  createApiDestination: op<DestinationArgs, WriteReceipt, { url: string }>({
    action: "events:CreateApiDestination",
    usedBy: "alerts: the webhook",
    show: showDestination,
    secret: [ENDPOINT_KEY],
  }),
  updateApiDestination: op<DestinationArgs, WriteReceipt, { url: string }>({
    action: "events:UpdateApiDestination",
    usedBy: "alerts: the webhook (a changed URL)",
    show: showDestination,
    secret: [ENDPOINT_KEY],
  }),
  createWebhookRole: op({
    action: "iam:CreateRole",
    usedBy: "alerts: the role EventBridge invokes the webhook with",
    show: (a: { roleName: string; trustPolicy: string }) => ({ RoleName: a.roleName, AssumeRolePolicyDocument: a.trustPolicy }),
  }),
  updateWebhookRoleTrust: op({
    action: "iam:UpdateAssumeRolePolicy",
    usedBy: "alerts: the webhook role's trust (repaired)",
    show: (a: { roleName: string; trustPolicy: string }) => ({ RoleName: a.roleName, PolicyDocument: a.trustPolicy }),
  }),
  putWebhookRolePolicy: op({
    action: "iam:PutRolePolicy",
    usedBy: "alerts: the role EventBridge invokes the webhook with",
    show: (a: { roleName: string; policyName: string; policy: string }) => ({ RoleName: a.roleName, PolicyName: a.policyName, PolicyDocument: a.policy }),
  }),
  putWebhookTarget: op({
    action: "events:PutTargets",
    usedBy: "alerts: the webhook (with RoleArn)",
    /** `destination`: the API destination's name; the adapter reads its ARN (with EventBridge's suffix) before sending. */
    show: (a: { rule: string; id: string; destination: string; roleArn: string; inputPathsMap: Record<string, string>; inputTemplate: string }) => ({
      Rule: a.rule,
      Id: a.id,
      Arn: `api-destination/${a.destination}/…`,
      RoleArn: a.roleArn,
      InputPathsMap: JSON.stringify(a.inputPathsMap),
      InputTemplate: a.inputTemplate,
    }),
  }),
  putTestEvent: op({
    action: "events:PutEvents",
    usedBy: "alerts: the webhook's test message",
    show: (a: { source: string; detailType: string; detail: string }) => ({ Source: a.source, DetailType: a.detailType, Detail: a.detail }),
  }),
  // The webhook's undo, when the operator gives it up half-way: each removes what one of the calls above made.
  removeWebhookTarget: op({
    action: "events:RemoveTargets",
    usedBy: "alerts: the webhook (undo)",
    show: (a: { rule: string; id: string }) => ({ Rule: a.rule, Ids: a.id }),
  }),
  deleteWebhookRolePolicy: op({
    action: "iam:DeleteRolePolicy",
    usedBy: "alerts: the webhook (undo)",
    show: (a: { roleName: string; policyName: string }) => ({ RoleName: a.roleName, PolicyName: a.policyName }),
  }),
  deleteWebhookRole: op({ action: "iam:DeleteRole", usedBy: "alerts: the webhook (undo)", show: (a: { roleName: string }) => ({ RoleName: a.roleName }) }),
  deleteApiDestination: op({ action: "events:DeleteApiDestination", usedBy: "alerts: the webhook (undo)", show: (a: { name: string }) => ({ Name: a.name }) }),
  deleteConnection: op({ action: "events:DeleteConnection", usedBy: "alerts: the webhook (undo)", show: (a: { name: string }) => ({ Name: a.name }) }),
};

export type OpName = keyof typeof OPS;
type Types<K extends OpName> = NonNullable<(typeof OPS)[K]["types"]>;
export type OpArgs<K extends OpName> = Types<K>["args"];
export type OpResult<K extends OpName> = Types<K>["result"];
export type OpSecret<K extends OpName> = Types<K>["secret"];
/** The secret argument of `send` for an op: none, or exactly the one it takes. */
export type SecretArg<K extends OpName> = [OpSecret<K>] extends [never] ? [] : [secret: OpSecret<K>];

/** One write of one op, typed. */
export type WriteOf<K extends OpName> = { op: K; args: OpArgs<K> };
/** Any write: a union discriminated by `op`, so narrowing on `op` types `args`. */
export type Write = { [K in OpName]: WriteOf<K> }[OpName];
/** The ops that take a secret when sent. */
export type SecretOpName = { [K in OpName]: [OpSecret<K>] extends [never] ? never : K }[OpName];

/** An adapter's implementation of every op (a missing one does not compile). */
export type WriteHandlers = { [K in OpName]: (args: OpArgs<K>, ...secret: SecretArg<K>) => Promise<OpResult<K>> };

/** A write, built with its op's argument type checked. */
export function write<K extends OpName>(op: K, args: OpArgs<K>): Write {
  // TypeScript cannot see that `{ op: K; args: OpArgs<K> }` is one member of the union for a generic K.
  return { op, args } as Write;
}

/** Narrows a write to one op (to read its typed args). */
export function isOp<K extends OpName>(w: Write, op: K): w is Extract<Write, { op: K }> {
  return w.op === op;
}

/** Sends `w` through the handler of its op: the one place a write meets its implementation. */
export function dispatch<K extends OpName>(handlers: WriteHandlers, w: WriteOf<K>, secret: SecretArg<K>): Promise<OpResult<K>> {
  const handler: WriteHandlers[K] = handlers[w.op];
  return handler(w.args, ...secret);
}

export function needsSecret(op: OpName): op is SecretOpName {
  return OPS[op].secret.length > 0;
}

/** A call and its parameters as printed: "iam:DeleteAccessKey(AccessKeyId=AKIA…)". */
export interface ShownCall {
  call: string;
  params: Record<string, string>;
}

/** What the confirm panel shows before sending: the call, and its parameters with a placeholder for each secret. */
export function shownCall(w: Write): ShownCall {
  const spec = OPS[w.op] as OpSpec<unknown, unknown, unknown>;
  return { call: spec.action, params: spec.show(w.args) };
}

/** What the journal, the dry run and the report record: the same, without the secret's keys. */
export function recorded(w: Write): ShownCall {
  const { call, params } = shownCall(w);
  const secret = new Set(OPS[w.op].secret);
  return { call, params: Object.fromEntries(Object.entries(params).filter(([key]) => !secret.has(key))) };
}

/** The call's name, for a label or a failure. */
export function callOf(w: Write): string {
  return OPS[w.op].action;
}

/** A deletion (iam:DeleteAccessKey, iam:DeleteVirtualMFADevice, …): never approved as part of a whole plan. */
export function isDeletion(w: Write): boolean {
  return /^[\w-]+:Delete/.test(callOf(w));
}

/** The receipt of any op's answer (CreateVirtualMFADevice answers a device carrying its receipt). */
export function receiptOf(result: WriteReceipt | { receipt: WriteReceipt }): WriteReceipt {
  return "receipt" in result ? result.receipt : result;
}
