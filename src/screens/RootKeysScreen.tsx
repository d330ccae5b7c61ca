// Root access keys: show each key and its last use, then either make the changes (root's own key) or
// guide the console (any other caller), and end on what IAM reads back.
import { Box, Text } from "ink";
import type { ApiAction, Verdict } from "../steps/types.js";
import { verdict } from "../steps/types.js";
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
import { ActionRunner } from "./components/ActionRunner.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { NumberedList } from "./components/NumberedList.js";
import { KeyTable } from "./components/KeyTable.js";
import { Verification } from "./components/Verification.js";
import { VerdictView } from "./components/VerdictView.js";
import { StandInKeys } from "./standin/StandInKeys.js";
import { useUi } from "./ui-context.js";
import { type StepScreenProps, useStep } from "./use-step.js";
import { formatTime } from "./format.js";

/** The simulated console on top (training only). */
type Own = { kind: "standin" };

export function RootKeysScreen({ ctx, onDone, onBack }: StepScreenProps) {
  const { t, standIn } = useUi();
  const step = useStep<RootKeysFinding, Own>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectRootKeys(ctx),
    reads: "iam:GetAccountSummary",
    keys: (finding, phase, step) => {
      const openStandIn = !!standIn && (() => step.setPhase({ kind: "standin" }));
      if (phase.kind === "intro") {
        if (alreadyCompliant(finding)) return { continue: step.alreadyCompliant };
        return step.introKeys({
          continue: () => step.setPhase(finding.how === "api" ? { kind: "running" } : { kind: "verifying" }),
          openStandIn: finding.how === "console" && openStandIn,
        });
      }
      // Done in the console but not seen (Enter before the work was done, or AWS slower than the wait): back to the
      // console steps, or straight to the stand-in, and check again.
      if (phase.kind === "result" && canCheckAgain(finding, phase.verdict)) return { checkAgain: () => step.setPhase({ kind: "intro" }), openStandIn };
      return {};
    },
  });

  if (!step.finding) return step.gate;
  const f = step.finding;
  const phase = step.phase;
  const title = <Text bold>{t.rootKeys.title}</Text>;

  switch (phase.kind) {
    case "standin":
      return <StandInKeys onClose={() => step.setPhase({ kind: "intro" })} />;
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
            onFinished={step.runFinished}
          />
        </Box>
      );
    case "verifying": {
      // Not stopped: every change went through, the signing key's deletion (always last) included, even when its
      // answer was lost and a read showed it done. Then the proof is AWS refusing the key.
      const rejection = !!phase.prior && !phase.prior.stopped && f.keys.some((k) => k.signing);
      return (
        <Box flexDirection="column">
          {title}
          <Verification
            what={rejection ? t.rootKeys.rejection : t.rootKeys.verifying}
            run={(hooks) => (rejection ? verifySigningKeyRejected(ctx, hooks) : verifyRootKeys(ctx, hooks))}
            onVerdict={(v) => step.verified(v, phase.prior)}
          />
        </Box>
      );
    }
    case "result":
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{t.rootKeys.verified}</Text>}
          {phase.notSent && <DryRunNote calls={phase.notSent} verify={t.rootKeys.verifying} />}
          <VerdictView verdict={phase.verdict} />
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
