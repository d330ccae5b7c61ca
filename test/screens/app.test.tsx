// The wizard shell: skipping, help, quitting with q, and Ctrl-C in the middle of an enrolment, which must
// delete the device rootlock created before the program ends.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { App, type RunOutcome } from "../../src/app.js";
import { messages } from "../../src/i18n/index.js";
import { KEYS, plain, simulatedWorld, sleep } from "../helpers/ink.js";

const TIMING = { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 };

async function startApp(lang: "en" | "ko") {
  const { account, standIn } = await simulatedWorld("new-account");
  let outcome: RunOutcome | undefined;
  const r = render(<App account={account} lang={lang} t={messages(lang)} timing={TIMING} standIn={standIn} onExit={(o) => (outcome = o)} />);
  const frame = () => plain(r.lastFrame());
  const waitFor = async (text: string) => {
    const start = Date.now();
    while (!frame().replace(/\s+/g, " ").includes(text.replace(/\s+/g, " "))) {
      if (Date.now() - start > 4000) throw new Error(`timed out waiting for ${text}; last frame:\n${frame()}`);
      await sleep(10);
    }
    await sleep(15);
  };
  const press = async (key: string) => {
    r.stdin.write(key);
    await sleep(15);
  };
  return { account, r, frame, waitFor, press, outcome: () => outcome };
}

describe.each(["en", "ko"] as const)("App (%s)", (lang) => {
  const t = messages(lang);

  it("Ctrl-C during the admin user's enrolment deletes the device it created, and exits 130", async () => {
    const app = await startApp(lang);
    await app.waitFor(t.preflight.plan);
    await app.press(KEYS.enter);
    await app.waitFor(t.rootKeys.consoleIntro);
    await app.press("s");
    await app.waitFor(t.rootMfa.consoleOnly);
    await app.press("s");
    await app.waitFor(t.userMfa.why);
    await app.press(KEYS.enter);
    await app.waitFor(t.common.confirmTitle);
    await app.press(KEYS.enter);
    // ink-testing-library's terminal has no rows (taken as 24): the QR code comes alone first, the fields under it.
    await app.waitFor(t.app.keys.typeCodes);
    await sleep(60); // IAM shows the new device after the simulated account's visibility delay (30 ms)
    const created = (await app.account.listVirtualMfaDevices("Unassigned")).map((d) => d.serialNumber);
    await app.press(KEYS.ctrlC);
    for (let i = 0; i < 100 && !app.outcome(); i++) await sleep(20);
    expect(app.outcome()).toMatchObject({ reason: "interrupted", exitCode: 130, leftBehind: [] });
    // The step it ended in says so, with the undo; the steps after it were not reached (no verdict: summarize says so).
    expect(app.outcome()?.results["operator-mfa"]).toMatchObject({
      state: "skipped",
      reason: "interrupted",
      evidence: [{ read: "removed: arn:aws:iam::123456789012:mfa/ops-admin" }],
    });
    expect(app.outcome()?.results["password-policy"]).toBeUndefined();
    expect(app.account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    expect(created).toContain("arn:aws:iam::123456789012:mfa/ops-admin");
  });

  it("q quits with its own status; the step it ended in is interrupted, the ones after it not reached, never done", async () => {
    const app = await startApp(lang);
    await app.waitFor(t.preflight.plan);
    await app.press("?");
    await app.waitFor(t.app.helpTitle);
    await app.press("?");
    await app.press(KEYS.enter);
    await app.waitFor(t.rootKeys.consoleIntro);
    await app.press("q");
    for (let i = 0; i < 100 && !app.outcome(); i++) await sleep(20);
    expect(app.outcome()).toMatchObject({ reason: "quit", exitCode: 3 });
    expect(app.outcome()?.results["root-access-keys"]).toMatchObject({ state: "skipped", reason: "interrupted", evidence: [] });
    expect(app.outcome()?.results["root-mfa"]).toBeUndefined();
  });

  it("q on a step's result reports the verdict shown there, not a skip", async () => {
    const app = await startApp(lang);
    await app.waitFor(t.preflight.plan);
    await app.press(KEYS.enter);
    await app.waitFor(t.rootKeys.consoleIntro);
    await app.press(KEYS.enter);
    await app.waitFor(t.app.keys.stopWaiting);
    await app.press(KEYS.esc);
    await app.waitFor(t.states.unverified);
    await app.press("q");
    for (let i = 0; i < 100 && !app.outcome(); i++) await sleep(20);
    expect(app.outcome()?.results["root-access-keys"]).toMatchObject({ state: "unverified", reason: "operator-moved-on" });
    expect(app.outcome()!.results["root-access-keys"]!.evidence.map((e) => e.read)).toContain("AccountAccessKeysPresent=1");
  });

  it('rootlock alerts: preflight lists its step alone, and skipping it is not "every control is verified" (exit 1)', async () => {
    const { account, standIn } = await simulatedWorld("hardened");
    let outcome: RunOutcome | undefined;
    const r = render(<App account={account} lang={lang} t={messages(lang)} timing={TIMING} standIn={standIn} flow="alerts" onExit={(o) => (outcome = o)} />);
    const frame = () => plain(r.lastFrame()).replace(/\s+/g, " ");
    const waitFor = async (text: string) => {
      for (let i = 0; !frame().includes(text.replace(/\s+/g, " ")); i++) {
        if (i > 400) throw new Error(`timed out waiting for ${text}; last frame:\n${frame()}`);
        await sleep(10);
      }
      await sleep(15);
    };
    await waitFor(t.preflight.plan);
    expect(frame()).toContain(`1. ${t.steps["root-alerts"]}`);
    expect(frame()).not.toContain(`1. ${t.steps["root-access-keys"]}`);
    expect(frame()).not.toContain(`2. `);
    r.stdin.write(KEYS.enter);
    await waitFor(t.alerts.existingKeys);
    r.stdin.write("s");
    await waitFor(t.summary.someNotAlerts);
    expect(frame()).not.toContain(t.summary.allVerified);
    r.stdin.write(KEYS.enter);
    for (let i = 0; i < 100 && !outcome; i++) await sleep(20);
    expect(outcome).toMatchObject({ reason: "finished", exitCode: 1 });
  });

  it("letters typed into a field are not taken as commands", async () => {
    const app = await startApp(lang);
    await app.waitFor(t.preflight.plan);
    await app.press(KEYS.enter);
    await app.waitFor(t.rootKeys.consoleIntro);
    await app.press("s");
    await app.waitFor(t.rootMfa.consoleOnly);
    await app.press(KEYS.enter); // orphan: confirm its deletion
    await app.waitFor(t.common.confirmTitle);
    await app.press(KEYS.enter);
    await app.waitFor(t.rootMfa.openStandIn);
    await app.press("c");
    await app.waitFor(t.standIn.mfa.deviceName);
    await app.press("q"); // a device name may contain q and s
    await app.press("s");
    await app.waitFor(`${t.standIn.mfa.deviceName}: qs`);
    expect(app.outcome()).toBeUndefined();
    app.r.unmount();
  });
});
