// The operator's own admin user's MFA, fully in the terminal: create the device, draw its QR, take two
// codes, check them here, enable, read back; giving up, failing or quitting deletes the device that was created.
// The conversation itself is src/steps/user-mfa-flow.ts; this screen answers its questions (the Operator) with
// its panels and draws. The secret is in this screen's state only while the codes are being typed.
import { Box, Text } from "ink";
import { useRef } from "react";
import type { AccountFailure } from "../aws/errors.js";
import { otpauthUri } from "../lib/totp.js";
import type { Choice } from "../steps/operator.js";
import type { ApiAction, Verdict } from "../steps/types.js";
import { TOTP_ISSUER, totpLabel, inspectUserMfa, type UserMfaFinding } from "../steps/user-mfa.js";
import { type CodesProblem, enrolUserMfa, type NewDevice, type UserMfaOperator, type UserMfaWork, userMfaNothingToDo, userMfaPlan } from "../steps/user-mfa-flow.js";
import type { WaitHooks } from "../steps/wait.js";
import { CodePair } from "./components/CodePair.js";
import { ActionLine, ConfirmCall } from "./components/ConfirmCall.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { ErrorPanel } from "./components/ErrorPanel.js";
import { QrOrSecret } from "./components/QrOrSecret.js";
import { TotpTimer } from "./components/TotpTimer.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { useUi } from "./ui-context.js";
import { Busy, type StepScreenProps, useStep } from "./use-step.js";

interface Props extends StepScreenProps {
  /** Another user than the caller's own (the admin user the admin-identity step has just created). */
  userName?: string;
}

/** The flow's questions, each with the answer its panel gives; "result" is the scaffold's. */
type Own =
  | { kind: "confirm"; actions: ApiAction[]; answer: (yes: boolean) => void }
  | { kind: "busy"; work: UserMfaWork }
  /** `attempt` keys the code fields: each question starts with empty ones. */
  | { kind: "codes"; device: NewDevice; attempt: number; problem?: CodesProblem; answer: (codes?: { code1: string; code2: string }) => void }
  | { kind: "failed"; failure: AccountFailure; answer: (choice: Choice) => void }
  | { kind: "checking"; run: (hooks: WaitHooks) => Promise<Verdict>; answer: (v: Verdict) => void };

export function UserMfaScreen({ ctx, onDone, onBack, userName: forUser }: Props) {
  const { t, cleanups } = useUi();
  // One enrolment at a time: a second Enter on the intro before it is redrawn starts nothing more.
  const running = useRef(false);
  const questions = useRef(0);
  const step = useStep<UserMfaFinding, Own>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectUserMfa(ctx, forUser),
    reads: "iam:ListMFADevices",
    keys: (finding, phase, step) =>
      phase.kind === "intro" ? step.introKeys({ continue: () => (userMfaPlan(ctx, finding).length === 0 ? onDone(userMfaNothingToDo(finding)) : enrol(finding)) }) : {},
  });
  const { phase, setPhase, ask } = step;

  const operator: UserMfaOperator = {
    busy: (work) => setPhase({ kind: "busy", work }),
    confirm: (actions) => ask((answer) => ({ kind: "confirm", actions, answer })),
    codes: (device, problem) => ask((answer) => ({ kind: "codes", device, problem, attempt: questions.current++, answer })),
    choose: (failure) => ask((answer) => ({ kind: "failed", failure, answer })),
    verify: (run) => ask((answer) => ({ kind: "checking", run, answer })),
  };

  function enrol(finding: UserMfaFinding) {
    if (running.current) return;
    running.current = true;
    void enrolUserMfa(ctx, finding, operator, cleanups).then((end) => {
      running.current = false;
      setPhase("declined" in end ? { kind: "intro" } : { kind: "result", verdict: end.verdict, notSent: end.notSent });
    });
  }

  const finding = step.finding;
  if (!finding) return step.gate;
  const f = finding;
  const userName = f.userName ?? "";
  const plan = userMfaPlan(ctx, f);
  const u = t.userMfa;
  const title = <Text bold>{f.applicable ? u.title(userName) : t.steps["operator-mfa"]}</Text>;
  const said = (problem: CodesProblem) => (problem.kind === "local" ? u.problems[problem.problem] : t.errors[problem.failure.code](problem.failure.action));

  switch (phase.kind) {
    case "intro":
      return (
        <Box flexDirection="column">
          {title}
          {!f.applicable && <Text>{u.notApplicable}</Text>}
          {f.applicable && f.devices.length > 0 && <Text color="green">{u.already(userName)}</Text>}
          {plan.length === 0 ? (
            <VerdictView verdict={userMfaNothingToDo(f)} />
          ) : (
            <>
              <Text>{u.why}</Text>
              {plan.map((a) => (
                <ActionLine key={a.op} action={a} />
              ))}
            </>
          )}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    case "confirm": {
      const [first, ...later] = phase.actions;
      if (!first) return null;
      return (
        <Box flexDirection="column">
          {title}
          <ConfirmCall action={first} onConfirm={() => phase.answer(true)} onDecline={() => phase.answer(false)} />
          {/* One confirmation covers both calls: the second is sent only once the operator has typed two good codes. */}
          <Text dimColor>{u.thenEnable}</Text>
          {later.map((a) => (
            <ActionLine key={a.op} action={a} />
          ))}
        </Box>
      );
    }
    case "busy":
      return <Busy what={u[phase.work]} />;
    case "codes":
      return (
        <Box flexDirection="column">
          {title}
          <Text>{u.scan}</Text>
          <QrOrSecret uri={otpauthUri(phase.device.secret, TOTP_ISSUER, totpLabel(userName, ctx.caller.accountId))} secret={phase.device.secret} active />
          <TotpTimer clockOffsetMs={ctx.clockOffsetMs} now={ctx.now} />
          <Text dimColor>{u.codeHint}</Text>
          {phase.problem && <Text color="red">{said(phase.problem)}</Text>}
          <CodePair key={phase.attempt} labels={[u.code1, u.code2]} onSubmit={(code1, code2) => phase.answer({ code1, code2 })} onCancel={() => phase.answer()} active />
        </Box>
      );
    case "failed":
      return <ErrorPanel failure={phase.failure} write onRetry={() => phase.answer("retry")} onSkip={() => phase.answer("give-up")} />;
    case "checking":
      return (
        <Box flexDirection="column">
          {title}
          <Verification what={u.verifying} run={phase.run} onVerdict={phase.answer} />
        </Box>
      );
    case "result":
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{u.verified(userName)}</Text>}
          {phase.verdict.reason === "operator-skipped" && <Text>{u.discarded}</Text>}
          {phase.notSent && <DryRunNote calls={phase.notSent} verify={u.verifying} />}
          <VerdictView verdict={phase.verdict} />
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
  }
}
