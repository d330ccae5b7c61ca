// What the screens say about keys and about what was done: one meaning a key on a screen, the keys that work at
// that moment and no others, and what a quit undid said on the frame that ends the run.
import { describe, expect, it } from "vitest";
import { App, type RunOutcome } from "../../src/app.js";
import { messages } from "../../src/i18n/index.js";
import { RootMfaIntro } from "../../src/screens/RootMfaScreen.js";
import { inspectRootMfa, suggestedDeviceName } from "../../src/steps/root-mfa.js";
import { fold, KEYS, renderApp, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

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

type Words = ReturnType<typeof messages>;

/** A key as a footer label starts with it ("Enter", "Esc", "Ctrl-K", "s", "↑↓"), and the label's rest is its meaning. */
const labelParts = (label: string) => {
  const [key, ...rest] = label.split(" ");
  return { key: key!, meaning: rest.join(" ") };
};

/**
 * The frame cut in two: the footer (the trailing lines made of the app's key labels alone) and the page above it.
 * Labels are removed longest first, so "Enter type the codes" is not read as "Enter t…".
 */
function splitFrame(frame: string, t: Words) {
  const labels = Object.values(t.app.keys).sort((a, b) => b.length - a.length);
  const lines = frame.split("\n");
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === "") end--;
  let start = end;
  const onlyLabels = (line: string) => labels.reduce((rest, label) => rest.split(label).join(""), line).replace(/[·\s]/g, "") === "";
  while (start > 0 && lines[start - 1]!.trim() !== "" && onlyLabels(lines[start - 1]!)) start--;
  const footerText = lines.slice(start, end).join(" ");
  const footer = labels.filter((label) => footerText.includes(label)).map(labelParts);
  return { body: lines.slice(0, start).join("\n"), footer };
}

/** "Enter: use this name", "s: skip this step", "Enter or q: exit" on the page: a key hint, its key and meaning. */
const HINT = /(?:^|[\s·(])(Enter|Esc|Tab|Ctrl-[A-Z]|[a-z?])(?: (?:or|또는) q)?: ([^·.\n]+)/g;

const same = (a: string, b: string) => {
  const [x, y] = [a, b].map((s) => s.toLowerCase().replace(/\s+/g, " ").trim());
  return x!.includes(y!) || y!.includes(x!);
};

/**
 * Every key the page names beside the footer with a meaning the footer does not give it: one key, two meanings on
 * one screen (the page's "Esc: stop waiting" over the footer's "Esc back"), or a key the screen does not take.
 */
export function twoMeanings(frame: string, t: Words): string[] {
  const { body, footer } = splitFrame(frame, t);
  const flat = body.replace(/[│║╭╮╰╯─]/g, " ").replace(/[ \t]+/g, " ");
  return [...flat.matchAll(HINT)].flatMap(([, key, meaning]) => {
    const there = footer.filter((f) => f.key === key);
    if (there.length === 0) return [`page names ${key}: "${meaning!.trim()}", the footer does not`];
    return there.some((f) => same(f.meaning, meaning!)) ? [] : [`${key}: page "${meaning!.trim()}", footer "${there.map((f) => f.meaning).join(" / ")}"`];
  });
}

describe("twoMeanings", () => {
  const t = messages("en");
  it("finds a key the page names with another meaning than the footer's, and passes one said alike", () => {
    const frame = (page: string, keys: string) => `rootlock\n\n${page}\n\n${keys}\n`;
    expect(twoMeanings(frame("Waiting\nEsc: stop waiting", `${t.app.keys.back} · ${t.app.keys.quit}`), t)).toHaveLength(1);
    expect(twoMeanings(frame("r: retry · s: skip this step", `${t.app.keys.retry} · ${t.app.keys.skip}`), t)).toEqual([]);
    expect(twoMeanings(frame("Enter: not checked", `${t.app.keys.yes} · ${t.app.keys.no}`), t)).toHaveLength(1);
    expect(twoMeanings(frame("Nothing to press here.", `${t.app.keys.continue} · ${t.app.keys.back}`), t)).toEqual([]);
  });
});

describe.each(["en", "ko"] as const)("every screen state gives a key one meaning (%s)", (lang) => {
  const t = messages(lang);

  it("page and footer agree on every key, through the wizard's steps and their waits, results and pages", async () => {
    const w = await wizard(lang);
    const seen: string[] = [];
    const names = Object.entries(t.app.keys) as [keyof typeof t.app.keys, string][];
    /** The ? help lists the footer's keys, each with its own sentence (the same meanings). */
    const helpAgrees = async (frame: string, name: string) => {
      const footer = splitFrame(frame, t).footer.map((f) => `${f.key} ${f.meaning}`);
      await w.press("?");
      const help = fold(await w.waitFor(t.app.helpFooter));
      for (const [key, label] of names) if (footer.includes(label) && !help.includes(fold(t.app.keyHelp[key]))) seen.push(`${name}: ? help does not list ${label}`);
      await w.press("?");
      await w.waitFor((f) => !fold(f).includes(fold(t.app.helpFooter)));
    };
    // Each state: the text that shows it, its name, whether ? is a key there (no text field), and the keys that lead on.
    const walk: [shows: string, name: string, help: boolean, keys: string[]][] = [
      [t.preflight.plan, "preflight", true, [KEYS.enter]],
      [t.rootKeys.consoleIntro, "root keys, console steps", true, [KEYS.enter]],
      [t.common.waiting(t.rootKeys.verifying), "root keys, waiting", true, [KEYS.esc]],
      [t.states.unverified, "root keys, not seen", true, [KEYS.esc]],
      [t.rootKeys.consoleIntro, "root keys, console steps again", false, ["s"]],
      [t.rootMfa.consoleOnly, "root MFA intro", true, ["n"]],
      [t.rootMfa.nameLabel, "root MFA, device name", false, [KEYS.esc]],
      [t.rootMfa.consoleOnly, "root MFA intro again", false, ["s"]],
      [t.userMfa.why, "user MFA intro", false, ["s"]],
      [t.passwordPolicy.setting, "password policy", false, [KEYS.enter]],
      [t.common.confirmTitle, "password policy, confirmation", true, [KEYS.enter]],
      [t.passwordPolicy.verified, "password policy, result", false, [KEYS.enter]],
      [t.adminIdentity.why, "admin identity intro, an admin found", true, ["n"]],
      [t.adminIdentity.nameLabel, "admin identity, user name", false, [KEYS.esc]],
      [t.adminIdentity.why, "admin identity intro again", false, ["s"]],
      [t.alerts.title, "alerts intro", true, [KEYS.enter]],
      [t.alerts.emailLabel, "alerts, email", false, [..."owner@example.com", KEYS.enter]],
      [t.alerts.noTrail, "alerts, choices", true, ["a"]],
      [t.alerts.apiScope, "alerts, choices with API calls", false, [KEYS.esc]],
      [t.alerts.emailLabel, "alerts, email again", false, [KEYS.esc]],
      [t.alerts.title, "alerts intro again", false, ["s"]],
      [t.signin.warning, "sign-in intro", true, [KEYS.enter]],
      [t.common.waiting(t.signin.verifying), "sign-in, waiting", true, [KEYS.esc]],
      [t.states.unverified, "sign-in, not seen", true, [KEYS.enter]],
      [t.summary.title, "summary", true, []],
    ];
    for (const [shows, name, help, keys] of walk) {
      await w.waitFor(shows);
      await sleep(40); // the footer follows the page's keys
      const frame = w.frame();
      seen.push(...twoMeanings(frame, t).map((m) => `${name}: ${m}`));
      if (help) await helpAgrees(frame, name);
      for (const key of keys) await w.press(key);
    }
    expect(seen).toEqual([]);
    w.unmount();
  }, 30_000);
});
