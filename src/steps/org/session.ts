// One member account's root session: minted just before use (AssumeRoot with a short DurationSeconds), retried
// with jittered backoff when AWS throttles (each throttle also halves the pool), minted again once if it expired
// before its work was done, and every failure named (an SCP's denial, a disabled region, throttling after retries).
import { ROOT_SESSION_SECONDS, type MemberRoot, type RootTask, taskPolicyArn } from "../../aws/org.js";
import { isOrgError, OrgError } from "../../aws/org-errors.js";
import { scpEffectOnRoot } from "../../aws/scp.js";
import type { AdaptiveLimit } from "./pool.js";
import type { AccountResult, Evidence, EvidenceSaid, OrgDeps, OrgFailure } from "./types.js";
import { orgEn, type OrgMessages } from "../../i18n/org-en.js";

/** Attempts per call when AWS answers Throttling, the first included. */
export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

/** "Equal jitter" backoff: half the exponential delay, plus a random part of the other half. */
export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** The account's running record: its evidence and its retries. */
export type Tally = Pick<AccountResult, "evidence" | "retries">;

/** An answer's words: the phrase in the words given (English, the evidence's stable text, by default). */
export function sayEvidence(said: EvidenceSaid, words: OrgMessages["evidence"] = orgEn.evidence): string {
  return said.key === "found" ? words.found(said.password, said.accessKeys, said.mfaDevices, said.certificates) : words[said.key];
}

/** One line of evidence: `result` is an error code as AWS gave it, or a phrase (kept, and said in English). */
export function note(deps: OrgDeps, tally: Tally, kind: Evidence["kind"], call: string, result: string | EvidenceSaid, accountId: string): void {
  const evidence: Evidence =
    typeof result === "string"
      ? { at: deps.now().toISOString(), kind, call, result }
      : { at: deps.now().toISOString(), kind, call, result: sayEvidence(result), said: result };
  tally.evidence.push(evidence);
  deps.journal?.(accountId, evidence);
}

/** Runs `call`, retrying Throttling with backoff; each throttle tells the pool. */
export async function retryingThrottles<R>(deps: OrgDeps, limit: AdaptiveLimit, tally: Tally, call: () => Promise<R>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const ticket = limit.ticket();
    try {
      const result = await call();
      limit.succeeded();
      return result;
    } catch (error) {
      if (!isOrgError(error, "Throttling") || attempt + 1 >= MAX_ATTEMPTS) throw error;
      limit.throttled(ticket);
      tally.retries++;
      await deps.sleep(backoffMs(attempt, deps.random));
    }
  }
}

const assumeRootCall = (accountId: string, task: RootTask) =>
  `sts:AssumeRoot(TargetPrincipal=${accountId}, TaskPolicyArn=${taskPolicyArn(task)}, DurationSeconds=${ROOT_SESSION_SECONDS})`;

/**
 * Opens a session for `task` in the account and runs `use` in it. A session that expired before its work was
 * done (ExpiredToken) is minted again, once; `work` must therefore be safe to run twice (reads are; a deletion's
 * NoSuchEntity means already gone).
 */
export async function inSession<R>(
  deps: OrgDeps,
  limit: AdaptiveLimit,
  tally: Tally,
  accountId: string,
  task: RootTask,
  work: (root: MemberRoot) => Promise<R>,
): Promise<R> {
  for (let mint = 0; ; mint++) {
    const root = await retryingThrottles(deps, limit, tally, () => deps.org.assumeRoot(accountId, task, ROOT_SESSION_SECONDS)).catch((error: unknown) => {
      note(deps, tally, "read", assumeRootCall(accountId, task), codeOf(error), accountId);
      throw error;
    });
    note(deps, tally, "read", assumeRootCall(accountId, task), { key: "ok" }, accountId);
    try {
      return await work(root);
    } catch (error) {
      if (!isOrgError(error, "ExpiredToken") || mint > 0) throw error;
      note(deps, tally, "read", "(session)", { key: "minted" }, accountId);
    }
  }
}

export function codeOf(error: unknown): string {
  return error instanceof OrgError ? error.code : "Unknown";
}

/** A failure, named: for an SCP's denial, with the SCPs above the account (their documents when readable). */
export async function failureOf(deps: OrgDeps, accountId: string, error: unknown): Promise<OrgFailure> {
  if (!(error instanceof OrgError)) return { reason: "other", code: "Unknown", action: "unknown" };
  const { code, action } = error;
  if (code === "AccessDenied" && error.deniedBy === "scp") {
    const scps = await deps.org.scpsFor(accountId).catch(() => []);
    return {
      reason: "scp",
      code,
      action,
      scps: scps.map((p) => ({ ...p, effect: p.document ? scpEffectOnRoot(p.document, accountId) : "unknown" })),
    };
  }
  const reason =
    code === "RegionDisabled"
      ? "region-disabled"
      : code === "Throttling"
        ? "throttled"
        : code === "ExpiredToken"
          ? "expired"
          : code === "AccessDenied"
            ? "access-denied"
            : "other";
  return { reason, code, action };
}
