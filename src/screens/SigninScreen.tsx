// The sign-in test: warn, guide a root sign-in with MFA in a private window, then wait — visibly — for
// CloudTrail (us-east-1) to show it. Giving up records the test as not verified, never as passed.
import { Box, Text } from "ink";
import { useState } from "react";
import { inspectRootMfa, type RootMfaFinding } from "../steps/root-mfa.js";
import { type SigninObservation, verifySigninTest } from "../steps/signin-test.js";
import type { AlertRoute, DrillAnswer, Verdict } from "../steps/types.js";
import { awsNow, verdict } from "../steps/types.js";
import { NumberedList } from "./components/NumberedList.js";
import { SimulatedChannel } from "./components/SimulatedChannel.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { formatTime } from "./format.js";
import { StandInSignIn } from "./standin/StandInSignIn.js";
import { useUi } from "./ui-context.js";
import { type StepScreenProps, useStep } from "./use-step.js";

/** CloudTrail's eventTime and our clock differ by the offset and a little rounding: start the window early. */
const WINDOW_MARGIN_MS = 5_000;

interface Props extends StepScreenProps {
  /** Alerts were set up in this run: ask, for each route they go to, whether the alert arrived (the fire drill). */
  drill?: AlertRoute[];
}

/** The wait for CloudTrail ("verifying" is not used: this wait can have the stand-in on top). */
type Own = { kind: "waiting"; standIn: boolean };

/** The fire drill's answers travel in the verdict, for the alerts step's evidence (registry.ts `receive`). */
const withDrill = (v: Verdict, answers: DrillAnswer[]): Verdict => (answers.length ? { ...v, handoff: { ...v.handoff, drillAnswers: answers } } : v);

const NO_ROUTES: AlertRoute[] = [];

export function SigninScreen({ ctx, onDone, onBack, drill = NO_ROUTES }: Props) {
  const { t, standIn } = useUi();
  // When the first wait began; checking again keeps it, so a sign-in made meanwhile still counts.
  const [since, setSince] = useState<Date>();
  const [seen, setSeen] = useState<SigninObservation>();
  const [drillAnswers, setDrillAnswers] = useState<DrillAnswer[]>([]);
  // The route the fire drill asks about now: one at a time, in the alerts step's order (the address, then the channel).
  const asking = drill[drillAnswers.length];
  const s = t.signin;

  const step = useStep<RootMfaFinding, Own>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectRootMfa(ctx),
    reads: "iam:GetAccountSummary",
    keys: (_finding, phase, step) => {
      switch (phase.kind) {
        case "intro":
          return step.introKeys({
            continue: () => {
              setSince((first) => first ?? new Date(awsNow(ctx).getTime() - WINDOW_MARGIN_MS));
              step.setPhase({ kind: "waiting", standIn: false });
            },
            skip: () => onDone(verdict("skipped", "operator-skipped")),
          });
        case "waiting":
          return { openStandIn: !phase.standIn && !!standIn && (() => step.setPhase({ ...phase, standIn: true })) };
        case "result": {
          // No API can see a message arrive: the operator's answer to the fire drill is recorded as theirs.
          const answer = (route: AlertRoute, arrived: boolean) => () => {
            const given = [...drillAnswers, { route, arrived, at: ctx.now() }];
            setDrillAnswers(given);
            step.setPhase({ kind: "result", verdict: withDrill(phase.verdict, given) });
          };
          return {
            // Not seen yet (given up on the wait, or only failed sign-ins): back to the steps, or the stand-in, and wait again.
            ...(phase.verdict.state !== "verified"
              ? { checkAgain: () => step.setPhase({ kind: "intro" }), openStandIn: !!standIn && (() => step.setPhase({ kind: "waiting", standIn: true })) }
              : {}),
            // While the fire drill asks, Enter goes on without an answer: named "not checked", not "continue".
            ...(asking ? { yes: answer(asking, true), no: answer(asking, false), continue: false, notChecked: () => onDone(phase.verdict) } : {}),
          };
        }
        default:
          return {};
      }
    },
  });

  if (!step.finding) return step.gate;
  const phase = step.phase;
  const rootMfa = step.finding;
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
          <Text>{s.began(formatTime(since!))}</Text>
          <Text dimColor>{s.latency}</Text>
          {seen && seen.failures.length > 0 && <Text color="yellow">{s.failuresSeen(seen.failures.length)}</Text>}
          {phase.standIn && (
            <StandInSignIn rootHasMfa={rootMfa.enabled} trainingCode={standIn?.trainingCode} onClose={() => step.setPhase({ ...phase, standIn: false })} />
          )}
          <Verification
            what={s.verifying}
            active={!phase.standIn}
            run={(hooks) => verifySigninTest(ctx, since!, { ...hooks, onObservation: setSeen })}
            onVerdict={(v) => step.setPhase({ kind: "result", verdict: withDrill(v, drillAnswers) })}
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
          {phase.verdict.state !== "verified" && standIn && <Text color="magenta">{s.openStandIn}</Text>}
          {drill.length > 0 && (
            <Box flexDirection="column" marginTop={1}>
              {drillAnswers.map((a, i) => (
                <Text key={i} color={a.arrived ? "green" : "yellow"}>
                  {a.route.kind === "webhook" ? s.drillChannelRecorded(a.arrived, a.route.mask) : s.drillRecorded(a.arrived)}
                </Text>
              ))}
              {asking && (
                <>
                  <Text color="cyan">{asking.kind === "webhook" ? s.drillChannel(asking.mask) : asking.address ? s.drillEmailAt(asking.address) : s.drillQuestion}</Text>
                  {standIn && asking.kind === "email" && <Text color="magenta">{s.inbox(standIn.alertInbox().length)}</Text>}
                  {asking.kind === "webhook" && <SimulatedChannel />}
                </>
              )}
            </Box>
          )}
          {!asking && <Text dimColor>{t.common.done}</Text>}
        </Box>
      );
  }
}
