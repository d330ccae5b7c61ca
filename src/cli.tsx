// rootlock's entry point: parse and validate the options, pick the mode, then load the wizard. Ink, React
// and the AWS SDK are imported only after that, so `--help` and bad arguments answer at once.
// Only the version: the bundler keeps this one field of package.json, not the whole file.
import { version } from "../package.json";
import { credentialsFound, profileDefined, sharedFiles } from "./aws/credentials.js";
import { EXIT } from "./exit-codes.js";
import { langFromArgs, langFromEnv } from "./i18n/lang.js";
import { loadMessages } from "./i18n/load.js";
import { parseOptions, refusalText } from "./options.js";
import type { ScenarioName } from "./aws/scenario-names.js";

async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv);
  const t = await loadMessages((parsed.ok ? parsed.options.lang : langFromArgs(argv)) ?? langFromEnv(process.env));
  if (!parsed.ok) {
    process.stderr.write(`${refusalText(parsed, t)}\n`);
    return EXIT.usage;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(`${t.cli.usage}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (options.command === "policy") {
    // Plain data, no SDK: the least-privilege policy for the mode asked (check by default).
    const { policyFor } = await import("./aws/permissions.js");
    process.stdout.write(`${JSON.stringify(policyFor(options.wizard ? "wizard" : "check", options["dry-run"]), null, 2)}\n`);
    return 0;
  }
  if (options.command === "org" && options.org) {
    // Loaded only for `rootlock org`: nothing of it on the wizard's, --help's or check's path.
    const { runOrgCommand } = await import("./org-command.js");
    // `org scp` prints a fixed document: it needs no account. The others say their own command, to run with --demo.
    if (options.org.sub !== "scp" && !options.demo && !options.profile && !credentialsFound(process.env)) {
      const files = sharedFiles(process.env);
      const command = ["rootlock org", ...(options.org.sub === "run" ? [] : [options.org.sub]), ...(options.org.account ? [options.org.account] : [])].join(" ");
      process.stderr.write(`${t.cli.orgNoCredentials(command, files.config, files.credentials)}\n`);
      return EXIT.notAudited;
    }
    if (options.org.sub !== "check" && options.org.sub !== "scp" && (!process.stdin.isTTY || !process.stdout.isTTY)) {
      process.stderr.write(`${t.cli.noTty}\n`);
      return EXIT.usage;
    }
    return runOrgCommand({
      sub: options.org.sub,
      target: options.demo ? { kind: "simulated" } : { kind: "live", profile: options.profile, region: options.region },
      lang: options.lang ?? langFromEnv(process.env),
      json: options.json,
      accounts: options.accounts?.split(","),
      ous: options.ou?.split(","),
      resume: options.resume,
      journal: options.journal,
      report: options.report,
      recoverAccount: options.org.account,
      version,
    });
  }
  // The audit never falls back to the simulated account: a CI job with broken credentials would get a believable
  // audit of nothing. Only --demo (or --scenario) audits the simulated account.
  if (options.command === "check" && !options.demo && options.scenario === undefined && !options.profile && !credentialsFound(process.env)) {
    const files = sharedFiles(process.env);
    process.stderr.write(`${t.cli.checkNoCredentials(files.config, files.credentials)}\n`);
    return EXIT.notAudited;
  }
  const simulated = options.demo || options.scenario !== undefined || (!options.profile && !credentialsFound(process.env));
  const target = simulated
    ? await simulatedTarget(options.scenario ?? "new-account", options.reset)
    : ({ kind: "live", profile: options.profile, region: options.region } as const);
  // A mistyped --profile otherwise reaches the SDK, and every read then fails as "no usable credentials" (or the
  // wizard opens on an error panel) without naming the profile: refuse it here, naming it and where it was looked for.
  if (!simulated && options.profile && !profileDefined(options.profile, process.env)) {
    const files = sharedFiles(process.env);
    process.stderr.write(`${t.cli.unknownProfile(options.profile, files.config, files.credentials)}\n`);
    return EXIT.usage;
  }
  if (options.command === "check") {
    // Non-interactive: no TTY needed, and no Ink.
    const { runCheckCommand } = await import("./check-command.js");
    return runCheckCommand({ target, json: options.json, version, report: options.report, say: t.cli, words: t });
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(`${t.cli.noTty}\n`);
    return EXIT.usage;
  }
  // Until Ink reads the terminal, no handle keeps libuv's loop running while the wizard loads (a dynamic import,
  // then Yoga's WebAssembly: V8's work). Node then runs what follows from the step after the loop, which also
  // waits for all of V8's background jobs (compilers, GC) before timers run again: that held the screen after the
  // spinner back by up to ~25 ms. A pending timer keeps everything in the running loop.
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    const { runWizard } = await import("./wizard.js");
    const code = await runWizard({
      lang: options.lang ?? langFromEnv(process.env),
      t,
      target,
      dryRun: options["dry-run"],
      report: options.report,
      version,
      notice: simulated && !options.demo && !options.scenario ? t.app.noCredentials : undefined,
      flow: options.command === "alerts" ? "alerts" : "wizard",
      topicName: options.topic,
    });
    // The run is over: what was half-done is undone and the report written. A read may still be polling AWS,
    // though: a verification the operator quit from (q or Ctrl-C while waiting for CloudTrail or IAM) keeps its
    // timers until its timeout, up to 15 minutes, and would hold the process and the terminal that long after
    // the wizard has gone. So exit now, once what was printed has been written out.
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
    return code;
  } finally {
    clearInterval(keepAlive);
  }
}

/**
 * The simulated account, kept between runs in the user's state folder (one file per scenario), so that the demo
 * and `check --demo` find it as the last run left it; `--reset` deletes the file first.
 */
async function simulatedTarget(scenario: ScenarioName, reset: boolean) {
  const { demoStateFile, forgetSavedState } = await import("./aws/simulated/saved.js");
  const stateFile = demoStateFile(scenario);
  if (reset) forgetSavedState(stateFile);
  return { kind: "simulated", scenario, stateFile } as const;
}

// Ctrl-C reaches the wizard as a key once Ink has the terminal in raw mode, and a SIGINT sent while it runs is
// handled there (wizard.tsx), both undoing what is half-done. Before that (while starting) or in `check`, nothing
// is half-done: leave with the conventional status.
process.on("SIGINT", () => {
  if (process.listenerCount("SIGINT") === 1) process.exit(EXIT.interrupted);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not an AWS failure (those are values, shown by the screens): say so briefly, without a stack.
    process.stderr.write(`rootlock: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
