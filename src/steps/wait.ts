// Polling an independent read until AWS shows a change: IAM is eventually consistent and CloudTrail
// takes minutes, so every verification is a visible, bounded wait rather than a single read.
import { isAccountError } from "../aws/errors.js";
import type { StepContext } from "./types.js";

export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Stops the wait early (the operator moved on, or pressed Ctrl-C). */
  signal?: AbortSignal;
  /** Called after every read, for the screen's "checked N times, 0:42 elapsed". */
  onAttempt?: (attempt: number, elapsedMs: number) => void;
}

/** What a screen passes to a verification: a way to stop it, and a way to show its progress. */
export type WaitHooks = Pick<WaitOptions, "signal" | "onAttempt">;

export interface WaitResult<T> {
  met: boolean;
  /** The last value read (undefined when every read was throttled or dropped). */
  last: T | undefined;
  attempts: number;
  aborted: boolean;
}

/** Reads until `done(value)` or the timeout. Throttling, network drops and 5xx answers just wait for the next read. */
export async function waitUntil<T>(
  ctx: Pick<StepContext, "now" | "sleep">,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: WaitOptions,
): Promise<WaitResult<T>> {
  const start = ctx.now().getTime();
  let attempts = 0;
  let last: T | undefined;
  for (;;) {
    if (options.signal?.aborted) return { met: false, last, attempts, aborted: true };
    try {
      last = await read();
      attempts++;
      if (done(last)) return { met: true, last, attempts, aborted: false };
    } catch (error) {
      if (!isAccountError(error, "Throttling") && !isAccountError(error, "NetworkError") && !isAccountError(error, "ServiceFailure")) throw error;
      attempts++;
    }
    const elapsed = ctx.now().getTime() - start;
    options.onAttempt?.(attempts, elapsed);
    if (elapsed >= options.timeoutMs) return { met: false, last, attempts, aborted: false };
    await ctx.sleep(Math.min(options.intervalMs, Math.max(0, options.timeoutMs - elapsed)));
  }
}

/** The wait for an IAM change to show. */
export function iamWait(ctx: Pick<StepContext, "timing">, hooks?: WaitHooks): WaitOptions {
  return { timeoutMs: ctx.timing.iamTimeoutMs, intervalMs: ctx.timing.iamPollMs, ...hooks };
}

/** The wait for a CloudTrail event to show. */
export function trailWait(ctx: Pick<StepContext, "timing">, hooks?: WaitHooks): WaitOptions {
  return { timeoutMs: ctx.timing.trailTimeoutMs, intervalMs: ctx.timing.trailPollMs, ...hooks };
}
