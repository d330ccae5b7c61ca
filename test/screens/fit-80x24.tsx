// The 80x24 walk, shared by its three test files (en, ko, the webhook path), which vitest runs side by side.
// Every screen fits an 80x24 terminal, in English and Korean. A frame as tall as the terminal scrolls the header
// (and the SIMULATED notice) away, and Ink then clears the whole screen on every update (flicker): the test walks
// the whole wizard on the simulated scenarios, records every frame Ink draws, and fails on any taller than 23 rows.
import chalk from "chalk";
import { render as inkRender } from "ink";
import stringWidth from "string-width";
import { expect, vi } from "vitest";
import type { ScenarioName } from "../../src/aws/simulated/index.js";
import { App } from "../../src/app.js";
import { Keyboard } from "../../src/screens/keyboard.js";
import { messages } from "../../src/i18n/index.js";
import { SPINNER_FRAMES } from "../../src/screens/components/Spinner.js";
import { KEYS, plain, simulatedWorld } from "../helpers/ink.js";
import { inkOptions, Keys, Terminal } from "../helpers/terminal.js";

const COLS = 80;
const ROWS = 24;
// On the fake clock below a wait costs a frame per spinner glyph (80 ms) and per poll, and a frame is a render of
// the whole wizard (10 to 15 ms on a loaded machine): waits as short as the simulated delays allow (30 ms for IAM,
// 150 ms for CloudTrail, helpers/ink.ts), so that those the walk leaves to time out (it never signs in) stay short.
const TIMING = { iamPollMs: 100, iamTimeoutMs: 1000, trailPollMs: 250, trailTimeoutMs: 2000 };

/**
 * The walk's clock is a fake one (vitest's, from a fixed date), and it moves only while a spinner is on screen: the
 * wizard is working then (a read-back, a verification's polls, CloudTrail's delay), not waiting for the operator.
 * On the real clock the spinner (every 80 ms), the waits' elapsed time and the codes' countdown (every second)
 * kept drawing frames, so "the frame has stopped changing" took up to 3 s a step, and what the walk saw, and so
 * which key it pressed, hung on how loaded the machine was. setImmediate, microtasks and React's scheduler stay
 * real: they are the wizard's own work between two keys, which `drain` lets finish.
 */
const START = new Date("2026-11-22T10:00:05Z");
const FAKED = ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] as const;
/** The longest the wizard may work without the operator (on the fake clock): the timeouts above, and room. */
const MAX_WORK_MS = 60_000;
/** Turns of the event loop without a new frame after which the wizard's work for a key is done. */
const QUIET_TURNS = 10;
/** The real clock's, kept before the fake one is installed: for the one wait that is real (`loading`). */
const realSetTimeout = globalThis.setTimeout;
const realSleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** A spinner on screen: the wizard is working. */
const working = (frame: string) => SPINNER_FRAMES.some((glyph) => frame.includes(glyph));
/**
 * Nothing between the step bar and the keys line: the step screens' module is still being imported (app.tsx's
 * lazy StepScreen; once, at the first step of a file). That is vitest reading and compiling it, on the real clock.
 */
const loading = (frame: string) => /▸/.test(frame.split("\n")[1] ?? "") && frame.trimEnd().split(/\n\s*\n/).length <= 2;
const MAX_LOADING_MS = 20_000;

const heightOf = (frame: string) => frame.split("\n").length;
const widthOf = (frame: string) =>
  Math.max(
    ...plain(frame)
      .split("\n")
      .map((line) => stringWidth(line)),
  );

/** The keys line: what follows the last blank line (it may wrap, a key never cut in two). */
const footerOf = (frame: string) =>
  frame
    .trimEnd()
    .split(/\n\s*\n/)
    .at(-1)
    ?.replace(/\s*\n\s*/g, " ") ?? "";

/** The step the frame is at: the step list marks it ▸. */
const stepOf = (frame: string) => /▸ ([^·✔✖…○◐–]+?)(?: {2}|\s[·✔✖○◐–]|$)/m.exec(plain(frame))?.[1]?.trim() ?? "?";

/** What the walk does once where a screen first shows a text (its start is enough: a long one wraps), before the usual keys. */
type Script = { when: string; keys: string[] }[];

async function walk(lang: "en" | "ko", scenario: ScenarioName, script: Script = []) {
  vi.useFakeTimers({ toFake: [...FAKED], now: START });
  // Styles on, as in the operator's terminal: which code field has the cursor (an inverse space, bold label) shows
  // only in them, and without it the walk took the codes' screen for the same screen whichever field it was in.
  const level = chalk.level;
  chalk.level = 1;
  try {
    return await walkOnTheClock(lang, scenario, script);
  } finally {
    chalk.level = level;
    vi.useRealTimers();
  }
}

async function walkOnTheClock(lang: "en" | "ko", scenario: ScenarioName, script: Script) {
  const t = messages(lang);
  const { account, standIn } = await simulatedWorld(scenario);
  const stdout = new Terminal(COLS, ROWS);
  // Every screen state of the walk gives Enter one meaning at most (keys.ts enterMeanings).
  const twoMeanings: string[] = [];
  Keyboard.onTwoMeaningsOfEnter = (names) => twoMeanings.push(`${names.join(" + ")} on:\n${plain(stdout.frames.at(-1))}`);
  const stdin = new Keys();
  let finished = false;
  const app = inkRender(
    <App account={account} lang={lang} t={messages(lang)} timing={TIMING} standIn={standIn} onExit={() => (finished = true)} />,
    inkOptions(stdout, stdin),
  );
  const last = () => plain(stdout.frames.at(-1));
  /** Lets the wizard finish what the last key started: its frames, then its work on the clock while it shows a spinner. */
  const settle = async () => {
    const drain = async () => {
      for (let quiet = 0, seen = stdout.frames.length; quiet < QUIET_TURNS;) {
        await turn();
        quiet = stdout.frames.length === seen ? quiet + 1 : 0;
        seen = stdout.frames.length;
      }
    };
    await drain();
    for (const until = performance.now() + MAX_LOADING_MS; loading(last()) && !finished && performance.now() < until;) {
      await realSleep(5);
      await drain();
    }
    for (const until = Date.now() + MAX_WORK_MS; working(last()) && Date.now() < until;) {
      vi.advanceTimersToNextTimer();
      await drain();
    }
    if (working(last()) || (loading(last()) && !finished)) stalled.push(last());
  };
  // The walk: Enter wherever it continues; a screen seen again (a loop) is left by s (skip), then Esc.
  const visits = new Map<string, number>();
  /** Confirmation panels sent Enter, Enter in one chunk; and those of them that then said it was not taken. */
  let panels = 0;
  let noted = 0;
  const helped = new Set<string>();
  const stalled: string[] = [];
  // A bound on the walk, not a budget: the longest (new-account, the webhook's path) takes about 45 steps.
  for (let i = 0; i < 400 && !finished; i++) {
    await settle();
    const frame = last();
    const scripted = script.find((s) => frame.includes(s.when));
    if (scripted) {
      script = script.filter((s) => s !== scripted);
      for (const key of scripted.keys) {
        stdin.write(key);
        await settle();
      }
      continue;
    }
    // A confirmation panel is first sent Enter, Enter in one chunk, which it does not take (confirm-guard.ts): the
    // sentence saying so must fit too. The next Enter, of its own, confirms it.
    if (frame.includes(t.common.confirmTitle) && !frame.includes(t.common.keyNotTaken.slice(0, 10))) {
      stdin.write(`${KEYS.enter}${KEYS.enter}`);
      panels++;
      await settle();
      noted += last().includes(t.common.keyNotTaken.slice(0, 10)) ? 1 : 0;
      continue;
    }
    const footer = footerOf(frame);
    // A screen is told apart by its styles too: which of the two code fields has the cursor shows only in them.
    const seen = stdout.frames.at(-1) ?? "";
    const n = visits.get(seen) ?? 0;
    visits.set(seen, n + 1);
    // The ? help, opened on each screen the first time it is seen (where ? is a key, not a letter typed), and closed.
    if (n === 0 && footer.includes(t.app.keys.help)) {
      stdin.write("?");
      await settle();
      if (last().includes(t.app.helpTitle)) helped.add(stepOf(last()));
      stdin.write("?");
      await settle();
    }
    const choices = [
      // Enter goes on: "continue", "type the codes", and a confirmation panel's "do it".
      [t.app.keys.continue, t.app.keys.typeCodes, t.app.keys.confirm].some((key) => footer.includes(key)) ? KEYS.enter : undefined,
      footer.includes(t.app.keys.skip) ? "s" : undefined,
      KEYS.esc,
      KEYS.enter,
    ].filter((k): k is string => k !== undefined);
    stdin.write(choices[Math.min(n, choices.length - 1)]!);
  }
  app.unmount();
  Keyboard.onTwoMeaningsOfEnter = undefined;
  return { frames: stdout.frames, finished, helped, twoMeanings, stalled, panels, noted };
}

export async function expectAllFit(lang: "en" | "ko", scenario: ScenarioName, script: Script = []) {
  {
    const { frames, finished, helped, twoMeanings, stalled, panels, noted } = await walk(lang, scenario, script);
    expect(twoMeanings.slice(0, 2)).toEqual([]);
    // The wizard never worked longer than its own timeouts allow without the operator.
    expect(stalled.slice(0, 1)).toEqual([]);
    // Each confirmation panel sent Enter, Enter in one chunk said it did not take them.
    expect(noted).toBe(panels);
    if (process.env.FIT_DUMP) (await import("node:fs")).writeFileSync(`/tmp/fit/all-${lang}-${scenario}.json`, JSON.stringify(frames));
    expect(finished, `the walk did not reach the end; its last frames:\n${frames.slice(-3).map(plain).join("\n---\n")}`).toBe(true);
    // The help was seen on every step the walk went through where ? is a key (not a letter typed in a field).
    const withHelp = frames.filter((f) => footerOf(plain(f)).includes(messages(lang).app.keys.help)).map(stepOf);
    expect([...helped].sort()).toEqual([...new Set(withHelp)].filter((s) => s !== "?").sort());
    const tallest = new Map<string, number>();
    for (const frame of frames) tallest.set(stepOf(frame), Math.max(tallest.get(stepOf(frame)) ?? 0, heightOf(frame)));
    console.log(lang, scenario, Object.fromEntries(tallest));
    if (process.env.FIT_DUMP) {
      const fs = await import("node:fs");
      for (const [step, h] of tallest)
        fs.writeFileSync(`/tmp/fit/${lang}-${scenario}-${step.replace(/\W/g, "_")}.txt`, plain(frames.find((f) => stepOf(f) === step && heightOf(f) === h)));
    }
    // The step bar is one line: the blank line under it starts the page.
    const barWraps = frames.map(plain).filter((f) => f.split("\n")[1]?.includes("▸") && f.split("\n")[2]?.trim() !== "");
    expect(barWraps.slice(0, 1)).toEqual([]);
    const over = frames.filter((f) => heightOf(f) >= ROWS || widthOf(f) > COLS);
    expect(over.map((f) => `${heightOf(f)} rows, ${widthOf(f)} cols:\n${plain(f)}`).slice(0, 3)).toEqual([]);
    return frames;
  }
}

// The webhook path of the alerts step (issue 16), with the email or without it: the choices, the plan, the result
// with its test message, and the sign-in test's fire drill asking about each route.
const URL_A = "https://hooks.slack.com/services/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";
export const MASK = "https://hooks.slack.com/…/AAAa";

export function webhookScript(lang: "en" | "ko", withEmail: boolean): Script {
  const a = messages(lang).alerts;
  return [
    { when: a.emailLabel, keys: withEmail ? [..."owner@example.com", KEYS.enter] : [KEYS.enter] },
    { when: a.webhookChoice(undefined).slice(0, 12), keys: ["w"] },
    { when: a.webhookLabel, keys: [URL_A, KEYS.enter] },
    // On with the route chosen, the whole plan approved at its first call, and on from the result (its keys line
    // wraps at 80 columns, so the walk's usual reading of the last line would not find Enter there).
    { when: a.webhookChoice(MASK).slice(0, 30), keys: [KEYS.enter] },
    { when: messages(lang).common.confirmTitle, keys: ["a"] },
    { when: a.webhookTestOffer.slice(0, 20), keys: [KEYS.enter] },
    // With an address: its owner clicks the link in the simulated mailbox; the fire drill asks about the address
    // first, and answered, about the channel.
    ...(withEmail
      ? [
          { when: a.confirmTitle("owner@example.com").slice(0, 12), keys: ["m"] },
          { when: messages(lang).signin.drillEmailAt("owner@example.com").slice(0, 20), keys: ["y"] },
        ]
      : []),
  ];
}
