// The Ink screen of `rootlock org` on the simulated organization: readiness's fix confirmed with y, the live table
// with its progress bar and counts, the plan confirmed once, the results; every frame fits 80x24, and the footer
// names the keys in the run's language.
import { afterEach, describe, expect, it } from "vitest";
import { SimulatedOrg } from "../../src/aws/simulated/org.js";
import { orgEn } from "../../src/i18n/org-en.js";
import { orgKo } from "../../src/i18n/org-ko.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { OrgScreen } from "../../src/screens/org/OrgScreen.js";
import type { AccountResult } from "../../src/steps/org/types.js";
import { CONFIRM_TIMING, confirmTiming } from "../../src/screens/confirm-guard.js";
import { firstOf, fold, renderIn, sleep } from "../helpers/ink.js";
import stringWidth from "string-width";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OrgJournal } from "../../src/org-journal.js";

function screen(lang: "en" | "ko") {
  const org = new SimulatedOrg({ latencyMs: 2, features: ["RootCredentialsManagement"] });
  const deps = { org, now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), random: () => 0.5 };
  const exits: { code: number; results: AccountResult[] }[] = [];
  const frames: string[] = [];
  const r = renderIn(
    lang,
    <OrgScreen
      deps={deps}
      selection={{ ous: ["ou-sim0-production"] }}
      t={lang === "ko" ? orgKo : orgEn}
      keys={(lang === "ko" ? ko : en).app.keys}
      journal={OrgJournal.open(join(mkdtempSync(join(tmpdir(), "rootlock-org-screen-")), "journal.jsonl"), false)}
      onExit={(code, results) => exits.push({ code, results })}
    />,
  );
  const seen = async (text: string) => frames.push(await r.waitFor(text, 8000));
  const exited = () => firstOf(exits);
  return { org, r, exits, frames, seen, exited };
}

/** Rows the frame takes on an 80-column terminal (ink-testing-library draws 100 columns: long lines wrap at 80). */
const fits = (frame: string) => frame.split("\n").reduce((rows, l) => rows + Math.max(1, Math.ceil(stringWidth(l) / 80)), 0) < 24;

/**
 * Account by account, after the first (200000000005) was said yes to: n to each other holder in Production (waited
 * for by id: never two answers to one question); then only the first was changed, and every frame fitted 80x24.
 */
async function onlyTheFirstChanged(s: ReturnType<typeof screen>) {
  for (const n of [7, 9, 10, 11, 13, 14, 15, 18, 20, 21, 22]) {
    await s.seen(`Send the calls for ${200000000000 + n}`);
    await s.r.press("n");
  }
  await s.seen(orgEn.end.parts.notRemoved(11));
  const deletes = s.org.calls.filter((c) => c.action === "sts:AssumeRoot" && c.task === "IAMDeleteRootUserCredentials");
  expect(new Set(deletes.map((c) => c.accountId))).toEqual(new Set(["200000000005"]));
  for (const f of s.frames) expect(fits(f), f).toBe(true);
}

describe("the rootlock org screen", () => {
  it("offers the fix, audits with a progress bar, confirms the plan once, removes and verifies, in 80x24", async () => {
    const s = screen("en");
    await s.seen(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"));
    expect(s.r.frame()).toContain(en.app.keys.send);
    expect(s.r.frame()).toContain(en.app.keys.decline);
    await s.r.press("y");
    await s.seen(orgEn.screen.confirmPlan);
    expect(s.r.frame()).toContain("█");
    expect(s.r.frame()).toContain("credential-less 12");
    expect(s.r.frame()).toContain("iam:DeleteLoginProfile()");
    await s.r.press("y");
    await s.seen(orgEn.end.done(12, 12));
    expect(s.r.frame()).toContain("verified credential-less 12");
    await s.r.press("\r");
    expect((await s.exited())?.code).toBe(0);
    for (const a of s.org.accounts.filter((x) => x.ou === "ou-sim0-production")) expect(a.root.password || a.root.keys.length > 0).toBe(false);
    for (const f of s.frames) expect(fits(f), f).toBe(true);
  });

  it("e confirms the plan account by account: only the accounts said yes to are changed", async () => {
    const s = screen("en");
    await s.seen(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"));
    await s.r.press("y");
    await s.seen(orgEn.screen.confirmPlan);
    expect(s.r.frame()).toContain(en.app.keys.eachAccount);
    await s.r.press("e");
    await s.seen(orgEn.screen.confirmAccount("200000000005", "iam:DeleteLoginProfile()"));
    await s.r.press("y");
    // The other holders in Production, each asked on its own.
    await onlyTheFirstChanged(s);
  });

  describe("with the program's own timing of a confirmation (confirm-guard.ts)", () => {
    afterEach(() => void Object.assign(confirmTiming, { seenMs: 0, quietMs: 0, settleMs: 0 }));

    it("a held y approves the account it was pressed on, never the ones asked after it", async () => {
      const s = screen("en");
      await s.seen(orgEn.screen.offer("iam:EnableOrganizationsRootSessions()"));
      await s.r.press("y");
      await s.seen(orgEn.screen.confirmPlan);
      await s.r.press("e");
      await s.seen(orgEn.screen.confirmAccount("200000000005", "iam:DeleteLoginProfile()"));
      Object.assign(confirmTiming, CONFIRM_TIMING);
      await sleep(CONFIRM_TIMING.seenMs + 200);
      // Pressed on the first question, then held: repeats every 30 ms after half a second.
      s.r.stdin.write("y");
      await sleep(500);
      for (let i = 0; i < 40; i++) {
        s.r.stdin.write("y");
        await sleep(30);
      }
      await sleep(CONFIRM_TIMING.settleMs + 300);
      // Still asking about the second account: the repeats answered nothing (and the screen says so).
      const held = s.r.frame();
      s.frames.push(held);
      expect(fold(held)).toContain(fold("Send the calls for 200000000007"));
      expect(fold(held)).toContain(fold(orgEn.screen.keyNotTaken));
      await onlyTheFirstChanged(s);
    }, 20_000);
  });

  it("speaks Korean, and n sends nothing", async () => {
    const s = screen("ko");
    await s.seen(orgKo.screen.offer("iam:EnableOrganizationsRootSessions()"));
    expect(s.r.frame()).toContain(ko.app.keys.send);
    await s.r.press("n");
    await s.seen(orgKo.readiness.cannotAudit);
    expect(s.org.calls.some((c) => c.action === "sts:AssumeRoot")).toBe(false);
    await s.r.press("\r");
    expect((await s.exited())?.code).toBe(2);
    for (const f of s.frames) expect(fits(f), f).toBe(true);
  });
});
