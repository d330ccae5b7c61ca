// `rootlock check`: prints the audit as a table (or JSON with --json) and returns its exit status.
import type { CheckWords } from "./check-render.js";
import { EXIT } from "./exit-codes.js";
import { runCheck } from "./steps/check.js";
import { openAccount, type Target } from "./aws/open-account.js";
import { en } from "./i18n/en.js";

export interface CheckOptions {
  target: Target;
  json: boolean;
  version: string;
  /** --report PATH: also write the audit as PATH.json and PATH.md. */
  report?: string;
  /** The catalogue's sentences about the report file, in the run's language. */
  say: { reportWritten: (markdown: string, json: string) => string; reportFailed: (code: string) => string };
  /** The table's and the Markdown's words (English by default); the JSON keeps its English keys and titles. */
  words?: CheckWords;
}

export async function runCheckCommand({ target, json, version, report: reportBase, say, words = en }: CheckOptions): Promise<number> {
  const { account } = await openAccount(target, { audit: true });
  const report = await runCheck(account, () => new Date(), version, target.kind === "simulated");
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const { renderTable } = await import("./check-render.js");
    process.stdout.write(`${renderTable(report, !!process.stdout.isTTY && !process.env.NO_COLOR, process.stdout.isTTY ? process.stdout.columns : 80, words)}\n`);
  }
  if (reportBase) {
    // On stderr: with --json, standard output stays the JSON alone.
    try {
      const { writeCheckReport } = await import("./report-file.js");
      const { renderCheckMarkdown } = await import("./check-render.js");
      const files = writeCheckReport(report, renderCheckMarkdown(report, words), reportBase);
      process.stderr.write(`${say.reportWritten(files.markdown, files.json)}\n`);
    } catch (error) {
      process.stderr.write(`${say.reportFailed((error as NodeJS.ErrnoException).code ?? "error")}\n`);
      return EXIT.usage;
    }
  }
  return report.exitCode;
}
