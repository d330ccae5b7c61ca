// Removing what a step made, last first: the admin identity's rollback and the webhook's undo when the operator gives
// it up. Each change's removal and read-back come from read-backs.ts (`undoOf`, `actionHolds`).
import { isAccountError, outcomeUnknown } from "../aws/errors.js";
import { actionHolds, describeMade, removedEvidence, sendAction, undoOf } from "./read-backs.js";
import type { ApiAction, Evidence, StepContext } from "./types.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

export interface Rollback {
  /** The reads that showed each removal done. */
  removed: Evidence[];
  /** What is still in the account, as the change that made it (empty when everything is gone). */
  left: string[];
  /** The same, as the changes themselves: what a later attempt (on quitting) still has to remove. */
  leftActions: ApiAction[];
}

/** The removal that undoes each change (read-backs.ts). */
function undo(ctx: StepContext, a: ApiAction): Promise<unknown> {
  const removal = undoOf(a);
  if (!removal) return Promise.reject(new Error(`${describeMade(a)}: nothing undoes it`));
  return sendAction(ctx.account, removal);
}

/**
 * Removes what `made` made, last first, each removal read back before the next (a group cannot go while it has
 * a member or a policy). Each removal is sent once, without a read first: IAM lists a new item only after a
 * delay, so a read could miss something just made and leave it behind. For a change whose answer was lost, AWS
 * answering NoSuchEntity means it never landed and there is nothing to remove. It stops at the first removal
 * that fails or does not show, and names that one and everything before it as left. A removal whose answer was
 * lost is read once: gone, the rollback goes on.
 */
export async function rollBackChanges(ctx: StepContext, made: ApiAction[], hooks?: WaitHooks): Promise<Rollback> {
  const removed: Evidence[] = [];
  const pending = [...made].reverse();
  const stop = (i: number): Rollback => ({ removed, left: pending.slice(i).map(describeMade), leftActions: pending.slice(i).reverse() });
  for (let i = 0; i < pending.length; i++) {
    const a = pending[i]!;
    try {
      await undo(ctx, a);
    } catch (error) {
      // Fixed: a removal whose answer was lost (5xx, reset, timeout) used to stop here and be named as left,
      // though AWS may have carried it out; the undo kept for quitting then sent that removal again after it
      // had landed. It is now read once: gone, the rollback goes on; still there (or unreadable), it stops.
      // (One read, not the wait below: a removal that did not land would keep the operator waiting minutes.)
      if (isAccountError(error) && outcomeUnknown(error.code)) {
        const held = await actionHolds(ctx, a).catch(() => true);
        if (held) return stop(i);
        removed.push(removedEvidence(ctx, a));
        continue;
      }
      if (!isAccountError(error, "NoSuchEntity")) return stop(i);
    }
    try {
      const gone = await waitUntil(
        ctx,
        () => actionHolds(ctx, a),
        (held) => !held,
        iamWait(ctx, hooks),
      );
      if (!gone.met) return stop(i);
    } catch {
      return stop(i);
    }
    removed.push(removedEvidence(ctx, a));
  }
  return { removed, left: [], leftActions: [] };
}
