// Root MFA: the device name the operator will type in the console (suggested, changeable with n), the
// unassigned device that would block it cleared (confirmed, by API; other unassigned devices are only shown),
// the console's "Assign MFA device" guided, and the end on what IAM reads back. rootlock never claims to have enabled root MFA itself: AWS does not allow it.
import { Box, Text } from "ink";
import Spinner from "ink-spinner";
import { useCallback, useRef, useState } from "react";
import {
  applyRootMfaAction,
  blockingOrphans,
  confirmOrphanDeleted,
  orphanDeletionHolds,
  deviceNameProblem,
  hasNonVirtualRootMfa,
  inspectRootMfa,
  otherOrphans,
  planRootMfa,
  type RootMfaFinding,
  suggestedDeviceName,
  verifyRootMfa,
} from "../steps/root-mfa.js";
import type { RecordedWrite } from "../aws/errors.js";
import type { ApiAction, StepContext, Verdict } from "../steps/types.js";
import { verdict, verdictAfterFailure } from "../steps/types.js";
import { ActionRunner, type RunnerOutcome } from "./components/ActionRunner.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { ErrorPanel } from "./components/ErrorPanel.js";
import { NumberedList } from "./components/NumberedList.js";
import { TextField } from "./components/TextField.js";
import { TotpTimer } from "./components/TotpTimer.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { type Bindings, useKeys } from "./keys.js";
import { StandInAssignMfa } from "./standin/StandInAssignMfa.js";
import { useUi } from "./ui-context.js";
import { useTask } from "./use-task.js";

/** What the summary needs besides the verdict: whether root's MFA is virtual (CIS 1.6 / IAM.6 wants hardware). */
export type RootMfaKind = "virtual" | "non-virtual" | undefined;

interface Props {
  ctx: StepContext;
  onDone: (verdict: Verdict, kind: RootMfaKind) => void;
  onBack: () => void;
}

type Phase =
  | { kind: "intro" }
  | { kind: "name"; error?: string }
  | { kind: "orphans" }
  | { kind: "console"; orphanEvidence: RunnerOutcome | undefined }
  | { kind: "standin"; orphanEvidence: RunnerOutcome | undefined }
  | { kind: "verifying"; orphanEvidence: RunnerOutcome | undefined }
  | { kind: "result"; verdict: Verdict; kindOfMfa: RootMfaKind; notSent: RecordedWrite[]; fromConsole?: { orphanEvidence: RunnerOutcome | undefined } };

export function RootMfaScreen({ ctx, onDone, onBack }: Props) {
  const { t, standIn } = useUi();
  const [task, retry] = useTask(() => inspectRootMfa(ctx), "iam:ListVirtualMFADevices");
  const [phase, setPhase] = useState<Phase>({ kind: "intro" });
  const mfaKind = useRef<RootMfaKind>(undefined);
  const finding = task.status === "done" ? task.value : undefined;
  // The name the operator will type in the console: it decides which unassigned device is in the way.
  const [chosenName, setChosenName] = useState<string | undefined>(undefined);
  const deviceName = chosenName ?? (finding ? suggestedDeviceName(finding) : "");
  const orphanActions = finding ? planRootMfa(finding, deviceName).filter((a): a is ApiAction => a.by === "rootlock") : [];

  const chooseName = (typed: string) => {
    if (!finding) return;
    const name = typed.trim();
    const problem = deviceNameProblem(finding, name);
    if (problem) return setPhase({ kind: "name", error: problem === "pattern" ? t.rootMfa.namePattern : t.rootMfa.nameAssigned(name) });
    setChosenName(name);
    setPhase({ kind: "intro" });
  };

  const afterOrphans = useCallback(
    (outcome: RunnerOutcome | undefined) => {
      if (!finding) return;
      if (finding.enabled) {
        const evidence = [...finding.evidence, ...(outcome?.evidence ?? [])];
        setPhase({ kind: "result", verdict: verdict("verified", "already-compliant", evidence), kindOfMfa: kindOf(finding), notSent: outcome?.notSent ?? [] });
      } else setPhase({ kind: "console", orphanEvidence: outcome });
    },
    [finding],
  );

  const keys = ((): Bindings => {
    if (!finding) return {};
    const skip = () => onDone(verdict("skipped", "operator-skipped", finding.evidence), undefined);
    switch (phase.kind) {
      case "intro":
        return {
          continue: () => (orphanActions.length > 0 ? setPhase({ kind: "orphans" }) : afterOrphans(undefined)),
          back: onBack,
          skip,
          changeName: !finding.enabled && (() => setPhase({ kind: "name" })),
        };
      case "name":
        return { back: () => setPhase({ kind: "intro" }) };
      case "console":
        return {
          continue: () => setPhase({ kind: "verifying", orphanEvidence: phase.orphanEvidence }),
          skip,
          openStandIn: !!standIn && (() => setPhase({ kind: "standin", orphanEvidence: phase.orphanEvidence })),
        };
      case "result": {
        // Assigned in the console but not seen yet: back to the console steps (or the stand-in), then check again.
        const again = canCheckAgain(phase) ? phase.fromConsole.orphanEvidence : null;
        return {
          continue: () => onDone(phase.verdict, phase.kindOfMfa),
          back: again !== null && (() => setPhase({ kind: "console", orphanEvidence: again })),
          openStandIn: again !== null && !!standIn && (() => setPhase({ kind: "standin", orphanEvidence: again })),
        };
      }
      default:
        return {};
    }
  })();
  useKeys(keys);

  if (task.status === "running") return <Text><Spinner type="dots" /> {t.preflight.reading}</Text>;
  if (task.status === "failed") return <ErrorPanel failure={task.failure} onRetry={retry} onSkip={() => onDone(verdictAfterFailure(task.failure, ctx.now()), undefined)} />;
  const f = task.value;
  const title = <Text bold>{t.rootMfa.title}</Text>;

  switch (phase.kind) {
    case "intro":
      return <RootMfaIntro finding={f} deviceName={deviceName} />;
    case "name":
      return (
        <Box flexDirection="column">
          {title}
          {phase.error && <Text color="red">{phase.error}</Text>}
          <TextField key={phase.error ?? ""} label={t.rootMfa.nameLabel} initial={deviceName} onSubmit={chooseName} focus />
          <Text dimColor>{t.rootMfa.nameHint}</Text>
        </Box>
      );
    case "orphans":
      return (
        <Box flexDirection="column">
          {title}
          <ActionRunner
            actions={orphanActions}
            apply={(a) => applyRootMfaAction(ctx, a)}
            holds={(a) => orphanDeletionHolds(ctx, a)}
            readBack={(a, hooks) => confirmOrphanDeleted(ctx, a, hooks)}
            onFinished={afterOrphans}
          />
        </Box>
      );
    case "console":
      return (
        <Box flexDirection="column">
          {title}
          <Text>{t.rootMfa.consoleOnly}</Text>
          <NumberedList items={t.rootMfa.consoleSteps} />
          <Text bold color="cyan">
            {t.rootMfa.nameToType(deviceName)}
          </Text>
          <TotpTimer clockOffsetMs={ctx.clockOffsetMs} now={ctx.now} />
          <Text color="cyan">{t.rootMfa.backup}</Text>
          {standIn && <Text color="magenta">{t.rootMfa.openStandIn}</Text>}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    case "standin":
      return <StandInAssignMfa clockOffsetMs={ctx.clockOffsetMs} onClose={() => setPhase({ kind: "console", orphanEvidence: phase.orphanEvidence })} />;
    case "verifying":
      return (
        <Box flexDirection="column">
          {title}
          <Verification
            what={t.rootMfa.verifying}
            run={async (hooks) => {
              const v = await verifyRootMfa(ctx, hooks, (read) => (mfaKind.current = kindOf(read)));
              return { ...v, evidence: [...f.evidence, ...(phase.orphanEvidence?.evidence ?? []), ...v.evidence] };
            }}
            onVerdict={(v) =>
              setPhase({ kind: "result", verdict: v, kindOfMfa: mfaKind.current, notSent: phase.orphanEvidence?.notSent ?? [], fromConsole: { orphanEvidence: phase.orphanEvidence } })
            }
          />
        </Box>
      );
    case "result":
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{t.rootMfa.verified}</Text>}
          {phase.notSent.length > 0 && <DryRunNote calls={phase.notSent} verify={t.rootMfa.verifying} />}
          <VerdictView verdict={phase.verdict} />
          {phase.kindOfMfa === "non-virtual" && <Text color="green">{t.rootMfa.hardware}</Text>}
          {phase.kindOfMfa === "virtual" && <Text color="yellow">{t.rootMfa.hardwareAdvice}</Text>}
          {phase.verdict.state === "verified" && <Text color="cyan">{t.rootMfa.backup}</Text>}
          {canCheckAgain(phase) && <Text dimColor>{t.common.checkAgain}</Text>}
          {canCheckAgain(phase) && standIn && <Text color="magenta">{t.rootMfa.openStandIn}</Text>}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
  }
}

/** A result of the console's assignment that AWS did not confirm: the operator may finish it and check again. */
function canCheckAgain(phase: Extract<Phase, { kind: "result" }>): phase is Extract<Phase, { kind: "result" }> & { fromConsole: { orphanEvidence: RunnerOutcome | undefined } } {
  return !!phase.fromConsole && phase.verdict.state !== "verified";
}

function kindOf(finding: RootMfaFinding): RootMfaKind {
  if (!finding.enabled) return undefined;
  return hasNonVirtualRootMfa(finding) ? "non-virtual" : "virtual";
}

export function RootMfaIntro({ finding, deviceName }: { finding: RootMfaFinding; deviceName: string }) {
  const { t } = useUi();
  const m = t.rootMfa;
  return (
    <Box flexDirection="column">
      <Text bold>{m.title}</Text>
      <Text>{m.consoleOnly}</Text>
      {finding.enabled ? <Text color="green">{m.already}</Text> : null}
      {finding.rootDevices.length > 0 && <Text>{m.devices(finding.rootDevices.map((d) => d.serialNumber).join(", "))}</Text>}
      {hasNonVirtualRootMfa(finding) && <Text color="green">{m.hardware}</Text>}
      {!finding.enabled && (
        <Text>
          {m.deviceName(deviceName)} <Text dimColor>{m.changeName}</Text>
        </Text>
      )}
      {/* With root MFA on, nothing is assigned, so nothing is in the way: every unassigned device is information. */}
      {!finding.enabled &&
        blockingOrphans(finding, deviceName).map((o) => (
          <Text key={o.serialNumber} color="yellow">
            {m.orphan(o.serialNumber)}
          </Text>
        ))}
      {(finding.enabled ? finding.orphans : otherOrphans(finding, deviceName)).map((o) => (
        <Text key={o.serialNumber} dimColor>
          {m.otherOrphan(o.serialNumber)}
        </Text>
      ))}
      <Text dimColor>{t.common.done}</Text>
    </Box>
  );
}
