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
import { BoundedList } from "./components/BoundedList.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { VerdictView, verdictRows } from "./components/VerdictView.js";
import { Verification } from "./components/Verification.js";
import { useRoom, wrappedRows } from "./room.js";
import { useTerminalSize } from "./terminal-size.js";
import { useUi } from "./ui-context.js";
import { type StepScreenProps, useStep } from "./use-step.js";

export function PasswordPolicyScreen({ ctx, onDone, onBack }: StepScreenProps) {
  const { t } = useUi();
  const room = useRoom();
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
    case "intro": {
      // Already in place: the verdict and what was read keep their lines; the settings show what fits above them.
      const compliant = plan.length === 0 ? verdict("verified", "already-compliant", f.evidence) : undefined;
      const around = 2 + (compliant ? verdictRows(compliant, t, room.cols) : 0);
      return (
        <Box flexDirection="column">
          {title}
          <PasswordPolicyView finding={f} around={around} />
          {compliant && <VerdictView verdict={compliant} around={2 + MIN_VIEW_ROWS} />}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    }
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
          <VerdictView verdict={phase.verdict} around={3 + wrappedRows(p.rootNote, room.cols) + (phase.notSent ? 3 + phase.notSent.length : 0)} />
          <Text dimColor>{p.rootNote}</Text>
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
  }
}

const WIDTHS = [30, 12];
/** The fewest rows the view takes (its header, one setting, the "… N more" line, the two CIS lines and what is done). */
const MIN_VIEW_ROWS = 6;

/** Below this many rows the view leaves out the why, the blank lines and the root user's rules (the result shows them). */
const ROOMY_ROWS = 34;

/**
 * The settings now and after, the two CIS lines, and the root user's own rules. `around`: the rows the rest of the
 * page takes; the settings show their last rows in what is left (the two CIS lines say what CIS asks of them).
 */
export function PasswordPolicyView({ finding, around }: { finding: PasswordPolicyFinding; around: number }) {
  const { t } = useUi();
  const room = useRoom();
  const p = t.passwordPolicy;
  const changes = planPasswordPolicy(finding).length > 0;
  const now = finding.current ? passwordPolicyParams(finding.current) : {};
  const after = passwordPolicyParams(finding.target);
  const names = Object.keys({ ...after, ...now });
  const cell = (params: Record<string, string>, name: string) => params[name] ?? p.unset;
  // At 80x24 the table, the two CIS lines and what rootlock adds fit only without the explanations around them.
  const roomy = useTerminalSize().rows >= ROOMY_ROWS;
  const gap = roomy ? 1 : 0;
  // The lines under the settings, measured so the settings know the rows left to them.
  const lines = [p.length(finding.meetsLength), p.reuse(finding.meetsReuse), changes ? (finding.current ? p.keeps : p.noneDefaults) : p.already];
  const rootRows = 1 + wrappedRows(p.rootNote, room.cols) + wrappedRows(p.why, room.cols) + (finding.current ? 0 : wrappedRows(p.none, room.cols));
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
      <BoundedList
        lines={names.map((name) => name.padEnd(WIDTHS[0]!) + cell(now, name).padEnd(WIDTHS[1]!) + (changes ? cell(after, name) : ""))}
        rows={room.rows - around - 1 - gap * 2 - lines.reduce((sum, line) => sum + wrappedRows(line, room.cols), 0) - (roomy ? rootRows : 0)}
        more={t.bounded.moreSettings}
        render={(_line, i) => <SettingRow name={names[i]!} now={cell(now, names[i]!)} after={changes ? cell(after, names[i]!) : undefined} />}
      />
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

/** One setting: its name, its value now, and (when the policy changes) its value after, highlighted where raised. */
function SettingRow({ name, now, after }: { name: string; now: string; after?: string }) {
  const raised = after !== undefined && after !== now;
  return (
    <Box>
      <Box width={WIDTHS[0]}>
        <Text>{name}</Text>
      </Box>
      <Box width={WIDTHS[1]}>
        <Text>{now}</Text>
      </Box>
      {after !== undefined && (
        <Text color={raised ? "cyan" : undefined} bold={raised}>
          {after}
        </Text>
      )}
    </Box>
  );
}
