// How a plan of API changes ended, and what the step concludes from it: the decisions every step screen used to
// make on its own after the action runner (screens/components/ActionRunner.tsx) finished. Pure: no Ink, no SDK.
//
// The runner's end leads to one of five places: a dry run's result (the calls shown, none sent), the operator's
// skip (nothing was done), a declined plan (some calls made, the declined one named, no later claim), a plan
// stopped after a call failed (what was made, the failed call and what became of it, what was not sent; no later
// claim either), or on to the step's independent verification, whose verdict then carries the whole story
// (`withPrior`).
import type { WriteReceipt } from "../aws/account.js";
import { type ErrorCode, outcomeUnknown, type RecordedWrite } from "../aws/errors.js";
import { recorded } from "../aws/operations.js";
import type { ApiAction, Evidence, Verdict } from "./types.js";
import { verdict } from "./types.js";
import { phrase, reads, SOURCES } from "./said.js";

export interface RunnerOutcome {
  evidence: Evidence[];
  receipts: WriteReceipt[];
  /** The operator declined or skipped a change: the rest was not done. */
  stopped: boolean;
  /** The calls made (or found already made before a retry), in order. */
  done: ApiAction[];
  /** The call the operator declined, and how many were not sent with it (it included). */
  declined?: { action: ApiAction; notSent: number };
  /** The call that failed when the operator skipped the rest: AWS's code, and the calls after it (not sent). */
  failed?: { action: ApiAction; code: ErrorCode; after: ApiAction[] };
  /** A change was made but AWS did not show it within the wait. */
  unconfirmed: boolean;
  /** Dry run: the calls that were shown and not sent. */
  notSent: RecordedWrite[];
}

/** A call in a few words, for a plan's list and the report's evidence: its action and its first parameter. */
export function shortCall(action: ApiAction): string {
  const { call, params } = recorded(action);
  const [first] = Object.entries(params);
  const more = Object.keys(params).length > 1 ? ", …" : "";
  return first ? `${call}(${first[0]}=${first[1]}${more})` : call;
}

/** The report's record of a dry run: the calls, as evidence that says they were not sent. */
export function dryRunEvidence(calls: RecordedWrite[]): Evidence[] {
  return calls.map((c) => ({
    source: SOURCES.dryRun,
    read: `${c.call}(${Object.entries(c.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")})`,
    at: c.at,
  }));
}

/**
 * A plan the operator stopped by declining one of its calls, after others were made: no later claim (no wait for
 * what cannot happen); the declined call is named in the evidence, and `leftBehind` lists what the screen says
 * the earlier calls left in the account (what a later run would find).
 */
export function declinedVerdict(found: Evidence[], outcome: RunnerOutcome, at: Date, leftBehind: string[] = []): Verdict {
  const declined = outcome.declined!;
  const later = declined.notSent - 1;
  const said = reads(phrase("declined", shortCall(declined.action), String(Math.max(0, later))));
  const v = verdict("skipped", "declined", [...found, ...outcome.evidence, { source: SOURCES.rootlock, ...said, at }]);
  return leftBehind.length > 0 ? { ...v, leftBehind } : v;
}

/**
 * A plan the operator stopped after a call failed: the step cannot be in place (the failed call, or the ones after
 * it, are missing), so nothing is waited for. The evidence says what was made (the read-backs), what became of the
 * failed call (made but not read back; maybe made, its answer lost; not made) and which calls were not sent.
 */
export function stoppedVerdict(found: Evidence[], outcome: RunnerOutcome, at: Date, leftBehind: string[] = []): Verdict {
  const failed = outcome.failed!;
  const state = outcome.done.includes(failed.action) ? phrase("madeNotReadBack") : outcomeUnknown(failed.code) ? phrase("mayBeMade") : phrase("notMade");
  const rest = failed.after.length > 0 ? phrase("notSentAfter", failed.after.map(shortCall).join(", ")) : phrase("nothingAfter");
  const stopped = { source: "rootlock", ...reads(phrase("stoppedAfterError", shortCall(failed.action), failed.code, state, rest)), at };
  const v = verdict("skipped", "error", [...found, ...outcome.evidence, stopped]);
  return leftBehind.length > 0 ? { ...v, leftBehind } : v;
}

/** Where a step goes when its plan has run: to a result now, or on to its verification. */
export type RunConclusion = { result: Verdict; notSent?: RecordedWrite[] } | { verify: RunnerOutcome };

/**
 * The runner's end, judged the same way for every step. `found` is the inspection's evidence; `leftBehind` says
 * what a declined plan's earlier calls left in the account (only a step that leaves them says so).
 */
export function concludeRun(found: Evidence[], outcome: RunnerOutcome, at: Date, leftBehind?: (done: ApiAction[]) => string[]): RunConclusion {
  if (outcome.notSent.length > 0) return { result: verdict("skipped", "dry-run", [...found, ...dryRunEvidence(outcome.notSent)]), notSent: outcome.notSent };
  // Skipped after a failure: even with nothing made, the failed call may have landed, so the verdict says so.
  if (outcome.failed) return { result: stoppedVerdict(found, outcome, at, leftBehind?.(outcome.done)) };
  if (outcome.stopped && outcome.done.length === 0) return { result: verdict("skipped", "operator-skipped", found) };
  // A call declined half-way: the step cannot be in place, so waiting for it would be in vain.
  if (outcome.declined) return { result: declinedVerdict(found, outcome, at, leftBehind?.(outcome.done)) };
  return { verify: outcome };
}

/**
 * The report tells the whole story: what was found, each change's read-back, then the final verification. A change
 * whose read-back AWS did not show within its wait keeps the step unverified, whatever the final read says.
 */
export function withPrior(v: Verdict, found: Evidence[], prior: Pick<RunnerOutcome, "evidence" | "unconfirmed"> | undefined): Verdict {
  const state = v.state === "verified" && prior?.unconfirmed ? "unverified" : v.state;
  return { ...v, state, evidence: [...found, ...(prior?.evidence ?? []), ...v.evidence] };
}
