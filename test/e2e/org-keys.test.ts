// `rootlock org --demo` in a real pty at 80x24: ? covers the page with every key of the moment and closes again,
// q during the removal stops it cleanly (the accounts started finish and are journaled) and leaves with 3, the
// terminal back in cooked mode and the report written; and `rootlock org --help` is org's own page, within 80 columns,
// in English and Korean.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { orgEn } from "../../src/i18n/org-en.js";
import { orgKo } from "../../src/i18n/org-ko.js";
import { en } from "../../src/i18n/en.js";
import { READ_MS } from "../helpers/drivers.js";
import { BUNDLE, childEnv, ROOT, shellAfterRootlock, spawnRootlockInShell } from "../helpers/pty.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fold = (text: string) => text.replace(/[│╭╮╰╯─]/g, " ").replace(/\s+/g, " ");

describe("rootlock org's keys in a real pty", () => {
  it("? shows the keys of the moment and closes; q mid-removal stops cleanly with exit 3", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rootlock-org-keys-e2e-"));
    const s = spawnRootlockInShell(["org", "--demo", "--report", join(dir, "report")], { cols: 80, rows: 24, cwd: dir });
    await s.waitFor(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"), 20_000);
    expect(s.screen()).toContain(en.app.keys.help);
    await sleep(50);
    s.write("?");
    const help = await s.waitFor((screen) => fold(screen).includes(fold(orgEn.keyHelp.quitBefore)), 10_000);
    expect(fold(help)).toContain(fold(orgEn.keyHelp.send));
    expect(help.split("\n").length).toBeLessThan(24);
    s.write("?");
    await s.waitFor((screen) => !screen.includes(orgEn.keyHelp.title) && screen.includes(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()")), 10_000);
    // y sends writes: it counts only once the question has been on screen a moment (confirm-guard.ts).
    await sleep(READ_MS);
    s.write("y");
    await s.waitFor(orgEn.screen.confirmPlan, 30_000);
    await sleep(READ_MS);
    s.write("y");
    await s.waitFor(/\b([3-9]|1\d)\/29 accounts/, 20_000);
    s.write("q");
    await s.waitForExit(30_000);
    const after = shellAfterRootlock(s.raw());
    expect(after.exitCode).toBe(3);
    expect(after.stty.has("icanon") && after.stty.has("echo")).toBe(true);
    expect(after.output).toContain(orgEn.results.interrupted);
    expect(existsSync(join(dir, "report.md"))).toBe(true);
    // Every account with a removal call journaled was finished and journaled as done.
    const lines = readFileSync(join(dir, "rootlock-org-journal.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { account: string; phase: string; call?: string; done?: unknown })
      .filter((l) => l.phase === "remediate");
    const called = new Set(lines.filter((l) => l.call).map((l) => l.account));
    expect(called.size).toBeGreaterThan(0);
    expect(new Set(lines.filter((l) => l.done).map((l) => l.account))).toEqual(called);
  }, 90_000);

  it.each([
    { lang: "en", usage: orgEn.usage },
    { lang: "ko", usage: orgKo.usage },
  ])("rootlock org --help is org's own page within 80 columns ($lang)", ({ lang, usage }) => {
    const r = spawnSync(process.execPath, [BUNDLE, "org", "--help", "--lang", lang], { cwd: ROOT, env: childEnv(), encoding: "utf8", input: "" });
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd()).toBe(usage);
    for (const word of ["org check", "recover ACCOUNT", "org scp", "--accounts", "--ou", "--json", "--demo", "--lang", "130"]) expect(r.stdout).toContain(word);
    for (const line of r.stdout.split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain(en.cli.usage.split("\n")[0]);
  });
});
