// Interrupting the wizard, in a real pseudo-terminal. What this file proves:
//
//  1. Ctrl-C and q end the wizard from every screen: preflight; each step's first screen (the route is the one
//     src/steps/order.ts gives an admin caller, so a step added there must be added here, or tsc says so); the
//     root keys' console stand-in; a confirmation prompt; the admin user's MFA with its QR code and code fields;
//     the sign-in test's wait for CloudTrail; the summary. Each ends with its own exit status (src/exit-codes.ts,
//     chosen by finish() in src/app.tsx): Ctrl-C 130; q 3; q on the summary 0 when every control is verified
//     (part 3) and 1 when not. Where a text field has the keyboard, q is a letter typed into it, not a command
//     (test/screens/app.test.tsx has the same rule): there the case checks that it was typed, and that Ctrl-C still
//     ends the run. Each run is started from a shell in the pty, which prints rootlock's exit status and `stty -a`
//     once it has ended: the terminal must be back in cooked mode (icanon, echo, isig), the cursor shown again.
//  2. The evidence report (--report) is written however the run ends, and says how it ended, which controls were
//     not done, and which changes were sent (none, or a device created and deleted again by the quit).
//  3. A run interrupted half-way leaves nothing half-done (no unassigned virtual MFA device), and the next run
//     picks the account up as it is, shows what is in place as already compliant, and finishes the job. The
//     simulated account lives in one process's memory (nothing of it persists from one run to the next), so
//     this part runs the live wizard against moto, as test/e2e/live-wizard.test.ts does.
import { DeleteAccessKeyCommand, type IAMClient, ListMFADevicesCommand, ListVirtualMFADevicesCommand, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/aws/account.js";
import { ACCOUNT_ID, ADMIN_USER, mfaArn, userArn } from "../../src/aws/simulated/scenarios.js";
import { EXIT } from "../../src/exit-codes.js";
import { en as t } from "../../src/i18n/en.js";
import { CONTROL_IDS, type ControlId } from "../../src/steps/controls.js";
import { stepOrder } from "../../src/steps/registry.js";
import { renderMarkdown, type RunReport } from "../../src/steps/report.js";
import { SUMMARY_ORDER } from "../../src/steps/summary.js";
import { drive, type Wizard } from "../helpers/drivers.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { type PtySession, shellAfterRootlock, spawnPty, spawnRootlockInShell } from "../helpers/pty.js";
import { type Key, liveEnv, liveWorld, setupClient } from "../helpers/live-world.js";
import { rootAssignsVirtualMfa, rootSignsInWithMfa } from "../helpers/root-in-console.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HIDE_CURSOR = "\u001b[?25l";
const SHOW_CURSOR = "\u001b[?25h";

/** Waits for a screen, then lets Ink's input handler for it settle before the next key (see test/helpers/pty.ts). */
async function next(s: PtySession, text: string | RegExp) {
  await s.waitFor(text, 20_000);
  await sleep(30);
}

/** A run of rootlock from a shell in a pty, writing its evidence report into a folder of its own. */
function startRun(args: string[], env?: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "rootlock-interrupts-"));
  const base = join(dir, "report");
  const session = spawnRootlockInShell([...args, "--report", base], { cols: 110, rows: 52, cwd: dir, env });
  return { session, markdown: `${base}.md`, json: `${base}.json` };
}
type Run = ReturnType<typeof startRun>;

/** Waits for the run to end; checks the terminal it leaves behind; returns its exit status and its report. */
async function endOf(run: Run): Promise<{ exitCode: number; report: RunReport }> {
  const { session } = run;
  await session.waitForExit(20_000);
  const after = shellAfterRootlock(session.raw());

  // The terminal is given back: the cursor shown again after Ink last hid it…
  const hidden = after.output.lastIndexOf(HIDE_CURSOR);
  expect(hidden, "Ink never hid the cursor: was the wizard drawn at all?").toBeGreaterThanOrEqual(0);
  expect(after.output.lastIndexOf(SHOW_CURSOR), "the cursor is left hidden").toBeGreaterThan(hidden);
  // …and out of raw mode: line editing, echo and the signal keys are on again for the shell's next command.
  for (const setting of ["icanon", "echo", "isig"]) {
    expect(after.stty, `stty -a after rootlock: ${[...after.stty].join(" ")}`).toContain(setting);
    expect(after.stty).not.toContain(`-${setting}`);
  }

  // The evidence report is written and its place printed; the Markdown says what the JSON says.
  expect(after.output).toContain(t.cli.reportWritten(run.markdown, run.json));
  const report = JSON.parse(readFileSync(run.json, "utf8")) as RunReport;
  expect(readFileSync(run.markdown, "utf8")).toBe(renderMarkdown(report));
  return { exitCode: after.exitCode, report };
}

/** The Markdown's "Ended" line, which a person reads: how the run ended, in words. */
function endedLine(run: Run): string {
  return /^- Ended: .*$/m.exec(readFileSync(run.markdown, "utf8"))?.[0] ?? "";
}

const ENDED_AS: Record<RunReport["ending"], RegExp> = { interrupted: /interrupted \(Ctrl-C\)$/, quit: /quit by the operator/, finished: /finished$/ };
const calls = (report: RunReport) => report.changes.map((x) => `${x.call} ${x.outcome}`);

// ---- 1 and 2: every screen × Ctrl-C and q, on the simulated account --------------------------------------------

const ORPHAN = mfaArn("root-account-mfa-device");

/** The `new-account` scenario's caller, and so the steps it is taken through, in order. */
const CALLER: Caller = { kind: "iam-user", accountId: ACCOUNT_ID, arn: userArn(ADMIN_USER), userName: ADMIN_USER };

/** Text found only on each step's first screen, drawn once the step's first read is done and its keys are live. */
const FIRST_SCREEN: Record<ControlId | "summary", string> = {
  "root-access-keys": t.rootKeys.consoleIntro,
  "root-mfa": t.rootMfa.orphan(ORPHAN),
  "operator-mfa": t.userMfa.why,
  "password-policy": t.passwordPolicy.title,
  "admin-identity": t.adminIdentity.title,
  "root-alerts": t.alerts.introKeys,
  "root-signin": t.signin.start,
  summary: t.app.keys.exit,
};

/** From the start to a step's first screen, each step before it skipped with s (a second or two in all). */
const skipTo = (w: Wizard, step: ControlId | "summary") => w.skipTo(stepOrder(CALLER), step, FIRST_SCREEN);

/** How to reach each screen, through the steps' drivers; each waits for its screen's own text before returning. */
const reach = {
  preflight: (w: Wizard) => w.preflight.open(),
  rootKeys: (w: Wizard) => skipTo(w, "root-access-keys"),
  async rootKeysStandIn(w: Wizard) {
    await skipTo(w, "root-access-keys");
    await w.rootKeys.openStandIn();
  },
  rootMfa: (w: Wizard) => skipTo(w, "root-mfa"),
  userMfa: (w: Wizard) => skipTo(w, "operator-mfa"),
  async userMfaConfirm(w: Wizard) {
    await skipTo(w, "operator-mfa");
    await w.userMfa.toConfirm();
  },
  async userMfaCodesAtOnce(w: Wizard) {
    await skipTo(w, "operator-mfa");
    await w.userMfa.toCodes(); // the device is created: the QR code and the two code fields
  },
  async userMfaCodes(w: Wizard) {
    await reach.userMfaCodesAtOnce(w);
    // As a person would (reading the screen, reaching for the phone), give IAM the time to list the new device:
    // the simulated account shows a change 1.5 s after it is made. For a key pressed sooner, see the test below.
    await sleep(2000);
  },
  passwordPolicy: (w: Wizard) => skipTo(w, "password-policy"),
  adminIdentity: (w: Wizard) => skipTo(w, "admin-identity"),
  async adminIdentityName(w: Wizard) {
    await skipTo(w, "admin-identity");
    await w.adminIdentity.askName(); // ops-admin is an administrator already; n asks for another admin user, by name
  },
  alerts: (w: Wizard) => skipTo(w, "root-alerts"),
  signin: (w: Wizard) => skipTo(w, "root-signin"),
  async signinWaiting(w: Wizard) {
    await skipTo(w, "root-signin");
    await w.signin.startWaiting();
  },
  summary: (w: Wizard) => skipTo(w, "summary"),
} satisfies Record<string, (w: Wizard) => Promise<unknown>>;

interface Case {
  screen: keyof typeof reach;
  key: "ctrl-c" | "q";
  exit: number;
  ending: RunReport["ending"];
  /** A text field has the keyboard: q must be typed into the field labelled so, and the run go on. */
  typedInto?: string;
  /** The changes the report lists, in order (a quit sends nothing, and undoes what it created). */
  changes: string[];
  /** A verdict on the screen quit: the report keeps it as shown (an admin already in place: verified). */
  shown?: ControlId;
}

// The device the admin user's enrolment creates, and which quitting deletes again.
const CREATED_AND_UNDONE = ["iam:CreateVirtualMFADevice sent", "iam:DeleteVirtualMFADevice sent"];

const SCREENS: { screen: Case["screen"]; q?: Partial<Case>; changes?: string[]; shown?: ControlId }[] = [
  { screen: "preflight" },
  { screen: "rootKeys" },
  { screen: "rootKeysStandIn" },
  { screen: "rootMfa" },
  { screen: "userMfa" },
  { screen: "userMfaConfirm" },
  { screen: "userMfaCodes", q: { typedInto: t.userMfa.code1 }, changes: CREATED_AND_UNDONE },
  { screen: "passwordPolicy" },
  { screen: "adminIdentity", shown: "admin-identity" },
  { screen: "adminIdentityName", q: { typedInto: t.adminIdentity.nameLabel } },
  { screen: "alerts" },
  { screen: "signin" },
  { screen: "signinWaiting" },
  // On the summary q means "exit": the run is finished, and with every step skipped not everything is verified.
  { screen: "summary", q: { exit: EXIT.notAllVerified, ending: "finished" } },
];

const CASES: Case[] = SCREENS.flatMap(({ screen, q, changes = [], shown }) => [
  { screen, key: "ctrl-c", exit: EXIT.interrupted, ending: "interrupted", changes, shown },
  { screen, key: "q", exit: EXIT.quit, ending: "quit", changes, shown, ...q },
]);

describe("Ctrl-C and q on every screen (simulated account)", () => {
  it.each(CASES)("$screen + $key → exit $exit, terminal restored, report says $ending", async (c) => {
    const run = startRun(["--scenario", "new-account"]);
    const s = run.session;
    await reach[c.screen](drive(s, t));
    if (c.key === "ctrl-c") s.press("ctrl-c");
    else s.write("q");

    let { exit, ending } = c;
    if (c.typedInto) {
      // The letter lands in the field (no quitting), and Ctrl-C still ends the run from there.
      await next(s, `${c.typedInto}: q`);
      expect(s.screen()).not.toContain(t.app.quitting);
      s.press("ctrl-c");
      [exit, ending] = [EXIT.interrupted, "interrupted"];
    }

    const { exitCode, report } = await endOf(run);
    expect(exitCode).toBe(exit);
    expect(report.ending).toBe(ending);
    expect(endedLine(run)).toMatch(ENDED_AS[ending]);
    // Nothing was verified on the way (every step was skipped or not reached): every control is listed as not
    // done, and none is reported verified — but for a verdict read and shown on the screen quit, kept as shown.
    expect(report.notVerified.map((n) => n.control)).toEqual(SUMMARY_ORDER.filter((x) => x !== c.shown));
    expect(report.controls.filter((x) => x.state === "verified").map((x) => `${x.control}: ${x.reason}`)).toEqual(c.shown ? [`${c.shown}: already-compliant`] : []);
    // Steps the run never reached are "not reached", never the operator's skip.
    if (c.screen !== "summary" && c.screen !== "signinWaiting" && c.screen !== "signin") expect(report.notVerified.at(-1)?.reason).toBe("not-reached");
    expect(calls(report)).toEqual(c.changes);
    expect(report.leftBehind).toEqual([]);
  });

  // IAM lists a new device only after a delay (1.5 s on the simulated account): the undo registered when
  // CreateVirtualMFADevice answers must send the deletion, not look for the device first and miss it.
  it("Ctrl-C as soon as the QR code is shown still deletes the device", async () => {
    const run = startRun(["--scenario", "new-account"]);
    await reach.userMfaCodesAtOnce(drive(run.session, t));
    run.session.press("ctrl-c");
    const { exitCode, report } = await endOf(run);
    expect(exitCode).toBe(EXIT.interrupted);
    expect(calls(report)).toEqual(CREATED_AND_UNDONE);
  });

  // A signal from outside (kill, kill -INT, the terminal window closed) ends the run as Ctrl-C does: the device is
  // deleted, the report written and marked interrupted.
  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("%s sent to rootlock on the QR screen: undone and reported like Ctrl-C", async (signal) => {
    const run = startRun(["--scenario", "new-account"]);
    await reach.userMfaCodes(drive(run.session, t));
    // The session's process is the shell; rootlock is its child.
    process.kill(Number(execFileSync("pgrep", ["-P", String(run.session.pid)], { encoding: "utf8" }).trim()), signal);
    const { exitCode, report } = await endOf(run);
    expect(exitCode).toBe(EXIT.interrupted);
    expect(report.ending).toBe("interrupted");
    expect(calls(report)).toEqual(CREATED_AND_UNDONE);
  });

  it("the terminal check would see a program that died in raw mode", async () => {
    // The control for the check above: a program killed while the terminal is raw leaves it raw, and the same
    // reading of `stty -a` reports -icanon and -echo. (A Node program that exits, even by process.exit, has the
    // terminal restored by Node itself: rootlock's own part is to exit, not to hang or be killed.)
    const script = `"$0" -e 'process.stdin.setRawMode(true); process.kill(process.pid, "SIGKILL")'; echo "EXIT=$?"; stty -a`;
    const s = spawnPty("/bin/sh", ["-c", script, process.execPath]);
    await s.waitForExit();
    const after = shellAfterRootlock(s.raw());
    expect(after.exitCode).toBe(128 + 9);
    expect(after.stty).toContain("-icanon");
    expect(after.stty).toContain("-echo");
  });
});

// ---- 3: interrupted half-way on a live account (moto), then finished by a second run -------------------------

const available = requireMoto("the interrupted-then-resumed live runs");

describe.runIf(available)("an interrupted live run, then a second run (moto)", () => {
  let moto: MotoServer;
  let iam: IAMClient;

  beforeAll(async () => {
    moto = await startMoto();
    iam = setupClient(moto);
  });
  afterAll(async () => {
    await moto?.stop();
  });

  const newAccount = () => liveWorld(iam, ADMIN_USER);

  const liveRun = (key: Key) => startRun([], liveEnv(moto, key));

  const unassignedDevices = async () => (await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices ?? [];
  const adminDevices = async () => (await iam.send(new ListMFADevicesCommand({ UserName: ADMIN_USER }))).MFADevices ?? [];
  const states = (report: RunReport) => Object.fromEntries(report.controls.map((c) => [c.control, `${c.state}: ${c.reason}`]));
  /** A control's row on the summary screen, found by its audit ids. */
  const summaryRow = (screen: string, control: ControlId) =>
    screen.split("\n").find((line) => line.includes(`${CONTROL_IDS[control].cis} / ${CONTROL_IDS[control].securityHub}`)) ?? "";

  it("Ctrl-C during the admin user's enrolment leaves nothing half-done; the next run picks up and verifies all", async () => {
    const { rootKeys, adminKey } = await newAccount();

    // Run 1: root's keys deleted and root MFA assigned (what root does in the console, done here by API at the
    // moment the operator would), both verified; then the admin user's device is created, and Ctrl-C on its QR.
    const first = liveRun(adminKey);
    let s = first.session;
    let w = drive(s, t);
    await w.preflight.start();
    await w.rootKeys.viaConsole(async () => {
      for (const k of rootKeys) {
        await iam.send(new UpdateAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId, Status: "Inactive" }));
        await iam.send(new DeleteAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId }));
      }
    });
    await w.rootMfa.viaConsole(() => rootAssignsVirtualMfa(iam));
    await w.userMfa.toCodes();
    // Half-done, for now: the device exists and is on nobody.
    expect((await unassignedDevices()).map((d) => d.SerialNumber)).toEqual([mfaArn(ADMIN_USER)]);
    s.press("ctrl-c");

    const interrupted = await endOf(first);
    expect(interrupted.exitCode).toBe(EXIT.interrupted);
    // Nothing half-done is left: the device rootlock created is gone, and the admin user has none.
    expect(await unassignedDevices()).toEqual([]);
    expect(await adminDevices()).toEqual([]);
    // The report: interrupted; the two controls done so far verified, every other one listed as not done; the
    // device created, then deleted again.
    expect(interrupted.report.ending).toBe("interrupted");
    expect(endedLine(first)).toMatch(ENDED_AS.interrupted);
    expect(states(interrupted.report)).toMatchObject({ "root-access-keys": "verified: read-back-confirms", "root-mfa": "verified: read-back-confirms" });
    expect(interrupted.report.notVerified.map((n) => n.control)).toEqual(SUMMARY_ORDER.filter((c) => c !== "root-access-keys" && c !== "root-mfa"));
    expect(calls(interrupted.report)).toEqual(CREATED_AND_UNDONE);

    // Run 2: the same account, as it now is. Preflight reads it; what run 1 did is shown as already in place.
    const second = liveRun(adminKey);
    s = second.session;
    w = drive(s, t);
    await w.preflight.start(t.preflight.plan, async () => {
      const preflight = s.screen();
      for (const line of [t.preflight.rootKeys(false), t.preflight.rootMfa(true), t.preflight.operatorMfa(ADMIN_USER, 0)]) expect(preflight).toContain(line);
      expect(preflight).not.toContain(t.preflight.orphans(1)); // run 1 left no device for this run to find
    });
    await w.rootKeys.alreadyDone();
    await w.rootMfa.alreadyDone();

    // The step run 1 was interrupted in is done from its start: a new device (its name is free again), two codes.
    await w.userMfa.enrol(ADMIN_USER);

    // The steps run 1 never reached: the password policy (moto has none: CIS's is set and read back), the admin
    // identity (ops-admin has AdministratorAccess), the optional alerts, the sign-in test (CloudTrail's record,
    // posted to the launcher).
    await w.passwordPolicy.apply(t.passwordPolicy.noneDefaults, "iam:UpdateAccountPasswordPolicy");
    await w.adminIdentity.keep("user", ADMIN_USER);
    await w.alerts.skip(); // the optional alerts step, skipped: it does not cost "all verified" (the summary names it as skipped)
    await w.signin.viaConsole(() => rootSignsInWithMfa(moto));

    const summary = await w.summary.open(t.summary.allTakenVerified(t.steps["root-alerts"]));
    for (const control of ["root-access-keys", "root-mfa"] as const) expect(summaryRow(summary, control)).toContain(t.reasons["already-compliant"]);
    s.write("q"); // on the summary, q means "exit": finished, and every control verified
    const finished = await endOf(second);
    expect(finished.exitCode).toBe(EXIT.verified);
    expect(finished.report.ending).toBe("finished");
    expect(endedLine(second)).toMatch(ENDED_AS.finished);
    // The optional alerts step, declined, is listed as such; it does not cost the run its "all verified".
    expect(finished.report.notVerified).toEqual([{ control: "root-alerts", state: "skipped", reason: "operator-skipped" }]);
    expect(states(finished.report)).toMatchObject({
      "root-access-keys": "verified: already-compliant",
      "root-mfa": "verified: already-compliant",
      "operator-mfa": "verified: read-back-confirms",
      "root-signin": "verified: read-back-confirms",
    });
    expect(calls(finished.report)).toEqual(["iam:CreateVirtualMFADevice sent", "iam:EnableMFADevice sent", "iam:UpdateAccountPasswordPolicy sent"]);
    expect((await adminDevices()).map((d) => d.SerialNumber)).toEqual([mfaArn(ADMIN_USER)]);
    expect(await unassignedDevices()).toEqual([]);
  });
});
