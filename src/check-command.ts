// `rootlock check`: prints the audit as a table (or JSON with --json) and returns its exit status.
// No colours when the output is not a terminal or NO_COLOR is set.
import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Account } from "./aws/account.js";
import type { CheckReport, CheckStatus } from "./check-schema.js";
import { runCheck } from "./steps/check.js";
import type { Target } from "./wizard.js";

export interface CheckOptions {
  target: Target;
  json: boolean;
  version: string;
}

async function accountFor(target: Target): Promise<Account> {
  if (target.kind === "simulated") {
    const { SimulatedAccount } = await import("./aws/simulated.js");
    // The audit reads a ready-made account: no need to act out the credential report's generation time.
    return new SimulatedAccount({ scenario: target.scenario, reportDelayMs: 0 });
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { LiveAccount } = await import("./aws/iam.js");
  return new LiveAccount({ profile: target.profile, region: target.region });
}

export function renderTable(report: CheckReport, colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const paint: Record<CheckStatus, (s: string) => string> = { pass: chalk.green, fail: chalk.red, unknown: chalk.yellow };
  const table = new Table({
    head: ["Control", "CIS v3.0", "Security Hub", "Status", "Evidence"],
    style: { head: colour ? ["bold"] : [], border: colour ? ["grey"] : [] },
    colWidths: [24, 6, 15, 8, 41],
    wordWrap: true,
  });
  for (const f of report.findings) table.push([f.title, f.cis, f.related ? `${f.securityHub} (related: ${f.related})` : f.securityHub, paint[f.status](f.status.toUpperCase()), `${f.evidence}\n(${f.source}${f.asOf === "live" ? "" : `, as of ${f.asOf}`})`]);
  const header = `rootlock check — account ${report.account ?? "unknown"}${report.simulated ? " (SIMULATED)" : ""}, as ${report.caller ?? "unknown caller"}, at ${report.checkedAt}`;
  return [header, table.toString(), ...report.notes.map((n) => `Note: ${n}`)].join("\n");
}

export async function runCheckCommand({ target, json, version }: CheckOptions): Promise<number> {
  const account = await accountFor(target);
  const report = await runCheck(account, () => new Date(), version, target.kind === "simulated");
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${renderTable(report, !!process.stdout.isTTY && !process.env.NO_COLOR)}\n`);
  return report.exitCode;
}
