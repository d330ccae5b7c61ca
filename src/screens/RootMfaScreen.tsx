// Root MFA: the device name the operator will type in the console (suggested, changeable with n), the
// unassigned device that would block it cleared (confirmed, by API; other unassigned devices are only shown),
// the console's "Assign MFA device" guided, and the end on what IAM reads back. rootlock never claims to have enabled root MFA itself: AWS does not allow it.
import { Box, Text } from "ink";
import { useState } from "react";
import {
  applyRootMfaAction,
  blockingOrphans,
  confirmOrphanDeleted,
  deletionMayHaveLanded,
  orphanDeletionHolds,
  deviceNameProblem,
  hasNonVirtualRootMfa,
  inspectRootMfa,
  orphanInTheWay,
  otherOrphans,
  planRootMfa,
  type RootMfaFinding,
  skippedInTheWay,
  suggestedDeviceName,
  verifyRootMfa,
  withoutDeleted,
  withRootMfaKind,
} from "../steps/root-mfa.js";
import { type RunnerOutcome, withPrior } from "../steps/plan-outcome.js";
import type { VirtualMfaDevice } from "../aws/account.js";
import type { ApiAction, Verdict } from "../steps/types.js";
import { verdict } from "../steps/types.js";
import { ActionRunner } from "./components/ActionRunner.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { NumberedList } from "./components/NumberedList.js";
import { TextField } from "./components/TextField.js";
import { TotpTimer } from "./components/TotpTimer.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { StandInAssignMfa } from "./standin/StandInAssignMfa.js";
import { useUi } from "./ui-context.js";
import { type StepScreenProps, useStep } from "./use-step.js";

/**
 * The device name field; the console's steps; the simulated console on top of them; the device of the chosen name
 * still in the way after its deletion was declined or failed ("running": the orphans' deletion).
 */
type Own = { kind: "name"; error?: string } | { kind: "console" } | { kind: "standin" } | { kind: "inTheWay"; device: VirtualMfaDevice; outcome: RunnerOutcome };

export function RootMfaScreen({ ctx, onDone, onBack }: StepScreenProps) {
  const { t, standIn } = useUi();
  // The name the operator will type in the console: it decides which unassigned device is in the way.
  const [chosenName, setChosenName] = useState<string | undefined>(undefined);
  // The blocking devices' deletion, when there was one: its read-backs join the evidence, its dry-run calls the result.
  const [orphans, setOrphans] = useState<RunnerOutcome>();
  // The deletions made so far (a name changed after a stopped deletion plans again without them).
  const [deleted, setDeleted] = useState<ApiAction[]>([]);

  const step = useStep<RootMfaFinding, Own>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectRootMfa(ctx),
    reads: "iam:ListVirtualMFADevices",
    keys: (finding, phase, step) => {
      const skip = step.introKeys({}).skip;
      switch (phase.kind) {
        case "intro":
          return step.introKeys({
            continue: () => (orphanActions.length > 0 ? step.setPhase({ kind: "running" }) : afterOrphans(finding, undefined)),
            changeName: !finding.enabled && (() => step.setPhase({ kind: "name" })),
          });
        case "name":
          // Enter and Esc named for what they do to the name (the field's submitKey, and keepName), not "continue" / "back".
          return { keepName: () => step.setPhase({ kind: "intro" }) };
        case "inTheWay":
          // Never on to the console, where the assignment under this name would fail: another name, or skip.
          return {
            changeName: () => step.setPhase({ kind: "name" }),
            skip: () => onDone(skippedInTheWay(finding, phase.outcome, ctx.now())),
          };
        case "console":
          return { continue: () => step.setPhase({ kind: "verifying" }), skip, openStandIn: !!standIn && (() => step.setPhase({ kind: "standin" })) };
        case "result":
          // Assigned in the console but not seen yet: back to the console steps (or the stand-in), then check again.
          return canCheckAgain(finding, phase.verdict)
            ? { checkAgain: () => step.setPhase({ kind: "console" }), openStandIn: !!standIn && (() => step.setPhase({ kind: "standin" })) }
            : {};
        default:
          return {};
      }
    },
  });
  // What the inspection found, less the devices deleted since.
  const finding = step.finding && withoutDeleted(step.finding, deleted);
  const deviceName = chosenName ?? (finding ? suggestedDeviceName(finding) : "");
  const orphanActions = finding ? planRootMfa(finding, deviceName).filter((a): a is ApiAction => a.by === "rootlock") : [];

  /**
   * With root MFA already on, the step ends here (verified by the inspection); with the device of the chosen name
   * still there (its deletion declined or failed), the operator chooses another name or skips; else on to the console.
   */
  function afterOrphans(f: RootMfaFinding, outcome: RunnerOutcome | undefined) {
    const done = [...deleted, ...(outcome?.done ?? [])];
    setDeleted(done);
    setOrphans((before) => outcome && { ...outcome, evidence: [...(before?.evidence ?? []), ...outcome.evidence] });
    // A dry run sends nothing and asks nothing of the console: its result shows the calls.
    const inTheWay = outcome?.stopped && outcome.notSent.length === 0 ? orphanInTheWay(withoutDeleted(f, done), deviceName) : undefined;
    if (inTheWay && outcome) return step.setPhase({ kind: "inTheWay", device: inTheWay, outcome });
    if (!f.enabled) return step.setPhase({ kind: "console" });
    const v = withRootMfaKind(verdict("verified", "already-compliant", [...f.evidence, ...(outcome?.evidence ?? [])]), f);
    step.setPhase({ kind: "result", verdict: v, notSent: outcome?.notSent });
  }

  const chooseName = (typed: string) => {
    if (!finding) return;
    const name = typed.trim();
    const problem = deviceNameProblem(finding, name);
    if (problem) return step.setPhase({ kind: "name", error: problem === "pattern" ? t.rootMfa.namePattern : t.rootMfa.nameAssigned(name) });
    setChosenName(name);
    step.setPhase({ kind: "intro" });
  };

  if (!finding) return step.gate;
  const f = finding;
  const phase = step.phase;
  const title = <Text bold>{t.rootMfa.title}</Text>;

  switch (phase.kind) {
    case "intro":
      return <RootMfaIntro finding={f} deviceName={deviceName} />;
    case "name":
      return (
        <Box flexDirection="column">
          {title}
          {phase.error && <Text color="red">{phase.error}</Text>}
          <TextField key={phase.error ?? ""} label={t.rootMfa.nameLabel} initial={deviceName} onSubmit={chooseName} focus submitKey="useName" />
        </Box>
      );
    case "running":
      return (
        <Box flexDirection="column">
          {title}
          <ActionRunner
            actions={orphanActions}
            apply={(a) => applyRootMfaAction(ctx, a)}
            holds={(a) => orphanDeletionHolds(ctx, a)}
            readBack={(a, hooks) => confirmOrphanDeleted(ctx, a, hooks)}
            onFinished={(outcome) => afterOrphans(f, outcome)}
          />
        </Box>
      );
    case "console":
      return (
        <Box flexDirection="column">
          {title}
          <Text>{t.rootMfa.consoleOnly}</Text>
          <NumberedList items={t.rootMfa.consoleSteps} />
          {/* The name and the timer share a line: the console steps fit 80x24. */}
          <Box columnGap={3}>
            <Text bold color="cyan">
              {t.rootMfa.nameToType(deviceName)}
            </Text>
            <TotpTimer clockOffsetMs={ctx.clockOffsetMs} now={ctx.now} />
          </Box>
          <Text color="cyan">{t.rootMfa.backup}</Text>
          {standIn && <Text color="magenta">{t.rootMfa.openStandIn}</Text>}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    case "inTheWay":
      return (
        <Box flexDirection="column">
          {title}
          <Text color="yellow">
            {(deletionMayHaveLanded(phase.outcome) ? t.rootMfaInTheWay.mayBeThere : t.rootMfaInTheWay.stillThere)(phase.device.serialNumber, deviceName)}
          </Text>
          <Text dimColor>{t.rootMfaInTheWay.keys}</Text>
        </Box>
      );
    case "standin":
      return <StandInAssignMfa clockOffsetMs={ctx.clockOffsetMs} onClose={() => step.setPhase({ kind: "console" })} />;
    case "verifying":
      return (
        <Box flexDirection="column">
          {title}
          <Verification
            what={t.rootMfa.verifying}
            run={(hooks) => verifyRootMfa(ctx, hooks)}
            // The orphans' read-backs join the evidence; the assignment's own read decides (a late orphan read does not).
            onVerdict={(v) =>
              step.setPhase({
                kind: "result",
                verdict: withPrior(v, f.evidence, orphans && { evidence: orphans.evidence, unconfirmed: false }),
                notSent: orphans?.notSent,
              })
            }
          />
        </Box>
      );
    case "result": {
      const kind = phase.verdict.handoff?.rootMfaKind;
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{t.rootMfa.verified}</Text>}
          {phase.notSent && phase.notSent.length > 0 && <DryRunNote calls={phase.notSent} verify={t.rootMfa.verifying} />}
          <VerdictView verdict={phase.verdict} />
          {kind === "non-virtual" && <Text color="green">{t.rootMfa.hardware}</Text>}
          {kind === "virtual" && <Text color="yellow">{t.rootMfa.hardwareAdvice}</Text>}
          {phase.verdict.state === "verified" && <Text color="cyan">{t.rootMfa.backup}</Text>}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    }
  }
}

/**
 * A result of the console's assignment that AWS did not confirm: the operator may finish it and check again. (With
 * root MFA off at the start, every result of this screen comes from the console's assignment.)
 */
function canCheckAgain(finding: RootMfaFinding, v: Verdict): boolean {
  return !finding.enabled && v.state !== "verified";
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
      {/* The name on a line of its own: at 80 columns a hint beside it ran on from the name ("root-mfa n: choose…"). */}
      {!finding.enabled && <Text>{m.deviceName(deviceName)}</Text>}
      {!finding.enabled && <Text dimColor>{m.changeName}</Text>}
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
