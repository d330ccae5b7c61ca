// The Ink screen of `rootlock org`: readiness (each fix offered, confirmed, read back), the audit as a live table
// with a progress bar, counts by state and an ETA, the plan and its one confirmation, then the removal and its
// read-back, and the results. Fits 80x24: the table shows the latest rows only (the report has them all).
// Keys are declared with useKeys, so the footer and the ? help name each one in the run's language. The end says
// what is true: done only when every account covered is credential-less; else which are not, why, and what to do.
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
import { journaledPhase, type PhaseJournal } from "../../steps/org/phase.js";
import { useOffered } from "../keyboard.js";
import { useConfirmGuard } from "../confirm-guard.js";
import { useKeys, type KeyName } from "../keys.js";
import { countsText, detailOf, exitOf, lastResultOf } from "../../org-text.js";
import { EXIT } from "../../exit-codes.js";
import { KeyHelp } from "../components/KeyHelp.js";
import { OrgEnd } from "./OrgEnd.js";
import { fitted } from "./fitted.js";

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
  /** Where every call and every finished account is written; with --resume, the accounts it has as done are not redone. */
  journal: PhaseJournal;
  /** The command that ran, for the end's "run again" line (default `rootlock org`). */
  command?: string;
  /** The simulated organization's badge ("SIMULATED", in the run's language), shown beside the title as the wizard shows it on every screen. */
  simulatedBadge?: string;
  /** The run's end: its exit status, every account's result, and the accounts never started (q or Ctrl-C). */
  onExit: (code: number, results: AccountResult[], notStarted: string[]) => void;
}

/** Rows of the live table: the latest ones, so the frame stays under 24 rows. */
const ROWS = 8;
const BAR = 40;

export function OrgScreen({ deps, selection, t, keys, journal, command = "rootlock org", simulatedBadge, onExit }: OrgScreenProps) {
  const [phase, setPhase] = useState<Phase>({ kind: "reading" });
  const [results, setResults] = useState<AccountResult[]>([]);
  const [pool, setPool] = useState(8);
  /** Accounts finished in the phase running now (those resumed from the journal are not counted). */
  const [count, setCount] = useState(0);
  const [resumed, setResumed] = useState(0);
  const started = useRef(0);
  const answer = useRef<(yes: boolean | "each") => void>(() => {});
  const management = useRef("");
  /** q or Ctrl-C: nothing new starts, the accounts in flight finish (and are journaled), then the screen leaves. */
  const stopped = useRef(false);
  /** The exit status the stop leaves with: 3 for q, 130 for Ctrl-C (as the wizard's). */
  const stopCode = useRef<number>(EXIT.interrupted);
  const [stopping, setStopping] = useState(false);
  const [help, setHelp] = useState(false);
  /**
   * How the screen is leaving: drawn once without the keys line (Ink leaves its last frame in the terminal, and keys
   * that no longer work should not stay there), then handed to onExit a turn later.
   */
  const [leaving, setLeaving] = useState<{ code: number; results: AccountResult[]; notStarted: string[] }>();
  /** Every account's latest result, by id (what the report is written from, whenever the run ends). */
  const known = useRef(new Map<string, AccountResult>());

  useEffect(() => {
    const ask = (p: Phase) =>
      new Promise<boolean | "each">((resolve) => {
        answer.current = resolve;
        setPhase(p);
      });
    const show = (r: AccountResult) => {
      known.current.set(r.account.id, r);
      setResults((prev) => [...prev.filter((p) => p.account.id !== r.account.id), r]);
    };
    const phaseHooks = (what: "audit" | "remediate") => ({
      stopped: () => stopped.current,
      onStart: (done: AccountResult[], todo: number, limit: AdaptiveLimit) => {
        done.forEach(show);
        setResumed(done.length);
        setCount(0);
        setPool(limit.current);
        started.current = deps.now().getTime();
        setPhase({ kind: "running", what, total: todo });
      },
      onResult: (r: AccountResult, limit: AdaptiveLimit) => {
        show(r);
        setCount((n) => n + 1);
        setPool(limit.current);
      },
    });
    const leave = (notStarted: string[] = []) => setLeaving({ code: stopCode.current, results: [...known.current.values()], notStarted });
    const run = async () => {
      const said: string[] = [];
      let ready = await readiness(deps);
      for (const item of ready.missing) {
        said.push(`${t.readiness.missing[item.what]}. ${t.readiness.whoFixes[item.fixBy]}`);
        if (stopped.current) return leave();
        if (!item.fix || !(await ask({ kind: "fix", item, said: [...said] })) || stopped.current) continue;
        const outcome = await applyFix(deps, item);
        said.push(
          outcome.failure
            ? t.readiness.notFixed(outcome.call, outcome.failure.code)
            : outcome.verified
              ? t.readiness.fixed(outcome.call)
              : t.readiness.notVerified(outcome.call),
        );
      }
      if (stopped.current) return leave();
      ready = await readiness(deps);
      if (stopped.current) return leave();
      if (!ready.ready || !ready.organization) {
        setPhase({ kind: "blocked", said: [...said, t.readiness.cannotAudit] });
        return;
      }
      management.current = ready.organization.managementAccountId;
      const { accounts } = await selectAccounts(deps.org, selection);
      if (stopped.current) return leave(accounts.map((a) => a.id));
      const audit = await journaledPhase("audit", accounts, journal, deps, phaseHooks("audit"), (d, todo, hooks) =>
        auditAccounts(d, todo, management.current, hooks).then((r) => ({ ...r, notStarted: r.notStarted.map((a) => a.id) })),
      );
      if (stopped.current) return leave(audit.notStarted);
      const plans = plansFor(audit.results, await deleteTaskDocument(deps));
      const whole = plans.length === 0 ? false : await ask({ kind: "plan", plans });
      // One confirmation for the whole set, or, on request (e), one per account before anything is sent.
      const approved: AccountPlan[] = [];
      if (whole === true) approved.push(...plans);
      else if (whole === "each") for (const plan of plans) if (!stopped.current && (await ask({ kind: "plan-one", plan })) === true) approved.push(plan);
      if (stopped.current) return leave();
      if (approved.length === 0) {
        setPhase({ kind: "done" });
        return;
      }
      const items = approved.map((plan) => ({ id: plan.result.account.id, plan }));
      const removal = await journaledPhase("remediate", items, journal, deps, phaseHooks("remediate"), (d, todo, hooks) =>
        remediateAccounts(
          d,
          todo.map((i) => i.plan),
          hooks,
        ).then((r) => ({ ...r, notStarted: r.notStarted.map((p) => p.result.account.id) })),
      );
      if (stopped.current) return leave(removal.notStarted);
      setPhase({ kind: "done" });
    };
    void run();
  }, [deps, selection, t, journal]);
  useEffect(() => {
    if (!leaving) return;
    const timer = setTimeout(() => onExit(leaving.code, leaving.results, leaving.notStarted), 0);
    return () => clearTimeout(timer);
  }, [leaving, onExit]);

  const asking = phase.kind === "fix" || phase.kind === "plan" || phase.kind === "plan-one";
  const ended = phase.kind === "done" || phase.kind === "blocked";
  const leaveAtEnd = () => setLeaving({ code: phase.kind === "done" ? exitOf(results, false) : EXIT.notAudited, results, notStarted: [] });
  // q and Ctrl-C: at the end the screen leaves at once; at a question nothing more is sent and it leaves; while
  // accounts are in flight the run stops cleanly (they finish and are journaled) and then leaves. Once stopping,
  // neither is offered: a second press would change nothing.
  const stop = (code: number) => {
    stopped.current = true;
    stopCode.current = code;
    setStopping(true);
    if (asking) answer.current(false);
  };
  // y sends root writes: it counts only when pressed on purpose on the question shown (confirm-guard.ts), so a held
  // y never approves account after account. n, the safe answer, acts at once.
  const { deliberate, ignored } = useConfirmGuard(phase);
  useKeys(
    {
      send: asking && deliberate(() => answer.current(true)),
      decline: asking && (() => answer.current(false)),
      eachAccount: phase.kind === "plan" && (() => answer.current("each")),
      continue: ended && leaveAtEnd,
      quit: !stopping && (ended ? leaveAtEnd : () => stop(EXIT.quit)),
      help: () => setHelp((open) => !open),
      interrupt: !stopping && (ended ? () => setLeaving({ code: EXIT.interrupted, results: [...known.current.values()], notStarted: [] }) : () => stop(EXIT.interrupted)),
    },
    { isActive: !leaving },
  );
  const offered = useOffered();
  const label = (name: KeyName) => t.keys[name] ?? keys[name];
  const quitHelp = phase.kind === "running" ? (phase.what === "audit" ? t.keyHelp.quitAudit : t.keyHelp.quitRemoval) : ended ? t.keyHelp.quitEnd : t.keyHelp.quitBefore;
  const describe = (name: KeyName) => (name === "quit" ? quitHelp : name in t.keyHelp ? t.keyHelp[name as keyof typeof t.keyHelp] : label(name));
  const footer = !leaving && <Text dimColor>{offered.names.map(label).join(" · ")}</Text>;
  const title = (
    <Text>
      <Text bold>{t.title}</Text>
      {simulatedBadge && " "}
      {simulatedBadge && <Text backgroundColor="magenta" color="white" bold>{` ${simulatedBadge} `}</Text>}
    </Text>
  );

  // The help covers the page while it is open (the run goes on beneath it).
  if (help && !leaving)
    return (
      <Box flexDirection="column">
        {title}
        <KeyHelp title={t.keyHelp.title} describe={describe} footer={t.keyHelp.footer} />
        {footer}
      </Box>
    );

  return (
    <Box flexDirection="column">
      {title}
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
      {(phase.kind === "running" || phase.kind === "plan" || phase.kind === "plan-one") && (
        <Progress phase={phase} results={results} count={count} resumed={resumed} pool={pool} t={t} deps={deps} started={started.current} />
      )}
      {phase.kind === "plan" && <Plan plans={phase.plans} t={t} />}
      {phase.kind === "plan-one" && (
        <Text color="cyan">{t.screen.confirmAccount(phase.plan.result.account.id, phase.plan.writes.map((w) => callText(shownRootCall(w))).join(", "))}</Text>
      )}
      {asking && ignored && <Text color="yellow">{t.screen.keyNotTaken}</Text>}
      {phase.kind === "done" && <OrgEnd results={results} t={t} command={command} code={exitOf(results, false)} reserved={2} left={!!leaving} />}
      {stopping && <Text color="yellow">{t.screen.stopping}</Text>}
      {footer}
    </Box>
  );
}

interface ProgressProps {
  phase: Phase;
  results: AccountResult[];
  count: number;
  resumed: number;
  pool: number;
  t: OrgMessages;
  deps: OrgDeps;
  started: number;
}

function Progress({ phase, results, count, resumed, pool, t, deps, started }: ProgressProps) {
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
      {phase.kind === "running" && resumed > 0 && <Text dimColor>{t.audit.resumed(resumed)}</Text>}
      <Text>{countsText(results, t)}</Text>
      {results.slice(-ROWS).map((r) => (
        <Text key={r.account.id} wrap="truncate-end">
          {fitted(`${r.account.id}  ${t.states[r.state]}  ${detailOf(r, t) || lastResultOf(r, t)}`)}
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
