// Root access keys: show each key and its last use, then either make the changes (root's own key) or
// guide the console (any other caller), and end on what IAM reads back.
import { Box, Text } from "ink";
import { useCallback, useState } from "react";
import type { RecordedWrite } from "../aws/errors.js";
import type { ApiAction, Evidence, StepContext, Verdict } from "../steps/types.js";
import { verdict, verdictAfterFailure } from "../steps/types.js";
import {
  alreadyCompliant,
  applyRootKeyAction,
  confirmRootKeyAction,
  inspectRootKeys,
  isSigningKeyDeletion,
  planRootKeys,
  rootKeyActionHolds,
  type RootKeysFinding,
  verifyRootKeys,
  verifySigningKeyRejected,
} from "../steps/root-access-keys.js";
import { ActionRunner, declinedVerdict, type RunnerOutcome } from "./components/ActionRunner.js";
import { DryRunNote, dryRunEvidence } from "./components/DryRunNote.js";
import { ErrorPanel } from "./components/ErrorPanel.js";
import { NumberedList } from "./components/NumberedList.js";
import { KeyTable } from "./components/KeyTable.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { useKeys } from "./keys.js";
import { StandInKeys } from "./standin/StandInKeys.js";
import { useUi } from "./ui-context.js";
import { useTask } from "./use-task.js";
import { formatTime } from "./format.js";
import Spinner from "ink-spinner";

interface Props {
  ctx: StepContext;
  onDone: (verdict: Verdict) => void;
  onBack: () => void;
}

type Phase =
  | { kind: "intro" }
  | { kind: "standin" }
  | { kind: "running" }
  | { kind: "verifying"; prior: RunnerOutcome | undefined; rejection: boolean }
  | { kind: "result"; verdict: Verdict; notSent?: RecordedWrite[] };

export function RootKeysScreen({ ctx, onDone, onBack }: Props) {
  const { t, standIn } = useUi();
  const [task, retry] = useTask(() => inspectRootKeys(ctx), "iam:GetAccountSummary");
  const [phase, setPhase] = useState<Phase>({ kind: "intro" });
  const finding = task.status === "done" ? task.value : undefined;

  useKeys(
    !finding
      ? {}
      : phase.kind === "intro"
        ? alreadyCompliant(finding)
          ? { continue: () => onDone(verdict("verified", "already-compliant", finding.evidence)) }
          : {
              continue: () => setPhase(finding.how === "api" ? { kind: "running" } : { kind: "verifying", prior: undefined, rejection: false }),
              back: onBack,
              skip: () => onDone(verdict("skipped", "operator-skipped", finding.evidence)),
              openStandIn: !!standIn && finding.how === "console" && (() => setPhase({ kind: "standin" })),
            }
        : phase.kind === "result"
          ? {
              continue: () => onDone(phase.verdict),
              // Done in the console but not seen (Enter before the work was done, or AWS slower than the wait): back
              // to the console steps, or straight to the stand-in, and check again.
              back: canCheckAgain(finding, phase.verdict) && (() => setPhase({ kind: "intro" })),
              openStandIn: canCheckAgain(finding, phase.verdict) && !!standIn && (() => setPhase({ kind: "standin" })),
            }
          : {},
  );

  const onRunnerFinished = useCallback(
    (outcome: RunnerOutcome) => {
      if (outcome.notSent.length > 0) {
        const v = verdict("skipped", "dry-run", [...(finding?.evidence ?? []), ...dryRunEvidence(outcome.notSent)]);
        setPhase({ kind: "result", verdict: v, notSent: outcome.notSent });
        return;
      }
      if (outcome.stopped && outcome.done.length === 0) {
        setPhase({ kind: "result", verdict: verdict("skipped", "operator-skipped", finding?.evidence ?? []) });
        return;
      }
      // A key declined after others were changed: AWS still holds a root key, so waiting for none would be in vain.
      if (outcome.declined) return setPhase({ kind: "result", verdict: declinedVerdict(finding?.evidence ?? [], outcome, ctx.now()) });
      // Not stopped: every change went through, the signing key's deletion (always last) included, even when
      // its answer was lost and a read showed it done.
      const signingDeleted = !!finding && finding.keys.some((k) => k.signing) && !outcome.stopped;
      setPhase({ kind: "verifying", prior: outcome, rejection: signingDeleted });
    },
    [finding, ctx],
  );

  if (task.status === "running") return <Text><Spinner type="dots" /> {t.preflight.reading}</Text>;
  if (task.status === "failed") return <ErrorPanel failure={task.failure} onRetry={retry} onSkip={() => onDone(verdictAfterFailure(task.failure, ctx.now()))} />;
  const f = task.value;
  const title = <Text bold>{t.rootKeys.title}</Text>;

  switch (phase.kind) {
    case "standin":
      return <StandInKeys onClose={() => setPhase({ kind: "intro" })} />;
    case "running":
      return (
        <Box flexDirection="column">
          {title}
          <KeyTable keys={f.keys} />
          <ActionRunner
            actions={planRootKeys(f).filter((a): a is ApiAction => a.by === "rootlock")}
            apply={(a) => applyRootKeyAction(ctx, a)}
            holds={(a) => rootKeyActionHolds(ctx, a)}
            readBack={(a, hooks) => confirmRootKeyAction(ctx, a, hooks)}
            twice={(a) => isSigningKeyDeletion(a, f)}
            warning={(a) => (isSigningKeyDeletion(a, f) ? t.rootKeys.signingWarning : undefined)}
            skipReadBack={(a) => isSigningKeyDeletion(a, f)}
            onFinished={onRunnerFinished}
          />
        </Box>
      );
    case "verifying":
      return (
        <Box flexDirection="column">
          {title}
          <Verification
            what={phase.rejection ? t.rootKeys.rejection : t.rootKeys.verifying}
            run={(hooks) => (phase.rejection ? verifySigningKeyRejected(ctx, hooks) : verifyRootKeys(ctx, hooks))}
            onVerdict={(v) => setPhase({ kind: "result", verdict: withPrior(v, f.evidence, phase.prior) })}
          />
        </Box>
      );
    case "result":
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{t.rootKeys.verified}</Text>}
          {phase.notSent && <DryRunNote calls={phase.notSent} verify={t.rootKeys.verifying} />}
          <VerdictView verdict={phase.verdict} />
          {canCheckAgain(f, phase.verdict) && <Text dimColor>{t.common.checkAgain}</Text>}
          {canCheckAgain(f, phase.verdict) && standIn && <Text color="magenta">{t.rootKeys.openStandIn}</Text>}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    case "intro":
      return <RootKeysIntro finding={f} standInAvailable={!!standIn} />;
  }
}

/** A console-guided result that AWS did not confirm can be checked again after more console work. */
function canCheckAgain(finding: RootKeysFinding | undefined, v: Verdict): boolean {
  return finding?.how === "console" && v.state !== "verified";
}

/** The report tells the whole story: what was found, each change's read-back, then the final verification. */
function withPrior(v: Verdict, found: Evidence[], prior: RunnerOutcome | undefined): Verdict {
  const state = v.state === "verified" && prior?.unconfirmed ? "unverified" : v.state;
  return { ...v, state, evidence: [...found, ...(prior?.evidence ?? []), ...v.evidence] };
}

export function RootKeysIntro({ finding, standInAvailable }: { finding: RootKeysFinding; standInAvailable: boolean }) {
  const { t } = useUi();
  const k = t.rootKeys;
  if (alreadyCompliant(finding)) {
    return (
      <Box flexDirection="column">
        <Text bold>{k.title}</Text>
        <Text color="green">{k.none}</Text>
        <VerdictView verdict={verdict("verified", "already-compliant", finding.evidence)} />
        <Text dimColor>{t.common.done}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>{k.title}</Text>
      <Text>{k.why}</Text>
      <KeyTable keys={finding.keys} />
      {finding.reportGeneratedAt && <Text dimColor>{k.reportAge(formatTime(finding.reportGeneratedAt))}</Text>}
      <Text dimColor>{k.inactiveCounts}</Text>
      {finding.how === "api" ? (
        <Text>{k.apiIntro}</Text>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          {finding.rootSession && <Text color="yellow">{k.sessionWhy}</Text>}
          <Text>{k.consoleIntro}</Text>
          <NumberedList items={k.consoleSteps} />
          {standInAvailable && <Text color="magenta">{k.openStandIn}</Text>}
        </Box>
      )}
    </Box>
  );
}
