// How a `rootlock org` run ends on its screen, in both languages: "Done" only when every account covered is
// credential-less by AWS's read; otherwise a headline with how many are not and why, those accounts first with their
// reason, what to fix (the SCP's aws:AssumedRoot exemption, the region) and the command that runs just them again;
// "… N more" where the terminal is full. Every frame fits 80x24 (the title, the keys line and a spare row included).
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { SimulatedOrg } from "../../src/aws/simulated/org.js";
import { orgEn } from "../../src/i18n/org-en.js";
import { orgKo } from "../../src/i18n/org-ko.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { OrgJournal } from "../../src/org-journal.js";
import { OrgScreen } from "../../src/screens/org/OrgScreen.js";
import type { Selection } from "../../src/steps/org/accounts.js";
import { firstOf, fold } from "../helpers/ink.js";
import { renderInTerminal } from "../helpers/terminal.js";

const langs = [
  { lang: "en" as const, t: orgEn, app: en },
  { lang: "ko" as const, t: orgKo, app: ko },
];

function screen(lang: "en" | "ko", selection: Selection) {
  const t = lang === "ko" ? orgKo : orgEn;
  // Root sessions on already: the screen goes straight to the audit.
  const org = new SimulatedOrg({ latencyMs: 1 });
  const deps = { org, now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), random: () => 0.5 };
  const exits: number[] = [];
  const r = renderInTerminal(
    <OrgScreen
      deps={deps}
      selection={selection}
      t={t}
      keys={(lang === "ko" ? ko : en).app.keys}
      journal={OrgJournal.open(join(mkdtempSync(join(tmpdir(), "rootlock-org-end-")), "journal.jsonl"), false)}
      command="rootlock org --demo"
      onExit={(code) => exits.push(code)}
    />,
  );
  const exited = () => firstOf(exits);
  return { org, r, exits, exited };
}

/** Every frame Ink drew fits the 80x24 terminal: a row shorter than it, no line wider. */
const fits = (frames: readonly string[]) =>
  frames.every((f) => {
    const lines = f.split("\n");
    return lines.length < 24 && lines.every((l) => stringWidth(l.replace(/\u001b\[[0-9;]*m/g, "")) <= 80);
  });
/** The text, as the frame shows it whatever Ink wrapped. */
const has = (frame: string, text: string) => fold(frame).includes(fold(text));

describe.each(langs)("the rootlock org screen's end ($lang)", ({ lang, t, app }) => {
  it("says Done only when every account covered is verified credential-less", async () => {
    const s = screen(lang, { ous: ["ou-sim0-production"] });
    await s.r.waitFor(t.screen.confirmPlan, 8000);
    await s.r.press("y");
    const frame = await s.r.waitFor(t.end.leave(0), 8000);
    expect(has(frame, t.end.done(12, 12))).toBe(true);
    expect(has(frame, t.end.forward)).toBe(false);
    expect(has(frame, String(t.keys.continue))).toBe(true);
    expect(fits(s.r.frames)).toBe(true);
    await s.r.press("\r");
    expect(await s.exited()).toBe(0);
    // The frame left in the terminal names no key that no longer works.
    expect(has(s.r.frame(), t.end.done(12, 12))).toBe(true);
    expect(has(s.r.frame(), t.end.leave(0))).toBe(false);
    expect(has(s.r.frame(), app.app.keys.help)).toBe(false);
  });

  it("names the failed accounts first, why, what to fix and the command to run them again", async () => {
    // Sandbox (49–57: account 52's region is disabled) and Restricted (58–60: an SCP denies root with no exemption).
    const s = screen(lang, { ous: ["ou-sim0-restricted", "ou-sim0-sandbox"] });
    await s.r.waitFor(t.screen.confirmPlan, 8000);
    await s.r.press("y");
    const frame = await s.r.waitFor(t.end.leave(2), 8000);
    expect(has(frame, `${t.end.done(0, 0).split(":")[0]}:`)).toBe(false);
    expect(has(frame, t.end.notDone(4, 12, t.end.parts.failed(4, `${t.end.reasons.scp(3)}, ${t.end.reasons["region-disabled"](1)}`)))).toBe(true);
    // The failed accounts, the SCP's first (the commoner reason), each with its reason.
    const rows = frame.split("\n");
    const at = (id: string) => rows.findIndex((l) => l.startsWith(id));
    expect(at("200000000058")).toBeGreaterThan(0);
    expect(at("200000000058")).toBeLessThan(at("200000000052"));
    expect(rows[at("200000000059")]).toContain(t.states.failed);
    expect(rows[at("200000000052")]).toContain(t.failures["region-disabled"].slice(0, 12));
    expect(has(frame, t.end.fixScp("DenyRootUser", "p-denyroot"))).toBe(true);
    expect(has(frame, t.end.fixRegion)).toBe(true);
    expect(has(frame, t.end.again("rootlock org --demo --accounts 200000000058,200000000059,200000000060,200000000052"))).toBe(true);
    expect(has(frame, app.app.keys.help)).toBe(true);
    expect(fits(s.r.frames)).toBe(true);
    await s.r.press("\r");
    expect(await s.exited()).toBe(2);
  });

  it("lists the declined accounts as not changed, and fits a long list with … N more", async () => {
    // Every account, the plan declined: 29 hold credentials, nothing sent; 4 failed.
    const s = screen(lang, {});
    await s.r.waitFor(t.screen.confirmPlan, 8000);
    await s.r.press("n");
    const frame = await s.r.waitFor(t.end.leave(1), 8000);
    expect(has(frame, t.end.parts.notRemoved(29))).toBe(true);
    expect(has(frame, t.end.fixNotRemoved)).toBe(true);
    const hidden = Number(/… (\d+)/.exec(frame)?.[1]);
    expect(hidden).toBeGreaterThan(0);
    expect(has(frame, t.end.more(hidden))).toBe(true);
    // 33 ids would take the page: the command names the flag, and the report has them all.
    expect(has(frame, t.end.againMany(33, "rootlock org --demo"))).toBe(true);
    expect(fits(s.r.frames)).toBe(true);
    expect(s.org.calls.some((c) => c.action === "sts:AssumeRoot" && c.task === "IAMDeleteRootUserCredentials")).toBe(false);
    await s.r.press("q");
    expect(await s.exited()).toBe(1);
  });
});
