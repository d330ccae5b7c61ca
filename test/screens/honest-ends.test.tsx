// Honest ends of a plan the operator stopped, in both languages: root keys skipped after a failed write end on
// what was done and what was not (no wait for a state that cannot come); root MFA, with the unassigned device of
// the chosen name still there, never sends the operator to a console step bound to fail.
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { RootKeysScreen } from "../../src/screens/RootKeysScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

describe.each(["en", "ko"] as const)("honest ends (%s)", (lang) => {
  const t = messages(lang);

  it("root keys: a write refused, the rest skipped: the verdict says what was made and what was not, with no wait", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    account.failNext("iam:DeleteAccessKey", "AccessDenied");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.approveAll(3));
    await r.press(KEYS.enter); // deactivate the other key
    await r.waitFor(t.common.progress(2, 3));
    await r.press(KEYS.enter); // delete it: refused
    await r.waitFor(t.common.retryKeys);
    await r.press("s");
    await r.waitFor(t.reasons.error);
    expect(r.frame()).not.toContain(t.common.giveUp);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "error" });
    const said = done!.evidence.at(-1)!.read;
    expect(said).toMatch(
      /^stopped after an error: iam:DeleteAccessKey\(AccessKeyId=AKIA\w+\) failed \(AccessDenied\), not made; not sent after it: iam:DeleteAccessKey\(/,
    );
    // The deactivation's read-back is part of the story.
    expect(done!.evidence.some((e) => e.source === "iam:ListAccessKeys" && e.read.endsWith(" inactive"))).toBe(true);
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccessKey"]);
    r.unmount();
  });
});
