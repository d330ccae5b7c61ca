// How each write of the operations table (src/aws/operations.ts) is read back and, where a step rolls it back,
// undone: declared once per op, keyed by the same names, so no step switches on a call name. Here, not in
// src/aws, because a read-back is the steps' judgement ("does AWS already show this change?") over the port's
// reads; the adapters know nothing of it.
//
// Each entry:
// - `holds`: one read, asked before a retry (a write whose answer was lost may have landed: a deletion is never
//   sent twice) and waited for after the call;
// - `source` and `shows`: the evidence once it holds (where it was read, and what was read);
// - `undo`: the write that removes what this one made (the admin identity's rollback).
// `null` for an op nothing can read back (a message published).
import { type Phrase, phrase, reads } from "./said.js";
import type { Account, WriteReceipt } from "../aws/account.js";
import { isAccountError } from "../aws/errors.js";
import { needsSecret, type OpArgs, type OpName, type OpSecret, receiptOf, recorded, type SecretOpName, write, type Write } from "../aws/operations.js";
import { partitionOf } from "../aws/partition.js";
import { sameJson, targetIsRight, topicArnFor, topicPolicyIsRight } from "./alert-shapes.js";
import { policyPhrase, samePolicy } from "./password-policy.js";
import { connectionIsReady, webhookTargetIsRight } from "./webhook-shapes.js";
import type { ApiAction, Evidence, StepContext } from "./types.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

interface ReadBack<K extends OpName> {
  holds: (ctx: StepContext, args: OpArgs<K>) => Promise<boolean>;
  /** Where the read-back reads (the evidence's source). */
  source: string;
  /** What the read showed once the change holds. */
  shows: (args: OpArgs<K>) => Phrase;
  undo?: (args: OpArgs<K>) => Write;
}

/** A change as data, never a secret: "iam:CreateUser(UserName=alice)" (the journal's parameters). */
export function describeMade(w: Write): string {
  const { call, params } = recorded(w);
  return `${call}(${Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ")})`;
}

/** The admin identity's evidence line: the change, "in place". */
const inPlace =
  <K extends OpName>(op: K) =>
  (args: OpArgs<K>) =>
    phrase("inPlace", describeMade(write(op, args)));
/** The alerts' evidence line: what was set up, "as planned". */
const asPlanned = (what: string) => phrase("asPlanned", what);

const group = (ctx: StepContext, name: string) => ctx.account.getGroup(name);
/** The webhook's API destination, read back by digest: the URL AWS answers never leaves the adapter (aws/webhook.ts). */
const destinationHolds = async (ctx: StepContext, a: OpArgs<"createApiDestination">) => {
  const [d, c] = await Promise.all([ctx.account.getApiDestination(a.name), ctx.account.getConnection(a.connection)]);
  return !!d && !!c && d.endpoint.digest === a.endpoint.digest && d.httpMethod === "POST" && d.connectionArn === c.arn;
};
const unassigned = (ctx: StepContext) => ctx.account.listVirtualMfaDevices("Unassigned");
const keys = (ctx: StepContext) => ctx.account.listRootAccessKeys();

export const READ_BACKS: { [K in OpName]: ReadBack<K> | null } = {
  updateRootAccessKey: {
    holds: async (ctx, a) => (await keys(ctx)).some((k) => k.id === a.keyId && k.status === a.status),
    source: "iam:ListAccessKeys",
    shows: (a) => phrase("keyStatus", a.keyId, phrase(a.status === "Active" ? "active" : "inactive")),
  },
  deleteRootAccessKey: {
    holds: async (ctx, a) => {
      try {
        return !(await keys(ctx)).some((k) => k.id === a.keyId);
      } catch (error) {
        // After the deletion of the key this session signs with failed without an answer, AWS refusing that key
        // is the answer: it is gone (and nothing more can be read with it).
        if (a.keyId === ctx.caller.accessKeyId && isAccountError(error, "InvalidClientTokenId")) return true;
        throw error;
      }
    },
    source: "iam:ListAccessKeys",
    shows: (a) => phrase("absent", a.keyId),
  },
  deleteVirtualMfaDevice: {
    holds: async (ctx, a) => !(await unassigned(ctx)).some((d) => d.serialNumber === a.serialNumber),
    source: "iam:ListVirtualMFADevices",
    shows: (a) => phrase("absent", a.serialNumber),
  },
  createVirtualMfaDevice: {
    holds: async (ctx, a) => {
      const serial = `arn:${partitionOf(ctx.caller.arn)}:iam::${ctx.caller.accountId}:mfa/${a.name}`;
      return (await ctx.account.listVirtualMfaDevices("Any")).some((d) => d.serialNumber === serial);
    },
    source: "iam:ListVirtualMFADevices",
    shows: (a) => phrase("present", a.name),
  },
  enableMfaDevice: {
    holds: async (ctx, a) => (await ctx.account.listUserMfaDevices(a.userName)).some((d) => d.serialNumber === a.serialNumber),
    source: "iam:ListMFADevices",
    shows: (a) => phrase("enabled", a.userName, a.serialNumber),
  },
  updatePasswordPolicy: {
    holds: async (ctx, a) => samePolicy(await ctx.account.getPasswordPolicy(), a.policy),
    source: "iam:GetAccountPasswordPolicy",
    shows: (a) => policyPhrase(a.policy),
  },

  createGroup: {
    holds: async (ctx, a) => (await group(ctx, a.groupName)) !== undefined,
    source: "iam:GetGroup",
    shows: inPlace("createGroup"),
    undo: (a) => write("deleteGroup", a),
  },
  attachGroupPolicy: {
    holds: async (ctx, a) => (await group(ctx, a.groupName)) !== undefined && (await ctx.account.listAttachedGroupPolicies(a.groupName)).includes(a.policyArn),
    source: "iam:ListAttachedGroupPolicies",
    shows: inPlace("attachGroupPolicy"),
    undo: (a) => write("detachGroupPolicy", a),
  },
  createUser: {
    holds: (ctx, a) => ctx.account.userExists(a.userName),
    source: "iam:GetUser",
    shows: inPlace("createUser"),
    undo: (a) => write("deleteUser", a),
  },
  addUserToGroup: {
    holds: async (ctx, a) => (await group(ctx, a.groupName))?.members.includes(a.userName) ?? false,
    source: "iam:GetGroup",
    shows: inPlace("addUserToGroup"),
    undo: (a) => write("removeUserFromGroup", a),
  },
  createLoginProfile: {
    holds: async (ctx, a) => (await ctx.account.getLoginProfile(a.userName)) !== undefined,
    source: "iam:GetLoginProfile",
    shows: inPlace("createLoginProfile"),
    undo: (a) => write("deleteLoginProfile", { userName: a.userName }),
  },
  // The removals: each holds when what it removes is gone.
  deleteLoginProfile: {
    holds: async (ctx, a) => (await ctx.account.getLoginProfile(a.userName)) === undefined,
    source: "iam:GetLoginProfile",
    shows: (a) => phrase("noLoginProfile", a.userName),
  },
  removeUserFromGroup: {
    holds: async (ctx, a) => !((await group(ctx, a.groupName))?.members.includes(a.userName) ?? false),
    source: "iam:GetGroup",
    shows: (a) => phrase("notInGroup", a.userName, a.groupName),
  },
  deleteUser: {
    holds: async (ctx, a) => !(await ctx.account.userExists(a.userName)),
    source: "iam:GetUser",
    shows: (a) => phrase("absent", a.userName),
  },
  detachGroupPolicy: {
    holds: async (ctx, a) => (await group(ctx, a.groupName)) === undefined || !(await ctx.account.listAttachedGroupPolicies(a.groupName)).includes(a.policyArn),
    source: "iam:ListAttachedGroupPolicies",
    shows: (a) => phrase("notAttached", a.policyArn, a.groupName),
  },
  deleteGroup: {
    holds: async (ctx, a) => (await group(ctx, a.groupName)) === undefined,
    source: "iam:GetGroup",
    shows: (a) => phrase("absent", a.groupName),
  },

  createTopic: {
    holds: async (ctx, a) => !!(await ctx.account.getTopic(topicArnFor(partitionOf(ctx.caller.arn), ctx.caller.accountId, a.name))),
    source: "sns:CreateTopic",
    shows: (a) => asPlanned(a.name),
  },
  setTopicPolicy: {
    holds: async (ctx, a) => topicPolicyIsRight((await ctx.account.getTopic(a.topicArn))?.policy, a.topicArn, ctx.caller.accountId),
    source: "sns:SetTopicAttributes",
    shows: (a) => asPlanned(a.topicArn),
  },
  subscribeEmail: {
    holds: async (ctx, a) => (await ctx.account.listSubscriptions(a.topicArn)).some((s) => s.endpoint === a.email),
    source: "sns:Subscribe",
    shows: (a) => asPlanned(a.email),
  },
  // A message sent leaves nothing to read: only a confirmed address's owner sees it arrive.
  publish: null,
  putEventRule: {
    holds: async (ctx, a) => {
      const rule = await ctx.account.getEventRule(a.name);
      return !!rule && rule.state === a.state && sameJson(rule.pattern, JSON.parse(a.pattern) as object);
    },
    source: "events:PutRule",
    shows: (a) => asPlanned(a.name),
  },
  putRuleTarget: {
    holds: async (ctx, a) =>
      targetIsRight(
        (await ctx.account.getEventRule(a.rule))?.targets.find((t) => t.id === a.target.id),
        a.target,
      ),
    source: "events:PutTargets",
    shows: (a) => asPlanned(a.rule),
  },
  createBucket: {
    holds: async (ctx, a) => (await ctx.account.getBucket(a.bucket, ctx.caller.accountId)).exists,
    source: "s3:CreateBucket",
    shows: (a) => asPlanned(a.bucket),
  },
  putBucketPolicy: {
    holds: async (ctx, a) => sameJson((await ctx.account.getBucket(a.bucket, ctx.caller.accountId)).policy, JSON.parse(a.policy) as object),
    source: "s3:PutBucketPolicy",
    shows: (a) => asPlanned(a.bucket),
  },
  createTrail: {
    holds: async (ctx, a) => (await ctx.account.listTrails()).some((t) => t.name === a.name),
    source: "cloudtrail:CreateTrail",
    shows: (a) => asPlanned(a.name),
  },
  startLogging: {
    holds: async (ctx, a) => (await ctx.account.listTrails()).some((t) => t.name === a.name && t.logging),
    source: "cloudtrail:StartLogging",
    shows: (a) => asPlanned(a.name),
  },

  // The webhook (issue 16). A connection counts once AUTHORIZED (EventBridge can sign with it), not merely made.
  createConnection: {
    holds: async (ctx, a) => connectionIsReady(await ctx.account.getConnection(a.name)),
    source: "events:DescribeConnection",
    shows: (a) => asPlanned(a.name),
    undo: (a) => write("deleteConnection", { name: a.name }),
  },
  createApiDestination: {
    holds: destinationHolds,
    source: "events:DescribeApiDestination",
    shows: (a) => asPlanned(`${a.name} → ${a.endpoint.mask}`),
    undo: (a) => write("deleteApiDestination", { name: a.name }),
  },
  // A changed URL put back: undone, the destination goes (the URL it had before is not rootlock's to restore).
  updateApiDestination: {
    holds: destinationHolds,
    source: "events:DescribeApiDestination",
    shows: (a) => asPlanned(`${a.name} → ${a.endpoint.mask}`),
    undo: (a) => write("deleteApiDestination", { name: a.name }),
  },
  createWebhookRole: {
    holds: async (ctx, a) => (await ctx.account.getRole(a.roleName)) !== undefined,
    source: "iam:GetRole",
    shows: (a) => asPlanned(a.roleName),
    undo: (a) => write("deleteWebhookRole", { roleName: a.roleName }),
  },
  updateWebhookRoleTrust: {
    holds: async (ctx, a) => sameJson((await ctx.account.getRole(a.roleName))?.trustPolicy, JSON.parse(a.trustPolicy) as object),
    source: "iam:GetRole",
    shows: (a) => asPlanned(a.roleName),
  },
  putWebhookRolePolicy: {
    holds: async (ctx, a) => sameJson(await ctx.account.getRolePolicy(a.roleName, a.policyName), JSON.parse(a.policy) as object),
    source: "iam:GetRolePolicy",
    shows: (a) => asPlanned(`${a.roleName}/${a.policyName}`),
    undo: (a) => write("deleteWebhookRolePolicy", { roleName: a.roleName, policyName: a.policyName }),
  },
  putWebhookTarget: {
    holds: async (ctx, a) => {
      const [rule, destination] = await Promise.all([ctx.account.getEventRule(a.rule), ctx.account.getApiDestination(a.destination)]);
      return webhookTargetIsRight(
        rule?.targets.find((t) => t.id === a.id),
        a,
        destination?.arn,
      );
    },
    source: "events:ListTargetsByRule",
    shows: (a) => asPlanned(`${a.rule} → ${a.destination}`),
    undo: (a) => write("removeWebhookTarget", { rule: a.rule, id: a.id }),
  },
  // An event put leaves nothing to read: only the channel's readers see the message arrive.
  putTestEvent: null,
  // The removals: each holds when what it removes is gone.
  removeWebhookTarget: {
    holds: async (ctx, a) => !(await ctx.account.getEventRule(a.rule))?.targets.some((t) => t.id === a.id),
    source: "events:ListTargetsByRule",
    shows: (a) => phrase("absent", `${a.rule}/${a.id}`),
  },
  deleteWebhookRolePolicy: {
    holds: async (ctx, a) => (await ctx.account.getRolePolicy(a.roleName, a.policyName)) === undefined,
    source: "iam:GetRolePolicy",
    shows: (a) => phrase("absent", `${a.roleName}/${a.policyName}`),
  },
  deleteWebhookRole: {
    holds: async (ctx, a) => (await ctx.account.getRole(a.roleName)) === undefined,
    source: "iam:GetRole",
    shows: (a) => phrase("absent", a.roleName),
  },
  deleteApiDestination: {
    holds: async (ctx, a) => (await ctx.account.getApiDestination(a.name)) === undefined,
    source: "events:DescribeApiDestination",
    shows: (a) => phrase("absent", a.name),
  },
  deleteConnection: {
    holds: async (ctx, a) => (await ctx.account.getConnection(a.name)) === undefined,
    source: "events:DescribeConnection",
    shows: (a) => phrase("absent", a.name),
  },
};

/** The entry of a write's op, with its args (TypeScript cannot correlate a union's op and args by itself). */
function readBackOf(w: Write): { entry: ReadBack<OpName> | null; args: never } {
  return { entry: READ_BACKS[w.op] as ReadBack<OpName> | null, args: w.args as never };
}

/** One read: does AWS already show this change? False for a change nothing can read back. */
export async function actionHolds(ctx: StepContext, w: Write): Promise<boolean> {
  const { entry, args } = readBackOf(w);
  return entry ? entry.holds(ctx, args) : false;
}

/** Reads one change back, waiting out IAM's (and SNS's, EventBridge's) eventual consistency: its evidence, or undefined. */
export async function confirmAction(ctx: StepContext, w: Write, hooks?: WaitHooks): Promise<Evidence | undefined> {
  const { entry, args } = readBackOf(w);
  if (!entry) return undefined;
  const result = await waitUntil(
    ctx,
    () => entry.holds(ctx, args),
    (held) => held,
    iamWait(ctx, hooks),
  );
  return result.met ? { source: entry.source, ...reads(entry.shows(args)), at: ctx.now() } : undefined;
}

/** The evidence that a change was removed (after its undo held): where it was read, and the change "removed". */
export function removedEvidence(ctx: StepContext, w: Write): Evidence {
  const { entry } = readBackOf(w);
  return { source: entry?.source ?? recorded(w).call, ...reads(phrase("removed", describeMade(w))), at: ctx.now() };
}

/** The write that undoes `w`; undefined for a change no step removes. */
export function undoOf(w: Write): Write | undefined {
  const { entry, args } = readBackOf(w);
  return entry?.undo?.(args);
}

/** Where each secret comes from, when a step sends a write that takes one: asked only at the moment of sending. */
export type SecretSources = { [K in SecretOpName]?: () => Promise<OpSecret<K>> };

/**
 * Sends a planned change through the port, with its secret when its op takes one (from `secrets`, asked only now),
 * and answers its receipt.
 */
export async function sendAction(account: Account, action: ApiAction | Write, secrets: SecretSources = {}): Promise<WriteReceipt> {
  const w: Write = { op: action.op, args: action.args } as Write;
  // The one untyped edge: an op known only at run time meets `send`, whose secret argument depends on the op.
  const send = account.send.bind(account) as (w: Write, ...secret: unknown[]) => Promise<WriteReceipt | { receipt: WriteReceipt }>;
  if (!needsSecret(w.op)) return receiptOf(await send(w));
  const source = secrets[w.op] as (() => Promise<unknown>) | undefined;
  if (!source) throw new Error(`${recorded(w).call} needs a secret that was not supplied`);
  return receiptOf(await send(w, await source()));
}
