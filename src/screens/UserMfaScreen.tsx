// The operator's own admin user's MFA, fully in the terminal: create the device, draw its QR, take two
// codes, check them here, enable, read back. The secret exists only in this screen's state while the codes
// are being typed; giving up, failing or quitting deletes the device that was created.
import { Box, Text } from "ink";
import { useEffect } from "react";
import { type AccountFailure, outcomeUnknown } from "../aws/errors.js";
import { shownCall } from "../aws/operations.js";
import { partitionOf } from "../aws/partition.js";
import { otpauthUri } from "../lib/totp.js";
import type { ApiAction, Verdict } from "../steps/types.js";
import { verdict } from "../steps/types.js";
import {
  checkCodes,
  createDevice,
  deviceEnabled,
  discardDevice,
  enableDevice,
  inspectUserMfa,
  planUserMfa,
  type UserMfaFinding,
  TOTP_ISSUER,
  totpLabel,
  verifyUserMfa,
} from "../steps/user-mfa.js";
import { CodePair } from "./components/CodePair.js";
import { ActionLine, ConfirmCall } from "./components/ConfirmCall.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { dryRunEvidence } from "../steps/plan-outcome.js";
import { ErrorPanel } from "./components/ErrorPanel.js";
import { QrOrSecret } from "./components/QrOrSecret.js";
import { TotpTimer } from "./components/TotpTimer.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { useUi } from "./ui-context.js";
import { attempt } from "./use-task.js";
import { Busy, type StepPhase, type StepScreenProps, useStep } from "./use-step.js";

interface Props extends StepScreenProps {
  /** Another user than the caller's own (the admin user the admin-identity step has just created). */
  userName?: string;
}

interface Device {
  serialNumber: string;
  secret: string;
}

/** The screen's own phases (its verifying is keyed by the device; "result" is the scaffold's). */
type Own =
  | { kind: "confirm" }
  | { kind: "creating" }
  | { kind: "codes"; device: Device; attempt: number; problem?: string }
  | { kind: "enabling"; device: Device; code1: string; code2: string; attempt: number }
  /** `retried`: an earlier attempt failed, so the device may already be gone; read before deleting. */
  | { kind: "discarding"; serialNumber: string; then: Verdict; retried?: boolean }
  | { kind: "checking"; serialNumber: string }
  | { kind: "failed"; failure: AccountFailure; retry: Phase; giveUp: Phase };

type Phase = StepPhase<Own>;

export function UserMfaScreen({ ctx, onDone, onBack, userName: forUser }: Props) {
  const { t, cleanups } = useUi();
  const step = useStep<UserMfaFinding, Own>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectUserMfa(ctx, forUser),
    reads: "iam:ListMFADevices",
    keys: (finding, phase, step) =>
      phase.kind === "intro"
        ? step.introKeys({ continue: () => (planFor(finding).length === 0 ? onDone(introVerdict(finding)) : step.setPhase({ kind: "confirm" })) })
        : {},
  });
  const { phase, setPhase } = step;
  const finding = step.finding;
  const userName = finding?.userName ?? "";
  const planFor = (f: UserMfaFinding) => planUserMfa(f, ctx.caller.accountId, partitionOf(ctx.caller.arn)) as ApiAction[];
  const plan = finding ? planFor(finding) : [];
  const nothingToDo = !!finding && plan.length === 0;

  // Each phase that talks to AWS runs here; the rest are driven by keys.
  useEffect(() => {
    let live = true;
    const go = (next: Phase) => live && setPhase(next);
    const failed = (failure: AccountFailure, retryPhase: Phase, giveUp: Phase) => go({ kind: "failed", failure, retry: retryPhase, giveUp });
    if (phase.kind === "creating") {
      // The undo is registered as soon as AWS answers, even if the operator has pressed Ctrl-C meanwhile.
      const created = cleanups.track(attempt(() => createDevice(ctx, userName), "iam:CreateVirtualMFADevice"));
      void created.then((r) => {
        // The device exists (AWS said so): its deletion is sent, not looked for first (IAM lists it late).
        if (r.ok) cleanups.add(r.value.serialNumber, () => discardDevice(ctx, r.value.serialNumber));
        if (!r.ok && r.notSent) {
          // Dry run: no device, so no QR and no codes; show both calls that a real run would make.
          const calls = plan.map((a) => ({ ...shownCall(a), at: ctx.now() }));
          return go({ kind: "result", verdict: verdict("skipped", "dry-run", dryRunEvidence(calls)), notSent: calls });
        }
        if (!r.ok) return failed(r.failure, { kind: "creating" }, { kind: "result", verdict: verdict("skipped", "error") });
        go({ kind: "codes", device: { serialNumber: r.value.serialNumber, secret: r.value.secret }, attempt: 0 });
      });
    }
    if (phase.kind === "enabling") {
      const { device, code1, code2 } = phase;
      const enabled = cleanups.track(
        (async () => {
          const r = await attempt(() => enableDevice(ctx, userName, device.serialNumber, code1, code2), "iam:EnableMFADevice");
          if (r.ok || !outcomeUnknown(r.failure.code)) return r;
          // No clear answer: read whether the device is on the user before saying anything.
          const read = await attempt(() => deviceEnabled(ctx, userName, device.serialNumber), "iam:ListMFADevices");
          return read.ok && read.value ? ({ ok: true } as const) : r;
        })(),
      );
      void enabled.then((r) => {
        if (r.ok) {
          cleanups.remove(device.serialNumber);
          return go({ kind: "checking", serialNumber: device.serialNumber });
        }
        // IAM's own refusal of the codes: same device, new codes.
        if (r.failure.code === "InvalidAuthenticationCode") {
          return go({ kind: "codes", device, attempt: phase.attempt + 1, problem: t.errors.InvalidAuthenticationCode(r.failure.action) });
        }
        failed(r.failure, { kind: "codes", device, attempt: phase.attempt + 1 }, giveUpPhase(device.serialNumber, verdict("unverified", "error")));
      });
    }
    if (phase.kind === "discarding") {
      const { serialNumber } = phase;
      void cleanups.track(attempt(() => discardDevice(ctx, serialNumber, { readFirst: phase.retried }), "iam:DeleteVirtualMFADevice")).then((r) => {
        if (r.ok) cleanups.remove(serialNumber);
        // The deletion may have landed: an undo on the way out (q, Ctrl-C) must look before it sends again.
        else if (outcomeUnknown(r.failure.code)) cleanups.add(serialNumber, () => discardDevice(ctx, serialNumber, { readFirst: true }));
        if (!r.ok) return failed(r.failure, { ...phase, retried: true }, { kind: "result", verdict: phase.then });
        go({ kind: "result", verdict: phase.then });
      });
    }
    return () => {
      live = false;
    };
    // Only a change of phase starts work.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);

  if (!finding) return step.gate;
  const f = finding;
  const u = t.userMfa;
  const title = <Text bold>{f.applicable ? u.title(userName) : t.steps["operator-mfa"]}</Text>;

  const submitCodes = (device: Device, attemptNo: number) => (code1: string, code2: string) => {
    const check = checkCodes(ctx, device.secret, code1, code2);
    if (check.ok) setPhase({ kind: "enabling", device, code1: code1.trim(), code2: code2.trim(), attempt: attemptNo });
    else setPhase({ kind: "codes", device, attempt: attemptNo + 1, problem: u.problems[check.problem] });
  };

  switch (phase.kind) {
    case "intro":
      return (
        <Box flexDirection="column">
          {title}
          {!f.applicable && <Text>{u.notApplicable}</Text>}
          {f.applicable && f.devices.length > 0 && <Text color="green">{u.already(userName)}</Text>}
          {nothingToDo ? (
            <VerdictView verdict={introVerdict(f)} />
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
    case "confirm":
      return (
        <Box flexDirection="column">
          {title}
          <ConfirmCall action={plan[0]!} onConfirm={() => setPhase({ kind: "creating" })} onDecline={() => setPhase({ kind: "intro" })} />
          {/* One confirmation covers both calls: the second is sent only once the operator has typed two good codes. */}
          <Text dimColor>{u.thenEnable}</Text>
          <ActionLine action={plan[1]!} />
        </Box>
      );
    case "creating":
      return <Busy what={u.creating} />;
    case "codes":
      return (
        <Box flexDirection="column">
          {title}
          <Text>{u.scan}</Text>
          <QrOrSecret uri={otpauthUri(phase.device.secret, TOTP_ISSUER, totpLabel(userName, ctx.caller.accountId))} secret={phase.device.secret} active />
          <TotpTimer clockOffsetMs={ctx.clockOffsetMs} now={ctx.now} />
          <Text dimColor>{u.codeHint}</Text>
          {phase.problem && <Text color="red">{phase.problem}</Text>}
          <CodePair
            key={phase.attempt}
            labels={[u.code1, u.code2]}
            onSubmit={submitCodes(phase.device, phase.attempt)}
            onCancel={() => setPhase(giveUpPhase(phase.device.serialNumber, verdict("skipped", "operator-skipped")))}
            active
          />
        </Box>
      );
    case "enabling":
      return <Busy what={u.enabling} />;
    case "discarding":
      return <Busy what={u.discarding} />;
    case "failed":
      return <ErrorPanel failure={phase.failure} write onRetry={() => setPhase(phase.retry)} onSkip={() => setPhase(phase.giveUp)} />;
    case "checking":
      return (
        <Box flexDirection="column">
          {title}
          <Verification
            what={u.verifying}
            run={async (hooks) => {
              const v = await verifyUserMfa(ctx, userName, phase.serialNumber, hooks);
              return { ...v, evidence: [...f.evidence, ...v.evidence] };
            }}
            onVerdict={(v) => setPhase({ kind: "result", verdict: v })}
          />
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

/** Nothing to do: the user already has MFA (verified by the inspection), or there is no IAM user to enrol. */
function introVerdict(finding: UserMfaFinding): Verdict {
  return finding.applicable ? verdict("verified", "already-compliant", finding.evidence) : verdict("skipped", "not-applicable");
}

/** Giving up after the device exists means deleting it first: rootlock leaves no orphan of its own. */
function giveUpPhase(serialNumber: string, then: Verdict): Phase {
  return { kind: "discarding", serialNumber, then };
}
