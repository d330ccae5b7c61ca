// A simulated account and a step context on a clock that moves only when a step waits (its `sleep`) or the test
// says (`settle`): for the flows' unit tests, which run a step's whole conversation in a few milliseconds.
import type { Account } from "../../src/aws/account.js";
import { type ScenarioName, SimulatedAccount } from "../../src/aws/simulated/index.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { StepContext } from "../../src/steps/types.js";

const START = new Date("2026-11-22T10:00:05Z");
const TIMING = { iamPollMs: 500, iamTimeoutMs: 10_000, trailPollMs: 1000, trailTimeoutMs: 60_000 };

/** `wrap` puts an adapter around the simulated account (a dry run, a lost answer); the step sees the wrapper. */
export async function simulatedOnClock(scenario: ScenarioName, { wrap = (a: Account) => a, visibilityDelayMs = 1500 } = {}) {
  let clock = START.getTime();
  const now = () => new Date(clock);
  const simulated = new SimulatedAccount({ scenario, now, visibilityDelayMs, cloudTrailDelayMs: 8000, reportDelayMs: 0 });
  const preflight = await inspectPreflight(simulated, now);
  const ctx: StepContext = {
    account: wrap(simulated),
    caller: preflight.caller,
    now,
    sleep: async (ms) => void (clock += ms),
    timing: TIMING,
    clockOffsetMs: preflight.clockOffsetMs,
  };
  /** IAM lists a change only after its visibility delay: moves the clock past it. */
  const settle = () => void (clock += visibilityDelayMs + 1);
  /** The calls the simulated account carried out (a refused or failed call is not one). */
  const writes = () => simulated.writes().map((w) => w.call);
  return { simulated, ctx, settle, writes, start: START };
}
