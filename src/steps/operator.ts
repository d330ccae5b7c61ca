// The operator, as a step's flow sees them: a few plain async functions the screen provides. A flow that talks
// with the operator (create a device, ask for codes, retry or give up, undo) is written here as ordinary
// sequential code over this interface, the way Shopify's cli-kit makes prompts plain async functions; the screen
// answers each call with one of its panels and keeps only the layout. No Ink and no React here, so a flow is
// tested with a scripted operator on the simulated account (test/unit/user-mfa-flow.test.ts).
import type { AccountFailure } from "../aws/errors.js";
import type { ApiAction, Verdict } from "./types.js";
import type { WaitHooks } from "./wait.js";

/** After a failed call: send it again, or give up (the flow says what giving up leads to). */
export type Choice = "retry" | "give-up";

export interface Operator<Work extends string = string> {
  /** Shows that rootlock is at `work` (a call under way); the next question replaces it. */
  busy(work: Work): void;
  /** Asks to approve these calls (the first is the one about to be sent); false when the operator declines. */
  confirm(actions: ApiAction[]): Promise<boolean>;
  /** Shows a failed call, with what it may have done; the operator retries or gives up. */
  choose(failure: AccountFailure): Promise<Choice>;
  /** Runs an independent read with a visible wait, which the operator may stop (the verdict then says so). */
  verify(run: (hooks: WaitHooks) => Promise<Verdict>): Promise<Verdict>;
}

/**
 * Where a flow registers what quitting (q, Ctrl-C) must undo, and the calls a quit must wait for
 * (screens/cleanups.ts keeps them for the shell).
 */
export interface Undos {
  /** Follows a call until it settles, so that quitting waits for its answer; returns it unchanged. */
  track<T>(call: Promise<T>): Promise<T>;
  add(id: string, undo: () => Promise<unknown>): void;
  remove(id: string): void;
}
