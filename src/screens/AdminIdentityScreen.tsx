// An admin identity instead of root: shows who already has AdministratorAccess; when nobody but root does (or
// the operator asks with n), takes a user name, makes the group, policy, user, membership and login profile one
// confirmed, read-back change at a time, shows the generated password once, enrols the user's MFA through the
// user-MFA screen, and verifies the whole identity. Given up half-way (or quit), it removes what it made.
import { Box, Text } from "ink";
import { useCallback, useEffect, useRef } from "react";
import { isAccountError, outcomeUnknown, type RecordedWrite } from "../aws/errors.js";
import { shownCall } from "../aws/operations.js";
import {
  adminActionHolds,
  type AdminIdentityFinding,
  afterUserMfa,
  applyAdminAction,
  confirmAdminAction,
  consoleSignInUrl,
  describeMade,
  fullPlan,
  hasAdmin,
  inspectAdminIdentity,
  planAdminIdentity,
  rollbackAdminIdentity,
  undoOnQuit,
  USER_NAME_PATTERN,
  verifyAdminIdentity,
} from "../steps/admin-identity.js";
import { declinedVerdict, dryRunEvidence, type RunnerOutcome } from "../steps/plan-outcome.js";
import type { ApiAction, Evidence, Verdict } from "../steps/types.js";
import { verdict } from "../steps/types.js";
import { ActionRunner } from "./components/ActionRunner.js";
import { ActionLine } from "./components/ConfirmCall.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { TextField } from "./components/TextField.js";
import { VerdictView } from "./components/VerdictView.js";
import { Verification } from "./components/Verification.js";
import { useUi } from "./ui-context.js";
import { attempt } from "./use-task.js";
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
  | { kind: "checking"; userName: string; prior: Evidence[] }
  | { kind: "rollingBack"; then: Verdict }
  | { kind: "done"; verdict: Verdict; userName?: string; notSent?: RecordedWrite[]; left?: string[] };

export function AdminIdentityScreen({ ctx, onDone, onBack }: StepScreenProps) {
  const { t, cleanups } = useUi();
  const a = t.adminIdentity;
  // What this run made (or may have made: a call whose answer was lost), in order: the rollback's list.
  const made = useRef<ApiAction[]>([]);
  const cleanupId = useRef<string | undefined>(undefined);
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
  const setPhase = step.setPhase;
  const phase = step.phase;
  const finding = step.finding;

  /** Keeps one undo registered for quitting (q, Ctrl-C) that removes everything made so far, last first. */
  const registerUndo = useCallback(() => {
    if (cleanupId.current) cleanups.remove(cleanupId.current);
    cleanupId.current = undefined;
    if (made.current.length === 0) return;
    const actions = [...made.current];
    cleanupId.current = actions.map(describeMade).join(", ");
    cleanups.add(cleanupId.current, () => undoOnQuit(ctx, actions));
  }, [cleanups, ctx]);

  const remember = useCallback(
    (action: ApiAction) => {
      if (!made.current.includes(action)) made.current.push(action);
      registerUndo();
    },
    [registerUndo],
  );

  const forget = useCallback(() => {
    made.current = [];
    registerUndo();
  }, [registerUndo]);

  // The rollback runs as its own phase, tracked so that a quit meanwhile waits for it.
  useEffect(() => {
    if (phase.kind !== "rollingBack") return;
    let live = true;
    const then = phase.then;
    void cleanups.track(attempt(() => rollbackAdminIdentity(ctx, made.current), "rollback")).then((r) => {
      if (!live) return;
      const removed = r.ok ? r.value.removed : [];
      const left = r.ok ? r.value.left : made.current.map(describeMade);
      // What is left (only that) stays registered: quitting tries once more, and the report names what is still there.
      made.current = r.ok ? r.value.leftActions : made.current;
      registerUndo();
      const v = left.length === 0 ? { ...then, evidence: [...then.evidence, ...removed] } : verdict("failed", "error", [...then.evidence, ...removed]);
      setPhase({ kind: "done", verdict: v, left });
    });
    return () => {
      live = false;
    };
    // Only a change of phase starts the rollback (the shell hands a new ctx object on each of its renders, and
    // a second rollback must never be started).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);

  if (!finding) return step.gate;
  const f = finding;
  const title = <Text bold>{a.title}</Text>;

  const onRunnerFinished = (userName: string, actions: ApiAction[]) => (outcome: RunnerOutcome) => {
    const found = f.evidence;
    if (outcome.notSent.length > 0) {
      // Dry run: nothing was made, so there is no password and no device; show every call a real run would make.
      const mfaCalls = fullPlan(f, userName, ctx.caller.accountId).slice(actions.length);
      const calls = [...outcome.notSent, ...mfaCalls.map((c) => ({ ...shownCall(c), at: ctx.now() }))];
      return setPhase({ kind: "done", verdict: verdict("skipped", "dry-run", [...found, ...dryRunEvidence(calls)]), notSent: calls });
    }
    if (outcome.stopped) {
      // Declined half-way: the verdict names the call; what was made before it is rolled back.
      const then = outcome.declined && outcome.done.length > 0 ? declinedVerdict(found, outcome, ctx.now()) : verdict("skipped", "operator-skipped", found);
      return setPhase(made.current.length > 0 ? { kind: "rollingBack", then } : { kind: "done", verdict: then });
    }
    setPhase({ kind: "password", userName, password: password.current ?? "" });
  };

  const submitName = async (raw: string) => {
    const userName = raw.trim();
    if (!USER_NAME_PATTERN.test(userName)) return setPhase({ kind: "name", problem: a.nameInvalid });
    setPhase({ kind: "name", checking: true });
    const exists = await attempt(() => ctx.account.userExists(userName), "iam:GetUser");
    if (!exists.ok) return setPhase({ kind: "name", problem: t.errors[exists.failure.code](exists.failure.action) });
    if (exists.value) return setPhase({ kind: "name", problem: a.nameTaken(userName) });
    setPhase({ kind: "creating", userName, actions: planAdminIdentity(f, userName) });
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
              {fullPlan(f, "<user>", ctx.caller.accountId).map((action, i) => (
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
            apply={async (action) => {
              try {
                const receipt = await applyAdminAction(ctx, action, (p) => (password.current = p));
                remember(action);
                return receipt;
              } catch (error) {
                // The change may have been made: the rollback reads first, and removes it if it is there.
                if (isAccountError(error) && outcomeUnknown(error.code)) remember(action);
                throw error;
              }
            }}
            holds={async (action) => {
              const held = await adminActionHolds(ctx, action);
              if (held) remember(action);
              return held;
            }}
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
          onDone={(v) => {
            const next = afterUserMfa(f.evidence, v);
            setPhase("verify" in next ? { kind: "checking", userName: phase.userName, prior: next.verify } : { kind: "rollingBack", then: next.rollBack });
          }}
          onBack={() => setPhase({ kind: "rollingBack", then: verdict("skipped", "operator-skipped", f.evidence) })}
        />
      );
    case "checking":
      return (
        <Box flexDirection="column">
          {title}
          <Verification
            what={a.verifying}
            run={(hooks) => verifyAdminIdentity(ctx, f.groupName, phase.userName, hooks)}
            onVerdict={(v) => {
              // The identity is complete (its MFA is on): nothing is undone on quitting any more.
              forget();
              setPhase({ kind: "done", userName: phase.userName, verdict: { ...v, evidence: [...f.evidence, ...phase.prior, ...v.evidence] } });
            }}
          />
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
