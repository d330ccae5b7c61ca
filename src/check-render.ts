// `rootlock check`'s human-readable forms: the table (the default output) and the Markdown (--report). A module
// of their own, loaded only when asked for: `check --json` (what scripts and CI run) then loads neither cli-table3
// nor chalk (~70 kB of source with their dependencies).
import { Chalk } from "chalk";
import Table from "cli-table3";
import type { CheckFinding, CheckReport, CheckStatus } from "./check-schema.js";
import { en, type Messages } from "./i18n/en.js";
import { type Phrase, say } from "./steps/said.js";

/** The catalogue's words for the table and the Markdown, in the run's language. */
export type CheckWords = Pick<Messages, "check" | "evidence">;

/** A finding's evidence in the run's language: its phrase where check.ts gave one (not in the JSON), else its text. */
function evidenceIn(f: CheckFinding, words: CheckWords): string {
  const said = (f as CheckFinding & { said?: Phrase }).said;
  return said ? say(said, words.evidence) : f.evidence;
}

/** The report's notes in the run's language: their phrases where check.ts gave them, else the English. */
function notesIn(report: CheckReport, words: CheckWords): string[] {
  const said = (report.notes as string[] & { said?: Phrase[] }).said;
  return said ? said.map((p) => say(p, words.evidence)) : report.notes;
}

/** Columns that hold ids or a status: wide enough for their longest word ("CloudWatch.1)", "UNKNOWN"), never cut. */
const FIXED_WIDTHS = { cis: 6, securityHub: 15, status: 9 } as const;
/** cli-table3's widths include a space each side; a row of five cells has six borders. */
const PADDING = 2;
const BORDERS = 6;
/** Below this the title and the evidence get no less room: the table is then wider than the terminal. */
const MIN_FLEXIBLE = 36;
/** The title column's widest: on a wide terminal, the rest goes to the evidence. */
const MAX_TITLE = 30;

/**
 * The audit as a table as wide as the terminal (`columns`; 80 when the output is not a terminal). The id and
 * status columns keep a fixed width; the title and the evidence share the rest. Words wrap whole, and a word
 * longer than its column (an ARN) is broken by hand, so cli-table3 never cuts a cell short with "…".
 */
export function renderTable(report: CheckReport, colour: boolean, columns = 80, words: CheckWords = en): string {
  const w = words.check;
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const paint: Record<CheckStatus, (s: string) => string> = { pass: chalk.green, fail: chalk.red, unknown: chalk.yellow };
  const flexible = Math.max(MIN_FLEXIBLE, columns - BORDERS - FIXED_WIDTHS.cis - FIXED_WIDTHS.securityHub - FIXED_WIDTHS.status);
  // About half each: at 80 columns a short title ("No root access key") stays on one line.
  const titleWidth = Math.min(MAX_TITLE, Math.round(flexible * 0.48));
  const evidenceWidth = flexible - titleWidth;
  const table = new Table({
    head: [w.head.control, w.head.cis, w.head.securityHub, w.head.status, w.head.evidence],
    style: { head: colour ? ["bold"] : [], border: colour ? ["grey"] : [] },
    colWidths: [titleWidth, FIXED_WIDTHS.cis, FIXED_WIDTHS.securityHub, FIXED_WIDTHS.status, evidenceWidth],
    wordWrap: true,
  });
  for (const f of report.findings) {
    table.push([
      breakLongWords(w.titles[f.control], titleWidth - PADDING),
      f.cis,
      // The id alone on a line: "— (related: CloudWatch.1)" would not fit the column in one piece; the rest wraps at its space.
      f.related ? `${f.securityHub}\n(${w.related(f.related)})` : f.securityHub,
      paint[f.status](w.status[f.status]),
      breakLongWords(`${evidenceIn(f, words)}\n(${f.source}${f.asOf === "live" ? "" : `, ${w.asOf(f.asOf)}`})`, evidenceWidth - PADDING),
    ]);
  }
  const header = w.header(report.account, report.simulated, report.caller, report.checkedAt);
  return [header, table.toString(), ...notesIn(report, words).map(w.note)].join("\n");
}

/** Breaks only the words longer than `width` (an ARN, a long id) into pieces that fit; the rest wrap whole. */
function breakLongWords(text: string, width: number): string {
  return text.replace(/\S+/g, (word) => (word.length <= width ? word : (word.match(new RegExp(`.{1,${width}}`, "gu")) ?? [word]).join("\n")));
}

/** The audit as Markdown, for `check --report`: the same rows as the table, with their sources. */
export function renderCheckMarkdown(report: CheckReport, words: CheckWords): string {
  const w = words.check;
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    "# rootlock check",
    "",
    `- ${w.markdown.account}: ${report.account ?? w.markdown.unknown}${report.simulated ? ` (${w.markdown.simulated})` : ""}`,
    `- ${w.markdown.caller}: ${report.caller ?? w.markdown.unknown}`,
    `- ${w.markdown.checked}: ${report.checkedAt}`,
    `- ${w.markdown.exit}: ${report.exitCode}`,
    `- rootlock ${report.tool.version}`,
    "",
    `| ${w.head.control} | ${w.head.cis} | ${w.head.securityHub} | ${w.head.status} | ${w.head.evidence} | ${w.head.source} |`,
    "|---|---|---|---|---|---|",
    ...report.findings.map(
      (f) =>
        `| ${cell(w.titles[f.control])} | ${f.cis} | ${f.securityHub}${f.related ? ` (${w.related(f.related)})` : ""} | ${w.status[f.status]} | ${cell(evidenceIn(f, words))} | ${cell(f.source)}${f.asOf === "live" ? "" : `, ${w.asOf(f.asOf)}`} |`,
    ),
    "",
    ...notesIn(report, words).map(w.note),
    "",
  ].join("\n");
}
