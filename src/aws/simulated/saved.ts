// The demo remembers: the simulated account of each scenario is kept in a file under the user's state folder, so
// a trainee who stops half-way finds it as they left it on the next `rootlock --demo` (and `rootlock check --demo`
// audits that same account). `--demo --reset` deletes the file and starts the scenario over.
//
// The file holds the simulated account's data, the TOTP seeds of its virtual devices included: the training
// devices the scenario made, and the one the trainee enrolled (their authenticator app has it, and the account
// must keep accepting its codes). They are training values of a training account, never a real AWS account's;
// still, the file is the user's alone (0600, in a 0700 folder), and never written in the repository or the
// working folder. The times in it are absolute (ISO dates), so the account's clock carries on across runs: a
// sign-in's CloudTrail delay, the credential report's 4-hour age and the keys' ages go on from where they were.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { ScenarioName } from "../scenario-names.js";
import type { AccountState } from "./scenarios.js";
import type { SimulatedOptions } from "./state.js";

/** Raised when the shape of AccountState changes: an older file is then set aside and the scenario starts over. */
const FORMAT = 1;

interface SavedFile {
  format: number;
  scenario: ScenarioName;
  savedAt: string;
  state: AccountState;
}

/**
 * The folder for rootlock's state: $XDG_STATE_HOME/rootlock where set (on any platform), else the platform's
 * place for an application's local data: ~/Library/Application Support/rootlock on macOS,
 * %LOCALAPPDATA%\rootlock on Windows, ~/.local/state/rootlock elsewhere (the XDG Base Directory default).
 */
export function stateFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, "rootlock");
  if (platform === "darwin") return join(home, "Library", "Application Support", "rootlock");
  if (platform === "win32") return join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), "rootlock");
  return join(home, ".local", "state", "rootlock");
}

/** One file per scenario: each is its own training account. */
export function demoStateFile(scenario: ScenarioName, folder: string = stateFolder()): string {
  return join(folder, `demo-${scenario}.json`);
}

// Dates survive the round trip as {"$date": ISO}: JSON would turn them into strings the account cannot compare.
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $date: raw.toISOString() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && "$date" in value && typeof value.$date === "string") return new Date(value.$date);
  return value;
}

export function serializeState(scenario: ScenarioName, state: AccountState, now: Date): string {
  const file: SavedFile = { format: FORMAT, scenario, savedAt: now.toISOString(), state };
  return JSON.stringify(file, replacer, 2);
}

/** The account kept in `text`, or undefined when it is not one this version wrote for this scenario. */
export function parseState(text: string, scenario: ScenarioName): AccountState | undefined {
  try {
    const file = JSON.parse(text, reviver) as Partial<SavedFile>;
    return file.format === FORMAT && file.scenario === scenario && file.state ? file.state : undefined;
  } catch {
    return undefined;
  }
}

/** The saved account, or undefined when there is none (or none this version can read: the scenario starts over). */
export function loadSavedState(file: string, scenario: ScenarioName): AccountState | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  return parseState(text, scenario);
}

/** Written whole to a temporary file, then renamed: a run killed mid-write leaves the previous save intact. */
export function saveState(file: string, scenario: ScenarioName, state: AccountState, now: Date): void {
  const folder = join(file, "..");
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeState(scenario, state, now), { mode: 0o600 });
  // The mode given at creation is narrowed by the umask only; a file that existed keeps its own: set it anyway.
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** The saves a key's use has put off (by file): written when the process exits, unless a change wrote them first. */
const putOff = new Map<string, () => void>();
let exitHookAdded = false;

/** Writes the saves put off; on the process's exit (registered below), and for the tests. */
export function savePutOff(): void {
  for (const save of putOff.values()) save();
  putOff.clear();
}

/**
 * On exit, a save that fails (a state folder made read-only meanwhile) is let go: it holds only a key's last-use
 * date, and a stack trace on the way out would be worse. A change's save fails where the change was made.
 */
function savePutOffOnExit(): void {
  try {
    savePutOff();
  } catch {
    // Nothing more to do on the way out.
  }
}

/**
 * The account kept in `file` between runs: the saved one to start from, and the saving of each change. A change of
 * the account's data (a write, a console action, a report) is written at once, so that a run stopped any way finds
 * it. A call's use of its key (its last-use date: every call, reads included) is kept in memory and written with
 * the next change, or when the process exits: a run of reads (the preflight, `check --demo`: a dozen calls in
 * parallel) then writes the file once, not once per call, on the way to the first screen.
 */
export function keptBetweenRuns(file: string, scenario: ScenarioName): Pick<SimulatedOptions, "saved" | "onChange"> {
  return {
    saved: loadSavedState(file, scenario),
    onChange: (state, what) => {
      const save = () => saveState(file, scenario, state, new Date());
      if (what === "key-use") {
        if (!exitHookAdded) process.once("exit", savePutOffOnExit);
        exitHookAdded = true;
        putOff.set(file, save);
        return;
      }
      putOff.delete(file);
      save();
    },
  };
}

export function forgetSavedState(file: string): void {
  rmSync(file, { force: true });
}
