// Starts the Ink wizard on an account and resolves with the exit status once the operator is done.
import { render } from "ink";
import { App, type RunOutcome } from "./app.js";
import type { Lang } from "./i18n/index.js";
import { messages } from "./i18n/index.js";
import { DryRunAccount } from "./aws/dry-run.js";
import { SimulatedAccount, type ScenarioName } from "./aws/simulated.js";
import type { Timing } from "./steps/types.js";

/** The simulated account answers in seconds; these waits are generous for it and short for a workshop. */
export const SIMULATED_TIMING: Timing = { iamPollMs: 1000, iamTimeoutMs: 60_000, trailPollMs: 2000, trailTimeoutMs: 5 * 60_000 };

export interface WizardOptions {
  lang: Lang;
  scenario: ScenarioName;
  dryRun: boolean;
  notice?: string;
}

export async function runWizard({ lang, scenario, dryRun, notice }: WizardOptions): Promise<number> {
  const simulated = new SimulatedAccount({ scenario });
  // A dry run blocks rootlock's own writes; the trainee's console stand-in stays usable.
  const account = dryRun ? new DryRunAccount(simulated) : simulated;
  const standIn = Object.assign(simulated.console, { trainingCode: (serial: string) => simulated.trainingCode(serial) });
  let outcome: RunOutcome | undefined;
  const app = render(<App account={account} lang={lang} timing={SIMULATED_TIMING} standIn={standIn} notice={notice} onExit={(o) => (outcome = o)} />, {
    exitOnCtrlC: false,
  });
  await app.waitUntilExit();
  if (outcome && outcome.leftBehind.length > 0) process.stderr.write(`${messages(lang).cli.leftBehind(outcome.leftBehind.join(", "))}\n`);
  return outcome?.exitCode ?? 1;
}
