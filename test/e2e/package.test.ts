// The package as npm ships it: `npm pack`, the tarball installed into an empty prefix with no registry at all
// (--offline: the bundle carries everything, so there is nothing to fetch), then the installed `rootlock` run
// from an empty folder: `check --demo`, and the wizard in a terminal, quit with q. Its report lands in the
// folder it was started in, never in the package.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes.js";
import { en } from "../../src/i18n/en.js";
import { childEnv, ROOT, spawnPty } from "../helpers/pty.js";

const work = mkdtempSync(join(tmpdir(), "rootlock-package-"));
const prefix = join(work, "prefix");
const installed = join(prefix, "lib/node_modules/rootlock");
const bin = join(prefix, "bin/rootlock");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** npm with a cache of the test's own: what it installs cannot come from anywhere but the tarball. */
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, env: childEnv({ npm_config_cache: join(work, "npm-cache"), npm_config_update_notifier: "false" }), encoding: "utf8" });

function scratch(): string {
  return mkdtempSync(join(work, "cwd-"));
}

/** Every file under a folder, relative to it. */
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe("the npm package", () => {
  beforeAll(() => {
    // The e2e setup has just built dist/ (--ignore-scripts: prepack would build it again).
    const tarball = npm(["pack", "--ignore-scripts", "--pack-destination", work, "--silent"], ROOT).trim().split("\n").pop()!;
    npm(["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(work, tarball)], work);
  }, 60_000);

  it("installs alone: no runtime dependency to fetch, the bundle carries them", () => {
    expect(readdirSync(join(prefix, "lib/node_modules"))).toEqual(["rootlock"]);
    const files = filesUnder(installed);
    expect(files.some((f) => f.startsWith("node_modules"))).toBe(false);
    expect(files).toEqual(expect.arrayContaining(["dist/rootlock.js", "dist/check-schema.js", "package.json", "README.md"]));
    expect(files.some((f) => f.startsWith("src") || f.startsWith("test"))).toBe(false);
  });

  it("runs `rootlock check --demo` and `--help` from an empty folder, writing nothing", () => {
    const cwd = scratch();
    // The demo keeps its account in the user's state folder (not the working folder): give it one of its own.
    const env = childEnv({ HOME: cwd, XDG_STATE_HOME: scratch() });
    const check = spawnSync(bin, ["check", "--demo"], { cwd, env, encoding: "utf8", timeout: 20_000 });
    expect(check.stderr).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
    expect(check.stdout).toContain("IAM.4");
    expect(check.status).toBe(spawnSync(process.execPath, [join(ROOT, "dist/rootlock.js"), "check", "--demo"], { cwd, env }).status);
    const help = spawnSync(bin, ["--help"], { cwd, env, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--report PATH");
    expect(help.stdout.replace(/\s+/g, " ")).toContain("default: the current folder"); // wrapped to fit 80 columns
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("runs the wizard (`rootlock --demo`) in a terminal; quitting writes the report where it was started, not into the package", async () => {
    const cwd = scratch();
    const before = filesUnder(installed);
    const s = spawnPty(bin, ["--demo"], { cwd, cols: 100, rows: 40, env: { HOME: cwd } });
    await s.waitFor(en.app.keys.continue, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    s.write("q");
    expect((await s.waitForExit()).exitCode).toBe(EXIT.quit);
    expect(readdirSync(cwd).filter((f) => /^rootlock-report-.*\.(md|json)$/.test(f))).toHaveLength(2);
    expect(filesUnder(installed)).toEqual(before);
  });
});
