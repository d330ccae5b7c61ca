// Everything an operator can pass on the command line, or start rootlock without, as a table: each row gets a
// clear message (no stack trace) and the exit status for bad usage, and leaves no trace (no report, no file in
// the working folder or in HOME). test/e2e/cli.test.ts keeps the first few of these (--scenario nope, --lang fr,
// --frobnicate, destroy, --json alone, --demo without a terminal); the rows here are the rest.
// Then a real terminal too small for the QR code: the admin user's MFA screen says so, shows the secret instead,
// and a refusal there (or giving up) leaves the account as it was.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import type { Messages } from "../../src/i18n/index.js";
import { codeAt, otpauthUri, timeStepOf } from "../../src/lib/totp.js";
import { OPTION_NAMES, optionsSchema, parseOptions, refusalText } from "../../src/options.js";
import { qrNeeds } from "../../src/screens/components/QrOrSecret.js";
import { TOTP_ISSUER, totpLabel } from "../../src/steps/user-mfa.js";
import { drive, sleep } from "../helpers/drivers.js";
import { BUNDLE, childEnv, spawnRootlock } from "../helpers/pty.js";

const STACK = /^\s+at .+:\d+|TypeError|ReferenceError/m;

// A HOME and AWS files of the test's own, empty, and an endpoint nothing listens on: whatever a row does, it
// cannot find a real profile or reach AWS.
const home = mkdtempSync(join(tmpdir(), "rootlock-bad-home-"));
const awsConfig = join(home, "aws-config");
const awsCredentials = join(home, "aws-credentials");
writeFileSync(awsConfig, "");
writeFileSync(awsCredentials, "");
const AWS_ENV = { HOME: home, AWS_CONFIG_FILE: awsConfig, AWS_SHARED_CREDENTIALS_FILE: awsCredentials, AWS_ENDPOINT_URL: "http://127.0.0.1:9" };
const homeBefore = readdirSync(home).sort();
const scratchDirs: string[] = [home];
afterAll(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "rootlock-bad-cwd-"));
  scratchDirs.push(dir);
  return dir;
}

/** Runs the bundle with no terminal (stdin empty, output piped), in an empty folder of its own. */
function run(args: string[]) {
  const cwd = scratch();
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { cwd, env: childEnv(AWS_ENV), encoding: "utf8", input: "", timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, cwd };
}

/** The valid choices of an option, as the zod schema in src/options.ts has them. */
const choices = (option: "lang" | "scenario"): readonly string[] => optionsSchema.shape[option].def.innerType.options;

/** What the CLI prints for arguments that parseOptions refuses: its message, in the catalogue's frame. */
function refusal(args: string[], t: Messages = en): string {
  const parsed = parseOptions(args);
  if (parsed.ok) throw new Error(`parseOptions accepts ${JSON.stringify(args)}`);
  return refusalText(parsed, t);
}

interface CliRow {
  what: string;
  args: string[];
  /** The whole of standard error (without its final newline). */
  stderr: string;
  /** What a person needs to read in it: the option named, the valid choices listed… */
  mentions: readonly string[];
}

const CLI_ROWS: CliRow[] = [
  // Unknown flags, or flags used the wrong way.
  // An unknown flag gets rootlock's own sentence, naming it and listing the options (not Node's advice to
  // "place it after '--'", whose quote was left open).
  {
    what: "an unknown flag",
    args: ["--bogus"],
    stderr: en.cli.unknownOption("--bogus", OPTION_NAMES.join(", ")),
    mentions: ["--bogus", "--demo", "--lang LANG", "--help (-h)"],
  },
  { what: "an unknown short flag", args: ["-x"], stderr: refusal(["-x"]), mentions: ["-x", "--demo", "--dry-run"] },
  { what: "a flag in the wrong case", args: ["--Demo"], stderr: refusal(["--Demo"]), mentions: ["--Demo", "--demo"] },
  { what: "a value given to a switch", args: ["--demo=yes"], stderr: refusal(["--demo=yes"]), mentions: ["--demo"] },
  { what: "--lang with no value", args: ["--lang"], stderr: refusal(["--lang"]), mentions: ["--lang"] },
  // Unknown values: the message lists the valid ones, as the schema has them.
  { what: "--lang in capitals", args: ["--lang", "KO"], stderr: refusal(["--lang", "KO"]), mentions: ["--lang", ...choices("lang").map((c) => `"${c}"`)] },
  { what: "--lang empty", args: ["--lang="], stderr: refusal(["--lang="]), mentions: ["--lang", ...choices("lang").map((c) => `"${c}"`)] },
  {
    what: "--scenario in capitals",
    args: ["--scenario", "New-Account"],
    stderr: refusal(["--scenario", "New-Account"]),
    mentions: ["--scenario", ...choices("scenario").map((c) => `"${c}"`)],
  },
  {
    what: "--scenario with a bad value, for check",
    args: ["check", "--scenario", "prod"],
    stderr: refusal(["check", "--scenario", "prod"]),
    mentions: ["--scenario", ...choices("scenario").map((c) => `"${c}"`)],
  },
  // Malformed regions.
  { what: "--region missing its number", args: ["--region", "us-east"], stderr: refusal(["--region", "us-east"]), mentions: ["--region", "us-east-1"] },
  { what: "--region in capitals", args: ["--region", "US-EAST-1"], stderr: refusal(["--region", "US-EAST-1"]), mentions: ["--region", "us-east-1"] },
  { what: "--region an availability zone", args: ["check", "--region", "eu-west-1a"], stderr: refusal(["check", "--region", "eu-west-1a"]), mentions: ["--region"] },
  // Refused as a whole, but said in the language the command line asks for.
  { what: "--region malformed, with --lang ko", args: ["--lang", "ko", "--region", "x"], stderr: refusal(["--lang", "ko", "--region", "x"], ko), mentions: ["--region"] },
  {
    what: "an unknown flag, with --lang=ko",
    args: ["--lang=ko", "--frob"],
    stderr: ko.cli.unknownOption("--frob", OPTION_NAMES.join(", ")),
    mentions: ["--frob", "옵션", "--scenario SCENARIO"],
  },
  // The simulated account with a profile.
  { what: "--demo with --profile", args: ["--demo", "--profile", "dev"], stderr: refusal(["--demo", "--profile", "dev"]), mentions: ["--profile", "--demo"] },
  {
    what: "--scenario with --profile",
    args: ["check", "--scenario", "clean", "--profile", "dev"],
    stderr: refusal(["check", "--scenario", "clean", "--profile", "dev"]),
    mentions: ["--profile", "--scenario"],
  },
  // Unknown commands.
  { what: "the wizard named as a command", args: ["wizard"], stderr: refusal(["wizard"]), mentions: ['"wizard"', '"check"'] },
  { what: "check with a stray word", args: ["check", "now"], stderr: refusal(["check", "now"]), mentions: ['"check now"'] },
  { what: "CHECK in capitals", args: ["CHECK"], stderr: refusal(["CHECK"]), mentions: ['"CHECK"', '"check"'] },
  // A profile that is in neither AWS file: named, with where it was looked for (the SDK is never asked).
  {
    what: "an unknown --profile, for check",
    args: ["check", "--profile", "nope"],
    stderr: en.cli.unknownProfile("nope", awsConfig, awsCredentials),
    mentions: ['"nope"', awsConfig, awsCredentials],
  },
  {
    what: "an unknown --profile, for check --json",
    args: ["check", "--json", "--profile", "nope"],
    stderr: en.cli.unknownProfile("nope", awsConfig, awsCredentials),
    mentions: ['"nope"'],
  },
  {
    what: "an unknown --profile, for the wizard",
    args: ["--profile", "nope", "--region", "eu-west-1"],
    stderr: en.cli.unknownProfile("nope", awsConfig, awsCredentials),
    mentions: ['"nope"'],
  },
  {
    what: "an unknown --profile, in Korean",
    args: ["check", "--lang", "ko", "--profile", "운영"],
    stderr: ko.cli.unknownProfile("운영", awsConfig, awsCredentials),
    mentions: ['"운영"'],
  },
  // The alerts' topic name: checked against SNS's rule, and only where a topic is used.
  { what: "--topic with a space", args: ["alerts", "--topic", "my alerts"], stderr: refusal(["alerts", "--topic", "my alerts"]), mentions: ["--topic"] },
  { what: "--topic for check", args: ["check", "--topic", "alerts"], stderr: refusal(["check", "--topic", "alerts"]), mentions: ["--topic", "rootlock alerts"] },
  { what: "alerts with no terminal", args: ["alerts", "--demo"], stderr: en.cli.noTty, mentions: ["rootlock check"] },
  // No terminal: the wizard says to use `rootlock check`.
  { what: "the wizard with no terminal, no arguments", args: [], stderr: en.cli.noTty, mentions: ["rootlock check"] },
  { what: "the wizard with no terminal, in Korean", args: ["--scenario", "root-key", "--lang", "ko"], stderr: ko.cli.noTty, mentions: ["rootlock check"] },
];

// Every kind of refusal (options.ts's Refusal), asked for in Korean: said in Korean, with no English sentence left
// (what stays is what a person types: options, commands, values, ids; the bundle is run for a few of them above).
const REFUSED_IN_KOREAN: string[][] = [
  ["-x"],
  ["--lang"],
  ["--demo=yes"],
  ["--scenario", "prod"],
  ["--lang=ko", "--lang", "fr"],
  ["--region", "us-east"],
  ["alerts", "--topic", "my alerts"],
  ["org", "--accounts", "12"],
  ["org", "--ou", "ou-x"],
  ["--demo", "--profile", "dev"],
  ["--profile="],
  ["wizard"],
  ["org", "frob"],
  ["org", "recover", "12"],
  ["check", "--resume"],
  ["--reset"],
  ["alerts", "--json"],
  ["org", "--json"],
  ["check", "--wizard"],
  ["policy", "--check", "--wizard"],
  ["check", "--topic", "t"],
  ["org", "--dry-run"],
];

describe("a refused command line, in the language it asks for", () => {
  /** The words left once what a person types is taken out: options, `commands`, "values", ids and regions. */
  const prose = (text: string) =>
    text.replace(/`[^`]*`|"[^"]*"|--?[\w-]+|\S*\d\S*|\brootlock\b/g, " ").replace(/\b(ID|OU|ACCOUNT|SCENARIO|LANG|PROFILE|REGION|REPORT|TOPIC|ACCOUNTS|JOURNAL)\b/g, " ");

  it.each(REFUSED_IN_KOREAN)("%s … with --lang ko: in Korean, no English sentence", (...args) => {
    const text = refusal(["--lang", "ko", ...args], ko);
    expect(text).toMatch(/[가-힣]/);
    expect(prose(text), text).not.toMatch(/[A-Za-z]{3,}/);
    // The same refusal in English names the same option, command or value.
    const english = refusal(["--lang", "en", ...args], en);
    for (const token of english.match(/--[\w-]+|"[^"]*"/g) ?? []) expect(text).toContain(token);
  });

  it("the bundle prints it so, and exits for bad usage", () => {
    const r = run(["--lang", "ko", "--scenario", "prod"]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe(
      `${ko.cli.badOption(
        ko.cli.refusals.choices(
          "--scenario",
          "prod",
          choices("scenario")
            .map((c) => `"${c}"`)
            .join(", "),
        ),
      )}\n`,
    );
  });
});

describe("bad command lines, and no terminal", () => {
  it.each(CLI_ROWS)("$what: $args", ({ args, stderr, mentions }) => {
    const r = run(args);
    expect(r.err).toBe(`${stderr}\n`);
    for (const m of mentions) expect(r.err).toContain(m);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).not.toContain("place it after");
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toBe("");
    // Nothing written: no evidence report in the working folder, nothing added to HOME.
    expect(readdirSync(r.cwd)).toEqual([]);
    expect(readdirSync(home).sort()).toEqual(homeBefore);
  });

  it("lets a profile that is in the config file through to AWS (the profile check refuses only unknown names)", () => {
    const dir = scratch();
    const config = join(dir, "config");
    const credentials = join(dir, "credentials");
    writeFileSync(config, "[profile dev]\nregion = us-east-1\n");
    writeFileSync(credentials, "[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    const r = spawnSync(process.execPath, [BUNDLE, "check", "--json", "--profile", "dev"], {
      cwd: dir,
      env: childEnv({ ...AWS_ENV, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials }),
      encoding: "utf8",
      input: "",
      timeout: 20_000,
    });
    expect(r.stderr).toBe("");
    // Nothing answers at 127.0.0.1:9: every finding is unknown, for want of the network (not of the profile).
    const report = JSON.parse(r.stdout) as { exitCode: number; findings: { status: string; evidence: string }[] };
    expect(r.status).toBe(2);
    expect(report.exitCode).toBe(2);
    expect(report.findings.every((f) => f.status === "unknown" && /NetworkError/.test(f.evidence))).toBe(true);
  });
});

/** The secret as the screen shows it, joined again where the terminal wrapped it (each row has a margin). */
function secretOnScreen(screen: string): string | undefined {
  return /([A-Z2-7]{64})/.exec(
    screen
      .split("\n")
      .map((row) => row.trim())
      .join(""),
  )?.[1];
}

describe.each([
  ["en", en],
  ["ko", ko],
] as const)("a terminal too small for the QR code (%s)", (lang, t) => {
  it("says so, shows the secret instead, and refusing or giving up leaves the account as it was", async () => {
    const cwd = scratch();
    const s = spawnRootlock(["--scenario", "new-account", "--lang", lang], { cols: 60, rows: 20, cwd, env: AWS_ENV });
    const w = drive(s, t);
    await w.preflight.start(t.app.keys.continue);
    await w.rootKeys.skip();
    await w.rootMfa.skip();
    await w.userMfa.start();

    // The secret, not a QR code the terminal would cut: exactly the too-small message, with the size it needs.
    const screen = await s.waitFor((sc) => secretOnScreen(sc) !== undefined && sc.includes(t.userMfa.code1));
    const secret = secretOnScreen(screen)!;
    const uri = otpauthUri(secret, TOTP_ISSUER, totpLabel("ops-admin", "123456789012"));
    const needs = qrNeeds(uri);
    expect(needs.rows).toBeGreaterThan(20);
    await s.waitFor(t.userMfa.tooSmall(needs.cols, needs.rows));
    await s.waitFor(t.userMfa.secretFallback);
    expect(screen).not.toMatch(/[▀▄█]{20}[\s\S]*[▀▄█]{20}/); // no (cut) QR code: only the timer's bar
    expect(screen).not.toMatch(STACK);

    // That secret is the device's: two of its codes in the wrong order are recognised as exactly that.
    const now = timeStepOf(new Date());
    await w.typeLine(codeAt(secret, now));
    await w.typeLine(codeAt(secret, now - 1));
    await s.waitFor(t.userMfa.problems["wrong-order"]);

    // An IME's Hangul, through a real terminal: the six-digit message, nothing sent. (The full-width digits before
    // it are read as the digits 123456; keys.test.ts enrols a device with full-width codes.)
    await w.typeLine("１２３４５６");
    await w.typeLine("한글");
    await s.waitFor(
      (sc) => sc.replace(/\s+/g, " ").includes(t.userMfa.problems.malformed.replace(/\s+/g, " ")) && !sc.includes(t.userMfa.problems["wrong-order"].slice(0, 20)),
    );
    expect(s.screen()).not.toMatch(STACK);

    // Giving up deletes the device: the account is back as it was.
    s.press("esc");
    await s.waitFor(t.userMfa.discarded);
    expect(s.screen()).not.toContain(secret.slice(0, 16)); // and the secret has left the screen
    await sleep(30);
    s.write("q");
    expect((await s.waitForExit()).exitCode).toBe(EXIT.quit);

    // The evidence report of the run: the device was created and deleted, never enabled, nothing left behind.
    const reportFile = readdirSync(cwd).find((f) => f.endsWith(".json"));
    expect(reportFile).toBeDefined();
    const report = JSON.parse(readFileSync(join(cwd, reportFile!), "utf8")) as {
      ending: string;
      changes: { call: string; outcome: string }[];
      controls: { control: string; state: string; reason: string }[];
      leftBehind: string[];
    };
    expect(report.ending).toBe("quit");
    expect(report.controls.find((c) => c.control === "operator-mfa")).toMatchObject({ state: "skipped", reason: "operator-skipped" });
    expect(report.changes.map((c) => `${c.call} ${c.outcome}`)).toEqual(["iam:CreateVirtualMFADevice sent", "iam:DeleteVirtualMFADevice sent"]);
    expect(report.leftBehind).toEqual([]);
    expect(readFileSync(join(cwd, reportFile!), "utf8")).not.toContain(secret);
  });
});
