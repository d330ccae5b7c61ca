// The leak scanner of the secrets end-to-end tests (test/e2e/secrets.test.ts): a run of the built program in a
// real pty with --report, its own working directory, HOME and TMPDIR (startRun), the secrets it handles (TOTP
// seeds read off the screen, codes typed, a console password, secret access keys, a canary in its environment),
// and the searches for them (leaks / expectNoLeak):
//
//   - the raw output written since a secret's step ended (a secret must not be drawn again, or re-emitted at all);
//   - the visible screen, and a scrollback: the raw output replayed onto a VT model that keeps the lines that
//     scroll off its top (vt.ts keeps none), with ESC[3J clearing it as terminals do;
//   - every file under the run's temp folders (working directory, HOME, TMPDIR, the --report folder),
//     the report included — also while the program runs, in case something is written and later deleted;
//   - the program's environment: /proc/<pid>/environ (what it was started with) and process.env as the
//     running program holds it (dumped on SIGUSR2 by a preload; environ never shows later changes).
//
// The credentials the test itself puts in the environment for signing (and a canary) are allowed there, and
// nowhere else. Each kind of search is shown to find a planted or legitimately present secret first (the
// positive controls below, and those in enrol()), so that a green run cannot come from a search that looks in
// the wrong place.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect } from "vitest";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { type PtySession, spawnRootlock } from "./pty.js";
import { decodeQrOnScreen } from "./qr-image.js";
import { VirtualTerminal } from "./vt.js";

export const COLS = 110;
export const ROWS = 52;
export const SEED_ON_SCREEN = /\b([A-Z2-7]{64})\b/;
/**
 * A run of QR half-blocks: the QR code is drawn with them (its quiet-zone rows are ~57 full blocks). The code
 * timer's bar is drawn with █ too, but is 20 cells wide: hence 25.
 */
export const QR_BLOCKS = /[▀▄█]{25}/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- the secrets and their encodings --------------------------------------------------------------------

export type Kind = "seed" | "code" | "password" | "secret access key" | "canary" | "webhook URL";

export interface Secret {
  kind: Kind;
  value: string;
  /** Where it came from, for the failure message. */
  label: string;
  /** Offset in the raw output from which it must not be emitted again (set when its step has ended). */
  endedAt?: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function base32ToHex(seed: string): string {
  let bits = "";
  for (const ch of seed) bits += BASE32.indexOf(ch).toString(2).padStart(5, "0");
  let hex = "";
  for (let i = 0; i + 8 <= bits.length; i += 8)
    hex += Number.parseInt(bits.slice(i, i + 8), 2)
      .toString(16)
      .padStart(2, "0");
  return hex;
}

/** The forms a secret could take in text, each as a pattern with the name of the form. */
function forms(secret: Secret): { form: string; re: RegExp }[] {
  const v = secret.value;
  switch (secret.kind) {
    case "seed":
      return [
        // As-is, lowercase, grouped by 4 with spaces (as authenticator apps show it), dashed, wrapped over lines,
        // and so also inside an otpauth:// URI (Base32 needs no percent-encoding there).
        { form: "the seed (any case, any spacing)", re: new RegExp(v.split("").map(escapeRe).join("[\\s-]*"), "i") },
        // As AWS and moto send it (Base32StringSeed is the Base32 text, base64-encoded), and as the raw key.
        { form: "the seed in base64", re: new RegExp(escapeRe(Buffer.from(v).toString("base64"))) },
        { form: "the seed's key bytes in hex", re: new RegExp(base32ToHex(v), "i") },
      ];
    case "code":
      // Six digits could occur by chance inside longer numbers (account ids, timestamps, request ids), so a
      // code counts only as a whole word: not preceded or followed by a letter or digit. That is how it would
      // appear when shown or written ("Code: 123456", "123 456", "…=123456&"), and the odds of an unrelated
      // six-digit word equal to a given code are one in a million per such word.
      return [{ form: "the code", re: new RegExp(`(?<![0-9A-Za-z])${v.slice(0, 3)}[ -]?${v.slice(3)}(?![0-9A-Za-z])`) }];
    case "password":
      // As-is, and as a form or a URL would carry it (its symbols percent-encoded).
      return [
        { form: "the password", re: new RegExp(escapeRe(v)) },
        ...(encodeURIComponent(v) === v ? [] : [{ form: "the password, URL-encoded", re: new RegExp(escapeRe(encodeURIComponent(v)), "i") }]),
      ];
    case "webhook URL": {
      // Anyone holding the URL can post to the channel; its last path segment is the token that makes it so. As
      // is, URL-encoded, JSON-escaped ("\/"), and the token alone (a URL cut by a wrapped line is still a leak).
      const token = v.split("/").filter(Boolean).at(-1) ?? v;
      return [
        { form: "the webhook URL", re: new RegExp(escapeRe(v)) },
        { form: "the webhook URL, URL-encoded", re: new RegExp(escapeRe(encodeURIComponent(v)), "i") },
        { form: "the webhook URL, JSON-escaped", re: new RegExp(escapeRe(v.replace(/\//g, "\\/"))) },
        { form: "the webhook's token", re: new RegExp(escapeRe(token)) },
      ];
    }
    default:
      return [{ form: secret.kind, re: new RegExp(escapeRe(v)) }];
  }
}

/** What of `secrets` is in `text` (values in `allowed` removed first), as readable findings. */
export function findIn(where: string, text: string, secrets: Secret[], allowed: string[] = []): string[] {
  let t = text;
  for (const a of allowed) t = t.split(a).join("<allowed>");
  const found: string[] = [];
  for (const s of secrets) {
    for (const { form, re } of forms(s)) {
      const m = re.exec(t);
      if (m) {
        const context = t.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
        found.push(`${where}: ${form} of ${s.label} (${s.kind}) …${JSON.stringify(context)}…`);
      }
    }
  }
  return found;
}

// --- what a terminal keeps ------------------------------------------------------------------------------

/** Escape sequences removed, so that a secret split by colour changes is still found. */
export const stripAnsi = (s: string) =>
  s
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, "")
    .replace(/\x1b[P^_X][\s\S]*?\x1b\\/g, "")
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, "")
    .replace(/\x1b[()*+]./g, "")
    .replace(/\x1b./g, "");

/** Screen text with the frame's borders and all white space removed, for a secret wrapped over rows. */
export const squash = (s: string) => s.replace(/[│║╭╮╰╯─\s]/g, "");

interface VtInternals {
  row: number;
  lineFeed(): void;
  eraseDisplay(mode: number): void;
}

/**
 * Replays raw output onto a VT model of the same size that also keeps a scrollback: each line pushed off the
 * top by a line feed is kept, and ESC[3J (which Ink's clearTerminal sends) drops them all, as in xterm.
 * vt.ts has no scrollback, so this wraps two of its private methods; if they are renamed, this throws.
 */
export function replay(raw: string, cols: number, rows: number): { screen: string; scrollback: string[] } {
  const vt = new VirtualTerminal(cols, rows);
  const inner = vt as unknown as VtInternals;
  const scrollback: string[] = [];
  const lineFeed = inner.lineFeed.bind(vt);
  const eraseDisplay = inner.eraseDisplay.bind(vt);
  inner.lineFeed = () => {
    if (inner.row === vt.rows - 1) scrollback.push(vt.lines()[0] ?? "");
    lineFeed();
  };
  inner.eraseDisplay = (mode: number) => {
    // ESC[2J: xterm only blanks the screen, but VTE-based terminals (GNOME Terminal…) first push it into the
    // scrollback; do so too, the stricter of the two. ESC[3J then clears the scrollback.
    if (mode === 2) scrollback.push(...vt.lines().filter((line) => line !== ""));
    if (mode === 3) scrollback.length = 0;
    eraseDisplay(mode);
  };
  vt.write(raw);
  return { screen: vt.screen(), scrollback };
}

// --- the files and the environment --------------------------------------------------------------------

/** Every file under a folder (hidden ones too), as text: UTF-8 and Latin-1 (for anything binary). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((path) => {
      const bytes = readFileSync(path);
      return { path, text: `${bytes.toString("utf8")}\n${bytes.toString("latin1")}` };
    });
}

/** The environment the process was started with (the kernel's copy: later changes do not show here). */
export const procEnviron = (pid: number) => readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").join("\n");

/**
 * A preload that writes process.env, as the running program holds it, to a file on SIGUSR2. Made when the test
 * file imports this module, and removed after that file's tests (afterAll, registered on the file).
 */
const harness = mkdtempSync(join(tmpdir(), "rootlock-secrets-harness-"));
const PRELOAD = join(harness, "env-dump.cjs");
writeFileSync(
  PRELOAD,
  `process.on("SIGUSR2", () => { const f = process.env.ROOTLOCK_TEST_ENV_DUMP; require("node:fs").writeFileSync(f + ".tmp", JSON.stringify(process.env)); require("node:fs").renameSync(f + ".tmp", f); });\n`,
);
afterAll(() => rmSync(harness, { recursive: true, force: true }));

async function liveEnv(pid: number, dumpFile: string): Promise<string> {
  if (existsSync(dumpFile)) unlinkSync(dumpFile);
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 100 && !existsSync(dumpFile); i++) await sleep(20);
  const env = JSON.parse(readFileSync(dumpFile, "utf8")) as Record<string, string>;
  return Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

// --- one run --------------------------------------------------------------------------------------------

export interface Run {
  s: PtySession;
  root: string;
  report: string;
  secrets: Secret[];
  /** In the environment because the test put them there (signing credentials, the canary). */
  allowedInEnv: string[];
  envDump: string;
  /** Stretches of the raw output (offsets) during which an MFA step may show a QR code. */
  qrSteps: { start: number; end?: number }[];
}

export function startRun(args: string[], env: Record<string, string>, size = { cols: COLS, rows: ROWS }): Run {
  const root = mkdtempSync(join(tmpdir(), "rootlock-secrets-"));
  for (const d of ["cwd", "home", "tmp", "out"]) mkdirSync(join(root, d));
  const report = join(root, "out", "report.md");
  const canary = randomBytes(30).toString("base64");
  const envDump = join(harness, `env-${randomBytes(4).toString("hex")}.json`);
  const s = spawnRootlock([...args, "--report", report], {
    ...size,
    cwd: join(root, "cwd"),
    env: {
      ...env,
      HOME: join(root, "home"),
      TMPDIR: join(root, "tmp"),
      ROOTLOCK_TEST_CANARY: canary,
      ROOTLOCK_TEST_ENV_DUMP: envDump,
      NODE_OPTIONS: `--require ${PRELOAD}`,
    },
  });
  // What the test itself put in the environment: allowed there (and only there).
  const allowedInEnv = [canary, env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY].filter((v): v is string => !!v);
  return { s, root, report, secrets: [{ kind: "canary", value: canary, label: "ROOTLOCK_TEST_CANARY" }], allowedInEnv, envDump, qrSteps: [] };
}

/**
 * Every place a secret of the run must not be, now: the raw output since its step ended (secret access keys:
 * all of it), the screen and the scrollback (secrets whose step has ended), every file (any secret, at any
 * time), and, while the program runs, its environment (any secret but what the test put there).
 */
export async function leaks(run: Run, opts: { env: boolean }): Promise<string[]> {
  const { s } = run;
  const raw = s.raw();
  const found: string[] = [];
  const ended = run.secrets.filter((x) => x.endedAt !== undefined || x.kind === "secret access key");
  for (const secret of ended) {
    const since = raw.slice(secret.endedAt ?? 0);
    // Both as written and with escape sequences removed: a code is shown as "\x1b[36m123456", and a secret
    // could be split by a colour change.
    found.push(...findIn(`raw output since its step ended (offset ${secret.endedAt ?? 0})`, since, [secret]));
    found.push(...findIn("raw output since its step ended, escapes removed", stripAnsi(since), [secret]));
  }
  // QR codes: drawn only while their step is on screen. Outside those stretches of the output, none.
  const outside = run.qrSteps.reduce<{ text: string; from: number }>((acc, w) => ({ text: acc.text + raw.slice(acc.from, w.start), from: w.end ?? raw.length }), {
    text: "",
    from: 0,
  });
  const afterQrSteps = stripAnsi(outside.text + raw.slice(outside.from));
  if (QR_BLOCKS.test(afterQrSteps)) found.push("raw output outside the MFA steps: a QR code is drawn");
  if (/otpauth:/i.test(afterQrSteps)) found.push("raw output outside the MFA steps: an otpauth URI");

  const screen = s.screen();
  const { screen: replayed, scrollback } = replay(raw, s.terminal.cols, s.terminal.rows);
  // The replay must be the terminal the test drove, or its scrollback would say nothing about it.
  expect(replayed).toBe(screen);
  for (const [where, text, secrets] of [
    ["screen", screen, ended],
    ["scrollback", scrollback.join("\n"), ended],
    // A seed wrapped over rows or split by the frame's border; not codes: squashed text makes no words.
    ["screen, white space removed", squash(screen), ended.filter((x) => x.kind !== "code")],
    ["scrollback, white space removed", squash(scrollback.join("\n")), ended.filter((x) => x.kind !== "code")],
  ] as const) {
    found.push(...findIn(where, text, secrets));
  }
  if (ended.some((x) => x.kind === "seed")) {
    if (QR_BLOCKS.test(screen)) found.push(`screen: a QR code is still shown (${decodeQrOnScreen(s.terminal, screen) ?? "undecoded"})`);
    if (QR_BLOCKS.test(scrollback.join("\n"))) found.push("scrollback: a QR code is kept");
  }

  // Files: never any secret, at any time, ended or not.
  for (const f of filesUnder(run.root)) {
    // The demo's saved simulated account (src/aws/simulated/saved.ts) keeps the TOTP seeds of its devices, the one
    // the trainee enrolled included: they are training values of the simulated account (no real AWS account's),
    // and the demo must keep accepting their codes on the next run. The file must be the user's alone; it is the
    // one file allowed to hold them (it holds no code, password or key: searched for those still).
    if (isDemoState(f.path)) {
      if ((statSync(f.path).mode & 0o777) !== 0o600) found.push(`file ${f.path}: the demo's saved account is not 0600`);
      found.push(
        ...findIn(
          `file ${f.path}`,
          f.text,
          run.secrets.filter((x) => x.kind !== "seed"),
        ),
      );
      continue;
    }
    // The canary too: it is in the environment only, so finding it in a file means the environment was written out.
    found.push(...findIn(`file ${f.path}`, f.text, run.secrets));
    if (/otpauth:/i.test(f.text)) found.push(`file ${f.path}: an otpauth URI`);
  }

  if (opts.env) {
    const all = run.secrets;
    found.push(...findIn(`/proc/${s.pid}/environ`, procEnviron(s.pid), all, run.allowedInEnv));
    found.push(...findIn("process.env of the running program", await liveEnv(s.pid, run.envDump), all, run.allowedInEnv));
  }
  return found;
}

/** The demo's saved simulated account under the run's HOME (src/aws/simulated/saved.ts). */
const isDemoState = (path: string) => /[/\\]\.local[/\\]state[/\\]rootlock[/\\]demo-[a-z-]+\.json$/.test(path);

export async function expectNoLeak(run: Run, when: string, opts: { env: boolean }) {
  expect(await leaks(run, opts), `secrets found ${when}`).toEqual([]);
}

/** The environment searches find what the test itself put there, once it is no longer allowed. */
export async function environmentControls(run: Run) {
  const planted = run.allowedInEnv.map((value, i): Secret => ({ kind: "canary", value, label: `allowed value #${i}` }));
  const inProc = findIn("environ", procEnviron(run.s.pid), planted);
  const inLive = findIn("process.env", await liveEnv(run.s.pid, run.envDump), planted);
  expect(inProc).toHaveLength(planted.length);
  expect(inLive).toHaveLength(planted.length);
}

/** The file search walks hidden folders and finds a seed written in a disguised form. */
export function fileControl(run: Run, seed: Secret) {
  const dir = join(run.root, "home", ".cache", "deep");
  mkdirSync(dir, { recursive: true });
  const planted = join(dir, "planted.txt");
  writeFileSync(planted, `seed: ${seed.value.toLowerCase().replace(/(.{4})/g, "$1 ")}\n`);
  // The demo's saved account holds its training seeds by design (see leaks()): the control is about the rest.
  const found = filesUnder(run.root)
    .filter((f) => !isDemoState(f.path))
    .flatMap((f) => findIn(f.path, f.text, [seed]));
  rmSync(join(run.root, "home", ".cache"), { recursive: true });
  expect(found).toEqual([expect.stringContaining(planted)]);
}

/** Once the report exists: its text, with a seed added inside an otpauth URI, is caught. */
export function reportControl(run: Run, seed: Secret) {
  const report = readFileSync(run.report, "utf8");
  expect(findIn("report", report, [seed])).toEqual([]);
  expect(findIn("report", `${report}\notpauth://totp/x?secret=${seed.value}`, [seed])).toHaveLength(1);
}

/** The scrollback model keeps what scrolls off and forgets it on ESC[3J; the raw-output search sees a seed drawn. */
export function scrollbackControl(s: PtySession, seed: Secret, rawWithSeed: string) {
  const { cols, rows } = s.terminal;
  expect(findIn("raw", rawWithSeed, [seed]).length).toBeGreaterThan(0);
  // From the bottom row, so that `rows` line feeds push every row off, wherever the program left the cursor (at a text
  // field above the seed, say): the control is about the model keeping what scrolls off, not about the cursor.
  const scrollAll = `\x1b[${rows};1H${"\r\n".repeat(rows)}`;
  const scrolled = replay(`${rawWithSeed}${scrollAll}`, cols, rows);
  expect(findIn("scrollback", squash(scrolled.scrollback.join("\n")), [seed])).toHaveLength(1);
  expect(findIn("screen", squash(scrolled.screen), [seed])).toEqual([]);
  const cleared = replay(`${rawWithSeed}${scrollAll}\x1b[2J\x1b[3J\x1b[H`, cols, rows);
  expect(cleared.scrollback).toEqual([]);
}

/** Waits until what `shown` looks for is off the screen; returns the raw output's length at that very frame. */
export async function leavesScreen(s: PtySession, shown: (screen: string) => boolean, what: string): Promise<number> {
  let at = 0;
  const gone = (screen: string) => {
    if (shown(screen)) return false;
    at = s.raw().length; // waitFor checks on each chunk of output, so this is the chunk that took it off
    return true;
  };
  await s.waitFor(gone, 30_000).catch((error: Error) => {
    throw new Error(`${what} stayed on screen after its step: ${error.message}`);
  });
  return at;
}

/** The text field labelled `label` shows the cursor (TextField draws it as an inverse cell after the text). */
export function hasCursor(s: PtySession, label: string): boolean {
  const start = new RegExp(`^[\\s║│]*${escapeRe(label)}:`); // the console stand-in draws its page in a box
  const row = s.terminal.lines().findIndex((line) => start.test(line));
  if (row < 0) return false;
  for (let col = 0; col < s.terminal.cols; col++) if (s.terminal.cell(row, col).inverse) return true;
  return false;
}

/** Call before the key that leads to a screen with a QR code: from here until enrol() ends, one may be drawn. */
export function qrStepStarts(run: Run) {
  run.qrSteps.push({ start: run.s.raw().length });
}

/**
 * On a screen showing a QR code: reveal the seed with Ctrl-K, check the searches see it (screen, raw output,
 * the QR code itself), type two consecutive codes, and mark the moment the seed and the QR code leave the
 * screen as the end of their step. Returns the seed.
 */
export async function enrol(run: Run, label: string, fieldLabels: [string, string], expectUri: (seed: string) => string): Promise<Secret> {
  const { s } = run;
  const qrStep = run.qrSteps.at(-1);
  expect(qrStep && qrStep.end === undefined, "qrStepStarts() is called before the key that leads to the QR code").toBe(true);
  await s.waitFor((screen) => QR_BLOCKS.test(screen));
  const stepStart = s.raw().length;
  s.write("\u000b"); // Ctrl-K
  // The output as it was at a frame that showed the seed, cut between escape sequences: read later, it can end inside
  // the next frame, after Ink erased the seed's rows; cut inside a sequence (a loaded machine splits the output
  // anywhere), the line feeds the scrollback control adds would be read as that sequence's parameters.
  let rawWithSeed = "";
  const shownSeed = await s.waitFor((screen) => {
    if (!SEED_ON_SCREEN.test(screen) || !s.terminal.atRest()) return false;
    rawWithSeed = s.raw();
    return true;
  });
  const value = SEED_ON_SCREEN.exec(shownSeed)![1]!;
  const seed: Secret = { kind: "seed", value, label };
  run.secrets.push(seed);

  // Positive controls, while the step is on screen: the searches find the seed where it legitimately is.
  expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(expectUri(value));
  expect(findIn("screen", s.screen(), [seed])).toHaveLength(1);
  expect(findIn("raw", s.raw().slice(stepStart), [seed]).length).toBeGreaterThan(0);
  expect(findIn("otpauth URI", expectUri(value), [seed])).toHaveLength(1);
  expect(stripAnsi(s.raw().slice(qrStep!.start))).toMatch(QR_BLOCKS); // what the QR search outside MFA steps looks for
  scrollbackControl(s, seed, rawWithSeed);

  const step = timeStepOf(new Date());
  const codes: Secret[] = [codeAt(value, step - 1), codeAt(value, step)].map((c, i) => ({ kind: "code", value: c, label: `${label}, code ${i + 1}` }));
  run.secrets.push(...codes);
  // Positive controls: each code, as typed, is found on screen (as a word) and in the raw output.
  for (const [i, code] of codes.entries()) {
    // Type into a field only once it has the cursor: keys sent right after Enter can still reach the first.
    await s.waitFor(() => hasCursor(s, fieldLabels[i]!));
    await sleep(30);
    s.write(code.value);
    await s.waitFor((screen) => findIn("screen", screen, [code]).length === 1);
    expect(findIn("raw", stripAnsi(s.raw().slice(stepStart)), [code])).toHaveLength(1);
    await sleep(30);
    if (i === 0) s.press("enter"); // to the second field
  }
  // The step ends when the seed, the codes and the QR code have left the screen: from the byte that takes the
  // last of them off, none may be drawn again.
  s.press("enter");
  const endedAt = await leavesScreen(
    s,
    (screen) => findIn("screen", squash(screen), [seed]).length > 0 || findIn("screen", screen, codes).length > 0 || QR_BLOCKS.test(screen),
    "the seed, a code or the QR code",
  );
  for (const x of [seed, ...codes]) x.endedAt = endedAt;
  qrStep!.end = endedAt;
  return seed;
}
