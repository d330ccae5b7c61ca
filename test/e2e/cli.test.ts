// The built program as scripts and CI see it: no terminal, plain output, exit statuses that mean something.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/check-schema.js";
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

describe("the wizard without a terminal, and bad arguments", () => {
  it("says the wizard needs a terminal and points to rootlock check", () => {
    const r = run(["--demo"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("rootlock check");
  });

  it.each([
    [["--scenario", "nope"], /new-account.*clean.*hardened.*root-key/],
    [["--lang", "fr"], /"en"\|"ko"/],
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
