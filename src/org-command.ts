// `rootlock org`: every member account's root, from the management account (or IAM's delegated administrator).
//   rootlock org check [--json]   the audit alone: exit 0 all credential-less, 1 findings, 2 could not audit
//   rootlock org                  readiness (fixes offered, each confirmed), the audit, the plan, one confirmation
//                                 for the whole set (or each account on request), the removal, the read-back
//   rootlock org recover ACCOUNT  a root password no one knows, then the root email's owner's "Forgot password"
//   rootlock org scp              the SCP that protects member roots (with the AssumeRoot exemption), as JSON
// Loaded by a dynamic import from cli.tsx only for `org`: nothing here loads on --help, the wizard or `check`.
// Plain text on a terminal (no Ink); every sentence from the org catalogue (i18n/org-en.ts, org-ko.ts).
import { createInterface } from "node:readline/promises";
import { resolve } from "node:path";
import type { Org, OrgAccount, Organization, OrgCaller } from "./aws/org.js";
import { callText, rootWrite, shownOrgCall, shownRootCall } from "./aws/org-operations.js";
import { isOrgError, OrgError } from "./aws/org-errors.js";
import { protectiveScp } from "./aws/scp.js";
import { EXIT } from "./exit-codes.js";
import type { Lang } from "./i18n/index.js";
import type { OrgMessages } from "./i18n/org-en.js";
import { DEFAULT_JOURNAL, OrgJournal, type Phase } from "./org-journal.js";
import { journaledPhase, type PhaseRun } from "./steps/org/phase.js";
import type { RunHooks } from "./steps/org/audit.js";
import { selectAccounts } from "./steps/org/accounts.js";
import { auditAccounts } from "./steps/org/audit.js";
import { AdaptiveLimit } from "./steps/org/pool.js";
import { applyFix, readiness, type Readiness } from "./steps/org/readiness.js";
import { deleteTaskDocument, plansFor, remediateAccounts, type AccountPlan } from "./steps/org/remediate.js";
import { inSession } from "./steps/org/session.js";
import { guardRails, type GuardRails } from "./steps/org/guard-rails.js";
import type { AccountResult, OrgDeps } from "./steps/org/types.js";
import { systemNow, systemSleep } from "./lib/clock.js";
import { countsText, detailOf, exitOf, resultOf, tableText } from "./org-text.js";

export type OrgTarget = { kind: "simulated" } | { kind: "live"; profile?: string; region?: string };

export interface OrgCommandOptions {
  sub: "run" | "check" | "recover" | "scp";
  target: OrgTarget;
  lang: Lang;
  json: boolean;
  accounts?: string[];
  ous?: string[];
  resume: boolean;
  journal?: string;
  report?: string;
  recoverAccount?: string;
  version: string;
  /** Injected by tests; the real run reads the terminal. */
  ask?: (question: string) => Promise<string>;
  out?: (text: string) => void;
  err?: (text: string) => void;
  /** Injected by tests (the simulated organization they arranged). */
  org?: Org;
  deps?: Partial<OrgDeps>;
}

export async function orgMessages(lang: Lang): Promise<OrgMessages> {
  return lang === "ko" ? (await import("./i18n/org-ko.js")).orgKo : (await import("./i18n/org-en.js")).orgEn;
}

async function openOrg(target: OrgTarget, interactive: boolean): Promise<Org> {
  if (target.kind === "simulated") {
    const { SimulatedOrg } = await import("./aws/simulated/org.js");
    // The demo: calls take a little time and AssumeRoot is throttled, so the table moves and the pool adapts as they
    // would; the interactive run finds root sessions off, so readiness has a fix to offer (check finds it ready).
    return new SimulatedOrg({ latencyMs: 25, assumeRootPerSecond: 10, ...(interactive ? { features: ["RootCredentialsManagement" as const] } : {}) });
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { LiveOrg } = await import("./aws/live/org.js");
  return new LiveOrg({ profile: target.profile, region: target.region });
}

/** The SCPs behind each SCP failure: what each does, and the aws:AssumedRoot exemption, once. */
function scpText(results: readonly AccountResult[], t: OrgMessages): string[] {
  const seen = new Map<string, string[]>();
  for (const r of results)
    for (const p of r.failure?.scps ?? []) {
      if (seen.has(p.id)) continue;
      seen.set(p.id, [t.scp.line(p.name, p.id, t.scp.effect[p.effect]), p.document ?? t.scp.unreadable]);
    }
  return seen.size === 0 ? [] : [...[...seen.values()].flat(), t.scp.exemption];
}

interface ReportData {
  organization?: Organization;
  caller?: OrgCaller;
  readiness?: Readiness;
  results: AccountResult[];
  notStarted: string[];
  poolSizes: number[];
  guardRails?: GuardRails;
  exitCode: number;
}

function reportMarkdown(d: ReportData, t: OrgMessages, at: Date): string {
  const lines = [
    `# ${t.report.title}`,
    "",
    `- ${t.report.organization}: ${d.organization?.id ?? "—"}`,
    `- ${t.report.caller}: ${d.caller?.arn ?? "—"}`,
    `- ${t.report.checked}: ${at.toISOString()}`,
    `- ${t.report.exit}: ${d.exitCode}`,
    "",
    countsText(d.results, t),
    "",
  ];
  for (const r of d.results) {
    lines.push(`## ${r.account.id} ${r.account.name}: ${t.states[r.state]}`, "");
    const detail = detailOf(r, t);
    if (detail) lines.push(detail, "");
    for (const e of r.evidence) lines.push(`- ${e.at} ${t.report[e.kind]}: \`${e.call}\` → ${resultOf(e, t)}`);
    for (const p of r.failure?.scps ?? []) lines.push("", t.scp.line(p.name, p.id, t.scp.effect[p.effect]), "", "```json", p.document ?? t.scp.unreadable, "```");
    lines.push("");
  }
  if (d.notStarted.length > 0) lines.push(t.results.notStarted(d.notStarted.length), "", ...d.notStarted.map((id) => `- ${id}`), "");
  return lines.join("\n");
}

async function writeReport(d: ReportData, o: OrgCommandOptions, t: OrgMessages, now: Date, err: (s: string) => void): Promise<boolean> {
  const { reportBaseFor, writeOrgReport } = await import("./report-file.js");
  try {
    const base = reportBaseFor(o.report, now).replace("rootlock-report-", "rootlock-org-report-");
    const json = { tool: { name: "rootlock", version: o.version }, checkedAt: now.toISOString(), simulated: o.target.kind === "simulated", ...d };
    const files = writeOrgReport(json, reportMarkdown(d, t, now), base);
    err(t.report.written(files.markdown, files.json));
    return true;
  } catch (error) {
    err(t.report.failed((error as NodeJS.ErrnoException).code ?? "error"));
    return false;
  }
}

function terminalAsk(): { ask: (q: string) => Promise<string>; close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return { ask: (q) => rl.question(q), close: () => rl.close() };
}

const yes = (answer: string) => /^(y|yes|예|네)$/i.test(answer.trim());

export async function runOrgCommand(o: OrgCommandOptions): Promise<number> {
  const t = await orgMessages(o.lang);
  const out = o.out ?? ((s: string) => process.stdout.write(`${s}\n`));
  const err = o.err ?? ((s: string) => process.stderr.write(`${s}\n`));
  if (o.sub === "scp") {
    out(JSON.stringify(protectiveScp(), null, 2));
    return 0;
  }
  const interactive = o.sub !== "check";
  const org = o.org ?? (await openOrg(o.target, interactive));
  const deps: OrgDeps = { org, now: systemNow, sleep: systemSleep, random: Math.random, ...o.deps };
  let terminal: ReturnType<typeof terminalAsk> | undefined;
  const ask = o.ask ?? ((q: string) => (terminal ??= terminalAsk()).ask(q));
  // Ctrl-C: nothing new starts; the accounts in flight finish and are journaled; the report says what was not started.
  let stopped = false;
  const onSigint = () => {
    stopped = true;
  };
  process.on("SIGINT", onSigint);
  try {
    const say = o.json ? err : out;
    if (o.sub === "run" && !o.ask && process.stdin.isTTY && process.stdout.isTTY) return await onScreen(o, deps, t, err);
    if (o.target.kind === "simulated") say(t.demo);
    const ready = await readiness(deps);
    say(`${t.readiness.heading}: ${t.readiness.caller(ready.caller.arn, ready.role ? (t.readiness.roles[ready.role] ?? ready.role) : "—")}`);
    if (!ready.organization) {
      say(t.readiness.noOrganization);
      return EXIT.notAudited;
    }
    if (ready.role === "member") {
      say(t.readiness.notAllowed);
      return EXIT.notAudited;
    }
    for (const item of ready.missing) {
      say(`- ${t.readiness.missing[item.what]}. ${t.readiness.whoFixes[item.fixBy]}`);
      if (!interactive || !item.fix) continue;
      if (!yes(await ask(t.readiness.offer(callText(shownOrgCall(item.fix)))))) continue;
      const outcome = await applyFix(deps, item);
      say(
        outcome.failure
          ? t.readiness.notFixed(outcome.call, outcome.failure.code)
          : outcome.verified
            ? t.readiness.fixed(outcome.call)
            : t.readiness.notVerified(outcome.call),
      );
    }
    const now = await readiness(deps);
    if (!now.ready) {
      say(t.readiness.cannotAudit);
      const data: ReportData = {
        organization: now.organization,
        caller: now.caller,
        readiness: now,
        results: [],
        notStarted: [],
        poolSizes: [],
        exitCode: EXIT.notAudited,
      };
      if (o.json) out(JSON.stringify({ ...data }, null, 2));
      return EXIT.notAudited;
    }
    say(t.readiness.ready);
    if (o.sub === "recover") return await recover(o, deps, now, t, ask, say);

    const selected = await selectAccounts(org, { accounts: o.accounts, ous: o.ous });
    if (selected.unknown.length > 0) say(t.unknownAccounts(selected.unknown.join(", ")));
    const journal = OrgJournal.open(resolve(o.journal ?? DEFAULT_JOURNAL), o.resume);
    say(t.report.journal(journal.path));
    const managementId = (now.organization as Organization).managementAccountId;

    const audit = await runPhase(
      "audit",
      selected.accounts,
      journal,
      deps,
      t,
      say,
      () => stopped,
      (d, accounts, hooks) => auditAccounts(d, accounts, managementId, hooks).then((r) => ({ ...r, notStarted: r.notStarted.map((a) => a.id) })),
    );
    say(tableText(audit.results, t));
    say(countsText(audit.results, t));
    for (const line of scpText(audit.results, t)) say(line);
    const rails = await guardRails(deps, audit.results);
    say(t.guard.heading);
    say(rails.protectedAccounts.length > 0 ? t.guard.protectedBy(rails.protectedAccounts.length, rails.checked) : t.guard.none);
    let final = audit;
    if (interactive && !stopped) final = await remediatePhase(audit, journal, deps, t, ask, say, () => stopped);
    if (stopped) say(t.results.interrupted);
    if (final.notStarted.length > 0) say(t.results.notStarted(final.notStarted.length));
    const exitCode = stopped ? EXIT.interrupted : exitOf(final.results, final.notStarted.length > 0);
    const data: ReportData = { organization: now.organization, caller: now.caller, readiness: now, ...final, guardRails: rails, exitCode };
    if (o.json) out(JSON.stringify({ tool: { name: "rootlock", version: o.version }, ...data }, null, 2));
    else if (!stopped) say(t.exitHint);
    const written = await writeReport(data, o, t, deps.now(), err);
    return written || stopped ? exitCode : EXIT.usage;
  } catch (error) {
    // An AWS failure outside any one account (listing the organization, reading readiness): named, never a stack.
    if (error instanceof OrgError) {
      err(t.failures.other(error.action, error.code));
      return EXIT.notAudited;
    }
    throw error;
  } finally {
    process.off("SIGINT", onSigint);
    terminal?.close();
  }
}

/**
 * The interactive run on the Ink screen: the same journal, --resume and clean stop as the text run (the screen runs
 * its phases through steps/org/phase.ts); the report is written when the screen has been left, however it ended.
 */
async function onScreen(o: OrgCommandOptions, deps: OrgDeps, t: OrgMessages, err: (s: string) => void): Promise<number> {
  const journal = OrgJournal.open(resolve(o.journal ?? DEFAULT_JOURNAL), o.resume);
  const { runOrgScreen } = await import("./screens/org/run-org-screen.js");
  // The run's catalogue alone (i18n/load.ts), as the wizard loads it: index.ts holds both languages, for the tests.
  const { loadMessages } = await import("./i18n/load.js");
  const words = await loadMessages(o.lang);
  const { code, results, notStarted } = await runOrgScreen({
    deps,
    selection: { accounts: o.accounts, ous: o.ous },
    t,
    keys: words.app.keys,
    journal,
    simulatedBadge: o.target.kind === "simulated" ? t.badge : undefined,
  });
  if (code === EXIT.interrupted) err(t.results.interrupted);
  if (notStarted.length > 0) err(t.results.notStarted(notStarted.length));
  err(t.report.journal(journal.path));
  const written = await writeReport({ results, notStarted, poolSizes: [], exitCode: code }, o, t, deps.now(), err);
  return written || code === EXIT.interrupted ? code : EXIT.usage;
}

/** One phase over the pool (steps/org/phase.ts: journaled, resumed, stopped cleanly), with a progress line and an ETA. */
async function runPhase<T extends { id: string }>(
  phase: Phase,
  items: readonly T[],
  journal: OrgJournal,
  deps: OrgDeps,
  t: OrgMessages,
  say: (s: string) => void,
  stopped: () => boolean,
  run: (deps: OrgDeps, items: T[], hooks: Required<RunHooks>) => Promise<{ results: AccountResult[]; notStarted: string[] }>,
): Promise<PhaseRun> {
  const started = deps.now().getTime();
  let count = 0;
  let todo = 0;
  const tty = !!process.stderr.isTTY;
  const result = await journaledPhase(
    phase,
    items,
    journal,
    deps,
    {
      stopped,
      onStart: (resumed, left) => {
        todo = left;
        if (resumed.length > 0) say(t.audit.resumed(resumed.length));
        if (phase === "audit") say(t.audit.heading(left));
      },
      onResult: (_, limit) => {
        count++;
        const elapsed = (deps.now().getTime() - started) / 1000;
        const eta = t.audit.eta((elapsed / count) * (todo - count));
        if (tty) process.stderr.write(`\r${t.audit.progress(count, todo, limit.current, eta)}\x1b[K`);
      },
    },
    run,
  );
  if (tty) process.stderr.write("\r\x1b[K");
  return result;
}

async function remediatePhase(
  audit: PhaseRun,
  journal: OrgJournal,
  deps: OrgDeps,
  t: OrgMessages,
  ask: (q: string) => Promise<string>,
  say: (s: string) => void,
  stopped: () => boolean,
): Promise<PhaseRun> {
  const plans = plansFor(audit.results, await deleteTaskDocument(deps));
  if (plans.length === 0) {
    say(t.plan.none);
    return audit;
  }
  say(
    t.plan.heading(
      plans.length,
      plans.reduce((s, p) => s + p.writes.length, 0),
    ),
  );
  for (const p of plans) {
    say(t.plan.account(p.result.account.id, p.result.account.name));
    for (const w of p.writes) say(`    ${callText(shownRootCall(w))}`);
  }
  const answer = (await ask(t.plan.confirmAll)).trim().toLowerCase();
  let approved: AccountPlan[] = [];
  if (answer === "a") approved = plans;
  else if (answer === "e") for (const p of plans) if (yes(await ask(t.plan.confirmOne(p.result.account.id)))) approved.push(p);
  if (approved.length === 0) {
    say(t.plan.declined);
    return audit;
  }
  const run = await runPhase(
    "remediate",
    approved.map((p) => ({ id: p.result.account.id, plan: p })),
    journal,
    deps,
    t,
    say,
    stopped,
    (d, items, hooks) =>
      remediateAccounts(
        d,
        items.map((i) => i.plan),
        hooks,
      ).then((r) => ({ ...r, notStarted: r.notStarted.map((p) => p.result.account.id) })),
  );
  say(t.results.heading);
  const changed = new Map(run.results.map((r) => [r.account.id, r]));
  const results = audit.results.map((r) => changed.get(r.account.id) ?? r);
  say(tableText(run.results, t));
  say(countsText(results, t));
  return { results, notStarted: run.notStarted, poolSizes: [...audit.poolSizes, ...run.poolSizes] };
}

/** `rootlock org recover ACCOUNT`: CreateLoginProfile with no input, in an IAMCreateRootUserPassword session, read back. */
async function recover(
  o: OrgCommandOptions,
  deps: OrgDeps,
  ready: Readiness,
  t: OrgMessages,
  ask: (q: string) => Promise<string>,
  say: (s: string) => void,
): Promise<number> {
  const id = o.recoverAccount ?? "";
  const accounts = (await selectAccounts(deps.org, { accounts: [id] })).accounts;
  const account: OrgAccount | undefined = accounts[0];
  if (!account || account.state !== "ACTIVE" || account.id === ready.organization?.managementAccountId) {
    say(t.recover.notMember(id));
    return EXIT.usage;
  }
  const limit = new AdaptiveLimit({ initial: 1 });
  const tally = { evidence: [], retries: 0 };
  const write = rootWrite("createLoginProfile", {});
  try {
    const before = await inSession(deps, limit, tally, id, "IAMAuditRootUserCredentials", (root) => root.credentials());
    if (before.password) {
      say(t.recover.has(id));
      return 0;
    }
    if (!yes(await ask(t.recover.confirm(callText(shownRootCall(write)), id)))) {
      say(t.plan.declined);
      return EXIT.notAllVerified;
    }
    // The write's answer is not the proof: a failure may hide a write that was done (its answer lost), and an "ok" a
    // write not (yet) seen. The read-back with the audit policy decides, either way.
    let sendFailure: OrgError | undefined;
    try {
      await inSession(deps, limit, tally, id, "IAMCreateRootUserPassword", (root) => root.send(write));
    } catch (error) {
      if (!isOrgError(error)) throw error;
      sendFailure = error;
    }
    const after = await inSession(deps, limit, tally, id, "IAMAuditRootUserCredentials", (root) => root.credentials());
    if (!after.password) {
      say(sendFailure ? t.recover.failed(sendFailure.code, sendFailure.action) : t.recover.notVerified(id));
      return sendFailure ? EXIT.notAudited : EXIT.notAllVerified;
    }
    say(t.recover.done(id, account.email));
    return 0;
  } catch (error) {
    if (!isOrgError(error)) throw error;
    say(t.recover.failed(error.code, error.action));
    return EXIT.notAudited;
  }
}
