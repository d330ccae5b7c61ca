// The 80x24 walk, shared by its three test files (en, ko, the webhook path), which vitest runs side by side: one
// file held one worker for four minutes.
// Every screen fits an 80x24 terminal, in English and Korean. A frame as tall as the terminal scrolls the header
// (and the SIMULATED notice) away, and Ink then clears the whole screen on every update (flicker): the test walks
// the whole wizard on the simulated scenarios, records every frame Ink draws, and fails on any taller than 23 rows.
import { EventEmitter } from "node:events";
import { render as inkRender } from "ink";
import stringWidth from "string-width";
import { expect } from "vitest";
import type { ScenarioName } from "../../src/aws/simulated/index.js";
import { App } from "../../src/app.js";
import { Keyboard } from "../../src/screens/keyboard.js";
import { messages } from "../../src/i18n/index.js";
import { KEYS, plain, simulatedWorld, sleep } from "../helpers/ink.js";

const COLS = 80;
const ROWS = 24;
const TIMING = { iamPollMs: 20, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 5000 };

/** ink-testing-library's output, at 80x24 (its own is 100 columns and has no rows). */
class Terminal extends EventEmitter {
  readonly columns = COLS;
  readonly rows = ROWS;
  readonly frames: string[] = [];
  write = (frame: string) => void this.frames.push(frame);
}

class Keys extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  };
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

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
  const t = messages(lang);
  const { account, standIn } = await simulatedWorld(scenario);
  const stdout = new Terminal();
  // Every screen state of the walk gives Enter one meaning at most (keys.ts enterMeanings).
  const twoMeanings: string[] = [];
  Keyboard.onTwoMeaningsOfEnter = (names) => twoMeanings.push(`${names.join(" + ")} on:\n${plain(stdout.frames.at(-1))}`);
  const stdin = new Keys();
  let finished = false;
  const app = inkRender(<App account={account} lang={lang} t={messages(lang)} timing={TIMING} standIn={standIn} onExit={() => (finished = true)} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const last = () => plain(stdout.frames.at(-1));
  /** Waits until the frame stops changing for a while (a spinner keeps changing: then up to the timeout). */
  const settle = async () => {
    let seen = stdout.frames.length;
    for (let quiet = 0, i = 0; quiet < 8 && i < 200; i++) {
      await sleep(15);
      quiet = stdout.frames.length === seen ? quiet + 1 : 0;
      seen = stdout.frames.length;
    }
  };
  // The walk: Enter wherever it continues; a screen seen again (a loop) is left by s (skip), then Esc.
  const visits = new Map<string, number>();
  /** Confirmation panels sent Enter, Enter in one chunk; and those of them that then said it was not taken. */
  let panels = 0;
  let noted = 0;
  const helped = new Set<string>();
  // A bound on the walk, not a budget: a spinner or a timer makes many frames of one screen, each a step here.
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
    // A screen with a countdown (the codes' timer) draws a new frame every second: its numbers do not make it a new screen.
    const seen = frame.replace(/\d+/g, "#");
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
      footer.includes(t.app.keys.continue) || footer.includes(t.app.keys.typeCodes) ? KEYS.enter : undefined,
      footer.includes(t.app.keys.skip) ? "s" : undefined,
      KEYS.esc,
      KEYS.enter,
    ].filter((k): k is string => k !== undefined);
    stdin.write(choices[Math.min(n, choices.length - 1)]!);
  }
  app.unmount();
  Keyboard.onTwoMeaningsOfEnter = undefined;
  return { frames: stdout.frames, finished, helped, twoMeanings, panels, noted };
}

export async function expectAllFit(lang: "en" | "ko", scenario: ScenarioName, script: Script = []) {
  {
    const { frames, finished, helped, twoMeanings, panels, noted } = await walk(lang, scenario, script);
    expect(twoMeanings.slice(0, 2)).toEqual([]);
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
