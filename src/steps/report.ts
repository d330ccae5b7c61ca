// The evidence report of a run: who ran it against which account, in which mode, what each step found and
// concluded with the reads behind it, every change sent (with AWS's request id), and what was left
// unverified and why. Pure: the caller writes it to disk. The JSON is in English (stable keys and text, the
// language of the standards and of AWS's own names), whatever language the wizard spoke; the Markdown is said in
// the run's language (`ReportWords`), each read by its phrase where the step gave one, as on screen. It holds no
// secret: the journal leaves seeds and codes out, and verdict evidence is built from reads that never contain one.
import type { AccountMode, Caller } from "../aws/account.js";
import type { JournalEntry } from "../aws/journal.js";
import { CONTROL_IDS } from "./controls.js";
import { summarize } from "./summary.js";
import type { ControlId } from "./controls.js";
import type { Verdict, VerdictReason, VerdictState } from "./types.js";
import { evidenceEn, type EvidenceWords } from "../i18n/evidence-en.js";
import { reportEn, type ReportWordsText } from "../i18n/report-en.js";
import { type Phrase, sayRead, saySource } from "./said.js";

export interface RunFacts {
  version: string;
  mode: AccountMode;
  simulated: boolean;
  scenario?: string;
  caller?: Caller;
  startedAt: Date;
  endedAt: Date;
  ending: "finished" | "quit" | "interrupted";
  results: Partial<Record<ControlId, Verdict>>;
  changes: JournalEntry[];
  leftBehind: string[];
  /** The controls the run was about (all of them for the wizard). */
  controls?: ControlId[];
}

export interface RunReport {
  tool: { name: "rootlock"; version: string };
  mode: AccountMode;
  simulated: boolean;
  scenario?: string;
  account?: string;
  caller?: { arn: string; kind: string };
  startedAt: string;
  endedAt: string;
  ending: RunFacts["ending"];
  controls: {
    control: ControlId;
    cis: string;
    securityHub: string;
    /** A Security Hub control that checks something related (CloudWatch.1 for the sign-in test's CIS 1.7). */
    related?: string;
    state: Verdict["state"];
    reason: Verdict["reason"];
    evidence: { source: string; read: string; at: string }[];
  }[];
  changes: { call: string; params: Record<string, string>; at: string; outcome: string; requestId?: string }[];
  notVerified: { control: ControlId; state: Verdict["state"]; reason: Verdict["reason"] }[];
  leftBehind: string[];
}

export function buildReport(facts: RunFacts): RunReport {
  const controls = summarize(facts.results, facts.controls).map((row) => ({
    control: row.control,
    cis: CONTROL_IDS[row.control].cis,
    securityHub: CONTROL_IDS[row.control].securityHub,
    related: CONTROL_IDS[row.control].related,
    state: row.verdict.state,
    reason: row.verdict.reason,
    // The phrase rides along unlisted (not enumerable: JSON.stringify leaves it out), for the Markdown.
    evidence: row.verdict.evidence.map((e) => {
      const line = { source: e.source, read: e.read, at: e.at.toISOString() };
      if (e.said) Object.defineProperty(line, "said", { value: e.said, enumerable: false });
      return line;
    }),
  }));
  return {
    tool: { name: "rootlock", version: facts.version },
    mode: facts.mode,
    simulated: facts.simulated,
    scenario: facts.scenario,
    account: facts.caller?.accountId,
    caller: facts.caller && { arn: facts.caller.arn, kind: facts.caller.kind },
    startedAt: facts.startedAt.toISOString(),
    endedAt: facts.endedAt.toISOString(),
    ending: facts.ending,
    controls,
    changes: facts.changes.map((c) => ({ call: c.call, params: c.params, at: c.at.toISOString(), outcome: c.outcome, requestId: c.requestId })),
    notVerified: controls.filter((c) => c.state !== "verified" && c.reason !== "not-applicable").map((c) => ({ control: c.control, state: c.state, reason: c.reason })),
    // What a step made and left unfinished (a declined plan's earlier changes), then what an undo could not remove.
    leftBehind: [...summarize(facts.results, facts.controls).flatMap((row) => row.verdict.leftBehind ?? []), ...facts.leftBehind],
  };
}

/** The Markdown's words: the catalogue's `report`, `evidence`, `states` and `reasons` (en.ts, ko.ts). */
export interface ReportWords {
  report: ReportWordsText;
  evidence: EvidenceWords;
  /** A state and a reason in words; without them (English by default), their codes, as the JSON has them. */
  states?: Record<VerdictState, string>;
  reasons?: Record<VerdictReason, string>;
}

const ENGLISH: ReportWords = { report: reportEn, evidence: evidenceEn };

export function renderMarkdown(r: RunReport, words: ReportWords = ENGLISH): string {
  const w = words.report;
  const state = (s: VerdictState) => words.states?.[s] ?? s;
  const reason = (x: VerdictReason) => words.reasons?.[x] ?? x;
  const read = (e: RunReport["controls"][number]["evidence"][number]) => sayRead(e as typeof e & { said?: Phrase }, words.evidence);
  const mode = `${r.mode}${r.simulated ? ` (${w.simulated(r.scenario)})` : ""}`;
  const h = w.head;
  const ch = w.changesHead;
  const lines = [
    `# ${w.title}`,
    "",
    `- ${w.account}: ${r.account ?? w.unknown}`,
    `- ${w.caller}: ${r.caller ? `${r.caller.arn} (${r.caller.kind})` : w.unknown}`,
    `- ${w.mode}: ${mode}`,
    `- ${w.started}: ${r.startedAt}`,
    `- ${w.ended}: ${r.endedAt} — ${w.endings[r.ending]}`,
    `- rootlock ${r.tool.version}`,
    "",
    `## ${w.controls}`,
    "",
    `| ${h.control} | ${h.cis} | ${h.securityHub} | ${h.state} | ${h.why} |`,
    "|---|---|---|---|---|",
    ...r.controls.map((c) => `| ${c.control} | ${c.cis} | ${c.securityHub}${c.related ? ` (${w.related(c.related)})` : ""} | ${state(c.state)} | ${reason(c.reason)} |`),
    "",
    `## ${w.evidence}`,
    "",
    ...r.controls.flatMap((c) => [
      `### ${c.control}`,
      "",
      ...(c.evidence.length === 0 ? [`- ${w.noRead}`] : c.evidence.map((e) => `- ${e.at} — ${saySource(e.source, words.evidence)}: ${read(e)}`)),
      "",
    ]),
    `## ${w.changes}`,
    "",
    ...(r.changes.length === 0
      ? [w.noChanges]
      : [
          `| ${ch.time} | ${ch.call} | ${ch.params} | ${ch.outcome} | ${ch.requestId} |`,
          "|---|---|---|---|---|",
          ...r.changes.map(
            (c) =>
              `| ${c.at} | ${c.call} | ${Object.entries(c.params)
                .map(([k, v]) => `${k}=${v}`)
                .join(", ")} | ${c.outcome} | ${c.requestId ?? "—"} |`,
          ),
        ]),
    "",
    `## ${w.notVerified}`,
    "",
    ...(r.notVerified.length === 0 ? [w.allVerified] : r.notVerified.map((n) => `- ${n.control}: ${state(n.state)} — ${reason(n.reason)}`)),
    ...(r.leftBehind.length > 0 ? ["", `## ${w.leftBehind}`, "", ...r.leftBehind.map((x) => `- ${x}`)] : []),
    "",
  ];
  return lines.join("\n");
}
