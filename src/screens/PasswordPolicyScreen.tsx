// The account password policy: the current settings against CIS 1.8 and 1.9, the one call that raises what is
// below (every other setting carried over), read back. Also says what rules the root user's password follows.
import { Box, Text } from "ink";
import { passwordPolicyParams } from "../aws/operations.js";
import {
  applyPasswordPolicy,
  inspectPasswordPolicy,
  passwordPolicyHolds,
  type PasswordPolicyFinding,
  planPasswordPolicy,
  verifyPasswordPolicy,
} from "../steps/password-policy.js";
import { verdict } from "../steps/types.js";
import { ActionRunner } from "./components/ActionRunner.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { VerdictView } from "./components/VerdictView.js";
import { Verification } from "./components/Verification.js";
import { useTerminalSize } from "./terminal-size.js";
import { useUi } from "./ui-context.js";
import { type StepScreenProps, useStep } from "./use-step.js";

export function PasswordPolicyScreen({ ctx, onDone, onBack }: StepScreenProps) {
  const { t } = useUi();
  const step = useStep<PasswordPolicyFinding>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectPasswordPolicy(ctx),
    reads: "iam:GetAccountPasswordPolicy",
    keys: (finding, phase, step) =>
      phase.kind !== "intro"
        ? {}
        : planPasswordPolicy(finding).length === 0
          ? { continue: step.alreadyCompliant }
          : step.introKeys({ continue: () => step.setPhase({ kind: "running" }) }),
  });

  if (!step.finding) return step.gate;
  const f = step.finding;
  const phase = step.phase;
  const plan = planPasswordPolicy(f);
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
            onFinished={step.runFinished}
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
            // The final read is the read-back's own read, waited for again: when it shows the policy, that stands.
            onVerdict={(v) => step.verified(v, phase.prior && { evidence: phase.prior.evidence, unconfirmed: false })}
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

/** Below this many rows the view leaves out the why, the blank lines and the root user's rules (the result shows them). */
const ROOMY_ROWS = 34;

/** The settings now and after, the two CIS lines, and the root user's own rules. */
export function PasswordPolicyView({ finding }: { finding: PasswordPolicyFinding }) {
  const { t } = useUi();
  const p = t.passwordPolicy;
  const changes = planPasswordPolicy(finding).length > 0;
  const now = finding.current ? passwordPolicyParams(finding.current) : {};
  const after = passwordPolicyParams(finding.target);
  const names = Object.keys({ ...after, ...now });
  const cell = (params: Record<string, string>, name: string) => params[name] ?? p.unset;
  // At 80x24 the table, the two CIS lines and what rootlock adds fit only without the explanations around them.
  const roomy = useTerminalSize().rows >= ROOMY_ROWS;
  const gap = roomy ? 1 : 0;
  return (
    <Box flexDirection="column">
      {roomy && <Text>{p.why}</Text>}
      {roomy && !finding.current && <Text color="yellow">{p.none}</Text>}
      <Box marginTop={gap}>
        <Box width={WIDTHS[0]}>
          <Text color="gray">{p.setting}</Text>
        </Box>
        <Box width={WIDTHS[1]}>
          <Text color="gray">{p.now}</Text>
        </Box>
        {changes && <Text color="gray">{p.after}</Text>}
      </Box>
      {names.map((name) => {
        const raised = changes && cell(now, name) !== cell(after, name);
        return (
          <Box key={name}>
            <Box width={WIDTHS[0]}>
              <Text>{name}</Text>
            </Box>
            <Box width={WIDTHS[1]}>
              <Text>{cell(now, name)}</Text>
            </Box>
            {changes && (
              <Text color={raised ? "cyan" : undefined} bold={raised}>
                {cell(after, name)}
              </Text>
            )}
          </Box>
        );
      })}
      <Box marginTop={gap} flexDirection="column">
        <Text color={finding.meetsLength ? "green" : "red"}>{p.length(finding.meetsLength)}</Text>
        <Text color={finding.meetsReuse ? "green" : "red"}>{p.reuse(finding.meetsReuse)}</Text>
        {changes ? <Text>{finding.current ? p.keeps : p.noneDefaults}</Text> : <Text color="green">{p.already}</Text>}
      </Box>
      {roomy && (
        <Box marginTop={1}>
          <Text dimColor>{p.rootNote}</Text>
        </Box>
      )}
    </Box>
  );
}
