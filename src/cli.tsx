// rootlock's entry point: parse and validate the options, pick the mode, then load the wizard. Ink, React
// and the AWS SDK are imported only after that, so `--help` and bad arguments answer at once.
// Only the version: the bundler keeps this one field of package.json, not the whole file.
import { version } from "../package.json";
import { credentialsFound } from "./aws/credentials.js";
import { EXIT } from "./exit-codes.js";
import { langFromEnv, messages } from "./i18n/index.js";
import { parseOptions } from "./options.js";

async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv);
  const t = messages(parsed.ok && parsed.options.lang ? parsed.options.lang : langFromEnv(process.env));
  if (!parsed.ok) {
    process.stderr.write(`${t.cli.badOption(parsed.message)}\n`);
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
  const simulated = options.demo || options.scenario !== undefined || (!options.profile && !credentialsFound(process.env));
  const target = simulated ? ({ kind: "simulated", scenario: options.scenario ?? "new-account" } as const) : ({ kind: "live", profile: options.profile, region: options.region } as const);
  if (options.command === "check") {
    // Non-interactive: no TTY needed, and no Ink.
    const { runCheckCommand } = await import("./check-command.js");
    return runCheckCommand({ target, json: options.json, version });
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(`${t.cli.noTty}\n`);
    return EXIT.usage;
  }
  const { runWizard } = await import("./wizard.js");
  return runWizard({
    lang: options.lang ?? langFromEnv(process.env),
    target,
    dryRun: options["dry-run"],
    report: options.report,
    version,
    notice: simulated && !options.demo && !options.scenario ? t.app.noCredentials : undefined,
  });
}

// Ctrl-C reaches the wizard as a key once Ink has the terminal in raw mode, and it undoes what is half-done
// there. Before that (while starting) or in `check`, nothing is half-done: leave with the conventional status.
process.once("SIGINT", () => process.exit(EXIT.interrupted));

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
