// `rootlock org --demo` on its Ink screen, in a real pty: Ctrl-C mid-audit and mid-removal stop cleanly (the
// accounts in flight finish and are journaled, nothing new starts, exit 130, the terminal back in cooked mode with
// the cursor shown, the report written), and `--resume` continues without redoing what the journal has as done.
// Each run is its own process with a fresh simulated organization; the journal file is what carries over.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { orgEn } from "../../src/i18n/org-en.js";
import type { AccountResult } from "../../src/steps/org/types.js";
import { READ_MS } from "../helpers/drivers.js";
import { type PtySession, shellAfterRootlock, spawnRootlockInShell } from "../helpers/pty.js";

const SHOW_CURSOR = "\u001b[?25h";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Line = { account: string; phase: "audit" | "remediate"; call?: string; done?: AccountResult };
const journal = (path: string): Line[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

/** Accounts with a call journaled in the phase, and accounts journaled as done in it, in one run's part of the file. */
function phaseOf(lines: Line[], phase: Line["phase"]) {
  const ls = lines.filter((l) => l.phase === phase);
  return { called: new Set(ls.filter((l) => l.call).map((l) => l.account)), done: new Set(ls.filter((l) => l.done).map((l) => l.account)) };
}

function run(dir: string, extra: string[] = []) {
  return spawnRootlockInShell(["org", "--demo", "--report", join(dir, "report"), ...extra], { cols: 80, rows: 24, cwd: dir });
}

async function ended(s: PtySession) {
  await s.waitForExit(30_000);
  const after = shellAfterRootlock(s.raw());
  expect(after.stty.has("icanon") && after.stty.has("echo") && after.stty.has("isig")).toBe(true);
  expect(after.output.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(after.output.lastIndexOf("\u001b[?25l"));
  return after;
}

async function confirmFix(s: PtySession) {
  await s.waitFor(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"), 20_000);
  // The simulated organization is marked as the wizard marks the simulated account, so no one takes it for theirs.
  expect(s.screen()).toContain(`${orgEn.title}  SIMULATED`);
  await sleep(READ_MS); // read: a y sooner would not count
  s.write("y");
}

describe("rootlock org's screen: Ctrl-C and --resume in a real pty", () => {
  it("stops mid-audit and mid-removal with every account in flight finished, and resumes without redoing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rootlock-org-e2e-"));
    const path = join(dir, "rootlock-org-journal.jsonl");

    // 1: Ctrl-C during the audit.
    const one = run(dir);
    await confirmFix(one);
    await one.waitFor(/([5-9]|\d\d)\/\d+ accounts/, 20_000);
    one.press("ctrl-c");
    const a1 = await ended(one);
    expect(a1.exitCode).toBe(130);
    expect(a1.output).toContain(orgEn.results.interrupted);
    const lines1 = journal(path);
    const audit1 = phaseOf(lines1, "audit");
    for (const id of audit1.called) expect(audit1.done.has(id), id).toBe(true);
    expect(audit1.done.size).toBeLessThan(59);
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).notStarted.length).toBeGreaterThan(0);

    // 2: --resume: only the rest is audited; Ctrl-C during the removal.
    const two = run(dir, ["--resume"]);
    await confirmFix(two);
    await two.waitFor(orgEn.screen.confirmPlan, 30_000);
    const lines2 = journal(path).slice(lines1.length);
    const failed1 = new Set(lines1.filter((l) => l.done?.state === "failed").map((l) => l.account));
    for (const id of phaseOf(lines2, "audit").called) expect(audit1.done.has(id) && !failed1.has(id), id).toBe(false);
    await sleep(READ_MS);
    two.write("y");
    await two.waitFor(/([3-9]|\d\d)\/\d+ accounts/, 20_000);
    two.press("ctrl-c");
    const a2 = await ended(two);
    expect(a2.exitCode).toBe(130);
    const removal2 = phaseOf(journal(path).slice(lines1.length), "remediate");
    for (const id of removal2.called) expect(removal2.done.has(id), id).toBe(true);
    expect(removal2.done.size).toBeGreaterThan(0);

    // 3: --resume again: the removal skips the accounts run 2 finished, and the run ends normally.
    const before3 = journal(path).length;
    const three = run(dir, ["--resume"]);
    await confirmFix(three);
    await three.waitFor(orgEn.screen.confirmPlan, 30_000);
    await sleep(READ_MS);
    three.write("y");
    await three.waitFor(orgEn.end.forward, 30_000);
    await sleep(50);
    three.press("enter");
    const a3 = await ended(three);
    expect([0, 1, 2]).toContain(a3.exitCode);
    const removal3 = phaseOf(journal(path).slice(before3), "remediate");
    expect(removal3.called.size).toBeGreaterThan(0);
    for (const id of removal2.done) expect(removal3.called.has(id), id).toBe(false);
  }, 120_000);
});
