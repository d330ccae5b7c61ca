// Root access keys (CIS 1.4 / IAM.4): find them, show their last use, deactivate, then delete, and verify
// from IAM that none is left. An inactive key still counts as present, so deactivation alone is not done.
//
// Two roads, chosen by the caller:
// - root's own long-term key: rootlock calls UpdateAccessKey / DeleteAccessKey itself. The key it signs
//   with goes last (deleting it ends the session), and AWS rejecting it afterwards is the proof.
// - any other identity (the recommended way), and root with temporary credentials (`aws login`,
//   GetSessionToken: IAM refuses the key calls without UserName from a session, and root has no user name):
//   the operator does it in the console, and rootlock polls the account summary until no key is present.
import { phrase, reads } from "./said.js";
import type { AccessKey, AccessKeyLastUse, AccessKeyStatus, WriteReceipt } from "../aws/account.js";
import { isRootSession, signsWithRootKey } from "../aws/account.js";
import { isAccountError } from "../aws/errors.js";
import { isOp } from "../aws/operations.js";
import { actionHolds, confirmAction, sendAction } from "./read-backs.js";
import type { Action, ApiAction, Evidence, StepContext, Verdict } from "./types.js";
import { apiAction, verdict } from "./types.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

export interface RootKeyView {
  /** Known with root credentials; the credential report (the other road) names only slots 1 and 2. */
  id?: string;
  slot?: 1 | 2;
  status: AccessKeyStatus;
  createdAt?: Date;
  lastUsed?: AccessKeyLastUse;
  /** The key this very session signs with. */
  signing: boolean;
}

export interface RootKeysFinding {
  /** GetAccountSummary's AccountAccessKeysPresent. */
  present: boolean;
  how: "api" | "console";
  /** The console road because the caller is root with temporary credentials: the screens say why. */
  rootSession?: boolean;
  keys: RootKeyView[];
  /** When the keys came from the credential report: how old that report is (it may be up to 4 hours). */
  reportGeneratedAt?: Date;
  evidence: Evidence[];
}

export async function inspectRootKeys(ctx: StepContext): Promise<RootKeysFinding> {
  const summary = await ctx.account.getRootSummary();
  const evidence: Evidence[] = [{ source: "iam:GetAccountSummary", read: `AccountAccessKeysPresent=${summary.accountAccessKeysPresent ? 1 : 0}`, at: ctx.now() }];
  if (signsWithRootKey(ctx.caller)) {
    const keys = await ctx.account.listRootAccessKeys();
    evidence.push({ source: "iam:ListAccessKeys", ...reads(phrase("keyCount", String(keys.length))), at: ctx.now() });
    return { present: summary.accountAccessKeysPresent, how: "api", keys: keys.map((k) => fromApi(k, ctx.caller.accessKeyId)), evidence };
  }
  const rootSession = isRootSession(ctx.caller) ? { rootSession: true } : {};
  if (!summary.accountAccessKeysPresent) return { present: false, how: "console", ...rootSession, keys: [], evidence };
  // Without root credentials the credential report is the only place that shows root's keys and their use.
  const report = await ctx.account.getRootCredentialReport();
  evidence.push({ source: "iam:GetCredentialReport", ...reads(phrase("keySlots", String(report.keys.length))), at: ctx.now() });
  const keys = report.keys.map((k) => ({
    slot: k.slot,
    status: (k.active ? "Active" : "Inactive") as AccessKeyStatus,
    createdAt: k.lastRotated,
    lastUsed: k.lastUsed,
    signing: false,
  }));
  return { present: true, how: "console", ...rootSession, keys, reportGeneratedAt: report.generatedAt, evidence };
}

function fromApi(key: AccessKey, signingKeyId: string | undefined): RootKeyView {
  return { id: key.id, status: key.status, createdAt: key.createdAt, lastUsed: key.lastUsed, signing: key.id === signingKeyId };
}

/**
 * The changes, in order: each other key deactivated then deleted; the signing key deleted last and on its
 * own (deactivating it first would lock rootlock out before it could delete it).
 */
export function planRootKeys(finding: RootKeysFinding): Action[] {
  if (!finding.present && finding.keys.length === 0) return [];
  if (finding.how === "console") {
    return finding.keys.flatMap((k): Action[] => [
      ...(k.status === "Active" ? [{ by: "operator", where: "console", task: "deactivate-root-key", slot: k.slot } as const] : []),
      { by: "operator", where: "console", task: "delete-root-key", slot: k.slot },
    ]);
  }
  const others = finding.keys.filter((k) => !k.signing);
  const signing = finding.keys.filter((k) => k.signing);
  return [
    ...others.flatMap((k): ApiAction[] => [...(k.status === "Active" ? [updateKey(k.id!, "Inactive")] : []), deleteKey(k.id!)]),
    ...signing.map((k) => deleteKey(k.id!)),
  ];
}

const updateKey = (keyId: string, status: AccessKeyStatus): ApiAction => apiAction("updateRootAccessKey", { keyId, status });
const deleteKey = (keyId: string): ApiAction => apiAction("deleteRootAccessKey", { keyId });

/** True for the one action that deletes the key this session signs with: it is confirmed twice. */
export function isSigningKeyDeletion(action: Action, finding: RootKeysFinding): boolean {
  return action.by === "rootlock" && isOp(action, "deleteRootAccessKey") && finding.keys.some((k) => k.signing && k.id === action.args.keyId);
}

export function applyRootKeyAction(ctx: StepContext, action: ApiAction): Promise<WriteReceipt> {
  return sendAction(ctx.account, action);
}

/**
 * One read: does IAM already show this change? Asked before a retry, so a deletion is never sent twice. After the
 * deletion of the signing key failed without an answer, AWS refusing that key counts as its being gone (read-backs.ts).
 */
export function rootKeyActionHolds(ctx: StepContext, action: ApiAction): Promise<boolean> {
  return actionHolds(ctx, action);
}

/**
 * Reads back one API change (the key shows the new status, or is gone) before the next is offered, so a
 * deletion is never asked for on a key whose deactivation AWS has not confirmed.
 */
export function confirmRootKeyAction(ctx: StepContext, action: ApiAction, hooks?: WaitHooks): Promise<Evidence | undefined> {
  return confirmAction(ctx, action, hooks);
}

/** The independent read for the whole step: the summary shows no root key (and, with root's key, the list agrees). */
export async function verifyRootKeys(ctx: StepContext, hooks?: WaitHooks): Promise<Verdict> {
  const result = await waitUntil(
    ctx,
    () => ctx.account.getRootSummary(),
    (s) => !s.accountAccessKeysPresent,
    iamWait(ctx, hooks),
  );
  const evidence: Evidence[] = [{ source: "iam:GetAccountSummary", read: `AccountAccessKeysPresent=${result.last?.accountAccessKeysPresent ? 1 : 0}`, at: ctx.now() }];
  if (result.met) return verdict("verified", "read-back-confirms", evidence);
  return verdict("unverified", result.aborted ? "operator-moved-on" : "still-present", evidence);
}

/**
 * After the signing key is deleted, the proof is AWS refusing it. IAM takes a few seconds to propagate,
 * so calls may still succeed for a while: keep asking until InvalidClientTokenId.
 */
export async function verifySigningKeyRejected(ctx: StepContext, hooks?: WaitHooks): Promise<Verdict> {
  const rejected = await waitUntil(
    ctx,
    async () => {
      try {
        await ctx.account.getCaller();
        return false;
      } catch (error) {
        if (isAccountError(error, "InvalidClientTokenId")) return true;
        throw error;
      }
    },
    (r) => r,
    iamWait(ctx, hooks),
  );
  const evidence: Evidence[] = [{ source: "sts:GetCallerIdentity", ...reads(phrase(rejected.met ? "keyRejected" : "keyAccepted")), at: ctx.now() }];
  if (rejected.met) return verdict("verified", "read-back-confirms", evidence);
  return verdict("unverified", rejected.aborted ? "operator-moved-on" : "key-still-accepted", evidence);
}

/** With root's key, the step is verified when the other keys are gone (list) and the signing key is rejected. */
export function alreadyCompliant(finding: RootKeysFinding): boolean {
  return !finding.present && finding.keys.length === 0;
}
