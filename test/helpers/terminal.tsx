// A screen rendered by Ink itself into a terminal of a chosen size (ink-testing-library's output is 100 columns
// and has no rows): every frame Ink draws is kept whole (debug mode), so a test reads what an 80x24 terminal shows.
import { EventEmitter } from "node:events";
import { render as inkRender } from "ink";
import type { ReactElement } from "react";
import { KeyboardProvider } from "../../src/screens/keyboard.js";
import { fold, plain, sleep } from "./ink.js";

/** The output: a terminal of `columns` x `rows` that keeps every frame written to it. */
export class Terminal extends EventEmitter {
  readonly frames: string[] = [];
  constructor(
    readonly columns = 80,
    readonly rows = 24,
  ) {
    super();
  }
  write = (frame: string) => void this.frames.push(frame);
}

/** The input: a TTY that hands Ink one chunk at a time. */
export class Keys extends EventEmitter {
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

/** Ink's options for these: every frame whole (debug), Ctrl-C left to the screen, the console untouched. */
export function inkOptions(stdout: Terminal, stdin: Keys) {
  return {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  };
}

/** Renders `element` (inside the keyboard provider) into a terminal of this size. */
export function renderInTerminal(element: ReactElement, columns = 80, rows = 24) {
  const stdout = new Terminal(columns, rows);
  const stdin = new Keys();
  const app = inkRender(<KeyboardProvider>{element}</KeyboardProvider>, inkOptions(stdout, stdin));
  const frame = () => plain(stdout.frames.at(-1));
  /** Waits until the frame shows the text (white space folded: a sentence Ink wrapped still matches). */
  async function waitFor(text: string, timeoutMs = 8000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const f = frame();
      if (fold(f).includes(fold(text))) {
        await sleep(15);
        return frame();
      }
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${text}; last frame:\n${f}`);
      await sleep(10);
    }
  }
  async function press(key: string) {
    stdin.write(key);
    await sleep(15);
  }
  return { app, frames: stdout.frames, frame, waitFor, press };
}
