// Runs a list of API changes one at a time: confirm → call → read back, then the next. A change whose
// outcome is unknown (the call failed mid-way) is read before it is retried, so nothing is done twice.
// A plan of several calls is listed in full at its first confirmation; `a` then approves the rest as a whole,
// except a deletion or a call that asks twice, which still stops for its own confirmation. A declined call
// ends the plan: nothing after it is sent, and the step's verdict names it (steps/plan-outcome.ts).
//
// A write goes out once per confirmation, whatever the parent does meanwhile. The parent re-renders when it
// likes (`?` toggling the help re-renders the whole wizard) and hands new callbacks, and often a new plan
// array, each time; so the runner keeps the plan it started with, reads the callbacks through a ref, and sends
// only when the phase itself changes (a confirmation, a retry), never because a prop did.
import { Box, Text } from "ink";
import { useEffect, useRef, useState } from "react";
import type { AccountFailure } from "../../aws/errors.js";
import type { WriteReceipt } from "../../aws/account.js";
import { callOf, isDeletion } from "../../aws/operations.js";
import type { RunnerOutcome } from "../../steps/plan-outcome.js";
import type { ApiAction, Evidence } from "../../steps/types.js";
import type { WaitHooks } from "../../steps/wait.js";
import { attempt } from "../use-task.js";
import { useUi } from "../ui-context.js";
import { ActionLine, ConfirmCall } from "./ConfirmCall.js";
import { ErrorPanel } from "./ErrorPanel.js";
import { Waiting } from "./Waiting.js";

export type { RunnerOutcome };

interface Props {
  actions: ApiAction[];
  apply: (action: ApiAction) => Promise<WriteReceipt>;
  /** One quick read: does AWS already show this change? (Used before a retry.) */
  holds: (action: ApiAction) => Promise<boolean>;
  /** The read-back after the call, waited for. */
  readBack: (action: ApiAction, hooks: WaitHooks) => Promise<Evidence | undefined>;
  twice?: (action: ApiAction) => boolean;
  warning?: (action: ApiAction) => string | undefined;
  /**
   * For a change nothing can read back (a message posted): what to say when its answer was lost, instead of the
   * usual "read before sending again". A retry then sends it again: the operator's say, knowing so.
   */
  lostAnswer?: (action: ApiAction) => string | undefined;
  /** Called when the last read-back is done; after the signing key's deletion no read-back is possible. */
  skipReadBack?: (action: ApiAction) => boolean;
  onFinished: (outcome: RunnerOutcome) => void;
}

type Phase =
  | { kind: "confirm" }
  | { kind: "applying"; retry: boolean }
  | { kind: "reading"; since: number; reads: number }
  | { kind: "failed"; failure: AccountFailure; write: boolean };

export function ActionRunner({ actions, apply, holds, readBack, twice, warning, lostAnswer, skipReadBack, onFinished }: Props) {
  const { t, cleanups } = useUi();
  // The plan confirmed is the plan run: a parent that rebuilds its list on every render does not restart it.
  const [plan] = useState(actions);
  // The parent's latest callbacks, for the effects below: a fresh closure is not a reason to call AWS again.
  const latest = useRef({ apply, holds, readBack, skipReadBack, onFinished, cleanups });
  latest.current = { apply, holds, readBack, skipReadBack, onFinished, cleanups };
  /** The phase whose call went out: one phase, one send, even if the effect were run again for it. */
  const sentFor = useRef<Phase | undefined>(undefined);
  const [index, setIndex] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: "confirm" });
  const [outcome] = useState<RunnerOutcome>({ evidence: [], receipts: [], stopped: false, done: [], unconfirmed: false, notSent: [] });
  /** The operator approved every remaining call at once. */
  const [approvedAll, setApprovedAll] = useState(false);
  const action = plan[index];
  const asksOnItsOwn = (a: ApiAction) => !!twice?.(a) || isDeletion(a);
  /** On to the next change, which starts at its confirmation. */
  const next = () => {
    setPhase({ kind: "confirm" });
    setIndex((i) => i + 1);
  };

  useEffect(() => {
    if (!action) latest.current.onFinished(outcome);
  }, [action, outcome]);

  // Approved as a whole: each call goes ahead without its own question, unless it must ask on its own.
  const goesAhead = !!action && phase.kind === "confirm" && approvedAll && !asksOnItsOwn(action);
  useEffect(() => {
    if (goesAhead) setPhase({ kind: "applying", retry: false });
  }, [goesAhead]);

  useEffect(() => {
    if (!action || phase.kind !== "applying" || sentFor.current === phase) return;
    sentFor.current = phase;
    const { apply, holds, skipReadBack, cleanups } = latest.current;
    // No cancellation on a re-run: the answer of a call that went out is always taken (after an unmount, React
    // drops the state updates).
    void (async () => {
      // Before a retry, read: if the first try did land, calling again would be a second deletion.
      if (phase.retry) {
        const done = await attempt(() => holds(action), callOf(action));
        // Unknown is not "no": without the read, sending again could repeat a deletion.
        if (!done.ok) return setPhase({ kind: "failed", failure: done.failure, write: false });
        if (done.value) outcome.done.push(action);
        if (done.value && skipReadBack?.(action)) return next();
        if (done.value) return setPhase({ kind: "reading", since: Date.now(), reads: 0 });
      }
      // Tracked: Ctrl-C waits for the answer, so the report can say how the call ended.
      const result = await cleanups.track(attempt(() => apply(action), callOf(action)));
      if (!result.ok && result.notSent) {
        // Dry run: nothing changed, so there is nothing to read back; go on to show the next call.
        outcome.notSent.push(result.notSent);
        return next();
      }
      if (!result.ok) return setPhase({ kind: "failed", failure: result.failure, write: true });
      outcome.receipts.push(result.value);
      outcome.done.push(action);
      if (skipReadBack?.(action)) return next();
      setPhase({ kind: "reading", since: Date.now(), reads: 0 });
    })();
  }, [action, phase, outcome]);

  const readingSince = phase.kind === "reading" ? phase.since : undefined;
  useEffect(() => {
    if (!action || phase.kind !== "reading") return;
    const controller = new AbortController();
    void (async () => {
      const onAttempt = (reads: number) => setPhase((p) => (p.kind === "reading" ? { ...p, reads } : p));
      const result = await attempt(() => latest.current.readBack(action, { signal: controller.signal, onAttempt }), callOf(action));
      if (controller.signal.aborted) return;
      if (!result.ok) return setPhase({ kind: "failed", failure: result.failure, write: false });
      if (result.value) outcome.evidence.push(result.value);
      else outcome.unconfirmed = true;
      next();
    })();
    return () => controller.abort();
    // Only a new reading phase starts a read: progress updates (a new `phase` with more reads) must not restart
    // it; `readBack` comes from `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, readingSince]);

  if (!action) return null;
  const progress = <Text dimColor>{t.common.progress(index + 1, plan.length)}</Text>;
  const several = plan.length > 1;
  switch (phase.kind) {
    case "confirm":
      if (approvedAll && !asksOnItsOwn(action)) return progress;
      return (
        <Box flexDirection="column">
          {/* The whole plan is listed in the box at its first call; after that, where the run is. */}
          {!(several && index === 0) && progress}
          <ConfirmCall
            plan={several && index === 0 ? plan : undefined}
            key={index}
            action={action}
            twice={twice?.(action)}
            warning={warning?.(action)}
            approveAll={several && !approvedAll && !asksOnItsOwn(action) ? plan.length - index : undefined}
            onApproveAll={() => {
              setApprovedAll(true);
              setPhase({ kind: "applying", retry: false });
            }}
            onConfirm={() => setPhase({ kind: "applying", retry: false })}
            onDecline={() => {
              outcome.stopped = true;
              outcome.declined = { action, notSent: plan.length - index };
              onFinished(outcome);
            }}
          />
        </Box>
      );
    case "applying":
      return (
        <Box flexDirection="column">
          {progress}
          <ActionLine action={action} />
          <Waiting what={callOf(action)} since={Date.now()} reads={0} />
        </Box>
      );
    case "reading":
      return (
        <Box flexDirection="column">
          {progress}
          <ActionLine action={action} />
          <Waiting what={t.rootKeys.confirmingAction} since={phase.since} reads={phase.reads} />
        </Box>
      );
    case "failed":
      return (
        <ErrorPanel
          failure={phase.failure}
          write={phase.write}
          lostAnswer={lostAnswer?.(action)}
          onRetry={() => setPhase({ kind: "applying", retry: true })}
          onSkip={() => {
            // The rest of the plan is not sent: the step's verdict says what became of this call and names the rest.
            outcome.stopped = true;
            outcome.failed = { action, code: phase.failure.code, after: plan.slice(index + 1) };
            onFinished(outcome);
          }}
        />
      );
  }
}
