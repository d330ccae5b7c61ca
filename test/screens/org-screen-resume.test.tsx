// The rootlock org screen stops cleanly and resumes from its journal, as `org check` does: Ctrl-C mid-audit or
// mid-removal lets the accounts in flight finish (each one journaled as done), starts nothing new and leaves with
// 130; a second screen on the same journal with resume does not touch again the accounts the first one finished.
// The simulated organization lives in memory, so each run gets a fresh one (as each `--demo` process does): what
// was "not redone" is read off the second organization's own call log.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SimulatedOrg } from "../../src/aws/simulated/org.js";
import { en } from "../../src/i18n/en.js";
import { orgEn } from "../../src/i18n/org-en.js";
import { OrgJournal } from "../../src/org-journal.js";
import { OrgScreen } from "../../src/screens/org/OrgScreen.js";
import type { AccountResult } from "../../src/steps/org/types.js";
import { firstOf, KEYS, renderIn } from "../helpers/ink.js";

type Line = { account: string; phase: "audit" | "remediate"; call?: string; done?: AccountResult };
const lines = (path: string): Line[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

function screen(journalPath: string, resume: boolean) {
  // Slow enough calls that Ctrl-C lands while accounts are in flight; 60 members, every OU.
  const org = new SimulatedOrg({ latencyMs: 15, features: ["RootCredentialsManagement"] });
  const deps = { org, now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), random: () => 0.5 };
  const exits: { code: number; results: AccountResult[]; notStarted: string[] }[] = [];
  const r = renderIn(
    "en",
    <OrgScreen
      deps={deps}
      selection={{}}
      t={orgEn}
      keys={en.app.keys}
      journal={OrgJournal.open(journalPath, resume)}
      onExit={(code, results, notStarted) => exits.push({ code, results, notStarted })}
    />,
  );
  const exited = () => firstOf(exits);
  return { org, r, exits, exited };
}

/** Accounts with a call journaled in the phase, and accounts journaled as done in it. */
function journaled(path: string, phase: Line["phase"]) {
  const ls = lines(path).filter((l) => l.phase === phase);
  return { called: new Set(ls.filter((l) => l.call).map((l) => l.account)), done: new Set(ls.filter((l) => l.done).map((l) => l.account)) };
}

const assumed = (org: SimulatedOrg, task: string) => new Set(org.calls.filter((c) => c.action === "sts:AssumeRoot" && c.task === task).map((c) => c.accountId));

describe("the rootlock org screen's Ctrl-C and --resume", () => {
  it("Ctrl-C mid-audit waits for the accounts in flight; resume audits only the rest, then Ctrl-C mid-removal and resume again", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "rootlock-org-resume-")), "journal.jsonl");

    // Run 1: stopped during the audit.
    const one = screen(path, false);
    await one.r.waitFor(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"), 8000);
    await one.r.press("y");
    await one.r.waitFor(/([5-9]|\d\d)\/\d+ accounts/, 8000);
    await one.r.press(KEYS.ctrlC);
    const first = await one.exited();
    expect(first?.code).toBe(130);
    expect(first?.notStarted.length).toBeGreaterThan(0);
    const audit1 = journaled(path, "audit");
    // Every account that had a call made for it finished and was journaled as done: none was left half-way.
    for (const id of audit1.called) expect(audit1.done.has(id), id).toBe(true);
    expect(
      first?.results
        .filter((x) => x.state !== "skipped")
        .map((x) => x.account.id)
        .sort(),
    ).toEqual([...audit1.called].sort());
    // Nothing was started after Ctrl-C: the first run's organization saw AssumeRoot only for those accounts.
    expect(assumed(one.org, "IAMAuditRootUserCredentials")).toEqual(audit1.called);

    // Run 2: resumed; the accounts done in run 1 are not audited again. Then stopped during the removal.
    const two = screen(path, true);
    await two.r.waitFor(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"), 8000);
    await two.r.press("y");
    await two.r.waitFor(orgEn.audit.resumed(audit1.done.size), 8000);
    await two.r.waitFor(orgEn.screen.confirmPlan, 15000);
    const audited2 = assumed(two.org, "IAMAuditRootUserCredentials");
    for (const id of audit1.done) expect(audited2.has(id), id).toBe(false);
    expect(audited2.size).toBeGreaterThan(0);
    await two.r.press("y");
    await two.r.waitFor(/([3-9]|\d\d)\/\d+ accounts/, 8000);
    await two.r.press(KEYS.ctrlC);
    const second = await two.exited();
    expect(second?.code).toBe(130);
    expect(second?.notStarted.length).toBeGreaterThan(0);
    const removal2 = journaled(path, "remediate");
    for (const id of removal2.called) expect(removal2.done.has(id), id).toBe(true);
    expect(assumed(two.org, "IAMDeleteRootUserCredentials")).toEqual(removal2.done);

    // Run 3: resumed again; the audit is in the journal (but for its failures), and the removal skips the accounts run 2 finished.
    const three = screen(path, true);
    await three.r.waitFor(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"), 8000);
    await three.r.press("y");
    await three.r.waitFor(orgEn.screen.confirmPlan, 15000);
    // Only the accounts whose audit failed (an SCP's denial, throttling) are audited again: a failure is not "done".
    const failed = new Set(
      lines(path)
        .filter((l) => l.phase === "audit" && l.done?.state === "failed")
        .map((l) => l.account),
    );
    expect(assumed(three.org, "IAMAuditRootUserCredentials")).toEqual(failed);
    await three.r.press("y");
    await three.r.waitFor(orgEn.end.forward, 15000);
    const removed3 = assumed(three.org, "IAMDeleteRootUserCredentials");
    expect(removed3.size).toBeGreaterThan(0);
    for (const id of removal2.done) expect(removed3.has(id), id).toBe(false);
    await three.r.press("\r");
    const third = await three.exited();
    // The results hold every removal, run 2's (from the journal) and run 3's, each read back as verified.
    const verified = new Set(third?.results.filter((x) => x.state === "verified").map((x) => x.account.id));
    expect(verified).toEqual(new Set([...removal2.done, ...removed3]));
  }, 60_000);
});
