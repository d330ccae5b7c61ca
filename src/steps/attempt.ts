// A call's outcome as a value: done, or a typed failure (a dry run's refused write marked as such). The flows in
// src/steps decide on these values; exceptions stop here, and a screen only ever renders a failure's code and action.
import { type AccountFailure, DryRunWrite, type RecordedWrite, toFailure } from "../aws/errors.js";

export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: AccountFailure; notSent?: RecordedWrite };

/** Runs a promise and turns a thrown error into a typed failure; `action` names the work when the error is not AWS's. */
export async function attempt<T>(run: () => Promise<T>, action: string): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, failure: toFailure(error, action), notSent: error instanceof DryRunWrite ? error.write : undefined };
  }
}
