// The one place a Target (the simulated account of a scenario, or live AWS with a profile and region) becomes an
// Account, for the wizard and for `rootlock check` alike. Each adapter is imported only when it is asked for: the
// SDK only for live AWS (so `--help`, the demo and the first screen never load it), the simulated account only for
// the demo.
import type { Account, RootConsole } from "./account.js";
import { DryRunAccount } from "./dry-run.js";
import type { ScenarioName } from "./scenario-names.js";

export type Target =
  /** `stateFile`: where the simulated account is kept between runs (simulated/saved.ts); absent, it lives for this run only. */
  { kind: "simulated"; scenario: ScenarioName; stateFile?: string } | { kind: "live"; profile?: string; region?: string };

export interface OpenOptions {
  /** Reads pass through, writes are recorded and not sent (dry-run.ts). */
  dryRun?: boolean;
  /**
   * For `rootlock check`: it reads a ready-made account, so the simulated one does not act out the credential
   * report's generation time.
   */
  audit?: boolean;
}

export interface OpenedAccount {
  account: Account;
  /** The root console stand-in: the simulated account's only. A dry run leaves it usable (it is the trainee's). */
  standIn?: RootConsole;
  /** The simulated account was found as a previous run left it. */
  resumed?: boolean;
}

export async function openAccount(target: Target, { dryRun = false, audit = false }: OpenOptions = {}): Promise<OpenedAccount> {
  const opened = await openInner(target, audit);
  return dryRun ? { ...opened, account: new DryRunAccount(opened.account) } : opened;
}

async function openInner(target: Target, audit: boolean): Promise<OpenedAccount> {
  if (target.kind === "simulated") {
    const { SimulatedAccount } = await import("./simulated/index.js");
    const { scenario, stateFile } = target;
    // The account as the last run left it, and its saving after every change (simulated/saved.ts).
    const kept = stateFile ? (await import("./simulated/saved.js")).keptBetweenRuns(stateFile, scenario) : {};
    const simulated = new SimulatedAccount({ scenario, ...kept, ...(audit ? { reportDelayMs: 0 } : {}) });
    return { account: simulated, standIn: simulated.console, resumed: kept.saved !== undefined };
  }
  // The SDK's warning that releases after early 2027 will need Node 22 would be printed across the wizard's screen
  // (and into check's output); the pinned versions run on Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { LiveAccount } = await import("./live/account.js");
  return { account: new LiveAccount({ profile: target.profile, region: target.region }) };
}
