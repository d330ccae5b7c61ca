// The org screen's keys, in both languages: ? shows every key the phase at hand takes, each with what it does there
// (q's sentence says what a quit means in that phase), and the keys line names them; q at a question leaves with 3
// and sends nothing; q during the removal stops it cleanly (every account started finishes and is journaled, none
// starts after) and leaves with 3.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SimulatedOrg } from "../../src/aws/simulated/org.js";
import { orgEn } from "../../src/i18n/org-en.js";
import { orgKo } from "../../src/i18n/org-ko.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { OrgJournal } from "../../src/org-journal.js";
import { OrgScreen } from "../../src/screens/org/OrgScreen.js";
import type { AccountResult } from "../../src/steps/org/types.js";
import { firstOf, fold, renderIn } from "../helpers/ink.js";

function screen(lang: "en" | "ko", latencyMs = 2) {
  const t = lang === "ko" ? orgKo : orgEn;
  const org = new SimulatedOrg({ latencyMs, features: ["RootCredentialsManagement"] });
  const deps = { org, now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), random: () => 0.5 };
  const path = join(mkdtempSync(join(tmpdir(), "rootlock-org-keys-")), "journal.jsonl");
  const exits: { code: number; results: AccountResult[]; notStarted: string[] }[] = [];
  const r = renderIn(
    lang,
    <OrgScreen
      deps={deps}
      selection={{}}
      t={t}
      keys={(lang === "ko" ? ko : en).app.keys}
      journal={OrgJournal.open(path, false)}
      onExit={(code, results, notStarted) => exits.push({ code, results, notStarted })}
    />,
  );
  const exited = () => firstOf(exits);
  return { org, r, exited, path };
}

const has = (frame: string, text: string) => fold(frame).includes(fold(text));

/** Opens the help, checks it lists exactly these sentences' keys, and closes it. */
async function helpShows(r: ReturnType<typeof screen>["r"], t: typeof orgEn, lines: string[], absent: string[]) {
  await r.press("?");
  const help = await r.waitFor(t.keyHelp.title);
  for (const line of lines) expect(has(help, line), line).toBe(true);
  for (const line of absent) expect(has(help, line), line).toBe(false);
  await r.press("?");
  await r.waitFor((f) => !has(f, t.keyHelp.footer));
}

describe.each([
  { lang: "en" as const, t: orgEn, app: en },
  { lang: "ko" as const, t: orgKo, app: ko },
])("the rootlock org screen's keys ($lang)", ({ lang, t, app }) => {
  it("? lists every key of the phase with what it does there; q at the plan sends nothing and leaves with 3", async () => {
    const s = screen(lang);
    const k = t.keyHelp;
    await s.r.waitFor(t.screen.offer("iam:EnableOrganizationsRootSessions()"), 8000);
    for (const name of ["send", "decline", "quit", "help", "interrupt"] as const) expect(s.r.frame()).toContain(app.app.keys[name]);
    await helpShows(s.r, t, [k.send, k.decline, k.quitBefore, k.help, k.interrupt], [k.eachAccount, k.continue, k.quitAudit]);
    await s.r.press("y");
    await s.r.waitFor(t.screen.confirmPlan, 8000);
    await helpShows(s.r, t, [k.send, k.decline, k.eachAccount, k.quitBefore, k.help, k.interrupt], [k.continue, k.quitRemoval]);
    await s.r.press("q");
    const exit = await s.exited();
    expect(exit?.code).toBe(3);
    expect(s.org.calls.some((c) => c.action === "sts:AssumeRoot" && c.task === "IAMDeleteRootUserCredentials")).toBe(false);
  });

  it("q during the removal stops it cleanly: the accounts started finish and are journaled, and it leaves with 3", async () => {
    const s = screen(lang, 15);
    await s.r.waitFor(t.screen.offer("iam:EnableOrganizationsRootSessions()"), 8000);
    await s.r.press("y");
    await s.r.waitFor(t.screen.confirmPlan, 15000);
    await s.r.press("y");
    // The removal under way: its progress line, some accounts done.
    await s.r.waitFor((f) => /\b([3-9]|1\d)\/29\b/.test(f), 15000);
    await helpShows(s.r, t, [t.keyHelp.quitRemoval, t.keyHelp.help, t.keyHelp.interrupt], [t.keyHelp.quitBefore, t.keyHelp.send]);
    await s.r.press("q");
    await s.r.waitFor(t.screen.stopping);
    // Stopping: q and Ctrl-C are no longer offered (a second press would change nothing).
    expect(s.r.frame()).not.toContain(app.app.keys.quit);
    const exit = await s.exited();
    expect(exit?.code).toBe(3);
    expect(exit?.notStarted.length).toBeGreaterThan(0);
    const lines = readFileSync(s.path, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { account: string; phase: string; call?: string; done?: AccountResult });
    const removal = lines.filter((l) => l.phase === "remediate");
    const called = new Set(removal.filter((l) => l.call).map((l) => l.account));
    const done = new Set(removal.filter((l) => l.done).map((l) => l.account));
    expect(called).toEqual(done);
    for (const id of exit?.notStarted ?? []) expect(called.has(id), id).toBe(false);
  });
});
