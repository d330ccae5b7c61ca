// A step the operator comes back to (Esc on the next step, then forward again) is inspected afresh and finds what
// this run did: the run's result must still say it was fixed in this run and read back, with the reads before the
// change, not "already in place" (registry.ts `revisited`).
import { describe, expect, it } from "vitest";
import { App, type RunOutcome } from "../../src/app.js";
import { messages } from "../../src/i18n/index.js";
import { buildReport } from "../../src/steps/report.js";
import { KEYS, renderApp, simulatedWorld, sleep } from "../helpers/ink.js";

const TIMING = { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 };

describe.each(["en", "ko"] as const)("a step revisited (%s)", (lang) => {
  const t = messages(lang);

  it("the password policy set in this run, revisited, is still reported as set and read back, with the read before it", async () => {
    const { account, standIn } = await simulatedWorld("new-account");
    let outcome: RunOutcome | undefined;
    const r = renderApp(<App account={account} lang={lang} t={t} timing={TIMING} standIn={standIn} onExit={(o) => (outcome = o)} />);
    const { waitFor, press } = r;
    await waitFor(t.preflight.plan);
    await press(KEYS.enter);
    await waitFor(t.rootKeys.consoleIntro);
    await press("s");
    await waitFor(t.rootMfa.consoleOnly);
    await press("s");
    await waitFor(t.userMfa.why);
    await press("s");
    await waitFor(t.passwordPolicy.setting);
    await press(KEYS.enter);
    await waitFor(t.common.confirmTitle);
    await press(KEYS.enter);
    await waitFor(t.reasons["read-back-confirms"]);
    await press(KEYS.enter);
    await waitFor(t.adminIdentity.title);
    await press(KEYS.esc);
    // Back on the password policy: AWS shows it in place now.
    await waitFor(t.passwordPolicy.setting);
    await press(KEYS.enter);
    await waitFor(t.adminIdentity.title);
    await press("q");
    for (let i = 0; i < 100 && !outcome; i++) await sleep(20);
    const policy = outcome!.results["password-policy"]!;
    expect(policy).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    const reads = policy.evidence.map((e) => e.read).join("\n");
    // The read before the change (no policy), the change's read-back, and the revisit's read.
    expect(policy.evidence.length).toBeGreaterThanOrEqual(3);
    expect(reads).toMatch(/MinimumPasswordLength=14/);
    const report = buildReport({
      version: "0",
      mode: account.mode,
      simulated: true,
      startedAt: new Date(),
      endedAt: new Date(),
      ending: outcome!.reason,
      results: outcome!.results,
      changes: [],
      leftBehind: [],
    });
    expect(report.controls.find((c) => c.control === "password-policy")).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    r.unmount();
  }, 20_000);
});
