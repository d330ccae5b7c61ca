// The wizard shell: the step list, where the operator is, the results so far, and the keys that mean the
// same on every screen (q, Ctrl-C, ?). Screens do the step work; this file only routes between them.
import { Box, Text, useApp } from "ink";
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Account, Caller } from "./aws/account.js";
import { EXIT } from "./exit-codes.js";
import type { Messages } from "./i18n/en.js";
import type { Lang } from "./i18n/lang.js";
import { systemNow, systemSleep } from "./lib/clock.js";
import type { ControlId } from "./steps/controls.js";
import type { PreflightFinding } from "./steps/preflight.js";
import { notApplicable, OPTIONAL_STEPS, recordVerdict, stepOrder } from "./steps/registry.js";
import { phrase, reads, SOURCES } from "./steps/said.js";
import { allVerified, rootMfaKindOf, summarize } from "./steps/summary.js";
import type { StepContext, Timing, Verdict } from "./steps/types.js";
import { verdict } from "./steps/types.js";
import { Cleanups } from "./screens/cleanups.js";
import { Frame, type StepKey } from "./screens/components/Frame.js";
import { KeyHelp } from "./screens/components/KeyHelp.js";
import { KeyboardProvider, useOffered } from "./screens/keyboard.js";
import { useKeys } from "./screens/keys.js";
import { PreflightScreen } from "./screens/PreflightScreen.js";
import { SummaryScreen } from "./screens/SummaryScreen.js";
import { type StandIn, type Ui, UiContext, useUi } from "./screens/ui-context.js";

export type ExitReason = "finished" | "quit" | "interrupted";

export interface RunOutcome {
  reason: ExitReason;
  /** Who ran it, once preflight has read it. */
  caller?: Caller;
  results: Partial<Record<ControlId, Verdict>>;
  /** Undo actions that could not be completed on the way out (what is left behind, named). */
  leftBehind: string[];
  exitCode: number;
  /** The controls this run was about (the alerts command: only the alerts). */
  controls: ControlId[];
}

export interface AppProps {
  account: Account;
  lang: Lang;
  /** The catalogue of `lang`: the caller loads it (the program, only its run's language: i18n/load.ts). */
  t: Messages;
  timing: Timing;
  standIn?: StandIn;
  /** A line shown above the first screen (e.g. "no AWS credentials found: simulated account"). */
  notice?: string;
  /** "alerts": `rootlock alerts`, the alerts step alone. */
  flow?: "wizard" | "alerts";
  /** The SNS topic for root-activity alerts (--topic). */
  topicName?: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  onExit: (outcome: RunOutcome) => void;
  /** Aborted when the process is told to stop (SIGTERM, a closed terminal, kill -INT): ends the run as Ctrl-C does. */
  stop?: AbortSignal;
}

interface State {
  preflight?: PreflightFinding;
  /** Index into the step list (preflight, the caller's steps, summary). */
  at: number;
  /** Each step's verdict, with what it hands on already delivered (registry.ts `recordVerdict`). */
  results: Partial<Record<ControlId, Verdict>>;
}

type Event = { type: "preflight-done"; finding: PreflightFinding } | { type: "step-done"; control: ControlId; verdict: Verdict } | { type: "back" };

function reducer(state: State, event: Event): State {
  switch (event.type) {
    case "preflight-done": {
      // A step that does not apply to this caller is recorded as such from the start.
      const skipped = Object.fromEntries(notApplicable(event.finding.caller).map((id) => [id, verdict("skipped", "not-applicable")]));
      return { ...state, preflight: event.finding, at: 1, results: { ...skipped, ...state.results } };
    }
    case "step-done":
      return { ...state, at: state.at + 1, results: recordVerdict(state.results, event.control, event.verdict) };
    case "back":
      return { ...state, at: Math.max(0, state.at - 1) };
  }
}

const NO_CONTROLS: readonly ControlId[] = [];

// The step screens, with all they import (the steps' modules, the QR encoder, the TOTP code…), are not on the
// first screen: ~250 kB of source that was compiled and run before the preflight's screen. They are loaded once
// that screen is up (PreflightScreen's onShown), while the operator reads it; a step reached before they are in
// (Enter pressed at once) waits for them under the frame.
const loadStepScreens = () => import("./screens/step-screens.js");
const StepScreen = lazy(() => loadStepScreens().then((m) => ({ default: m.StepScreen })));
const preloadStepScreens = () => void loadStepScreens();

export function App(props: AppProps) {
  return (
    <KeyboardProvider>
      <Wizard {...props} />
    </KeyboardProvider>
  );
}

function Wizard({ account, lang, t: words, timing, standIn, notice, flow = "wizard", topicName, now = systemNow, sleep = systemSleep, onExit, stop }: AppProps) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reducer, { at: 0, results: {} });
  const [help, setHelp] = useState(false);
  const [quitting, setQuitting] = useState(false);
  /** How the run ended, once onExit has it: the frame that says so is drawn, then Ink exits (below). */
  const [ended, setEnded] = useState<ExitReason | undefined>(undefined);
  /** What the way out undid (a device created for a QR code not yet scanned…): the ending frame says so. */
  const [undone, setUndone] = useState<string[]>([]);
  const cleanups = useMemo(() => new Cleanups(), []);
  // The verdict on screen now (a step's result): quitting there reports it as the operator saw it.
  const shown = useRef<Verdict | undefined>(undefined);
  const showVerdict = useCallback((v: Verdict | undefined) => {
    shown.current = v;
  }, []);
  // The help covers the page: it closes when a text field takes the keyboard (? is a letter there, so it could not).
  const { text: typing } = useOffered();
  useEffect(() => {
    if (typing) setHelp(false);
  }, [typing]);
  const ui: Ui = useMemo(() => ({ t: words, lang, mode: account.mode, standIn, cleanups, showVerdict }), [words, lang, account.mode, standIn, cleanups, showVerdict]);
  const t = ui.t;

  const orderFor = useCallback((caller: Caller): ControlId[] => (flow === "alerts" ? ["root-alerts"] : stepOrder(caller)), [flow]);
  const order: ControlId[] = state.preflight ? orderFor(state.preflight.caller) : flow === "alerts" ? ["root-alerts"] : [];
  const steps: StepKey[] = ["preflight", ...order, "summary"];
  const current = steps[Math.min(state.at, steps.length - 1)]!;
  const rows = summarize(state.results, flow === "alerts" ? ["root-alerts"] : undefined);
  // `rootlock alerts` is about the alerts alone: skipping them there is not "all verified".
  const optional = flow === "alerts" ? NO_CONTROLS : OPTIONAL_STEPS;

  const finish = useCallback(
    async (reason: ExitReason) => {
      // Read before the screen leaves (and takes its verdict with it).
      const onScreen = shown.current;
      setQuitting(true);
      const leftBehind = await cleanups.runAll();
      // The step the run ended in: the verdict it showed, or "interrupted" with what was undone on the way out.
      // Steps after it are "not reached" (summarize), never the operator's skip.
      let results = state.results;
      if (reason !== "finished" && current !== "preflight" && current !== "summary") {
        const undone = cleanups.undone.map((id) => ({ source: SOURCES.undoOnTheWayOut, ...reads(phrase("removedOnTheWayOut", id)), at: now() }));
        results = recordVerdict(results, current, onScreen ?? verdict("skipped", "interrupted", undone));
      }
      const exitCode = reason === "interrupted" ? EXIT.interrupted : reason === "quit" ? EXIT.quit : allVerified(rows, optional) ? EXIT.verified : EXIT.notAllVerified;
      onExit({ reason, caller: state.preflight?.caller, results, leftBehind, exitCode, controls: rows.map((r) => r.control) });
      setUndone([...cleanups.undone]);
      setEnded(reason);
    },
    [cleanups, onExit, rows, optional, current, now, state.results, state.preflight],
  );
  // Ink leaves its last frame in the terminal: leave once the frame that says the run ended is drawn, not the page
  // the operator quit (a QR code and its seed, keys that no longer work). exit() called from finish() itself came
  // before React had drawn the quitting frame, so the page stayed.
  useEffect(() => {
    if (!ended) return;
    // A turn later: the page's unmounting updates the frame too (the cover it drew, the keys it offered), and
    // those renders come after this effect.
    const leave = setTimeout(exit, 0);
    return () => clearTimeout(leave);
  }, [ended, exit]);

  // A signal finishes the run like Ctrl-C: what is half-done is undone, and the report says it was interrupted.
  const interrupt = useRef(() => {});
  interrupt.current = () => {
    if (!quitting) void finish("interrupted");
  };
  useEffect(() => {
    const onStop = () => interrupt.current();
    if (stop?.aborted) onStop();
    stop?.addEventListener("abort", onStop, { once: true });
    return () => stop?.removeEventListener("abort", onStop);
  }, [stop]);

  // The keys of every screen. While a text field has the keyboard, q and ? are letters (the keyboard gives
  // them to the field), and Ctrl-C is the way out.
  useKeys(
    {
      interrupt: () => void finish("interrupted"),
      quit: () => void finish(current === "summary" ? "finished" : "quit"),
      help: () => setHelp((h) => !h),
      // The summary's Enter ends the run: named "exit" there, not "continue".
      exit: current === "summary" && (() => void finish("finished")),
    },
    { isActive: !quitting },
  );

  const ctx: StepContext | undefined = state.preflight && {
    account,
    caller: state.preflight.caller,
    now,
    sleep,
    timing,
    clockOffsetMs: state.preflight.clockOffsetMs,
  };
  const screen = (() => {
    if (current === "preflight" || !ctx) {
      return (
        <PreflightScreen
          account={account}
          now={now}
          order={orderFor}
          onDone={(finding) => dispatch({ type: "preflight-done", finding })}
          onQuit={() => void finish("quit")}
          onShown={preloadStepScreens}
        />
      );
    }
    if (current === "summary") return <SummaryScreen rows={rows} rootMfaKind={rootMfaKindOf(rows)} optional={optional} flow={flow} />;
    return (
      <Suspense fallback={null}>
        <StepScreen
          key={state.at}
          control={current}
          ctx={ctx}
          results={state.results}
          topicName={topicName}
          onDone={(v) => dispatch({ type: "step-done", control: current, verdict: v })}
          onBack={() => dispatch({ type: "back" })}
        />
      </Suspense>
    );
  })();

  return (
    <UiContext.Provider value={ui}>
      <Frame
        steps={steps}
        current={current}
        results={state.results}
        accountId={state.preflight?.caller.accountId}
        callerArn={state.preflight?.caller.arn}
        help={help && !quitting ? <HelpBox /> : undefined}
      >
        {notice && state.at === 0 && <Text color="yellow">{notice}</Text>}
        {quitting && ended !== "finished" ? (
          <Box flexDirection="column">
            <Text color="yellow">{ended ? t.app.stopped : t.app.quitting}</Text>
            {/* Only what AWS accepted deleting; what could not be undone is said on stderr after the frame (wizard.tsx). */}
            {ended && undone.length > 0 && <Text>{t.app.undoneOnTheWayOut(undone.join(", "))}</Text>}
          </Box>
        ) : (
          screen
        )}
      </Frame>
    </UiContext.Provider>
  );
}

/** Every key the screen takes now, from the same declarations that route them (keys.ts). */
function HelpBox() {
  const { t } = useUi();
  return <KeyHelp title={t.app.helpTitle} describe={(name) => t.app.keyHelp[name]} footer={t.app.helpFooter} />;
}
