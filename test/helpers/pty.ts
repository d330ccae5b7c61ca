// End-to-end harness: run a program in a real pseudo-terminal (@lydell/node-pty) and read its screen through
// the VT model in vt.ts, i.e. what a person would see after all of Ink's repaints.
//
//   const s = spawnRootlock(["--demo"]);
//   await s.waitFor("Preflight");          // wait for the first frame before typing: keys sent earlier
//   s.press("enter");                      // reach a tty that is not yet in raw mode
//   await s.waitFor(/Root access keys/);
//   s.press("ctrl-c");
//   await s.waitForExit();
//
// Sessions still running when a test ends are killed (afterEach below), so a failed waitFor does not leave
// a child behind.
import { spawn, type IPty } from "@lydell/node-pty";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, inject } from "vitest";
import type { BundleBuild } from "../global-setup.js";
import { VirtualTerminal } from "./vt.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BUNDLE = path.join(ROOT, "dist/rootlock.js");

export type Key = "enter" | "esc" | "up" | "down" | "left" | "right" | "tab" | "backspace" | "ctrl-c" | "space";

/** What a terminal sends for each key (xterm, normal cursor-key mode). */
const KEY_BYTES: Record<Key, string> = {
  enter: "\r",
  esc: "\x1b",
  up: "\x1b[A",
  down: "\x1b[B",
  right: "\x1b[C",
  left: "\x1b[D",
  tab: "\t",
  backspace: "\x7f",
  "ctrl-c": "\x03",
  space: " ",
};

export interface PtySession {
  /** The visible screen as plain text: rows joined by \n, trailing spaces and blank rows dropped. */
  screen(): string;
  /** Everything the program has written, escape sequences included. */
  raw(): string;
  /** The screen model itself, for cell-level checks (colours, wide characters, cursor). */
  readonly terminal: VirtualTerminal;
  readonly pid: number;
  write(s: string): void;
  press(key: Key): void;
  /** Resolve with the screen once it contains the text (or matches the pattern); reject on timeout or exit. */
  waitFor(textOrRegex: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  waitForExit(timeoutMs?: number): Promise<{ exitCode: number; signal?: number }>;
  resize(cols: number, rows: number): void;
  kill(): void;
}

export interface SpawnOptions {
  cols?: number;
  rows?: number;
  /** Added to the cleaned environment; a key set to undefined removes it. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

// Removed from the child's environment so that the program behaves as it would for a person at a terminal,
// the same on every machine:
//  - CI, CONTINUOUS_INTEGRATION: Ink (is-in-ci) would draw nothing until exit.
//  - AWS_*: no credentials, profile or endpoint leaks in from the developer's shell (see also AWS_FILES).
//  - VITEST*, NODE_ENV: set by the test runner, not by a person.
//  - TERM_PROGRAM*, KITTY_WINDOW_ID: make Ink query the kitty keyboard protocol and wait for an answer.
//  - COLORTERM, FORCE_COLOR, NO_COLOR: colour depth then follows TERM alone (xterm-256color: 256 colours).
//  - LC_ALL, LC_MESSAGES, LANGUAGE: the language comes from LANG, set below (pass LANG to test Korean).
//  - XDG_STATE_HOME: where the demo keeps its simulated account between runs. Unless the test gives HOME or
//    XDG_STATE_HOME itself, each program gets a fresh one (below), so no run finds another's account (or the
//    developer's).
const DROP =
  /^(CI|CONTINUOUS_INTEGRATION|XDG_STATE_HOME|AWS_.*|VITEST.*|NODE_ENV|TERM_PROGRAM.*|KITTY_WINDOW_ID|COLORTERM|FORCE_COLOR|NO_COLOR|LC_ALL|LC_MESSAGES|LANGUAGE)$/;

// The AWS SDK also reads ~/.aws: point it at files that do not exist, and skip the EC2 metadata endpoint
// (a slow timeout off EC2), so an e2e test can never pick up a developer's real account.
const noAwsFile = path.join(os.tmpdir(), "rootlock-e2e-no-aws-config");
const AWS_FILES = {
  AWS_CONFIG_FILE: noAwsFile,
  AWS_SHARED_CREDENTIALS_FILE: noAwsFile,
  AWS_EC2_METADATA_DISABLED: "true",
};

const fold = (text: string) => text.replace(/[│║]/g, " ").replace(/\s+/g, " ");

export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !DROP.test(k)) env[k] = v;
  Object.assign(env, AWS_FILES, { TERM: "xterm-256color", LANG: "en_US.UTF-8" });
  if (!("HOME" in extra) && !("XDG_STATE_HOME" in extra)) env.XDG_STATE_HOME = mkdtempSync(path.join(os.tmpdir(), "rootlock-e2e-state-"));
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

const live = new Set<PtySession>();
try {
  afterEach(() => {
    for (const s of live) s.kill();
  });
} catch {
  // imported outside a vitest test file (e.g. a benchmark): the caller kills its sessions
}

/** Run `node dist/rootlock.js ...args` in a pty. The e2e project's globalSetup has just built the bundle. */
export function spawnRootlock(args: string[], opts: SpawnOptions = {}): PtySession {
  requireBundle();
  return spawnNode(BUNDLE, args, opts);
}

/** Throws, naming the reason, when there is no bundle to run. */
function requireBundle(): void {
  let build: BundleBuild | undefined;
  try {
    build = inject("rootlockBundle");
  } catch {
    build = undefined; // outside vitest's e2e project: use whatever bundle is there
  }
  if (build && !build.ok) throw new Error(`no bundle to run: ${build.error ?? "build failed"}`);
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
}

/**
 * Run `node dist/rootlock.js ...args` from a shell in the pty; once it has ended, the shell prints its exit
 * status as `EXIT=<n>` and then the terminal's settings (`stty -a`), i.e. the terminal as the next program
 * would find it. The session itself ends with the shell. Read both with `shellAfterRootlock()`.
 */
export function spawnRootlockInShell(args: string[], opts: SpawnOptions = {}): PtySession {
  requireBundle();
  // The arguments are passed as the shell's positional parameters, never spliced into the script: no quoting.
  // The short sleep keeps the pty open until stty's words are read: a pty closed at once can drop its last chunk
  // (seen here: an empty stty under load).
  const script = 'node="$1"; bundle="$2"; shift 2; "$node" "$bundle" "$@"; echo "EXIT=$?"; stty -a; sleep 0.2';
  return spawnPty("/bin/sh", ["-c", script, "sh", process.execPath, BUNDLE, ...args], opts);
}

export interface AfterRootlock {
  /** rootlock's exit status, as the shell saw it. */
  exitCode: number;
  /** Everything rootlock wrote, escape sequences included (what came before `EXIT=`). */
  output: string;
  /** `stty -a`'s settings, one word each: "icanon" when on, "-icanon" when off. */
  stty: Set<string>;
}

/** Splits what a `spawnRootlockInShell` session wrote into rootlock's part, its exit status and stty's words. */
export function shellAfterRootlock(raw: string): AfterRootlock {
  const at = raw.lastIndexOf("EXIT=");
  const status = at < 0 ? null : /^EXIT=(\d+)\r?\n/.exec(raw.slice(at));
  if (!status) throw new Error(`the shell printed no exit status; output:\n${raw}`);
  const settings = raw.slice(at + status[0].length);
  return { exitCode: Number(status[1]), output: raw.slice(0, at), stty: new Set(settings.split(/[\s;]+/).filter(Boolean)) };
}

/** Run a Node script in a pty (what spawnRootlock does with the bundle; also used to test the harness). */
export function spawnNode(script: string, args: string[] = [], opts: SpawnOptions = {}): PtySession {
  return spawnPty(process.execPath, [script, ...args], opts);
}

/** Run any program in a pty, with the cleaned environment. */
export function spawnPty(file: string, args: string[], opts: SpawnOptions = {}): PtySession {
  const cols = opts.cols ?? 100;
  const rows = opts.rows ?? 40;
  const terminal = new VirtualTerminal(cols, rows);
  const child: IPty = spawn(file, args, {
    name: "xterm-256color",
    cols,
    rows,
    // A folder of its own unless the test names one: a run writes its evidence report where it was started, never
    // into the repository.
    cwd: opts.cwd ?? mkdtempSync(path.join(os.tmpdir(), "rootlock-e2e-cwd-")),
    env: childEnv(opts.env),
  });

  let received = "";
  let exit: { exitCode: number; signal?: number } | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  child.onData((data) => {
    received += data;
    terminal.write(data);
    notify();
  });
  child.onExit((e) => {
    exit = e.signal ? { exitCode: e.exitCode, signal: e.signal } : { exitCode: e.exitCode };
    session.kill = () => {};
    live.delete(session);
    notify();
  });

  /** Resolve when check() returns a value; reject when the time is up or the program has exited. */
  function until<T>(what: string, check: () => T | undefined, timeoutMs: number, rejectOnExit: boolean): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        listeners.delete(onChange);
        fn();
      };
      const onChange = () => {
        const value = check();
        if (value !== undefined) done(() => resolve(value));
        else if (exit && rejectOnExit) {
          const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.exitCode}`;
          done(() => reject(new Error(`program exited (${how}) before ${what}. Screen:\n${terminal.screen()}`)));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}. Screen:\n${terminal.screen()}`))), timeoutMs);
      listeners.add(onChange);
      onChange();
    });
  }

  const session: PtySession = {
    terminal,
    pid: child.pid,
    screen: () => terminal.screen(),
    raw: () => received,
    write: (s) => child.write(s),
    press: (key) => child.write(KEY_BYTES[key]),
    waitFor(textOrRegex, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const matches = (screen: string) =>
        // Text is compared with white space folded, so a sentence wrapped onto two rows still matches.
        typeof textOrRegex === "string" ? fold(screen).includes(fold(textOrRegex)) : textOrRegex instanceof RegExp ? textOrRegex.test(screen) : textOrRegex(screen);
      return until(
        JSON.stringify(String(textOrRegex)),
        () => {
          const screen = terminal.screen();
          return matches(screen) ? screen : undefined;
        },
        timeoutMs,
        true,
      );
    },
    waitForExit(timeoutMs = DEFAULT_TIMEOUT_MS) {
      return until("exit", () => exit, timeoutMs, false);
    },
    resize(c, r) {
      child.resize(c, r);
      terminal.resize(c, r);
    },
    kill() {
      live.delete(session);
      child.kill(); // SIGHUP, as when a terminal window closes
    },
  };
  live.add(session);
  return session;
}
