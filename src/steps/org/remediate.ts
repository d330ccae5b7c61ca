// Removing what should not exist from member roots, then proving it.
//
// The plan of an account is data (RootWrite[]), shown as the exact calls before anything is sent. It is sent in one
// AssumeRoot session scoped to IAMDeleteRootUserCredentials, in the order the issue gives: DeleteAccessKey (this task
// policy allows no UpdateAccessKey, so keys are deleted, never deactivated first), DeleteSigningCertificate,
// DeactivateMFADevice then DeleteVirtualMFADevice for a virtual device (only where the task policy's document allows
// it: the engine reads it), DeleteLoginProfile. NoSuchEntity means already gone. Then a second session, with the
// audit policy, reads the root again: the account is "verified credential-less" only when that read shows nothing.
import { holdsNothing, type RootCredentials } from "../../aws/org.js";
import { isOrgError } from "../../aws/org-errors.js";
import { callText, rootWrite, type RootWrite, shownRootCall } from "../../aws/org-operations.js";
import { readCredentials } from "./audit.js";
import { taskPolicyAllows } from "../../aws/task-policy.js";
import { AdaptiveLimit, runPool } from "./pool.js";
import { codeOf, failureOf, inSession, note, retryingThrottles, type Tally } from "./session.js";
import type { AccountResult, OrgDeps } from "./types.js";
import type { RunHooks } from "./audit.js";

export const DELETE_VIRTUAL_MFA = "iam:DeleteVirtualMFADevice";

/**
 * An account's plan. `deleteTaskDocument`: the IAMDeleteRootUserCredentials document; a virtual device is deleted
 * after its deactivation only if the document allows DeleteVirtualMFADevice on the device's ARN (AWS's own version
 * does not: see task-policy.ts), else it is left deactivated and unassigned, which no one can sign in with.
 */
export function planFor(c: RootCredentials, deleteTaskDocument: string): RootWrite[] {
  const canDeleteDevice = (serial: string) => taskPolicyAllows(deleteTaskDocument, DELETE_VIRTUAL_MFA, serial);
  return [
    ...c.accessKeys.map((k) => rootWrite("deleteAccessKey", { keyId: k.id })),
    ...c.certificates.map((cert) => rootWrite("deleteSigningCertificate", { certificateId: cert.id })),
    ...c.mfaDevices.flatMap((d) => [
      rootWrite("deactivateMfaDevice", { serialNumber: d.serialNumber }),
      ...(d.virtual && canDeleteDevice(d.serialNumber) ? [rootWrite("deleteVirtualMfaDevice", { serialNumber: d.serialNumber })] : []),
    ]),
    ...(c.password ? [rootWrite("deleteLoginProfile", {})] : []),
  ];
}

export interface AccountPlan {
  result: AccountResult;
  writes: RootWrite[];
}

/** The plans for every account that holds something, in the table's order. */
export function plansFor(results: readonly AccountResult[], deleteTaskDocument: string): AccountPlan[] {
  return results
    .filter((r) => r.state === "holds" && r.credentials)
    .map((result) => ({ result, writes: planFor(result.credentials as RootCredentials, deleteTaskDocument) }))
    .filter((p) => p.writes.length > 0);
}

/** Sends one write; NoSuchEntity is "already gone", an answer, not a failure. */
async function sendOne(deps: OrgDeps, limit: AdaptiveLimit, tally: Tally, send: () => Promise<void>, call: string, accountId: string): Promise<void> {
  try {
    await retryingThrottles(deps, limit, tally, send);
    note(deps, tally, "write", call, { key: "ok" }, accountId);
  } catch (error) {
    if (isOrgError(error, "NoSuchEntity")) {
      note(deps, tally, "write", call, { key: "gone" }, accountId);
      return;
    }
    note(deps, tally, "write", call, codeOf(error), accountId);
    throw error;
  }
}

export async function remediateAccount(deps: OrgDeps, limit: AdaptiveLimit, plan: AccountPlan): Promise<AccountResult> {
  const { account } = plan.result;
  const tally: Tally = { evidence: [...plan.result.evidence], retries: plan.result.retries };
  try {
    await inSession(deps, limit, tally, account.id, "IAMDeleteRootUserCredentials", async (root) => {
      for (const w of plan.writes) await sendOne(deps, limit, tally, () => root.send(w), callText(shownRootCall(w)), account.id);
    });
    const after = await readCredentials(deps, limit, tally, account.id, "read-back");
    return { account, state: holdsNothing(after) ? "verified" : "still-holds", credentials: after, ...tally };
  } catch (error) {
    return { account, state: "failed", credentials: plan.result.credentials, failure: await failureOf(deps, account.id, error), ...tally };
  }
}

/** Runs the approved plans in the adaptive pool (one confirmation was given for the whole set, or each on request). */
export async function remediateAccounts(
  deps: OrgDeps,
  plans: readonly AccountPlan[],
  hooks: RunHooks = {},
): Promise<{ results: AccountResult[]; notStarted: AccountPlan[] }> {
  const limit = hooks.limit ?? new AdaptiveLimit();
  const run = await runPool(
    plans,
    async (plan) => {
      const result = await remediateAccount(deps, limit, plan);
      hooks.onResult?.(result);
      return result;
    },
    limit,
    hooks.stopped,
  );
  return { results: run.results.filter((r): r is AccountResult => r !== undefined), notStarted: plans.filter((_, i) => run.results[i] === undefined) };
}

/** The read of the delete task policy's document, for the plan (which writes the session may send). */
export function deleteTaskDocument(deps: OrgDeps): Promise<string> {
  return deps.org.taskPolicyDocument("IAMDeleteRootUserCredentials");
}
