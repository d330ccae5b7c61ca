// Every screen fits an 80x24 terminal, in English and Korean. A frame as tall as the terminal scrolls the header
// (and the SIMULATED notice) away, and Ink then clears the whole screen on every update (flicker): the test walks
// the whole wizard on the simulated scenarios, records every frame Ink draws, and fails on any taller than 23 rows.
import { EventEmitter } from "node:events";
import { render as inkRender } from "ink";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
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

async function walk(lang: "en" | "ko", scenario: ScenarioName) {
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
  const helped = new Set<string>();
  for (let i = 0; i < 120 && !finished; i++) {
    await settle();
    const frame = last();
    const footer = footerOf(frame);
    const n = visits.get(frame) ?? 0;
    visits.set(frame, n + 1);
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
  return { frames: stdout.frames, finished, helped, twoMeanings };
}

describe.each(["en", "ko"] as const)("every screen fits 80x24 (%s)", (lang) => {
  it.each(["new-account", "clean", "hardened", "root-key"] as const)("%s, with its ? help open too", (scenario) => expectAllFit(lang, scenario), 90_000);
});

async function expectAllFit(lang: "en" | "ko", scenario: ScenarioName) {
  {
    const { frames, finished, helped, twoMeanings } = await walk(lang, scenario);
    expect(twoMeanings.slice(0, 2)).toEqual([]);
    if (process.env.FIT_DUMP) (await import("node:fs")).writeFileSync(`/tmp/fit/all-${lang}-${scenario}.json`, JSON.stringify(frames));
    expect(finished).toBe(true);
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
  }
}
