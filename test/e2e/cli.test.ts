// The built program as scripts and CI see it: no terminal, plain output, exit statuses that mean something.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/check-schema.js";
import { AWS_CALLS } from "../../src/aws/permissions.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { BUNDLE, childEnv, ROOT } from "../helpers/pty.js";

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, env: childEnv(env), encoding: "utf8", input: "" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("rootlock check, from a script", () => {
  it.each([
    ["new-account", 1],
    ["clean", 1],
    ["hardened", 0],
    ["root-key", 1],
  ] as const)("exits %s → %i, with JSON that matches the schema", (scenario, code) => {
    const r = run(["check", "--scenario", scenario, "--json"]);
    expect(r.code).toBe(code);
    const report = checkReportSchema.parse(JSON.parse(r.out));
    expect(report.simulated).toBe(true);
    expect(report.exitCode).toBe(code);
  });

  it("prints a table with no colour codes when not on a terminal", () => {
    const r = run(["check", "--demo"]);
    expect(r.out).toContain("No root access key");
    expect(r.out).not.toMatch(/\u001b\[/);
  });
});

describe("rootlock check never audits a fake account by accident", () => {
  const noFiles = childEnv().AWS_CONFIG_FILE!;

  it("exits 2 without credentials, saying where it looked and how to audit the simulated account", () => {
    const r = run(["check", "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim()).toBe(en.cli.checkNoCredentials(noFiles, noFiles));
    expect(r.err).toContain("rootlock check --demo");
  });

  it("says it in the run's language", () => {
    const r = run(["check", "--lang", "ko"]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(ko.cli.checkNoCredentials(noFiles, noFiles));
  });

  it.each([
    [["org"], "rootlock org"],
    [["org", "check", "--json"], "rootlock org check"],
    [["org", "recover", "200000000005"], "rootlock org recover 200000000005"],
  ])("%j without credentials names its own command and its --demo, not rootlock check's", (args, command) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(en.cli.orgNoCredentials(command, noFiles, noFiles));
    expect(r.err).toContain(`\`${command} --demo\``);
    expect(r.err).not.toContain("rootlock check");
    expect(run([...args, "--lang", "ko"]).err.trim()).toBe(ko.cli.orgNoCredentials(command, noFiles, noFiles));
  });

  it("org scp prints its fixed document without credentials (it reads no account)", () => {
    const r = run(["org", "scp"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ Version: "2012-10-17" });
  });

  it("writes --report PATH as PATH.json (the --json shape) and PATH.md, readable by the owner only", () => {
    const base = join(mkdtempSync(join(tmpdir(), "rootlock-check-")), "audit");
    const r = run(["check", "--demo", "--json", "--report", base]);
    expect(r.code).toBe(1);
    const written = checkReportSchema.parse(JSON.parse(readFileSync(`${base}.json`, "utf8")));
    expect(written).toEqual(checkReportSchema.parse(JSON.parse(r.out)));
    const markdown = readFileSync(`${base}.md`, "utf8");
    expect(markdown).toContain("# rootlock check");
    expect(markdown).toContain("| No root access key | 1.4 | IAM.4 | FAIL |");
    expect(statSync(`${base}.md`).mode & 0o777).toBe(0o600);
    expect(r.err).toContain(en.cli.reportWritten(`${base}.md`, `${base}.json`));
  });
});

describe("rootlock policy", () => {
  const policy = (args: string[]) => {
    const r = run(["policy", ...args]);
    expect(r.code).toBe(0);
    return JSON.parse(r.out) as { Version: string; Statement: { Sid: string; Effect: string; Action: string[]; Resource: string }[] };
  };
  const actions = (p: ReturnType<typeof policy>) => p.Statement.flatMap((s) => s.Action);

  it("prints check's least-privilege policy by default: reads only, sorted", () => {
    const p = policy([]);
    expect(p).toEqual(policy(["--check"]));
    expect(p.Version).toBe("2012-10-17");
    expect(p.Statement).toHaveLength(1);
    expect(p.Statement[0]).toMatchObject({ Effect: "Allow", Resource: "*" });
    expect(actions(p)).toEqual([...actions(p)].sort());
    expect(actions(p)).toEqual(
      AWS_CALLS.filter((c) => c.modes.includes("check"))
        .map((c) => c.action)
        .sort(),
    );
    expect(actions(p).every((a) => AWS_CALLS.find((c) => c.action === a)!.access === "read")).toBe(true);
  });

  it("prints the wizard's, writes included, and with --dry-run its reads alone", () => {
    expect(actions(policy(["--wizard"]))).toEqual(expect.arrayContaining(["iam:EnableMFADevice", "sns:CreateTopic", "cloudtrail:LookupEvents"]));
    expect(policy(["--wizard", "--dry-run"]).Statement.map((s) => s.Sid)).toEqual(["RootlockReads"]);
  });

  it("refuses --check and --wizard together, and either without policy", () => {
    expect(run(["policy", "--check", "--wizard"]).code).toBe(2);
    expect(run(["check", "--wizard"]).err).toMatch(/--check and --wizard go with `rootlock policy`/);
  });
});

describe("the wizard without a terminal, and bad arguments", () => {
  it("says the wizard needs a terminal and points to rootlock check", () => {
    const r = run(["--demo"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("rootlock check");
  });

  it.each([
    [["--scenario", "nope"], /new-account.*clean.*hardened.*root-key/],
    [["--lang", "fr"], /"en", "ko"/],
    [["--frobnicate"], /--frobnicate/],
    [["destroy"], /commands are "check"/],
    [["--json"], /--json goes with `rootlock check`/],
  ])("refuses %j with a clear message and no stack trace", (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("answers --help without loading the wizard", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("rootlock check [--json]");
  });
});

describe("lazy loading", () => {
  /** The files the entry pulls in before any of its code runs: its static imports, transitively. */
  function staticallyLoaded(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^import\s[^;]*?from\s+"(\.[^"]+)"|^import\s+"(\.[^"]+)"/gms)) {
      staticallyLoaded(resolve(dirname(file), m[1] ?? m[2]!), seen);
    }
    return seen;
  }

  it("keeps Ink, React and the AWS SDK out of what --help and argument errors load", () => {
    const loaded = [...staticallyLoaded(BUNDLE)].map((f) => readFileSync(f, "utf8")).join("\n");
    expect(loaded).not.toMatch(/react-reconciler|useInput|class IAMClient|createElement/);
    // …while the wizard and the adapter do load them, through dynamic imports.
    const all = readFileSync(BUNDLE, "utf8");
    expect(all).toMatch(/import\("\.\/chunks\/wizard-[A-Z0-9]+\.js"\)/);
  });
});
