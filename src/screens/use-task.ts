// Runs one async step function for a screen and keeps its outcome as a value: running, done, or a typed
// failure. Exceptions stop here; a screen only ever renders a failure's code and action.
import { useCallback, useEffect, useRef, useState } from "react";
import { type AccountFailure, toFailure } from "../aws/errors.js";

export type TaskState<T> = { status: "running" } | { status: "done"; value: T } | { status: "failed"; failure: AccountFailure };

/** `action` names the work for the failure when the error is not an AWS one (it is never shown raw). */
export function useTask<T>(run: (signal: AbortSignal) => Promise<T>, action: string): [TaskState<T>, () => void] {
  const [state, setState] = useState<TaskState<T>>({ status: "running" });
  const [attempt, setAttempt] = useState(0);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "running" });
    runRef.current(controller.signal).then(
      (value) => !controller.signal.aborted && setState({ status: "done", value }),
      (error: unknown) => !controller.signal.aborted && setState({ status: "failed", failure: toFailure(error, action) }),
    );
    return () => controller.abort();
  }, [attempt, action]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}

// `attempt` lives with the flows that decide on its values (src/steps/attempt.ts); screens import it from here too.
export { attempt, type Attempt } from "../steps/attempt.js";
