// The one step screen scaffold: what every step screen shares, so that each screen keeps only its own layout.
//
// - the inspection: a spinner while it reads, the error panel (retry, or skip with the failure as evidence) when
//   AWS refuses it — the screen renders `step.gate` until there is a finding;
// - the phases every step has (intro → running → verifying → result), plus the screen's own (a name field, the
//   console stand-in…), in one state;
// - the keys: the intro's back and skip, the result's continue (the verdict goes to the shell); a screen declares
//   only what is its own;
// - the runner's end (steps/plan-outcome.ts `concludeRun`: dry run, skipped, declined, or on to verifying) and
//   the final verdict's evidence (`withPrior`: what was found, each change's read-back, then the verification).
//
// The decisions themselves (what a declined plan means, how evidence merges) live in src/steps; this file only
// wires them to the screen, in the way Shopify's cli-kit keeps prompts plain and the layouts thin.
import { Text } from "ink";
import { Spinner } from "./components/Spinner.js";
import { type ReactElement, useState } from "react";
import type { AccountFailure, RecordedWrite } from "../aws/errors.js";
import { concludeRun, type RunnerOutcome, withPrior } from "../steps/plan-outcome.js";
import type { ApiAction, Evidence, StepContext, Verdict } from "../steps/types.js";
import { verdict, verdictAfterFailure } from "../steps/types.js";
import { ErrorPanel } from "./components/ErrorPanel.js";
import { type Bindings, useKeys } from "./keys.js";
import { useUi } from "./ui-context.js";
import { useTask } from "./use-task.js";

/** What the shell hands every step screen (screens/step-screens.tsx). */
export interface StepScreenProps {
  ctx: StepContext;
  onDone: (verdict: Verdict) => void;
  onBack: () => void;
}

/** The phases every step shares; `Own` adds the screen's own. */
export type StepPhase<Own extends { kind: string } = never> =
  { kind: "intro" } | { kind: "running" } | { kind: "verifying"; prior?: RunnerOutcome } | { kind: "result"; verdict: Verdict; notSent?: RecordedWrite[] } | Own;

/** A line with a spinner: a read or a call under way. */
export function Busy({ what }: { what: string }) {
  return (
    <Text>
      <Spinner /> {what}
    </Text>
  );
}

/**
 * Runs a read and keeps its outcome; `gate` is what to show until it is done (the spinner, or the error panel
 * whose skip calls `onGiveUp` with the failure).
 */
export function useInspection<F>(run: () => Promise<F>, reads: string, onGiveUp: (failure: AccountFailure) => void): { value?: F; gate?: ReactElement } {
  const { t } = useUi();
  const [task, retry] = useTask(run, reads);
  if (task.status === "running") return { gate: <Busy what={t.preflight.reading} /> };
  if (task.status === "failed") return { gate: <ErrorPanel failure={task.failure} onRetry={retry} onSkip={() => onGiveUp(task.failure)} /> };
  return { value: task.value };
}

/** What the scaffold gives a screen, besides its finding and phase. */
export interface StepControls<Own extends { kind: string }> {
  setPhase: (phase: StepPhase<Own>) => void;
  /** The intro's keys: Esc back to the step before, s to skip; `own` names continue and anything else. */
  introKeys: (own: Bindings) => Bindings;
  /** Nothing to do: the step is verified by what the inspection read. */
  alreadyCompliant: () => void;
  /** The runner's end: a result now (dry run, skipped, declined), or on to verifying with what it read back. */
  runFinished: (outcome: RunnerOutcome, leftBehind?: (done: ApiAction[]) => string[]) => void;
  /** The verification's verdict, with the whole story as evidence. */
  verified: (v: Verdict, prior?: Pick<RunnerOutcome, "evidence" | "unconfirmed">) => void;
  /**
   * One question of a flow's conversation (src/steps/operator.ts): shows the phase `ask` makes, whose panel calls
   * `answer`; resolves with that answer. This is how a screen implements an Operator.
   */
  ask: <T>(phase: (answer: (value: T) => void) => StepPhase<Own>) => Promise<T>;
}

interface Options<F, Own extends { kind: string }> extends StepScreenProps {
  inspect: () => Promise<F>;
  /** The read named when the inspection fails. */
  reads: string;
  /** The screen's own keys for its finding and phase; the scaffold adds the result's continue. */
  keys: (finding: F, phase: StepPhase<Own>, step: StepControls<Own>) => Bindings;
}

export function useStep<F extends { evidence: Evidence[] }, Own extends { kind: string } = never>({ ctx, onDone, onBack, inspect, reads, keys }: Options<F, Own>) {
  const inspection = useInspection(inspect, reads, (failure) => onDone(verdictAfterFailure(failure, ctx.now())));
  const [phase, setPhase] = useState<StepPhase<Own>>({ kind: "intro" });
  const finding = inspection.value;
  const found = finding?.evidence ?? [];

  const controls: StepControls<Own> = {
    setPhase,
    introKeys: (own) => ({ back: onBack, skip: () => onDone(verdict("skipped", "operator-skipped", found)), ...own }),
    alreadyCompliant: () => onDone(verdict("verified", "already-compliant", found)),
    runFinished: (outcome, leftBehind) => {
      const next = concludeRun(found, outcome, ctx.now(), leftBehind);
      setPhase("verify" in next ? { kind: "verifying", prior: next.verify } : { kind: "result", verdict: next.result, notSent: next.notSent });
    },
    verified: (v, prior) => setPhase({ kind: "result", verdict: withPrior(v, found, prior) }),
    ask: (phase) => new Promise((answer) => setPhase(phase(answer))),
  };

  const resultKeys: Bindings = phase.kind === "result" ? { continue: () => onDone((phase as { verdict: Verdict }).verdict) } : {};
  useKeys(finding ? { ...resultKeys, ...keys(finding, phase, controls) } : {});

  return {
    ...controls,
    finding,
    /** Shown instead of the screen until the finding is read. */
    gate: inspection.gate,
    phase,
  };
}
