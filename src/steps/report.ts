// The evidence report of a run: who ran it against which account, in which mode, what each step found and
// concluded with the reads behind it, every change sent (with AWS's request id), and what was left
// unverified and why. Pure: the caller writes it to disk. It is in English, the language of the standards
// and of AWS's own names, whatever language the wizard spoke. It holds no secret: the journal leaves seeds and
// codes out, and verdict evidence is built from reads that never contain one.
import type { AccountMode, Caller } from "../aws/account.js";
import type { JournalEntry } from "../aws/journal.js";
import { CONTROL_IDS } from "./controls.js";
import { summarize } from "./summary.js";
import type { ControlId } from "./controls.js";
import type { Verdict } from "./types.js";

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
    evidence: row.verdict.evidence.map((e) => ({ source: e.source, read: e.read, at: e.at.toISOString() })),
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

const ENDINGS: Record<RunFacts["ending"], string> = {
  finished: "finished",
  quit: "quit by the operator before the end",
  interrupted: "interrupted (Ctrl-C)",
};

export function renderMarkdown(r: RunReport): string {
  const mode = `${r.mode}${r.simulated ? ` (simulated account${r.scenario ? `, scenario ${r.scenario}` : ""})` : ""}`;
  const lines = [
    "# rootlock evidence report",
    "",
    `- Account: ${r.account ?? "unknown"}`,
    `- Caller: ${r.caller ? `${r.caller.arn} (${r.caller.kind})` : "unknown"}`,
    `- Mode: ${mode}`,
    `- Started: ${r.startedAt}`,
    `- Ended: ${r.endedAt} — ${ENDINGS[r.ending]}`,
    `- rootlock ${r.tool.version}`,
    "",
    "## Controls",
    "",
    "| Control | CIS v3.0 | Security Hub | State | Why |",
    "|---|---|---|---|---|",
    ...r.controls.map((c) => `| ${c.control} | ${c.cis} | ${c.securityHub}${c.related ? ` (${c.related}, related)` : ""} | ${c.state} | ${c.reason} |`),
    "",
    "## Evidence (what was read back from AWS)",
    "",
    ...r.controls.flatMap((c) => [
      `### ${c.control}`,
      "",
      ...(c.evidence.length === 0 ? ["- (no read)"] : c.evidence.map((e) => `- ${e.at} — ${e.source}: ${e.read}`)),
      "",
    ]),
    "## Changes sent",
    "",
    ...(r.changes.length === 0
      ? ["None."]
      : [
          "| Time | Call | Parameters | Outcome | Request id |",
          "|---|---|---|---|---|",
          ...r.changes.map(
            (c) =>
              `| ${c.at} | ${c.call} | ${Object.entries(c.params)
                .map(([k, v]) => `${k}=${v}`)
                .join(", ")} | ${c.outcome} | ${c.requestId ?? "—"} |`,
          ),
        ]),
    "",
    "## Not verified",
    "",
    ...(r.notVerified.length === 0 ? ["Everything is verified."] : r.notVerified.map((n) => `- ${n.control}: ${n.state} — ${n.reason}`)),
    ...(r.leftBehind.length > 0 ? ["", "## Left behind in the account", "", ...r.leftBehind.map((x) => `- ${x}`)] : []),
    "",
  ];
  return lines.join("\n");
}
