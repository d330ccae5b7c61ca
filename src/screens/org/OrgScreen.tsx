// The Ink screen of `rootlock org`: readiness (each fix offered, confirmed, read back), the audit as a live table
// with a progress bar, counts by state and an ETA, the plan and its one confirmation, then the removal and its
// read-back, and the results. Fits 80x24: the table shows the latest rows only (the report has them all).
// Keys are declared with useKeys, so the footer names each one in the run's language.
import { Box, Text } from "ink";
import { useEffect, useRef, useState } from "react";
import type { OrgMessages } from "../../i18n/org-en.js";
import { callText, shownOrgCall, shownRootCall } from "../../aws/org-operations.js";
import { selectAccounts, type Selection } from "../../steps/org/accounts.js";
import { auditAccounts } from "../../steps/org/audit.js";
import { AdaptiveLimit } from "../../steps/org/pool.js";
import { applyFix, type MissingItem, readiness } from "../../steps/org/readiness.js";
import { type AccountPlan, deleteTaskDocument, plansFor, remediateAccounts } from "../../steps/org/remediate.js";
import type { AccountResult, OrgDeps } from "../../steps/org/types.js";
import { useOffered } from "../keyboard.js";
import { useKeys, type KeyName } from "../keys.js";
import { countsText, detailOf, exitOf } from "../../org-text.js";

type Phase =
  | { kind: "reading" }
  | { kind: "fix"; item: MissingItem; said: string[] }
  | { kind: "blocked"; said: string[] }
  | { kind: "running"; what: "audit" | "remediate"; total: number }
  | { kind: "plan"; plans: AccountPlan[] }
  | { kind: "plan-one"; plan: AccountPlan }
  | { kind: "done" };

export interface OrgScreenProps {
  deps: OrgDeps;
  selection: Selection;
  t: OrgMessages;
  /** The footer's key labels (the app catalogue's `app.keys`, in the run's language). */
  keys: Record<KeyName, string>;
  onExit: (code: number, results: AccountResult[]) => void;
}

/** Rows of the live table: the latest ones, so the frame stays under 24 rows. */
const ROWS = 8;
const BAR = 40;

export function OrgScreen({ deps, selection, t, keys, onExit }: OrgScreenProps) {
  const [phase, setPhase] = useState<Phase>({ kind: "reading" });
  const [results, setResults] = useState<AccountResult[]>([]);
  const [pool, setPool] = useState(8);
  /** Accounts finished in the phase running now. */
  const [count, setCount] = useState(0);
  const started = useRef(0);
  const answer = useRef<(yes: boolean | "each") => void>(() => {});
  const management = useRef("");

  useEffect(() => {
    const ask = (p: Phase) =>
      new Promise<boolean | "each">((resolve) => {
        answer.current = resolve;
        setPhase(p);
      });
    const run = async () => {
      const said: string[] = [];
      let ready = await readiness(deps);
      for (const item of ready.missing) {
        said.push(`${t.readiness.missing[item.what]}. ${t.readiness.whoFixes[item.fixBy]}`);
        if (!item.fix || !(await ask({ kind: "fix", item, said: [...said] }))) continue;
        const outcome = await applyFix(deps, item);
        said.push(
          outcome.failure
            ? t.readiness.notFixed(outcome.call, outcome.failure.code)
            : outcome.verified
              ? t.readiness.fixed(outcome.call)
              : t.readiness.notVerified(outcome.call),
        );
      }
      ready = await readiness(deps);
      if (!ready.ready || !ready.organization) {
        setPhase({ kind: "blocked", said: [...said, t.readiness.cannotAudit] });
        return;
      }
      management.current = ready.organization.managementAccountId;
      const { accounts } = await selectAccounts(deps.org, selection);
      const limit = new AdaptiveLimit();
      const track = (r: AccountResult) => {
        setResults((prev) => [...prev.filter((p) => p.account.id !== r.account.id), r]);
        setCount((n) => n + 1);
        setPool(limit.current);
      };
      started.current = deps.now().getTime();
      setPhase({ kind: "running", what: "audit", total: accounts.length });
      const audit = await auditAccounts(deps, accounts, management.current, { onResult: track, limit });
      const plans = plansFor(audit.results, await deleteTaskDocument(deps));
      const whole = plans.length === 0 ? false : await ask({ kind: "plan", plans });
      // One confirmation for the whole set, or, on request (e), one per account before anything is sent.
      const approved: AccountPlan[] = [];
      if (whole === true) approved.push(...plans);
      else if (whole === "each") for (const plan of plans) if ((await ask({ kind: "plan-one", plan })) === true) approved.push(plan);
      if (approved.length === 0) {
        setPhase({ kind: "done" });
        return;
      }
      started.current = deps.now().getTime();
      setCount(0);
      setPhase({ kind: "running", what: "remediate", total: approved.length });
      await remediateAccounts(deps, approved, { onResult: track, limit: new AdaptiveLimit() });
      setPhase({ kind: "done" });
    };
    void run();
  }, [deps, selection, t]);

  const asking = phase.kind === "fix" || phase.kind === "plan" || phase.kind === "plan-one";
  useKeys({
    send: asking && (() => answer.current(true)),
    decline: asking && (() => answer.current(false)),
    eachAccount: phase.kind === "plan" && (() => answer.current("each")),
    continue: (phase.kind === "done" || phase.kind === "blocked") && (() => onExit(phase.kind === "done" ? exitOf(results, false) : 2, results)),
    // Ctrl-C leaves with what is known so far (the report says it); calls in flight are not waited for.
    interrupt: () => onExit(130, results),
  });
  const offered = useOffered();

  return (
    <Box flexDirection="column">
      <Text bold>{t.title}</Text>
      {phase.kind === "reading" && <Text>{t.readiness.heading} …</Text>}
      {(phase.kind === "fix" || phase.kind === "blocked") && (
        <Box flexDirection="column">
          <Text bold>{t.readiness.heading}</Text>
          {phase.said.map((line, i) => (
            <Text key={i}>{`- ${line}`}</Text>
          ))}
          {phase.kind === "fix" && phase.item.fix && <Text color="cyan">{t.screen.offer(callText(shownOrgCall(phase.item.fix)))}</Text>}
        </Box>
      )}
      {(phase.kind === "running" || phase.kind === "plan" || phase.kind === "plan-one" || phase.kind === "done") && (
        <Progress phase={phase} results={results} count={count} pool={pool} t={t} deps={deps} started={started.current} />
      )}
      {phase.kind === "plan" && <Plan plans={phase.plans} t={t} />}
      {phase.kind === "plan-one" && (
        <Text color="cyan">{t.screen.confirmAccount(phase.plan.result.account.id, phase.plan.writes.map((w) => callText(shownRootCall(w))).join(", "))}</Text>
      )}
      {phase.kind === "done" && <Text color="green">{t.screen.done}</Text>}
      <Text dimColor>{offered.names.map((name) => keys[name]).join(" · ")}</Text>
    </Box>
  );
}

interface ProgressProps {
  phase: Phase;
  results: AccountResult[];
  count: number;
  pool: number;
  t: OrgMessages;
  deps: OrgDeps;
  started: number;
}

function Progress({ phase, results, count, pool, t, deps, started }: ProgressProps) {
  const total = phase.kind === "running" ? phase.total : count;
  const shown = Math.min(count, total);
  const filled = total === 0 ? BAR : Math.round((shown / total) * BAR);
  const elapsed = (deps.now().getTime() - started) / 1000;
  const eta = t.audit.eta(shown === 0 ? total : (elapsed / shown) * (total - shown));
  return (
    <Box flexDirection="column">
      <Text>
        <Text color="green">{"█".repeat(filled)}</Text>
        <Text dimColor>{"░".repeat(BAR - filled)}</Text>
      </Text>
      {phase.kind === "running" && <Text>{t.audit.progress(shown, total, pool, eta)}</Text>}
      <Text>{countsText(results, t)}</Text>
      {results.slice(-ROWS).map((r) => (
        <Text key={r.account.id} wrap="truncate-end">
          {`${r.account.id}  ${t.states[r.state]}  ${detailOf(r, t)}`}
        </Text>
      ))}
    </Box>
  );
}

function Plan({ plans, t }: { plans: AccountPlan[]; t: OrgMessages }) {
  const calls = plans.flatMap((p) => p.writes.map((w) => `${p.result.account.id} ${callText(shownRootCall(w))}`));
  return (
    <Box flexDirection="column">
      <Text bold>{t.plan.heading(plans.length, calls.length)}</Text>
      {calls.slice(0, 5).map((c) => (
        <Text key={c} wrap="truncate-end">{`  ${c}`}</Text>
      ))}
      {calls.length > 5 && <Text dimColor>{`  … +${calls.length - 5}`}</Text>}
      <Text color="cyan">{t.screen.confirmPlan}</Text>
    </Box>
  );
}
