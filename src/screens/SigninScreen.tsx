// The sign-in test: warn, guide a root sign-in with MFA in a private window, then wait — visibly — for
// CloudTrail (us-east-1) to show it. Giving up records the test as not verified, never as passed.
import { Box, Text } from "ink";
import Spinner from "ink-spinner";
import { useState } from "react";
import { inspectRootMfa } from "../steps/root-mfa.js";
import { type SigninObservation, verifySigninTest } from "../steps/signin-test.js";
import type { StepContext, Verdict } from "../steps/types.js";
import { awsNow, verdict, verdictAfterFailure } from "../steps/types.js";
import { ErrorPanel } from "./components/ErrorPanel.js";
import { NumberedList } from "./components/NumberedList.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { formatTime } from "./format.js";
import { useKeys } from "./keys.js";
import { StandInSignIn } from "./standin/StandInSignIn.js";
import { useUi } from "./ui-context.js";
import { useTask } from "./use-task.js";

/** CloudTrail's eventTime and our clock differ by the offset and a little rounding: start the window early. */
const WINDOW_MARGIN_MS = 5_000;

interface Props {
  ctx: StepContext;
  onDone: (verdict: Verdict) => void;
  onBack: () => void;
  /** Alerts were set up in this run: ask whether the alert email arrived (the fire drill). */
  drill?: boolean;
  onDrill?: (arrived: boolean) => void;
}

/** `since`: when the first wait began; checking again keeps it, so a sign-in made meanwhile still counts. */
type Phase = { kind: "intro"; since?: Date } | { kind: "waiting"; since: Date; standIn: boolean } | { kind: "result"; verdict: Verdict; since: Date };

export function SigninScreen({ ctx, onDone, onBack, drill = false, onDrill }: Props) {
  const { t, standIn } = useUi();
  const [task, retry] = useTask(() => inspectRootMfa(ctx), "iam:GetAccountSummary");
  const [phase, setPhase] = useState<Phase>({ kind: "intro" });
  const [seen, setSeen] = useState<SigninObservation>();
  const [drillAnswer, setDrillAnswer] = useState<boolean>();
  const s = t.signin;

  // No API can see an email arrive: the operator's answer to the fire drill is recorded as theirs.
  const answerDrill = (arrived: boolean) => () => {
    setDrillAnswer(arrived);
    onDrill?.(arrived);
  };
  useKeys(
    task.status !== "done"
      ? {}
      : phase.kind === "intro"
        ? {
            continue: () => setPhase({ kind: "waiting", since: phase.since ?? new Date(awsNow(ctx).getTime() - WINDOW_MARGIN_MS), standIn: false }),
            back: onBack,
            skip: () => onDone(verdict("skipped", "operator-skipped")),
          }
        : phase.kind === "waiting"
          ? { openStandIn: !phase.standIn && !!standIn && (() => setPhase({ ...phase, standIn: true })) }
          : phase.kind === "result"
            ? {
                continue: () => onDone(phase.verdict),
                // Not seen yet (given up on the wait, or only failed sign-ins): back to the steps, or the stand-in, and wait again.
                ...(phase.verdict.state !== "verified"
                  ? {
                      back: () => setPhase({ kind: "intro", since: phase.since }),
                      openStandIn: !!standIn && (() => setPhase({ kind: "waiting", since: phase.since, standIn: true })),
                    }
                  : {}),
                ...(drill && drillAnswer === undefined ? { yes: answerDrill(true), no: answerDrill(false) } : {}),
              }
            : {},
  );

  if (task.status === "running") return <Text><Spinner type="dots" /> {t.preflight.reading}</Text>;
  if (task.status === "failed") return <ErrorPanel failure={task.failure} onRetry={retry} onSkip={() => onDone(verdictAfterFailure(task.failure, ctx.now()))} />;
  const rootMfa = task.value;
  const title = <Text bold>{s.title}</Text>;

  switch (phase.kind) {
    case "intro":
      return (
        <Box flexDirection="column">
          {title}
          <Text color="yellow">{s.warning}</Text>
          {!rootMfa.enabled && <Text color="red">{s.noMfa}</Text>}
          <NumberedList items={s.steps} />
          <Text dimColor>{s.start}</Text>
        </Box>
      );
    case "waiting":
      return (
        <Box flexDirection="column">
          {title}
          <Text>{s.began(formatTime(phase.since))}</Text>
          <Text dimColor>{s.latency}</Text>
          {seen && seen.failures.length > 0 && <Text color="yellow">{s.failuresSeen(seen.failures.length)}</Text>}
          {phase.standIn && <StandInSignIn rootHasMfa={rootMfa.enabled} trainingCode={standIn?.trainingCode} onClose={() => setPhase({ ...phase, standIn: false })} />}
          <Verification
            what={s.verifying}
            active={!phase.standIn}
            run={(hooks) => verifySigninTest(ctx, phase.since, { ...hooks, onObservation: setSeen })}
            onVerdict={(v) => setPhase({ kind: "result", verdict: v, since: phase.since })}
          />
          {!phase.standIn && standIn && <Text color="magenta">{s.openStandIn}</Text>}
        </Box>
      );
    case "result":
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{s.verified}</Text>}
          {phase.verdict.reason === "signin-without-mfa" && <Text color="red">{s.withoutMfa}</Text>}
          <VerdictView verdict={phase.verdict} />
          {phase.verdict.state !== "verified" && <Text dimColor>{t.common.checkAgain}</Text>}
          {phase.verdict.state !== "verified" && standIn && <Text color="magenta">{s.openStandIn}</Text>}
          {drill && (
            <Box flexDirection="column" marginTop={1}>
              {drillAnswer === undefined ? (
                <>
                  <Text color="cyan">{s.drillQuestion}</Text>
                  {standIn && <Text color="magenta">{s.inbox(standIn.alertInbox().length)}</Text>}
                  <Text dimColor>{s.drillKeys}</Text>
                </>
              ) : (
                <Text color={drillAnswer ? "green" : "yellow"}>{s.drillRecorded(drillAnswer)}</Text>
              )}
            </Box>
          )}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
  }
}
