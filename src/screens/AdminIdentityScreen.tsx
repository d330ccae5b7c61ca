// An admin identity instead of root: shows who already has AdministratorAccess; when nobody but root does (or
// the operator asks with n), takes a user name, makes the group, policy, user, membership and login profile one
// confirmed, read-back change at a time, shows the generated password once, enrols the user's MFA through the
// user-MFA screen, and verifies the whole identity. Given up half-way (or quit), it removes what it made. What
// was made, where each end leads and the rollback are src/steps/admin-identity-flow.ts; this screen draws.
import { Box, Text } from "ink";
import { useRef, useState } from "react";
import { type AdminIdentityFinding, confirmAdminAction, consoleSignInUrl, fullPlan, hasAdmin, inspectAdminIdentity } from "../steps/admin-identity.js";
import { type AdminIdentityEnd, type AdminIdentityOperator, AdminIdentityRun, type NameProblem, typedName } from "../steps/admin-identity-flow.js";
import type { RunnerOutcome } from "../steps/plan-outcome.js";
import type { ApiAction, Verdict } from "../steps/types.js";
import { verdict } from "../steps/types.js";
import type { WaitHooks } from "../steps/wait.js";
import { ActionRunner } from "./components/ActionRunner.js";
import { ActionLine } from "./components/ConfirmCall.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { TextField } from "./components/TextField.js";
import { VerdictView } from "./components/VerdictView.js";
import { Verification } from "./components/Verification.js";
import { useUi } from "./ui-context.js";
import { Busy, type StepScreenProps, useStep } from "./use-step.js";
import { UserMfaScreen } from "./UserMfaScreen.js";

/**
 * The screen's own phases: the new user's name, its creation (the runner), the generated password shown once, the
 * user-MFA screen, the whole identity's check, the rollback, and the end. The scaffold's running / verifying / result
 * are not used: here they carry the new user's name and the rollback's list.
 */
type Own =
  | { kind: "name"; problem?: string; checking?: boolean }
  | { kind: "creating"; userName: string; actions: ApiAction[] }
  | { kind: "password"; userName: string; password: string }
  | { kind: "mfa"; userName: string }
  | { kind: "checking"; run: (hooks: WaitHooks) => Promise<Verdict>; answer: (v: Verdict) => void }
  | { kind: "rollingBack" }
  | ({ kind: "done" } & AdminIdentityEnd);

export function AdminIdentityScreen({ ctx, onDone, onBack }: StepScreenProps) {
  const { t, cleanups } = useUi();
  const a = t.adminIdentity;
  // What this run made, the undo kept for quitting, and the rollback.
  const [run] = useState(() => new AdminIdentityRun(ctx, cleanups));
  // The generated password, between CreateLoginProfile and the operator's Enter on the screen that shows it.
  const password = useRef<string | undefined>(undefined);

  const step = useStep<AdminIdentityFinding, Own>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectAdminIdentity(ctx),
    reads: "iam:ListEntitiesForPolicy",
    keys: (finding, phase, step) => {
      switch (phase.kind) {
        case "intro":
          return step.introKeys(
            hasAdmin(finding)
              ? { continue: step.alreadyCompliant, newAdmin: () => step.setPhase({ kind: "name" }) }
              : { continue: () => step.setPhase({ kind: "name" }) },
          );
        case "name":
          return { back: () => step.setPhase({ kind: "intro" }) };
        case "password":
          return {
            continue: () => {
              // The password leaves memory and the screen here.
              password.current = undefined;
              step.setPhase({ kind: "mfa", userName: phase.userName });
            },
          };
        case "done":
          return { continue: () => onDone(phase.verdict) };
        default:
          return {};
      }
    },
  });
  const { setPhase, phase, finding, ask } = step;

  const operator: AdminIdentityOperator = {
    busy: () => setPhase({ kind: "rollingBack" }),
    verify: (check) => ask((answer) => ({ kind: "checking", run: check, answer })),
  };
  const end = (ending: Promise<AdminIdentityEnd>) => void ending.then((e) => setPhase({ kind: "done", ...e }));

  if (!finding) return step.gate;
  const f = finding;
  const title = <Text bold>{a.title}</Text>;

  const onRunnerFinished = (userName: string, actions: ApiAction[]) => (outcome: RunnerOutcome) =>
    void run
      .planEnded(f, outcome, userName, actions, operator)
      .then((e) => setPhase(e ? { kind: "done", ...e } : { kind: "password", userName, password: password.current ?? "" }));

  const said = (problem: NameProblem) =>
    problem.kind === "invalid" ? a.nameInvalid : problem.kind === "taken" ? a.nameTaken(problem.userName) : t.errors[problem.failure.code](problem.failure.action);
  const submitName = async (typed: string) => {
    const named = typedName(typed);
    if ("problem" in named) return setPhase({ kind: "name", problem: said(named.problem) });
    setPhase({ kind: "name", checking: true });
    const free = await run.nameFree(f, named.userName);
    setPhase("problem" in free ? { kind: "name", problem: said(free.problem) } : { kind: "creating", ...free });
  };

  switch (phase.kind) {
    case "intro":
      return (
        <Box flexDirection="column">
          {title}
          <Text>{a.why}</Text>
          <Text color="yellow">{a.identityCenter}</Text>
          {hasAdmin(f) ? (
            <Box flexDirection="column" marginTop={1}>
              <Text>{a.found}</Text>
              {f.admins.map((h) => (
                <Text key={`${h.kind}/${h.name}/${h.via ?? ""}`}>{`  ${a.holder(h.kind, h.name, h.via)}`}</Text>
              ))}
              <VerdictView verdict={verdict("verified", "already-compliant", f.evidence)} />
              <Text dimColor>{a.createAnyway}</Text>
            </Box>
          ) : (
            <Box flexDirection="column" marginTop={1}>
              <Text color="red">{a.none}</Text>
              <Text>{a.willCreate}</Text>
              {fullPlan(f, "<user>", ctx.caller).map((action, i) => (
                <ActionLine key={i} action={action} oneLine />
              ))}
            </Box>
          )}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    case "name":
      return (
        <Box flexDirection="column">
          {title}
          <TextField label={a.nameLabel} onSubmit={(v) => void submitName(v)} focus={!phase.checking} maxLength={64} />
          {phase.checking && <Busy what={a.checkingName} />}
          {phase.problem && <Text color="red">{phase.problem}</Text>}
          <Text dimColor>{a.nameHint}</Text>
        </Box>
      );
    case "creating":
      return (
        <Box flexDirection="column">
          {title}
          <ActionRunner
            actions={phase.actions}
            apply={(action) => run.apply(action, (p) => (password.current = p))}
            holds={(action) => run.holds(action)}
            readBack={(action, hooks) => confirmAdminAction(ctx, action, hooks)}
            onFinished={onRunnerFinished(phase.userName, phase.actions)}
          />
        </Box>
      );
    case "password":
      return (
        <Box flexDirection="column">
          {title}
          <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
            <Text>{a.passwordTitle(phase.userName)}</Text>
            <Text bold>{phase.password}</Text>
          </Box>
          <Text>{a.passwordKeep}</Text>
          <Text>{a.passwordChange}</Text>
          <Text>{a.signInAt(consoleSignInUrl(ctx.caller.accountId))}</Text>
          <Text dimColor>{a.passwordContinue}</Text>
        </Box>
      );
    case "mfa":
      return (
        <UserMfaScreen
          ctx={ctx}
          userName={phase.userName}
          onDone={(v) => end(run.mfaEnded(f, phase.userName, v, operator))}
          onBack={() => end(run.mfaLeft(f, operator))}
        />
      );
    case "checking":
      return (
        <Box flexDirection="column">
          {title}
          <Verification what={a.verifying} run={phase.run} onVerdict={phase.answer} />
        </Box>
      );
    case "rollingBack":
      return <Busy what={a.rollingBack} />;
    case "done":
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && phase.userName && (
            <>
              <Text color="green">{a.verified(phase.userName)}</Text>
              <Text>{a.switchTo(phase.userName, consoleSignInUrl(ctx.caller.accountId))}</Text>
              {ctx.caller.kind === "root" && <Text color="yellow">{a.switchFromRoot(phase.userName)}</Text>}
            </>
          )}
          {phase.left && phase.left.length === 0 && <Text>{a.rolledBack}</Text>}
          {phase.left && phase.left.length > 0 && (
            <Box flexDirection="column">
              <Text color="red">{a.leftTitle}</Text>
              {phase.left.map((item) => (
                <Text key={item}>{`  ${item}`}</Text>
              ))}
            </Box>
          )}
          {phase.notSent && <DryRunNote calls={phase.notSent} verify={a.verifying} />}
          <VerdictView verdict={phase.verdict} />
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
  }
}
