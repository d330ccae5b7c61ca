// How a `rootlock org` run ended, as data: done only when every account it covered is credential-less by AWS's own
// read (the audit's, or the read-back after the removal); otherwise which accounts are not, why, what would fix it,
// and which accounts to run again. The screen's end and the evidence report say it from here (org-text.ts), so the
// two never disagree. Plain data: no Ink, no words.
import type { AccountResult, FailureReason, ScpSeen } from "./types.js";

export interface RunEnd {
  /** Every account covered (not skipped) is credential-less, read from AWS, and none was left unstarted. */
  done: boolean;
  /** The removal's read-back shows nothing left. */
  verified: number;
  /** The audit found nothing to remove. */
  already: number;
  /** Could not be audited or changed: AWS refused or failed (the reason is in each one's failure). */
  failed: AccountResult[];
  /** The calls were sent, but the read afterwards still shows credentials. */
  stillHolds: AccountResult[];
  /** Hold credentials and nothing was sent for them (the plan, or its account, was declined). */
  notRemoved: AccountResult[];
  /** Never started (the run was stopped). */
  notStarted: string[];
  /** Not covered: the management account (AssumeRoot cannot target it), accounts not ACTIVE. */
  skipped: AccountResult[];
  /** The failures' reasons, each with how many accounts, in the order first met. */
  reasons: { reason: FailureReason; count: number; actions: string[] }[];
  /** The SCPs above the accounts an SCP denied, once each (an SCP that blocks AssumeRoot's work is what to fix). */
  scps: ScpSeen[];
  /** The accounts to run again, in the order listed: failed, still holding, not removed, not started. */
  again: string[];
}

export function runEnd(results: readonly AccountResult[], notStarted: readonly string[] = []): RunEnd {
  const of = (state: AccountResult["state"]) => results.filter((r) => r.state === state);
  const failed = of("failed");
  const stillHolds = of("still-holds");
  const notRemoved = of("holds");
  const reasons: RunEnd["reasons"] = [];
  const scps = new Map<string, ScpSeen>();
  for (const r of failed) {
    const f = r.failure;
    if (!f) continue;
    let entry = reasons.find((e) => e.reason === f.reason);
    if (!entry) reasons.push((entry = { reason: f.reason, count: 0, actions: [] }));
    entry.count++;
    if (!entry.actions.includes(f.action)) entry.actions.push(f.action);
    for (const p of f.scps ?? []) if (!scps.has(p.id)) scps.set(p.id, p);
  }
  // The commonest reason first, and the failed accounts in that order (then by id), so the list reads as the "why".
  reasons.sort((a, b) => b.count - a.count);
  const rank = (r: AccountResult) => reasons.findIndex((e) => e.reason === r.failure?.reason);
  failed.sort((a, b) => rank(a) - rank(b) || a.account.id.localeCompare(b.account.id));
  for (const list of [stillHolds, notRemoved]) list.sort((a, b) => a.account.id.localeCompare(b.account.id));
  const again = [...failed, ...stillHolds, ...notRemoved].map((r) => r.account.id).concat(notStarted);
  return {
    done: again.length === 0,
    verified: of("verified").length,
    already: of("credential-less").length,
    failed,
    stillHolds,
    notRemoved,
    notStarted: [...notStarted],
    skipped: of("skipped"),
    reasons,
    scps: [...scps.values()],
    again,
  };
}
