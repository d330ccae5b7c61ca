// The runner's promise: a write is sent once, and read before any resend. A parent re-renders whenever it likes
// (a key toggling the help, a clock, a new closure for every callback): none of that may send the write again.
import { render } from "ink-testing-library";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import type { SimulatedAccount } from "../../src/aws/simulated/index.js";
import { messages } from "../../src/i18n/index.js";
import { ActionRunner } from "../../src/screens/components/ActionRunner.js";
import { applyRootKeyAction, confirmRootKeyAction, inspectRootKeys, planRootKeys, rootKeyActionHolds } from "../../src/steps/root-access-keys.js";
import type { ApiAction, StepContext } from "../../src/steps/types.js";
import { KEYS, plain, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

const TIMING = { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 };

/** Holds every write the simulated account is sent until `release()`: a call in flight, as long as the test needs. */
function holdWrites(account: SimulatedAccount) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const send = account.send.bind(account);
  account.send = (async (...args: Parameters<typeof send>) => {
    await gate;
    return send(...args);
  }) as typeof account.send;
  return { release };
}

const sent = (account: SimulatedAccount) => account.writes().map((w) => w.call);

/**
 * The root keys' plan, rebuilt on each render as the screen does: new actions, new callbacks, every time.
 * `parent.renderAgain()` makes it render again from outside, as a key or a timer would.
 */
function Runner({ ctx, actions, onFinished, parent }: { ctx: StepContext; actions: () => ApiAction[]; onFinished: () => void; parent: { renderAgain: () => void } }) {
  const [, setRenders] = useState(0);
  parent.renderAgain = () => setRenders((n) => n + 1);
  return (
    <ActionRunner
      actions={actions()}
      apply={(a) => applyRootKeyAction(ctx, a)}
      holds={(a) => rootKeyActionHolds(ctx, a)}
      readBack={(a, hooks) => confirmRootKeyAction(ctx, a, hooks)}
      onFinished={() => onFinished()}
    />
  );
}

describe.each(["en", "ko"] as const)("ActionRunner (%s)", (lang) => {
  const t = messages(lang);

  it("sends a write once when its parent re-renders while the call is in flight", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const finding = await inspectRootKeys(ctx);
    const plan = () =>
      planRootKeys(finding)
        .filter((a): a is ApiAction => a.by === "rootlock")
        .slice(0, 1);
    const held = holdWrites(account);
    let finished = 0;
    const onFinished = () => finished++;
    const parent = { renderAgain: () => {} };
    const r = renderIn(lang, <Runner ctx={ctx} actions={plan} onFinished={onFinished} parent={parent} />);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    await r.waitFor("iam:UpdateAccessKey");
    // The parent renders again (twice) while UpdateAccessKey waits for its answer.
    for (let i = 0; i < 2; i++) {
      parent.renderAgain();
      await sleep(20);
    }
    held.release();
    for (let i = 0; i < 100 && finished === 0; i++) await sleep(20);
    expect(finished).toBe(1);
    expect(sent(account)).toEqual(["iam:UpdateAccessKey"]);
    // And once finished, more renders of the parent do not finish it again.
    parent.renderAgain();
    await sleep(30);
    expect(finished).toBe(1);
    r.unmount();
  });

  it("in the wizard, ? pressed twice during a write (the help shown and hidden) does not send it again", async () => {
    const { account, standIn } = await simulatedWorld("root-key");
    const held = holdWrites(account);
    const r = render(<App account={account} lang={lang} t={messages(lang)} timing={TIMING} standIn={standIn} onExit={() => {}} />);
    const frame = () => plain(r.lastFrame()).replace(/\s+/g, " ");
    const waitFor = async (text: string) => {
      for (let i = 0; !frame().includes(text.replace(/\s+/g, " ")); i++) {
        if (i > 400) throw new Error(`timed out waiting for ${text}; last frame:\n${frame()}`);
        await sleep(10);
      }
      await sleep(15);
    };
    const press = async (key: string) => {
      r.stdin.write(key);
      await sleep(15);
    };
    await waitFor(t.preflight.plan);
    await press(KEYS.enter);
    await waitFor(t.rootMfa.consoleOnly);
    await press("s");
    await waitFor(t.passwordPolicy.title);
    await press(KEYS.enter);
    await waitFor(t.common.confirmTitle);
    await press(KEYS.enter); // UpdateAccountPasswordPolicy goes out, and is held
    await sleep(30);
    await press("?");
    await waitFor(t.app.helpTitle);
    await press("?");
    await sleep(30);
    held.release();
    await waitFor(t.states.verified);
    await sleep(50);
    expect(sent(account)).toEqual(["iam:UpdateAccountPasswordPolicy"]);
    r.unmount();
  });
});
