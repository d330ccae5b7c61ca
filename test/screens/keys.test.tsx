// Keys: every key of a burst counts, and every key a screen takes is named on it.
//
// A terminal sends keys typed fast, a held Backspace or a paste in one chunk, and Ink hands the chunk over as one
// string: "\x7f\x7f\x7f", "sq-jisox\x7fo\r", "\r\r". The keyboard (src/screens/keyboard.tsx) plays such a chunk
// key by key. The footer and the ? help are drawn from the same declarations that route the keys (keys.ts), so
// a screen cannot take a key it does not name; these tests walk the screens and read what they name.
import { Text } from "ink";
import { render } from "ink-testing-library";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { messages } from "../../src/i18n/index.js";
import { AdminIdentityScreen } from "../../src/screens/AdminIdentityScreen.js";
import { KeyboardProvider, splitKeys } from "../../src/screens/keyboard.js";
import { useKeys } from "../../src/screens/keys.js";
import { UserMfaScreen } from "../../src/screens/UserMfaScreen.js";
import { fold, KEYS, plain, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

const TIMING = { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 };

describe("splitKeys: the keys in one chunk from the terminal", () => {
  it.each([
    ["one key", "a", ["a"]],
    ["three Backspaces", "\x7f\x7f\x7f", ["\x7f", "\x7f", "\x7f"]],
    ["three Enters", "\r\r\r", ["\r", "\r", "\r"]],
    ["a typo fixed", "12\x7f\x7f\x7f34", ["1", "2", "\x7f", "\x7f", "\x7f", "3", "4"]],
    ["a pasted line (LF)", "123456\n", ["1", "2", "3", "4", "5", "6", "\r"]],
    ["a Windows paste (CR LF) is one Enter", "12\r\n", ["1", "2", "\r"]],
    ["a lone CR LF is one Enter", "\r\n", ["\r"]],
    ["full-width digits as an IME commits them", "５３", ["５", "３"]],
    ["an escape sequence stays whole", "\u001b[A", ["\u001b[A"]],
    ["a character outside the BMP stays whole", "😀a", ["😀", "a"]],
  ])("%s", (_what, chunk, keys) => {
    expect(splitKeys(chunk)).toEqual(keys);
  });
});

/** Counts the Enters it is given: a stand-in for any screen's Enter. */
function EnterCounter() {
  const [n, setN] = useState(0);
  useKeys({ continue: () => setN((x) => x + 1) });
  return <Text>enters: {n}</Text>;
}

describe("a burst", () => {
  it("of three Enters is three Enters", async () => {
    const r = render(
      <KeyboardProvider>
        <EnterCounter />
      </KeyboardProvider>,
    );
    await sleep(20);
    r.stdin.write("\r\r\r");
    // Each key waits for the frame the one before led to: under load that takes more than a few milliseconds.
    for (let waited = 0; waited < 2000 && !r.lastFrame()?.includes("enters: 3"); waited += 10) await sleep(10);
    expect(r.lastFrame()).toContain("enters: 3");
    r.unmount();
  });

  it.each(["en", "ko"] as const)("types a user name with a typo fixed by Backspace, then submits it (%s)", async (lang) => {
    const t = messages(lang);
    const { ctx } = await simulatedWorld("new-account");
    const r = renderIn(lang, <AdminIdentityScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    const intro = await r.waitFor(t.adminIdentity.why);
    await r.press(fold(intro).includes(fold(t.adminIdentity.createAnyway)) ? "n" : KEYS.enter);
    await r.waitFor(t.adminIdentity.nameLabel);
    // "sq-jisox", Backspace, "o", Enter: all in one chunk. Read as one key, the Backspace was kept as a character.
    await r.press("sq-jisox\x7fo\r");
    // The name is taken (the plan's first call waits for Enter), and it is the name meant.
    expect(await r.waitFor(t.common.confirmTitle)).not.toContain(t.adminIdentity.nameInvalid);
    // The group comes first (1/5, 2/5), then the user (3/5).
    for (const step of [2, 3]) {
      await r.press(KEYS.enter);
      await r.waitFor(t.common.progress(step, 5));
    }
    expect(await r.waitFor("UserName=sq-jisoo")).not.toContain("\x7f");
    r.unmount();
  });

  it.each(["en", "ko"] as const)("goes on to the next frame, but never confirms a call with it: Enter, Enter shows the change and sends nothing (%s)", async (lang) => {
    const t = messages(lang);
    const { ctx, account } = await simulatedWorld("new-account");
    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    await r.waitFor("iam:CreateVirtualMFADevice");
    await r.press("\r\r");
    // The first Enter led to the confirmation; the second, typed before it was drawn, is said not to count.
    await r.waitFor(t.common.keyNotTaken);
    expect(r.frame()).toContain(t.common.confirmTitle);
    expect(account.writes()).toEqual([]);
    // An Enter of its own on the panel drawn confirms it.
    await r.press(KEYS.enter);
    await r.waitFor(t.userMfa.code1);
    expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice"]);
    r.unmount();
  });
});

async function startApp(lang: "en" | "ko") {
  const { account, standIn } = await simulatedWorld("new-account");
  const r = render(<App account={account} lang={lang} t={messages(lang)} timing={TIMING} standIn={standIn} onExit={() => {}} />);
  const frame = () => plain(r.lastFrame());
  const waitFor = async (expected: string | ((f: string) => boolean)) => {
    const start = Date.now();
    const ok = () => (typeof expected === "string" ? fold(frame()).includes(fold(expected)) : expected(frame()));
    while (!ok()) {
      if (Date.now() - start > 4000) throw new Error(`timed out waiting for ${String(expected)}; last frame:\n${frame()}`);
      await sleep(10);
    }
    await sleep(15);
    return frame();
  };
  const press = async (key: string) => {
    r.stdin.write(key);
    await sleep(15);
  };
  /** The footer: the frame's last line. */
  const footer = () => frame().trimEnd().split("\n").at(-1)!.trim();
  return { r, frame, footer, waitFor, press };
}

describe.each(["en", "ko"] as const)("the keys each screen names (%s)", (lang) => {
  const t = messages(lang);
  const k = t.app.keys;

  it("names in the footer the keys that work on the screen at hand, and lists them all under ?", async () => {
    const app = await startApp(lang);
    await app.waitFor(t.preflight.plan);
    expect(app.footer()).toBe([k.continue, k.quit, k.help].join(" · "));
    await app.press("?");
    const help = await app.waitFor(t.app.helpTitle);
    for (const name of ["continue", "quit", "help", "interrupt"] as const) expect(fold(help)).toContain(fold(t.app.keyHelp[name]));
    await app.press("?");
    await app.press(KEYS.enter);

    // Root keys, done in the console: c opens the simulated console.
    await app.waitFor(t.rootKeys.consoleIntro);
    expect(app.footer()).toBe([k.continue, k.back, k.skip, k.openStandIn, k.quit, k.help].join(" · "));
    await app.press("s");

    // Root MFA: n picks another device name.
    await app.waitFor(t.rootMfa.consoleOnly);
    expect(app.footer()).toBe([k.continue, k.back, k.skip, k.changeName, k.quit, k.help].join(" · "));
    await app.press("n");

    // A text field: q, s and ? are letters there, so the way out is Ctrl-C. Enter and Esc are named for what they do to the name.
    await app.waitFor(`${t.rootMfa.nameLabel}:`);
    expect(app.footer()).toBe([k.useName, k.keepName, k.interrupt].join(" · "));
    expect(app.footer()).not.toContain(k.quit);
    await app.press(KEYS.esc);
    await app.waitFor(t.rootMfa.consoleOnly);
    app.r.unmount();
  });

  it("keeps the step bar's ▸ on the step the operator went back to", async () => {
    const app = await startApp(lang);
    await app.waitFor(t.preflight.plan);
    await app.press(KEYS.enter);
    await app.waitFor(t.rootKeys.consoleIntro);
    await app.press("s");
    await app.waitFor(t.rootMfa.consoleOnly);
    await app.press(KEYS.esc);
    const frame = await app.waitFor(t.rootKeys.consoleIntro);
    expect(frame).toContain(`▸ ${t.stepsShort["root-access-keys"]}`);
    app.r.unmount();
  });
});
