// One phase of `rootlock org` (the audit, or the removal) over the adaptive pool, journaled call by call and resumed
// from the journal. The text run (org-command.ts) and the Ink screen both run their phases through here, so the two
// stop, journal and resume the same way: an account the journal has as done in this phase is not done again; every
// call is journaled as it is made and every account as it ends; once `stopped()` says true nothing new starts and the
// phase ends when the accounts in flight have (Ctrl-C), naming the accounts never started.
import type { Evidence, AccountResult, OrgDeps } from "./types.js";
import { AdaptiveLimit } from "./pool.js";
import type { RunHooks } from "./audit.js";

export type Phase = "audit" | "remediate";

/** What the phase needs of the journal (org-journal.ts's OrgJournal; a file, so it is handed in from above). */
export interface PhaseJournal {
  call(phase: Phase, account: string, e: Evidence): void;
  done(phase: Phase, result: AccountResult, at: Date): void;
  finished(phase: Phase): Map<string, AccountResult>;
}

export interface PhaseRun {
  /** Every item's result in the items' order: those resumed from the journal and those run now. */
  results: AccountResult[];
  notStarted: string[];
  poolSizes: number[];
}

export interface PhaseHooks {
  stopped: () => boolean;
  /** Before anything runs: the accounts the journal had as done, and how many are left to do. */
  onStart?: (resumed: AccountResult[], todo: number, limit: AdaptiveLimit) => void;
  /** As each account ends (after it is journaled). */
  onResult?: (result: AccountResult, limit: AdaptiveLimit) => void;
}

export async function journaledPhase<T extends { id: string }>(
  phase: Phase,
  items: readonly T[],
  journal: PhaseJournal,
  deps: OrgDeps,
  hooks: PhaseHooks,
  run: (deps: OrgDeps, items: T[], hooks: Required<RunHooks>) => Promise<{ results: AccountResult[]; notStarted: string[] }>,
): Promise<PhaseRun> {
  const finished = journal.finished(phase);
  const resumed = items.map((i) => finished.get(i.id)).filter((r): r is AccountResult => r !== undefined);
  const todo = items.filter((i) => !finished.has(i.id));
  const limit = new AdaptiveLimit();
  hooks.onStart?.(resumed, todo.length, limit);
  const journaled: OrgDeps = { ...deps, journal: (account, e) => journal.call(phase, account, e) };
  const result = await run(journaled, todo, {
    limit,
    stopped: hooks.stopped,
    onResult: (r) => {
      journal.done(phase, r, deps.now());
      hooks.onResult?.(r, limit);
    },
  });
  const byId = new Map([...resumed, ...result.results].map((r) => [r.account.id, r]));
  return {
    results: items.map((i) => byId.get(i.id)).filter((r): r is AccountResult => r !== undefined),
    notStarted: result.notStarted,
    poolSizes: limit.history,
  };
}
