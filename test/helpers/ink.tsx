// Screen tests with ink-testing-library: render a screen inside the UI context of a chosen language and
// mode, send keys, and wait for the frame to show something (a frame changes only after a tick).
import { render } from "ink-testing-library";
import type { ReactElement } from "react";
import { SimulatedAccount, type ScenarioName } from "../../src/aws/simulated/index.js";
import type { Lang } from "../../src/i18n/index.js";
import { messages } from "../../src/i18n/index.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { StepContext } from "../../src/steps/types.js";
import { Cleanups } from "../../src/screens/cleanups.js";
import { KeyboardProvider } from "../../src/screens/keyboard.js";
import { type Ui, UiContext } from "../../src/screens/ui-context.js";

export const KEYS = {
  enter: "\r",
  esc: "\u001b",
  up: "\u001b[A",
  down: "\u001b[B",
  tab: "\t",
  backspace: "\u007f",
  ctrlC: "\u0003",
} as const;

/** Strips colours and styles: assertions are about text. */
export const plain = (frame: string | undefined) => (frame ?? "").replace(/\u001b\[[0-9;]*m/g, "");

/** Fast simulated account and timing, so screens go through their waits in milliseconds. */
export async function simulatedWorld(scenario: ScenarioName, options: { rootSession?: boolean } = {}) {
  const account = new SimulatedAccount({ scenario, visibilityDelayMs: 30, cloudTrailDelayMs: 150, reportDelayMs: 0, ...options });
  const preflight = await inspectPreflight(account, () => new Date());
  const ctx: StepContext = {
    account,
    caller: preflight.caller,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    timing: { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 },
    clockOffsetMs: preflight.clockOffsetMs,
  };
  const standIn = account.console;
  return { account, ctx, preflight, standIn };
}

export function renderIn(lang: Lang, element: ReactElement, extra: Partial<Ui> = {}) {
  const ui: Ui = { t: messages(lang), lang, mode: "simulated", cleanups: new Cleanups(), ...extra };
  const result = render(
    <KeyboardProvider>
      <UiContext.Provider value={ui}>{element}</UiContext.Provider>
    </KeyboardProvider>,
  );
  return { ...driven(result), ui };
}

/** The whole wizard (App brings its own keyboard), with the same waitFor and press as `renderIn`. */
export function renderApp(app: ReactElement) {
  return driven(render(app));
}

/** A rendered element with the means to drive it: its plain frame, waiting for a text, keys. */
function driven(result: ReturnType<typeof render>) {
  const frame = () => plain(result.lastFrame());

  /** Waits until the plain frame contains the text (or matches, or passes), or fails with the frame it last saw. */
  async function waitFor(expected: string | RegExp | ((frame: string) => boolean), timeoutMs = 4000): Promise<string> {
    const start = Date.now();
    // Text is compared with white space folded, so a sentence that Ink wrapped onto two lines still matches.
    const matches = (f: string) => (typeof expected === "string" ? fold(f).includes(fold(expected)) : expected instanceof RegExp ? expected.test(f) : expected(f));
    for (;;) {
      const f = frame();
      if (matches(f)) {
        await tick(); // let Ink attach the next input handlers before a key is sent
        return f;
      }
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; last frame:\n${f}`);
      await sleep(10);
    }
  }

  async function press(key: string) {
    result.stdin.write(key);
    await tick();
  }

  async function type(text: string) {
    for (const ch of text) await press(ch);
  }

  return { ...result, frame, waitFor, press, type };
}

/** White space folded to single spaces: wrapped lines read as one. */
export const fold = (text: string) => text.replace(/[│║]/g, " ").replace(/\s+/g, " ");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const tick = () => sleep(15);
