// One meaning of Enter per screen: while a confirmation panel asks, or the QR code covers the page, Enter is that
// view's alone (keys.ts enterMeanings; the keyboard tells `onTwoMeaningsOfEnter` when a settled screen offers more).
// The walk of every screen (fit-80x24.tsx) checks the wizard's screens; this checks what that walk does not
// reach: the alerts' test message confirmed on the result, whose own Enter ends the step.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { AlertsScreen } from "../../src/screens/AlertsScreen.js";
import { Keyboard } from "../../src/screens/keyboard.js";
import { enterMeanings, ENTER_NAMES } from "../../src/screens/keys.js";
import type { Verdict } from "../../src/steps/types.js";
import { KEYS, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

describe("enterMeanings", () => {
  it("names every declaration that takes Enter", () => {
    expect([...ENTER_NAMES].sort()).toEqual(["confirm", "continue", "deleteTyped", "exit", "notChecked", "typeCodes", "useName"]);
    expect(enterMeanings([{ names: ["continue", "back"] }, { names: ["skip"] }])).toEqual(["continue"]);
    expect(enterMeanings([{ names: ["continue"] }, { names: ["typeCodes", "showSecret"] }])).toEqual(["continue", "typeCodes"]);
  });
});

describe.each(["en", "ko"] as const)("Enter has one meaning on every state of the alerts' result (%s)", (lang) => {
  const t = messages(lang);
  const a = t.alerts;
  let twice: string[][] = [];
  beforeEach(() => {
    twice = [];
    Keyboard.onTwoMeaningsOfEnter = (names) => twice.push(names);
  });
  afterEach(() => {
    Keyboard.onTwoMeaningsOfEnter = undefined;
  });

  it("the test message's confirmation takes Enter from the result while it asks", async () => {
    const { ctx, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} email="owner@example.com" onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.introKeys);
    await r.press(KEYS.enter);
    await r.waitFor(a.emailHint);
    await r.press(KEYS.enter);
    await r.waitFor(a.trailChoice(true).slice(0, 10));
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press("a");
    await r.waitFor(a.confirmTitle("owner@example.com"));
    await r.press("m");
    await r.waitFor(a.verified);
    await r.press("t");
    await r.waitFor(t.common.confirmTitle);
    await sleep(30);
    expect(twice).toEqual([]);
    await r.press(KEYS.enter);
    await r.waitFor(a.testSent("").slice(0, 12));
    expect(done).toBeUndefined();
    expect(twice).toEqual([]);
    r.unmount();
  }, 20_000);
});
