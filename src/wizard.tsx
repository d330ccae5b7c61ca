// Starts the Ink wizard on an account and resolves with the exit status once the operator is done.
import { render } from "ink";
import { App, type RunOutcome } from "./app.js";
import { JournalingAccount } from "./aws/journal.js";
import { reportBaseFor, writeReport } from "./report-file.js";
import { buildReport } from "./steps/report.js";
import { openAccount, type Target } from "./aws/open-account.js";
import type { Messages } from "./i18n/en.js";
import type { Lang } from "./i18n/lang.js";
import type { Timing } from "./steps/types.js";
import type { ControlId } from "./steps/controls.js";

/** The simulated account answers in seconds; these waits are generous for it and short for a workshop. */
export const SIMULATED_TIMING: Timing = { iamPollMs: 1000, iamTimeoutMs: 60_000, trailPollMs: 2000, trailTimeoutMs: 5 * 60_000 };

/**
 * Real AWS: IAM shows a change within seconds to a minute; CloudTrail shows a sign-in after about 5 minutes
 * on average, so the sign-in test waits up to 15, reading every 15 s (far under LookupEvents' 2 a second).
 */
export const LIVE_TIMING: Timing = { iamPollMs: 3000, iamTimeoutMs: 3 * 60_000, trailPollMs: 15_000, trailTimeoutMs: 15 * 60_000 };

export interface WizardOptions {
  lang: Lang;
  /** The catalogue of `lang` (i18n/load.ts: the run's language alone). */
  t: Messages;
  target: Target;
  dryRun: boolean;
  notice?: string;
  /** Where to write the evidence report (without extension); a timestamped name in the current folder if absent. */
  report?: string;
  version: string;
  /** "alerts": `rootlock alerts`, the alerts step alone. */
  flow?: "wizard" | "alerts";
  topicName?: string;
}

/** What ends a wizard run from outside: kill -INT, kill (SIGTERM), the terminal closed (SIGHUP). */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function runWizard({ lang, t, target, dryRun, notice, report, version, flow = "wizard", topicName }: WizardOptions): Promise<number> {
  const startedAt = new Date();
  // A dry run blocks rootlock's own writes; the trainee's console stand-in stays usable.
  const { account: inner, standIn, resumed } = await openAccount(target, { dryRun });
  // The demo carries on from where the last run left it: say so, and how to start over.
  const notices = [notice, resumed ? t.app.demoResumed : undefined].filter((n) => n !== undefined);
  const timing = target.kind === "simulated" ? SIMULATED_TIMING : LIVE_TIMING;
  // The journal records every change sent, or not sent (a dry run), for the evidence report.
  const account = new JournalingAccount(inner);
  let outcome: RunOutcome | undefined;
  // Ctrl-C arrives as a key (raw mode); a signal (kill, SIGTERM, the terminal window closed) is turned into the
  // same interruption, so nothing half-done is left and the report is still written.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  // A closed terminal fails Ink's last writes (EIO): the undo and the report must still happen.
  const ignoreClosedTerminal = () => {};
  process.stdout.on("error", ignoreClosedTerminal);
  const app = render(
    <App
      account={account}
      lang={lang}
      t={t}
      timing={timing}
      standIn={standIn}
      notice={notices.length > 0 ? notices.join(" ") : undefined}
      flow={flow}
      topicName={topicName}
      onExit={(o) => (outcome = o)}
      stop={stop.signal}
    />,
    {
      exitOnCtrlC: false,
      // Ink holds a change that follows a frame closely back for 1000/maxFps ms: at its default 30 fps, the
      // preflight's answer (a few ms after the spinner's first frame) waited 34 ms. Our frames are small.
      maxFps: 60,
    },
  );
  await app.waitUntilExit();
  // Ink leaves the cursor at the end of its last frame's last line: what follows starts on a line of its own.
  process.stdout.write("\n");
  for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  if (outcome && outcome.leftBehind.length > 0) process.stderr.write(`${t.cli.leftBehind(outcome.leftBehind.join(", "))}\n`);
  const endedAt = new Date();
  const facts = {
    version,
    mode: account.mode,
    simulated: target.kind === "simulated",
    scenario: target.kind === "simulated" ? target.scenario : undefined,
    caller: outcome?.caller,
    startedAt,
    endedAt,
    ending: outcome?.reason ?? "interrupted",
    results: outcome?.results ?? {},
    changes: account.entries,
    leftBehind: outcome?.leftBehind ?? [],
    controls: outcome?.controls ?? (flow === "alerts" ? (["root-alerts"] as ControlId[]) : undefined),
  } as const;
  try {
    // The Markdown in the run's language; in English it keeps the states' and reasons' codes, as the JSON has them.
    const words = lang === "en" ? undefined : { report: t.report, evidence: t.evidence, states: t.states, reasons: t.reasons };
    const paths = writeReport(buildReport(facts), reportBaseFor(report, endedAt), words);
    process.stdout.write(`${t.cli.reportWritten(paths.markdown, paths.json)}\n`);
  } catch (error) {
    process.stderr.write(`${t.cli.reportFailed((error as NodeJS.ErrnoException).code ?? "error")}\n`);
  }
  return outcome?.exitCode ?? 1;
}
