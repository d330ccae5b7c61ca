// What the screens say about keys and about what was done: one meaning a key on a screen, the keys that work at
// that moment and no others, and what a quit undid said on the frame that ends the run.
import { describe, expect, it } from "vitest";
import { App, type RunOutcome } from "../../src/app.js";
import { messages } from "../../src/i18n/index.js";
import { RootMfaIntro } from "../../src/screens/RootMfaScreen.js";
import { inspectRootMfa, suggestedDeviceName } from "../../src/steps/root-mfa.js";
import { KEYS, renderApp, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

const TIMING = { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 };

/** The wizard on a new simulated account, driven as in the other screen tests. */
async function wizard(lang: "en" | "ko") {
  const { account, standIn } = await simulatedWorld("new-account");
  let outcome: RunOutcome | undefined;
  const r = renderApp(<App account={account} lang={lang} t={messages(lang)} timing={TIMING} standIn={standIn} onExit={(o) => (outcome = o)} />);
  const ended = async () => {
    for (let i = 0; i < 100 && !outcome; i++) await sleep(20);
    await sleep(30);
    return outcome!;
  };
  return { ...r, account, ended };
}

/** From the preflight to the step after the first `skipped` steps of a new account's run (each skipped with s). */
async function reach(w: Awaited<ReturnType<typeof wizard>>, t: ReturnType<typeof messages>, skipped: number) {
  const firsts = [t.rootKeys.consoleIntro, t.rootMfa.consoleOnly, t.userMfa.why, t.passwordPolicy.setting];
  await w.waitFor(t.preflight.plan);
  await w.press(KEYS.enter);
  for (const [i, shown] of firsts.slice(0, skipped + 1).entries()) {
    await w.waitFor(shown);
    if (i < skipped) await w.press("s");
  }
}

/** The footer: the frame's last non-empty lines after the page (the keys line may wrap onto two). */
const footerOf = (frame: string, t: ReturnType<typeof messages>) => frame.slice(frame.lastIndexOf(t.app.keys.quit) - 200);

describe.each(["en", "ko"] as const)("keys and endings said once (%s)", (lang) => {
  const t = messages(lang);

  it("while a confirmation panel is up, Enter and Esc mean what the panel means, and are named once", async () => {
    const w = await wizard(lang);
    await reach(w, t, 3);
    await w.press(KEYS.enter);
    const frame = await w.waitFor(t.common.confirmTitle);
    const footer = footerOf(frame, t);
    expect(footer).toContain(t.app.keys.confirm);
    expect(footer).toContain(t.app.keys.notNow);
    expect(frame).not.toContain(t.app.keys.continue);
    expect(frame).not.toContain(t.app.keys.back);
    // Each of the two keys is named once on the whole screen.
    expect(frame.split("Enter").length - 1).toBe(1);
    expect(frame.split("Esc").length - 1).toBe(1);
    await w.press(KEYS.esc);
    await w.waitFor(t.reasons["operator-skipped"]);
    w.unmount();
  }, 20_000);

  it("the console stand-in names only the keys that work: none for a list without keys, the prompt's own in the delete prompt", async () => {
    const w = await wizard(lang);
    await reach(w, t, 0);
    await w.press("c");
    const k = t.app.keys;
    let frame = await w.waitFor(/AKIA[A-Z0-9]{16}[\s\S]*AKIA[A-Z0-9]{16}/);
    const ids = [...frame.matchAll(/\b(AKIA[A-Z0-9]{16})\b/g)].map((m) => m[1]!);
    expect(frame).toContain(k.select);
    expect(frame).toContain(k.deactivateKey);
    expect(frame).not.toContain(k.activateKey);
    for (const [i, id] of ids.entries()) {
      await w.press("d");
      frame = await w.waitFor(`${id} ${t.rootKeys.status.Inactive}`);
      expect(frame).toContain(k.activateKey);
      expect(frame).not.toContain(k.deactivateKey);
      await w.press("x");
      frame = await w.waitFor(t.standIn.keys.deleteConfirm(id));
      // Enter deletes, Esc leaves the prompt (not the console): said so, and "continue" / "back to rootlock" are not.
      expect(frame).toContain(k.deleteTyped);
      expect(frame).toContain(k.notNow);
      expect(frame).not.toContain(k.continue);
      expect(frame).not.toContain(t.standIn.back);
      await w.type(id);
      await w.press(KEYS.enter);
      frame = await w.waitFor((f) => !f.includes(id));
      // One key left: nothing to choose between.
      if (i === 0) expect(frame).not.toContain(k.select);
    }
    frame = await w.waitFor(t.standIn.keys.empty);
    for (const name of ["select", "deactivateKey", "activateKey", "deleteKey"] as const) expect(frame).not.toContain(k[name]);
    expect(frame).toContain(k.back);
    w.unmount();
  }, 20_000);

  it("the root MFA intro says the device name on a line of its own, the way to change it on the next", async () => {
    const { ctx } = await simulatedWorld("new-account");
    const finding = await inspectRootMfa(ctx);
    const name = suggestedDeviceName(finding);
    const r = renderIn(lang, <RootMfaIntro finding={finding} deviceName={name} />);
    const lines = r.frame().split("\n");
    const at = lines.findIndex((l) => l.includes(t.rootMfa.deviceName(name)));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at]!.trimEnd().endsWith(name)).toBe(true);
    expect(lines[at + 1]!.trim().startsWith(t.rootMfa.changeName.slice(0, 12))).toBe(true);
    r.unmount();
  });

  it("a quit during the admin user's QR code ends on a frame that says the device rootlock made was deleted", async () => {
    const w = await wizard(lang);
    await reach(w, t, 2);
    await w.press(KEYS.enter);
    await w.waitFor(t.common.confirmTitle);
    await w.press(KEYS.enter);
    await w.waitFor(t.app.keys.typeCodes);
    await sleep(60); // IAM lists the new device after the simulated account's visibility delay
    await w.press("q");
    const outcome = await w.ended();
    expect(outcome.leftBehind).toEqual([]);
    const serial = "arn:aws:iam::123456789012:mfa/ops-admin";
    expect((await w.account.listVirtualMfaDevices("Any")).map((d) => d.serialNumber)).not.toContain(serial);
    const frame = await w.waitFor(t.app.stopped);
    expect(frame.replace(/\s+/g, " ")).toContain(t.app.undoneOnTheWayOut(serial).replace(/\s+/g, " "));
    w.unmount();
  }, 20_000);

  it("a quit with nothing half-done says only that rootlock stopped", async () => {
    const w = await wizard(lang);
    await reach(w, t, 0);
    await w.press("q");
    await w.ended();
    const frame = await w.waitFor(t.app.stopped);
    expect(frame).not.toContain(t.app.undoneOnTheWayOut("").slice(0, 10));
    w.unmount();
  }, 20_000);
});
