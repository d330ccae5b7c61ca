// Writes the evidence report next to where rootlock was started (or where --report says): Markdown for
// people, JSON for machines. Readable by the owner only: it names the account and its identities.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { CheckReport } from "./check-schema.js";
import { renderMarkdown, type ReportWords, type RunReport } from "./steps/report.js";

export function defaultReportBase(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
  return `rootlock-report-${stamp}`;
}

/**
 * Where the wizard's report goes: `--report` as given (PATH.md and PATH.json), or, when it names a folder (one that
 * exists, or written with a trailing slash), a file of the default name in it; without it, the current folder —
 * never the folder rootlock is installed in.
 */
export function reportBaseFor(option: string | undefined, now: Date): string {
  if (option === undefined) return defaultReportBase(now);
  const isFolder = option.endsWith("/") || option.endsWith(sep) || statSync(option, { throwIfNoEntry: false })?.isDirectory();
  return isFolder ? join(option, defaultReportBase(now)) : option;
}

/** `base` may end in .md or .json; both files are written (the Markdown in `words`, English by default). Returns their absolute paths. */
export function writeReport(report: RunReport, base: string, words?: ReportWords): { markdown: string; json: string } {
  return writePair(base, renderMarkdown(report, words), report);
}

/** `rootlock check --report PATH`: the audit's JSON (the --json shape) and a Markdown rendering of it. */
export function writeCheckReport(report: CheckReport, markdown: string, base: string): { markdown: string; json: string } {
  return writePair(base, markdown, report);
}

/** `rootlock org`: the evidence per account (what was read, changed and read back), as JSON and Markdown. */
export function writeOrgReport(data: unknown, markdown: string, base: string): { markdown: string; json: string } {
  return writePair(base, markdown, data);
}

function writePair(base: string, markdownText: string, data: unknown): { markdown: string; json: string } {
  const stem = resolve(base.replace(/\.(md|json)$/i, ""));
  mkdirSync(dirname(stem), { recursive: true });
  const markdown = `${stem}.md`;
  const json = `${stem}.json`;
  writeFileSync(markdown, markdownText, { mode: 0o600 });
  writeFileSync(json, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  return { markdown, json };
}
