// The account password policy: the current settings against CIS 1.8 and 1.9, the one call that raises what is
// below (every other setting carried over), read back. Also says what rules the root user's password follows.
import { Box, Text } from "ink";
import Spinner from "ink-spinner";
import { useCallback, useState } from "react";
import type { RecordedWrite } from "../aws/errors.js";
import { passwordPolicyParams } from "../aws/operations.js";
import {
  applyPasswordPolicy,
  inspectPasswordPolicy,
  passwordPolicyHolds,
  type PasswordPolicyFinding,
  planPasswordPolicy,
  verifyPasswordPolicy,
} from "../steps/password-policy.js";
import type { Evidence, StepContext, Verdict } from "../steps/types.js";
import { verdict, verdictAfterFailure } from "../steps/types.js";
import { ActionRunner, type RunnerOutcome } from "./components/ActionRunner.js";
import { DryRunNote, dryRunEvidence } from "./components/DryRunNote.js";
import { ErrorPanel } from "./components/ErrorPanel.js";
import { VerdictView } from "./components/VerdictView.js";
import { Verification } from "./components/Verification.js";
import { useKeys } from "./keys.js";
import { useUi } from "./ui-context.js";
import { useTask } from "./use-task.js";

interface Props {
  ctx: StepContext;
  onDone: (verdict: Verdict) => void;
  onBack: () => void;
}

type Phase =
  | { kind: "intro" }
  | { kind: "running" }
  | { kind: "verifying"; prior: Evidence[] }
  | { kind: "result"; verdict: Verdict; notSent?: RecordedWrite[] };

export function PasswordPolicyScreen({ ctx, onDone, onBack }: Props) {
  const { t } = useUi();
  const [task, retry] = useTask(() => inspectPasswordPolicy(ctx), "iam:GetAccountPasswordPolicy");
  const [phase, setPhase] = useState<Phase>({ kind: "intro" });
  const finding = task.status === "done" ? task.value : undefined;
  const plan = finding ? planPasswordPolicy(finding) : [];

  useKeys(
    !finding
      ? {}
      : phase.kind === "intro"
        ? plan.length === 0
          ? { continue: () => onDone(verdict("verified", "already-compliant", finding.evidence)) }
          : { continue: () => setPhase({ kind: "running" }), back: onBack, skip: () => onDone(verdict("skipped", "operator-skipped", finding.evidence)) }
        : phase.kind === "result"
          ? { continue: () => onDone(phase.verdict) }
          : {},
  );

  const onFinished = useCallback(
    (outcome: RunnerOutcome) => {
      const found = finding?.evidence ?? [];
      if (outcome.notSent.length > 0) {
        return setPhase({ kind: "result", verdict: verdict("skipped", "dry-run", [...found, ...dryRunEvidence(outcome.notSent)]), notSent: outcome.notSent });
      }
      if (outcome.stopped && outcome.receipts.length === 0) return setPhase({ kind: "result", verdict: verdict("skipped", "operator-skipped", found) });
      setPhase({ kind: "verifying", prior: [...found, ...outcome.evidence] });
    },
    [finding],
  );

  if (task.status === "running") return <Text><Spinner type="dots" /> {t.preflight.reading}</Text>;
  if (task.status === "failed") return <ErrorPanel failure={task.failure} onRetry={retry} onSkip={() => onDone(verdictAfterFailure(task.failure, ctx.now()))} />;
  const f = task.value;
  const p = t.passwordPolicy;
  const title = <Text bold>{p.title}</Text>;

  switch (phase.kind) {
    case "intro":
      return (
        <Box flexDirection="column">
          {title}
          <PasswordPolicyView finding={f} />
          {plan.length === 0 && <VerdictView verdict={verdict("verified", "already-compliant", f.evidence)} />}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    case "running":
      return (
        <Box flexDirection="column">
          {title}
          <ActionRunner
            actions={plan}
            apply={() => applyPasswordPolicy(ctx, f)}
            holds={() => passwordPolicyHolds(ctx, f.target)}
            readBack={async (_a, hooks) => {
              const v = await verifyPasswordPolicy(ctx, f.target, hooks);
              return v.state === "verified" ? v.evidence[0] : undefined;
            }}
            onFinished={onFinished}
          />
        </Box>
      );
    case "verifying":
      return (
        <Box flexDirection="column">
          {title}
          <Verification
            what={p.verifying}
            run={(hooks) => verifyPasswordPolicy(ctx, f.target, hooks)}
            onVerdict={(v) => setPhase({ kind: "result", verdict: { ...v, evidence: [...phase.prior, ...v.evidence] } })}
          />
        </Box>
      );
    case "result":
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{p.verified}</Text>}
          {phase.notSent && <DryRunNote calls={phase.notSent} verify={p.verifying} />}
          <VerdictView verdict={phase.verdict} />
          <Text dimColor>{p.rootNote}</Text>
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
  }
}

const WIDTHS = [30, 12];

/** The settings now and after, the two CIS lines, and the root user's own rules. */
export function PasswordPolicyView({ finding }: { finding: PasswordPolicyFinding }) {
  const { t } = useUi();
  const p = t.passwordPolicy;
  const changes = planPasswordPolicy(finding).length > 0;
  const now = finding.current ? passwordPolicyParams(finding.current) : {};
  const after = passwordPolicyParams(finding.target);
  const names = Object.keys({ ...after, ...now });
  const cell = (params: Record<string, string>, name: string) => params[name] ?? p.unset;
  return (
    <Box flexDirection="column">
      <Text>{p.why}</Text>
      {!finding.current && <Text color="yellow">{p.none}</Text>}
      <Box marginTop={1}>
        <Box width={WIDTHS[0]}><Text color="gray">{p.setting}</Text></Box>
        <Box width={WIDTHS[1]}><Text color="gray">{p.now}</Text></Box>
        {changes && <Text color="gray">{p.after}</Text>}
      </Box>
      {names.map((name) => {
        const raised = changes && cell(now, name) !== cell(after, name);
        return (
          <Box key={name}>
            <Box width={WIDTHS[0]}><Text>{name}</Text></Box>
            <Box width={WIDTHS[1]}><Text>{cell(now, name)}</Text></Box>
            {changes && <Text color={raised ? "cyan" : undefined} bold={raised}>{cell(after, name)}</Text>}
          </Box>
        );
      })}
      <Box marginTop={1} flexDirection="column">
        <Text color={finding.meetsLength ? "green" : "red"}>{p.length(finding.meetsLength)}</Text>
        <Text color={finding.meetsReuse ? "green" : "red"}>{p.reuse(finding.meetsReuse)}</Text>
        {changes ? <Text>{finding.current ? p.keeps : p.noneDefaults}</Text> : <Text color="green">{p.already}</Text>}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{p.rootNote}</Text>
      </Box>
    </Box>
  );
}
