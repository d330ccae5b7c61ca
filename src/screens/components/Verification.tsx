// Runs a step's independent read with a visible wait; Esc stops waiting (named so in the footer, not "Esc back":
// it does not go back), and the step then reports "done, not verified" rather than pretending.
import { useEffect, useState } from "react";
import type { Verdict } from "../../steps/types.js";
import type { WaitHooks } from "../../steps/wait.js";
import { verdictAfterFailure } from "../../steps/types.js";
import { useKeys } from "../keys.js";
import { attempt } from "../use-task.js";
import { ErrorPanel } from "./ErrorPanel.js";
import { Waiting } from "./Waiting.js";
import type { AccountFailure } from "../../aws/errors.js";

interface Props {
  what: string;
  run: (hooks: WaitHooks) => Promise<Verdict>;
  onVerdict: (verdict: Verdict) => void;
  /** False while something on top (the console stand-in) owns the keyboard. */
  active?: boolean;
}

export function Verification({ what, run, onVerdict, active = true }: Props) {
  const [since] = useState(Date.now());
  const [reads, setReads] = useState(0);
  const [failure, setFailure] = useState<AccountFailure>();
  const [attemptNo, setAttemptNo] = useState(0);
  const [controller] = useState(() => new AbortController());

  useKeys({ stopWaiting: () => controller.abort() }, { isActive: active && !failure });

  useEffect(() => {
    let live = true;
    void attempt(() => run({ signal: controller.signal, onAttempt: (n) => live && setReads(n) }), "verify").then((result) => {
      if (!live) return;
      if (result.ok) onVerdict(result.value);
      else setFailure(result.failure);
    });
    return () => {
      live = false;
    };
    // One verification per attempt; `run` and `onVerdict` are fresh closures on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attemptNo]);

  if (failure) {
    return (
      <ErrorPanel
        failure={failure}
        onRetry={() => {
          setFailure(undefined);
          setAttemptNo((n) => n + 1);
        }}
        onSkip={() => onVerdict(verdictAfterFailure(failure, new Date()))}
      />
    );
  }
  return active ? <Waiting what={what} since={since} reads={reads} /> : null;
}
