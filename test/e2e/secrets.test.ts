// Where the secrets of a run go, and where they must not: every wizard path (live against moto as the admin
// user and as root, a dry run against moto, the simulated account, and a terminal too short for a page) driven
// in a real pty with --report, its own working directory, HOME and TMPDIR, collecting every secret the run
// handles — the TOTP seeds read off the screen (Ctrl-K), the codes typed, the console password of an admin
// user rootlock creates, the secret access keys the test created — and then, after each step that handled one
// has ended and again at the end of the run, searching:
//
//   - the raw output written since the step ended (a secret must not be drawn again, or re-emitted at all);
//   - the visible screen, and a scrollback: the raw output replayed onto a VT model that keeps the lines that
//     scroll off its top (vt.ts keeps none), with ESC[3J clearing it as terminals do;
//   - every file under the run's temp folders (working directory, HOME, TMPDIR, the --report folder),
//     the report included — also while the program runs, in case something is written and later deleted;
//   - the program's environment: /proc/<pid>/environ (what it was started with) and process.env as the
//     running program holds it (dumped on SIGUSR2 by a preload; environ never shows later changes).
//
// The credentials the test itself puts in the environment for signing (and a canary) are allowed there, and
// nowhere else. Each kind of search is shown to find a planted or legitimately present secret first (positive
// controls), so that a green run cannot come from a search that looks in the wrong place.
import {
  CreateVirtualMFADeviceCommand,
  DeleteAccessKeyCommand,
  DetachUserPolicyCommand,
  EnableMFADeviceCommand,
  type IAMClient,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { en as t } from "../../src/i18n/en.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { type Key, liveWorld, SETUP, setupClient } from "../helpers/live-world.js";
import { type PtySession, spawnRootlock } from "../helpers/pty.js";
import { decodeQrOnScreen } from "../helpers/qr-image.js";
import { VirtualTerminal } from "../helpers/vt.js";

const COLS = 110;
const ROWS = 52;
const SEED_ON_SCREEN = /\b([A-Z2-7]{64})\b/;
/**
 * A run of QR half-blocks: the QR code is drawn with them (its quiet-zone rows are ~57 full blocks). The code
 * timer's bar is drawn with █ too, but is 20 cells wide: hence 25.
 */
const QR_BLOCKS = /[▀▄█]{25}/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- the secrets and their encodings --------------------------------------------------------------------

type Kind = "seed" | "code" | "password" | "secret access key" | "canary";

interface Secret {
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
  for (let i = 0; i + 8 <= bits.length; i += 8) hex += Number.parseInt(bits.slice(i, i + 8), 2).toString(16).padStart(2, "0");
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
    default:
      return [{ form: secret.kind, re: new RegExp(escapeRe(v)) }];
  }
}

/** What of `secrets` is in `text` (values in `allowed` removed first), as readable findings. */
function findIn(where: string, text: string, secrets: Secret[], allowed: string[] = []): string[] {
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
const stripAnsi = (s: string) =>
  s
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, "")
    .replace(/\x1b[P^_X][\s\S]*?\x1b\\/g, "")
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, "")
    .replace(/\x1b[()*+]./g, "")
    .replace(/\x1b./g, "");

/** Screen text with the frame's borders and all white space removed, for a secret wrapped over rows. */
const squash = (s: string) => s.replace(/[│║╭╮╰╯─\s]/g, "");

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
function replay(raw: string, cols: number, rows: number): { screen: string; scrollback: string[] } {
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
function filesUnder(dir: string): { path: string; text: string }[] {
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
const procEnviron = (pid: number) => readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").join("\n");

/** A preload that writes process.env, as the running program holds it, to a file on SIGUSR2. */
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

interface Run {
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

function startRun(args: string[], env: Record<string, string>, size = { cols: COLS, rows: ROWS }): Run {
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
async function leaks(run: Run, opts: { env: boolean }): Promise<string[]> {
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
  const outside = run.qrSteps
    .reduce<{ text: string; from: number }>((acc, w) => ({ text: acc.text + raw.slice(acc.from, w.start), from: w.end ?? raw.length }), { text: "", from: 0 });
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

async function expectNoLeak(run: Run, when: string, opts: { env: boolean }) {
  expect(await leaks(run, opts), `secrets found ${when}`).toEqual([]);
}

/** The environment searches find what the test itself put there, once it is no longer allowed. */
async function environmentControls(run: Run) {
  const planted = run.allowedInEnv.map((value, i): Secret => ({ kind: "canary", value, label: `allowed value #${i}` }));
  const inProc = findIn("environ", procEnviron(run.s.pid), planted);
  const inLive = findIn("process.env", await liveEnv(run.s.pid, run.envDump), planted);
  expect(inProc).toHaveLength(planted.length);
  expect(inLive).toHaveLength(planted.length);
}

/** The file search walks hidden folders and finds a seed written in a disguised form. */
function fileControl(run: Run, seed: Secret) {
  const dir = join(run.root, "home", ".cache", "deep");
  mkdirSync(dir, { recursive: true });
  const planted = join(dir, "planted.txt");
  writeFileSync(planted, `seed: ${seed.value.toLowerCase().replace(/(.{4})/g, "$1 ")}\n`);
  const found = filesUnder(run.root).flatMap((f) => findIn(f.path, f.text, [seed]));
  rmSync(join(run.root, "home", ".cache"), { recursive: true });
  expect(found).toEqual([expect.stringContaining(planted)]);
}

/** Once the report exists: its text, with a seed added inside an otpauth URI, is caught. */
function reportControl(run: Run, seed: Secret) {
  const report = readFileSync(run.report, "utf8");
  expect(findIn("report", report, [seed])).toEqual([]);
  expect(findIn("report", `${report}\notpauth://totp/x?secret=${seed.value}`, [seed])).toHaveLength(1);
}

/** The scrollback model keeps what scrolls off and forgets it on ESC[3J; the raw-output search sees a seed drawn. */
function scrollbackControl(s: PtySession, seed: Secret) {
  const { cols, rows } = s.terminal;
  const rawWithSeed = s.raw();
  expect(findIn("raw", rawWithSeed, [seed]).length).toBeGreaterThan(0);
  const scrolled = replay(`${rawWithSeed}${"\r\n".repeat(rows)}`, cols, rows);
  expect(findIn("scrollback", squash(scrolled.scrollback.join("\n")), [seed])).toHaveLength(1);
  expect(findIn("screen", squash(scrolled.screen), [seed])).toEqual([]);
  const cleared = replay(`${rawWithSeed}${"\r\n".repeat(rows)}\x1b[2J\x1b[3J\x1b[H`, cols, rows);
  expect(cleared.scrollback).toEqual([]);
}

/** Waits until what `shown` looks for is off the screen; returns the raw output's length at that very frame. */
async function leavesScreen(s: PtySession, shown: (screen: string) => boolean, what: string): Promise<number> {
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
function hasCursor(s: PtySession, label: string): boolean {
  const start = new RegExp(`^[\\s║│]*${escapeRe(label)}:`); // the console stand-in draws its page in a box
  const row = s.terminal.lines().findIndex((line) => start.test(line));
  if (row < 0) return false;
  for (let col = 0; col < s.terminal.cols; col++) if (s.terminal.cell(row, col).inverse) return true;
  return false;
}

/** Call before the key that leads to a screen with a QR code: from here until enrol() ends, one may be drawn. */
function qrStepStarts(run: Run) {
  run.qrSteps.push({ start: run.s.raw().length });
}

async function next(s: PtySession, text: string | RegExp) {
  await s.waitFor(text, 30_000);
  await sleep(30);
}

async function typeLine(s: PtySession, text: string) {
  s.write(text);
  await sleep(50);
  s.press("enter");
  await sleep(50);
}

/**
 * On a screen showing a QR code: reveal the seed with Ctrl-K, check the searches see it (screen, raw output,
 * the QR code itself), type two consecutive codes, and mark the moment the seed and the QR code leave the
 * screen as the end of their step. Returns the seed.
 */
async function enrol(run: Run, label: string, fieldLabels: [string, string], expectUri: (seed: string) => string): Promise<Secret> {
  const { s } = run;
  const qrStep = run.qrSteps.at(-1);
  expect(qrStep && qrStep.end === undefined, "qrStepStarts() is called before the key that leads to the QR code").toBe(true);
  await s.waitFor((screen) => QR_BLOCKS.test(screen));
  const stepStart = s.raw().length;
  s.write("\u000b"); // Ctrl-K
  const value = SEED_ON_SCREEN.exec(await s.waitFor(SEED_ON_SCREEN))![1]!;
  const seed: Secret = { kind: "seed", value, label };
  run.secrets.push(seed);

  // Positive controls, while the step is on screen: the searches find the seed where it legitimately is.
  expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(expectUri(value));
  expect(findIn("screen", s.screen(), [seed])).toHaveLength(1);
  expect(findIn("raw", s.raw().slice(stepStart), [seed]).length).toBeGreaterThan(0);
  expect(findIn("otpauth URI", expectUri(value), [seed])).toHaveLength(1);
  expect(stripAnsi(s.raw().slice(qrStep!.start))).toMatch(QR_BLOCKS); // what the QR search outside MFA steps looks for
  scrollbackControl(s, seed);

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

// --- the three paths ------------------------------------------------------------------------------------

const available = requireMoto("the secrets end-to-end tests (live and dry run)");
const uriFor = (user: string) => (seed: string) =>
  `otpauth://totp/Amazon%20Web%20Services:${user}%40123456789012?secret=${seed}&issuer=Amazon%20Web%20Services`;

describe.runIf(available)("secrets of a run against moto", () => {
  let moto: MotoServer;
  let iam: IAMClient;
  let rootKeys: Key[];
  let adminKey: Key;

  // A moto of its own for each run, with fresh users and keys.
  beforeEach(async () => {
    moto = await startMoto();
    iam = setupClient(moto);
    ({ rootKeys, adminKey } = await liveWorld(iam));
  }, 60_000);

  const keySecrets = (): Secret[] => [
    ...rootKeys.map((k, i): Secret => ({ kind: "secret access key", value: k.secretAccessKey, label: `root-standin key ${i + 1}` })),
    { kind: "secret access key", value: adminKey.secretAccessKey, label: "ops-admin's key (signs the run)" },
    { kind: "secret access key", value: SETUP.secretAccessKey, label: "the test's setup key" },
  ];

  const liveRun = (args: string[]) => {
    const run = startRun(args, {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: adminKey.accessKeyId,
      AWS_SECRET_ACCESS_KEY: adminKey.secretAccessKey,
    });
    run.secrets.push(...keySecrets());
    return run;
  };

  /** The operator, in the console: root's keys deactivated and deleted, a virtual MFA device on root. */
  async function rootKeysDeletedInConsole() {
    for (const k of rootKeys) {
      await iam.send(new UpdateAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId, Status: "Inactive" }));
      await iam.send(new DeleteAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId }));
    }
  }
  async function rootAssignsMfaInConsole(run: Run) {
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "root-phone" }))).VirtualMFADevice!;
    const secret = new TextDecoder().decode(device.Base32StringSeed);
    const step = timeStepOf(new Date());
    const codes = [codeAt(secret, step - 1), codeAt(secret, step)];
    // Root's seed and codes never reach rootlock; they must not turn up anywhere either.
    run.secrets.push({ kind: "seed", value: secret, label: "root's device (set by the test)", endedAt: 0 });
    run.secrets.push(...codes.map((c, i): Secret => ({ kind: "code", value: c, label: `root's code ${i + 1}`, endedAt: 0 })));
    await iam.send(new EnableMFADeviceCommand({ UserName: "root-standin", SerialNumber: device.SerialNumber, AuthenticationCode1: codes[0], AuthenticationCode2: codes[1] }));
  }
  async function rootSignsIn() {
    await moto.postEvents([
      {
        eventID: crypto.randomUUID(),
        eventTime: new Date(Date.now() + 2000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        eventSource: "signin.amazonaws.com",
        eventName: "ConsoleLogin",
        userIdentity: { type: "Root", arn: "arn:aws:iam::123456789012:root" },
        responseElements: { ConsoleLogin: "Success" },
        additionalEventData: { MFAUsed: "Yes", MFAIdentifier: "arn:aws:iam::123456789012:mfa/root-phone" },
      },
    ]);
  }

  let current: Run | undefined;
  afterEach(async () => {
    if (current) rmSync(current.root, { recursive: true, force: true });
    current = undefined;
    await moto?.stop();
  });

  it("live: the admin's MFA seed, its codes and every secret key stay out of the terminal, the files and the environment", async () => {
    const run = (current = liveRun([]));
    const { s } = run;
    await next(s, t.preflight.plan);
    await s.waitFor("LIVE");
    await environmentControls(run);
    await expectNoLeak(run, "at the start", { env: true });
    s.press("enter");

    await next(s, t.rootKeys.consoleIntro);
    await rootKeysDeletedInConsole();
    s.press("enter");
    await next(s, t.rootKeys.verified);
    s.press("enter");

    await next(s, t.rootMfa.consoleOnly);
    s.press("enter");
    await next(s, t.rootMfa.consoleSteps[0]!);
    await rootAssignsMfaInConsole(run);
    s.press("enter");
    await next(s, t.rootMfa.verified);
    s.press("enter");

    await next(s, "iam:CreateVirtualMFADevice");
    s.press("enter");
    await next(s, t.common.confirmKeys);
    qrStepStarts(run);
    s.press("enter");
    await next(s, t.userMfa.showSecret);
    const seed = await enrol(run, "ops-admin's device", [t.userMfa.code1, t.userMfa.code2], uriFor("ops-admin"));
    await expectNoLeak(run, "as soon as the MFA codes were sent", { env: true });
    await next(s, t.userMfa.verified("ops-admin"));
    await expectNoLeak(run, "once the MFA step shows its result", { env: true });
    s.press("enter");

    // moto starts with no password policy: CIS's is applied and read back; ops-admin is an administrator already.
    await next(s, t.passwordPolicy.noneDefaults);
    await expectNoLeak(run, "on the next step", { env: true });
    s.press("enter");
    await next(s, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14");
    s.press("enter");
    await next(s, t.passwordPolicy.verified);
    s.press("enter");
    await next(s, t.adminIdentity.holder("user", "ops-admin"));
    s.press("enter");

    await next(s, t.alerts.introKeys); // the optional alerts step: no secret in it, skipped here
    s.write("s");
    await next(s, t.signin.start);
    await rootSignsIn();
    s.press("enter");
    await next(s, t.signin.verified);
    s.press("enter");

    await next(s, t.summary.allTakenVerified(t.steps["root-alerts"]));
    await expectNoLeak(run, "on the summary", { env: true });
    fileControl(run, seed);
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
    await s.waitFor("Evidence report:");
    await expectReport(run, { mode: "live", changes: ["iam:CreateVirtualMFADevice sent", "iam:EnableMFADevice sent"] });
    reportControl(run, seed);
    await expectNoLeak(run, "after the run", { env: false });
  }, 60_000);

  it("live, as root: the new admin's password, its MFA seed and codes, and root's keys stay out of everything", async () => {
    // With no administrator but root, rootlock makes one (alice): a generated console password, shown once,
    // then her MFA device. The run signs with root's first key and ends by deleting it.
    await iam.send(new DetachUserPolicyCommand({ UserName: "ops-admin", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }));
    const signing = rootKeys[0]!;
    const run = (current = startRun([], {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: signing.accessKeyId,
      AWS_SECRET_ACCESS_KEY: signing.secretAccessKey,
    }));
    run.secrets.push(...keySecrets());
    const { s } = run;
    await next(s, t.preflight.planRoot);
    await environmentControls(run);
    s.press("enter");

    await next(s, t.rootMfa.consoleOnly);
    s.press("enter");
    await next(s, t.rootMfa.consoleSteps[0]!);
    await rootAssignsMfaInConsole(run);
    s.press("enter");
    await next(s, t.rootMfa.verified);
    s.press("enter");

    await next(s, t.passwordPolicy.noneDefaults);
    s.press("enter");
    await next(s, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14");
    s.press("enter");
    await next(s, t.passwordPolicy.verified);
    s.press("enter");

    // The admin identity: five confirmed calls, then the password, shown this once.
    await next(s, t.adminIdentity.none);
    s.press("enter");
    await next(s, t.adminIdentity.nameLabel);
    await typeLine(s, "alice");
    for (let i = 1; i <= 5; i++) {
      await next(s, `${i}/5`);
      await next(s, t.common.confirmKeys);
      await expectNoLeak(run, `before the admin identity's call ${i}/5`, { env: false });
      s.press("enter");
    }
    const passwordStart = s.raw().length;
    const shown = await s.waitFor(t.adminIdentity.passwordTitle("alice"), 30_000);
    const password: Secret = { kind: "password", value: /│\s*(\S{24})\s*│/.exec(shown)![1]!, label: "alice's console password" };
    run.secrets.push(password);
    // Positive controls: the password is where it legitimately is, on screen and in the output since shown.
    expect(findIn("screen", s.screen(), [password])).toHaveLength(1);
    expect(findIn("raw", s.raw().slice(passwordStart), [password])).toHaveLength(1);
    await expectNoLeak(run, "while the password is shown (files, environment)", { env: true });
    await sleep(30);
    s.press("enter");
    password.endedAt = await leavesScreen(s, (screen) => findIn("screen", screen, [password]).length > 0, "the password");
    await expectNoLeak(run, "once the password has left the screen", { env: true });

    // Her MFA device, the same screen as the operator's own.
    await next(s, "iam:CreateVirtualMFADevice(VirtualMFADeviceName=alice)");
    s.press("enter");
    await next(s, t.common.confirmKeys);
    qrStepStarts(run);
    s.press("enter");
    await next(s, t.userMfa.showSecret);
    const seed = await enrol(run, "alice's device", [t.userMfa.code1, t.userMfa.code2], uriFor("alice"));
    await expectNoLeak(run, "as soon as alice's MFA codes were sent", { env: true });
    await next(s, t.userMfa.verified("alice"));
    s.press("enter");
    await next(s, t.adminIdentity.switchFromRoot("alice"));
    await expectNoLeak(run, "once the admin identity is verified", { env: true });
    s.press("enter");

    await next(s, t.alerts.introKeys); // the optional alerts step: no secret in it, skipped here
    s.write("s");
    await next(s, t.signin.start);
    await rootSignsIn();
    s.press("enter");
    await next(s, t.signin.verified);
    s.press("enter");

    // Root's keys by API: the other key first, then the signing key, whose rejection is the proof.
    await next(s, t.rootKeys.apiIntro);
    s.press("enter");
    await next(s, `iam:UpdateAccessKey(AccessKeyId=${rootKeys[1]!.accessKeyId}, Status=Inactive)`);
    s.press("enter");
    await next(s, `iam:DeleteAccessKey(AccessKeyId=${rootKeys[1]!.accessKeyId})`);
    s.press("enter");
    await next(s, t.rootKeys.signingWarning);
    await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" });
    s.press("enter");
    await next(s, t.common.confirmAgain);
    s.press("enter");
    await next(s, t.rootKeys.verified);
    await s.waitFor("InvalidClientTokenId");
    s.press("enter");

    await next(s, t.summary.allTakenVerified(t.steps["root-alerts"]));
    await expectNoLeak(run, "on the summary", { env: true });
    fileControl(run, seed);
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
    await s.waitFor("Evidence report:");
    await expectReport(run, { mode: "live", changes: ["iam:CreateLoginProfile sent", "iam:CreateVirtualMFADevice sent", "iam:EnableMFADevice sent"] });
    reportControl(run, seed);
    const report = readFileSync(run.report, "utf8");
    expect(findIn("report", `${report}\n${encodeURIComponent(password.value)}`, [password]).length).toBeGreaterThan(0); // control
    await expectNoLeak(run, "after the run", { env: false });
  }, 60_000);

  it("dry run: no seed exists, and no secret key reaches the terminal, the files or the environment", async () => {
    const run = (current = liveRun(["--dry-run"]));
    const { s } = run;
    await next(s, t.preflight.plan);
    await s.waitFor("DRY RUN");
    await environmentControls(run);
    s.press("enter");

    await next(s, t.rootKeys.consoleIntro);
    await rootKeysDeletedInConsole();
    s.press("enter");
    await next(s, t.rootKeys.verified);
    s.press("enter");

    await next(s, t.rootMfa.consoleOnly);
    s.press("enter");
    await next(s, t.rootMfa.consoleSteps[0]!);
    await rootAssignsMfaInConsole(run);
    s.press("enter");
    await next(s, t.rootMfa.verified);
    s.press("enter");

    await next(s, "iam:CreateVirtualMFADevice");
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    // A dry run creates no device: no QR code, no seed, and both calls shown as not sent.
    await next(s, t.reasons["dry-run"]);
    expect(s.screen()).not.toMatch(QR_BLOCKS);
    expect(s.raw()).not.toMatch(SEED_ON_SCREEN);
    await expectNoLeak(run, "after the MFA step (dry run)", { env: true });
    s.press("enter");

    await next(s, t.passwordPolicy.noneDefaults);
    s.press("enter");
    await next(s, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14");
    s.press("enter");
    await next(s, t.reasons["dry-run"]);
    s.press("enter");
    await next(s, t.adminIdentity.holder("user", "ops-admin"));
    s.press("enter");

    await next(s, t.alerts.introKeys); // the optional alerts step: no secret in it, skipped here
    s.write("s");
    await next(s, t.signin.start);
    await rootSignsIn();
    s.press("enter");
    await next(s, t.signin.verified);
    s.press("enter");

    await next(s, t.summary.title);
    await expectNoLeak(run, "on the summary (dry run)", { env: true });
    s.press("enter");
    await s.waitForExit();
    await s.waitFor("Evidence report:");
    await expectReport(run, { mode: "dry-run", changes: ["iam:CreateVirtualMFADevice not-sent (dry run)"] });
    await expectNoLeak(run, "after the dry run", { env: false });
  }, 60_000);
});

describe("secrets of a run on the simulated account", () => {
  let current: Run | undefined;
  afterEach(() => {
    if (current) rmSync(current.root, { recursive: true, force: true });
    current = undefined;
  });

  it("demo (new-account): both seeds and every code typed stay out of the terminal, the files and the environment", async () => {
    const run = (current = startRun(["--demo", "--scenario", "new-account"], {}));
    const { s } = run;
    await next(s, t.preflight.plan);
    await s.waitFor("SIMULATED");
    await environmentControls(run);
    s.press("enter");

    // Root keys, in the console stand-in.
    await next(s, t.rootKeys.consoleIntro);
    s.write("c");
    await s.waitFor(t.standIn.keys.title);
    const keysPage = await s.waitFor(/AKIA[A-Z0-9]{16}[\s\S]*AKIA[A-Z0-9]{16}/);
    for (const id of [...keysPage.matchAll(/\b(AKIA[A-Z0-9]{16})\b/g)].map((m) => m[1]!)) {
      s.write("d");
      await next(s, new RegExp(`${id} Inactive`));
      s.write("x");
      await next(s, t.standIn.keys.deleteConfirm(id));
      await typeLine(s, id);
      await s.waitFor((screen: string) => !screen.includes(id));
    }
    s.press("esc");
    await next(s, t.rootKeys.consoleIntro);
    s.press("enter");
    await next(s, t.rootKeys.verified);
    s.press("enter");

    // Root MFA: the orphan deleted, then the stand-in's "Assign MFA device" shows root's seed.
    await next(s, t.rootMfa.orphan("arn:aws:iam::123456789012:mfa/root-account-mfa-device").slice(0, 40));
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.rootMfa.openStandIn);
    s.write("c");
    await next(s, t.standIn.mfa.deviceName);
    qrStepStarts(run);
    await typeLine(s, "root-phone");
    await next(s, t.standIn.mfa.showSecret);
    const rootSeed = await enrol(run, "root's device (console stand-in)", [t.standIn.mfa.code1, t.standIn.mfa.code2], uriFor("root-phone"));
    await next(s, t.standIn.mfa.added);
    await expectNoLeak(run, "once root's device is added", { env: true });
    s.press("esc");
    await next(s, t.rootMfa.openStandIn);
    s.press("enter");
    await next(s, t.rootMfa.verified);
    s.press("enter");

    // The admin user's MFA, by API.
    await next(s, "iam:CreateVirtualMFADevice");
    s.press("enter");
    await next(s, t.common.confirmKeys);
    qrStepStarts(run);
    s.press("enter");
    await next(s, t.userMfa.showSecret);
    const userSeed = await enrol(run, "ops-admin's device", [t.userMfa.code1, t.userMfa.code2], uriFor("ops-admin"));
    await expectNoLeak(run, "as soon as the MFA codes were sent", { env: true });
    await next(s, t.userMfa.verified("ops-admin"));
    await expectNoLeak(run, "once the MFA step shows its result", { env: true });
    s.press("enter");

    // The password policy raised to CIS's values; ops-admin is an administrator already.
    await next(s, t.passwordPolicy.keeps);
    await expectNoLeak(run, "on the next step", { env: true });
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.passwordPolicy.verified);
    s.press("enter");
    await next(s, t.adminIdentity.holder("user", "ops-admin"));
    s.press("enter");

    // The sign-in test: a code from root's seed, typed in the stand-in's sign-in.
    await next(s, t.alerts.introKeys); // the optional alerts step: no secret in it, skipped here
    s.write("s");
    await next(s, t.signin.start);
    s.press("enter");
    await next(s, t.signin.openStandIn);
    s.write("c");
    await next(s, t.standIn.signin.mfa);
    const code: Secret = { kind: "code", value: codeAt(rootSeed.value, timeStepOf(new Date())), label: "root's sign-in code" };
    // Within the same 30 s as root's enrolment this is the very code typed there as the second one: typed
    // again here, legitimately, so that one's step is over only when this one's is.
    const same = run.secrets.filter((x) => x.kind === "code" && x.value === code.value);
    for (const x of same) delete x.endedAt;
    run.secrets.push(code);
    s.write(code.value);
    await s.waitFor((screen) => findIn("screen", screen, [code]).length === 1); // positive control
    await sleep(30);
    s.press("enter");
    const endedAt = await leavesScreen(s, (screen) => findIn("screen", screen, [code]).length > 0, "the sign-in code");
    for (const x of [code, ...same]) x.endedAt = endedAt;
    await next(s, t.standIn.signin.success);
    await expectNoLeak(run, "after the sign-in", { env: true });
    s.press("esc");
    await s.waitFor(t.signin.verified, 60_000);
    s.press("enter");

    await next(s, t.summary.allTakenVerified(t.steps["root-alerts"]));
    await expectNoLeak(run, "on the summary", { env: true });
    fileControl(run, userSeed);
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
    await s.waitFor("Evidence report:");
    await expectReport(run, { mode: "simulated", changes: ["iam:DeleteVirtualMFADevice sent", "iam:CreateVirtualMFADevice sent", "iam:EnableMFADevice sent"] });
    reportControl(run, rootSeed);
    await expectNoLeak(run, "after the run", { env: false });
  }, 90_000);

  it("demo, 46 rows: the stand-in's MFA page is taller than the terminal; root's seed is not left in the scrollback", async () => {
    // At 46 rows the QR code still fits (QrOrSecret wants 16 rows besides it), but the console stand-in's page
    // does not: Ink then draws every frame full screen (ESC[2J ESC[3J ESC[H, then the frame, whose top scrolls
    // off). This is where a terminal's scrollback could keep a secret: here the scrollback is what counts.
    const rows = 46;
    const run = (current = startRun(["--demo", "--scenario", "new-account"], {}, { cols: COLS, rows }));
    const { s } = run;
    await next(s, t.preflight.plan);
    s.press("enter");
    await next(s, t.rootKeys.consoleIntro);
    s.write("s"); // root's keys: skipped, to reach root's MFA sooner
    await next(s, t.rootMfa.orphan("arn:aws:iam::123456789012:mfa/root-account-mfa-device").slice(0, 40));
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.rootMfa.openStandIn);
    s.write("c");
    await next(s, t.standIn.mfa.deviceName);
    qrStepStarts(run);
    await typeLine(s, "root-phone");
    await next(s, t.standIn.mfa.showSecret);
    const seed = await enrol(run, "root's device (console stand-in)", [t.standIn.mfa.code1, t.standIn.mfa.code2], uriFor("root-phone"));
    const step = s.raw().slice(run.qrSteps[0]!.start, seed.endedAt);
    expect(step, `the page no longer overflows ${rows} rows: make the terminal shorter`).toContain("\x1b[3J");
    await next(s, t.standIn.mfa.added);
    await expectNoLeak(run, "once root's device is added", { env: true });
    s.press("esc");
    await next(s, t.rootMfa.openStandIn);
    await expectNoLeak(run, "back in the wizard", { env: true });
    // Quitting also writes the report.
    s.write("q");
    expect((await s.waitForExit()).exitCode).toBe(3);
    await s.waitFor("Evidence report:");
    const report = JSON.parse(readFileSync(run.report.replace(/\.md$/, ".json"), "utf8")) as { ending: string };
    expect(report.ending).toBe("quit");
    reportControl(run, seed);
    await expectNoLeak(run, "after quitting", { env: false });
  }, 60_000);
});

/** The report was written where --report said, and is the run's (so that searching it means something). */
async function expectReport(run: Run, want: { mode: string; changes: string[] }) {
  const json = run.report.replace(/\.md$/, ".json");
  expect(readFileSync(run.report, "utf8")).toContain("123456789012");
  const report = JSON.parse(readFileSync(json, "utf8")) as { mode: string; changes: { call: string; outcome: string }[] };
  expect(report.mode).toBe(want.mode);
  // The calls of the steps this test is about, in this order (other steps' calls may come between).
  const changes = report.changes.map((c) => `${c.call} ${c.outcome}`);
  expect(changes.filter((c) => want.changes.includes(c))).toEqual(want.changes);
  // Nothing else was written where the run could write: the report's two files, and nothing more.
  expect(filesUnder(run.root).map((f) => f.path.slice(run.root.length)).sort()).toEqual(["/out/report.json", "/out/report.md"]);
}
