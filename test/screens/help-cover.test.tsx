// The ? help covers the page while it is open (so a screen and its help together still fit 80x24), ? again brings
// the page back as it was, and the help closes by itself when a text field takes the keyboard (? is a letter there,
// so it could not be closed).
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { messages } from "../../src/i18n/index.js";
import { KEYS, fold, plain, simulatedWorld, sleep } from "../helpers/ink.js";

const TIMING = { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 };

describe.each(["en", "ko"] as const)("the ? help (%s)", (lang) => {
  const t = messages(lang);

  it("covers the page, gives it back, and closes when a text field takes the keyboard", async () => {
    const { account, standIn } = await simulatedWorld("new-account");
    const r = render(<App account={account} lang={lang} t={t} timing={TIMING} standIn={standIn} onExit={() => {}} />);
    const frame = () => fold(plain(r.lastFrame()));
    const waitFor = async (ok: (f: string) => boolean) => {
      for (let start = Date.now(); !ok(frame()); await sleep(10)) if (Date.now() - start > 4000) throw new Error(`timed out; last frame:\n${frame()}`);
      await sleep(15);
    };
    const press = async (key: string) => {
      r.stdin.write(key);
      await sleep(15);
    };

    await waitFor((f) => f.includes(fold(t.preflight.plan)));
    await press("?");
    await waitFor((f) => f.includes(fold(t.app.helpFooter)));
    expect(frame()).not.toContain(fold(t.preflight.plan));
    await press("?");
    await waitFor((f) => f.includes(fold(t.preflight.plan)) && !f.includes(fold(t.app.helpFooter)));

    await press(KEYS.enter);
    await waitFor((f) => f.includes(fold(t.rootKeys.consoleIntro)));
    await press("s");
    await waitFor((f) => f.includes(fold(t.rootMfa.consoleOnly)));
    await press("?");
    await waitFor((f) => f.includes(fold(t.app.helpFooter)));
    // n (another device name) works under the help, and leads to a text field: the help steps aside for it.
    await press("n");
    await waitFor((f) => f.includes(fold(t.rootMfa.nameLabel)));
    expect(frame()).not.toContain(fold(t.app.helpFooter));
    r.unmount();
  });
});
