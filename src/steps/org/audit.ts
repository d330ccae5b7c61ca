// The audit of every member root: one AssumeRoot session (IAMAuditRootUserCredentials) per account, then, with no
// UserName, GetLoginProfile, ListAccessKeys (+ GetAccessKeyLastUsed), ListMFADevices, ListSigningCertificates.
// The management account is skipped (AssumeRoot cannot target it: the wizard is for it), and so is every account
// that is not ACTIVE.
import { holdsNothing, type OrgAccount, type RootCredentials } from "../../aws/org.js";
import { AdaptiveLimit, runPool } from "./pool.js";
import { codeOf, failureOf, inSession, note, retryingThrottles, type Tally } from "./session.js";
import type { AccountResult, EvidenceSaid, OrgDeps } from "./types.js";

/** The audit's reads, as the evidence names them. */
export const AUDIT_READS = "iam:GetLoginProfile, iam:ListAccessKeys, iam:GetAccessKeyLastUsed, iam:ListMFADevices, iam:ListSigningCertificates";

/** What a read found, as the evidence says it ("password: no, access keys: 2, MFA devices: 1, signing certificates: 0"). */
export function found(c: RootCredentials): EvidenceSaid {
  return { key: "found", password: c.password, accessKeys: c.accessKeys.length, mfaDevices: c.mfaDevices.length, certificates: c.certificates.length };
}

/** The reads of one session, retried when throttled. */
export function readCredentials(deps: OrgDeps, limit: AdaptiveLimit, tally: Tally, accountId: string, kind: "read" | "read-back"): Promise<RootCredentials> {
  return inSession(deps, limit, tally, accountId, "IAMAuditRootUserCredentials", async (root) => {
    try {
      const credentials = await retryingThrottles(deps, limit, tally, () => root.credentials());
      note(deps, tally, kind, AUDIT_READS, found(credentials), accountId);
      return credentials;
    } catch (error) {
      note(deps, tally, kind, AUDIT_READS, codeOf(error), accountId);
      throw error;
    }
  });
}

export async function auditAccount(deps: OrgDeps, limit: AdaptiveLimit, account: OrgAccount, managementId: string): Promise<AccountResult> {
  const tally: Tally = { evidence: [], retries: 0 };
  if (account.id === managementId) return { account, state: "skipped", skip: "management", ...tally };
  if (account.state !== "ACTIVE") return { account, state: "skipped", skip: "not-active", ...tally };
  try {
    const credentials = await readCredentials(deps, limit, tally, account.id, "read");
    return { account, state: holdsNothing(credentials) ? "credential-less" : "holds", credentials, ...tally };
  } catch (error) {
    return { account, state: "failed", failure: await failureOf(deps, account.id, error), ...tally };
  }
}

export interface RunHooks {
  /** Called as each account finishes (the screen's table, the journal). */
  onResult?: (result: AccountResult) => void;
  /** Asked before each account starts: true stops the run cleanly (Ctrl-C). */
  stopped?: () => boolean;
  limit?: AdaptiveLimit;
}

export interface AuditRun {
  results: AccountResult[];
  /** Accounts never started because the run was stopped. */
  notStarted: OrgAccount[];
  poolSizes: number[];
}

export async function auditAccounts(deps: OrgDeps, accounts: readonly OrgAccount[], managementId: string, hooks: RunHooks = {}): Promise<AuditRun> {
  const limit = hooks.limit ?? new AdaptiveLimit();
  const run = await runPool(
    accounts,
    async (account) => {
      const result = await auditAccount(deps, limit, account, managementId);
      hooks.onResult?.(result);
      return result;
    },
    limit,
    hooks.stopped,
  );
  return {
    results: run.results.filter((r): r is AccountResult => r !== undefined),
    notStarted: accounts.filter((_, i) => run.results[i] === undefined),
    poolSizes: limit.history,
  };
}
