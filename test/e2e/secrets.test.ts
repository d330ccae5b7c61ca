// Where the secrets of a run go, and where they must not: every wizard path (live against moto as the admin
// user and as root, a dry run against moto, the simulated account, and a terminal too short for a page) driven
// in a real pty, collecting every secret the run handles — the TOTP seeds read off the screen (Ctrl-K), the
// codes typed, the console password of an admin user rootlock creates, the secret access keys the test
// created — and, after each step that handled one has ended and again at the end of the run, searching the raw
// output, the screen and a scrollback, every file the run could write, and the program's environment, each
// search shown first to find what it looks for. How and where it searches: test/helpers/leak-scan.ts.
import {
  CreateVirtualMFADeviceCommand,
  DeleteAccessKeyCommand,
  DetachUserPolicyCommand,
  EnableMFADeviceCommand,
  type IAMClient,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { readFileSync, rmSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { en as t } from "../../src/i18n/en.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import {
  COLS,
  enrol,
  environmentControls,
  expectNoLeak,
  fileControl,
  filesUnder,
  findIn,
  hasCursor,
  leavesScreen,
  QR_BLOCKS,
  qrStepStarts,
  reportControl,
  type Run,
  SEED_ON_SCREEN,
  type Secret,
  startRun,
} from "../helpers/leak-scan.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { type Key, liveWorld, SETUP, setupClient } from "../helpers/live-world.js";
import { drive } from "../helpers/drivers.js";
import type { PtySession } from "../helpers/pty.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function next(s: PtySession, text: string | RegExp) {
  await s.waitFor(text, 30_000);
  await sleep(30);
}

/**
 * Types into the text field labelled `label`, then Enter: only once the field shows its cursor, since keys sent
 * as soon as its label is drawn can arrive before it listens (on a busy machine they did).
 */
async function typeLine(s: PtySession, label: string, text: string) {
  await s.waitFor(() => hasCursor(s, label));
  await sleep(30);
  s.write(text);
  await sleep(50);
  s.press("enter");
  await sleep(50);
}
// --- the three paths ------------------------------------------------------------------------------------

const available = requireMoto("the secrets end-to-end tests (live and dry run)");
const uriFor = (user: string) => (seed: string) => `otpauth://totp/AWS:${user}@123456789012?secret=${seed}&issuer=AWS`;

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
    await iam.send(
      new EnableMFADeviceCommand({ UserName: "root-standin", SerialNumber: device.SerialNumber, AuthenticationCode1: codes[0], AuthenticationCode2: codes[1] }),
    );
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
    const w = drive(s, t);
    await w.preflight.start(t.preflight.plan, async () => {
      await s.waitFor("LIVE");
      await environmentControls(run);
      await expectNoLeak(run, "at the start", { env: true });
    });

    await w.rootKeys.viaConsole(rootKeysDeletedInConsole);
    await w.rootMfa.viaConsole(() => rootAssignsMfaInConsole(run));

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
    await w.adminIdentity.keep("user", "ops-admin");

    await w.alerts.skip(); // the optional alerts step: no secret in it, skipped here
    await w.signin.viaConsole(rootSignsIn);

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
    const w = drive(s, t);
    await w.preflight.start(t.preflight.planRoot, () => environmentControls(run));

    await w.rootMfa.viaConsole(() => rootAssignsMfaInConsole(run));

    await w.passwordPolicy.apply(t.passwordPolicy.noneDefaults, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14");

    // The admin identity: five confirmed calls, then the password, shown this once.
    await next(s, t.adminIdentity.none);
    s.press("enter");
    await next(s, t.adminIdentity.nameLabel);
    await typeLine(s, t.adminIdentity.nameLabel, "alice");
    for (let i = 1; i <= 5; i++) {
      await next(s, t.common.progress(i, 5));
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

    await w.alerts.skip(); // the optional alerts step: no secret in it, skipped here
    await w.signin.viaConsole(rootSignsIn);

    // Root's keys by API: the other key first, then the signing key, whose rejection is the proof.
    await w.rootKeys.withOwnKey(
      {
        first: `iam:UpdateAccessKey(AccessKeyId=${rootKeys[1]!.accessKeyId}, Status=Inactive)`,
        // The first confirmation lists the whole plan, this call included: wait for its own confirmation (2 of 3).
        second: new RegExp(`${t.common.progress(2, 3)}[\\s\\S]*iam:DeleteAccessKey\\(AccessKeyId=${rootKeys[1]!.accessKeyId}\\)`),
      },
      () => fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" }),
    );

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
    const w = drive(s, t);
    await w.preflight.start(t.preflight.plan, async () => {
      await s.waitFor("DRY RUN");
      await environmentControls(run);
    });

    await w.rootKeys.viaConsole(rootKeysDeletedInConsole);
    await w.rootMfa.viaConsole(() => rootAssignsMfaInConsole(run));

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
    await w.adminIdentity.keep("user", "ops-admin");

    await w.alerts.skip(); // the optional alerts step: no secret in it, skipped here
    await w.signin.viaConsole(rootSignsIn);

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
    const w = drive(s, t);
    await w.preflight.start(t.preflight.plan, async () => {
      await s.waitFor("SIMULATED");
      await environmentControls(run);
    });

    // Root keys, in the console stand-in.
    await next(s, t.rootKeys.consoleIntro);
    s.write("c");
    await s.waitFor(t.standIn.keys.title);
    const keysPage = await s.waitFor(/AKIA[A-Z0-9]{16}[\s\S]*AKIA[A-Z0-9]{16}/);
    for (const id of [...keysPage.matchAll(/\b(AKIA[A-Z0-9]{16})\b/g)].map((m) => m[1]!)) {
      s.write("d");
      await next(s, new RegExp(`${id} ${t.rootKeys.status.Inactive}`));
      s.write("x");
      await next(s, t.standIn.keys.deleteConfirm(id));
      await typeLine(s, "ID", id); // StandInKeys' field
      await s.waitFor((screen: string) => !screen.includes(id));
    }
    s.press("esc");
    await next(s, t.rootKeys.consoleIntro);
    s.press("enter");
    await next(s, t.rootKeys.verified);
    s.press("enter");

    // Root MFA: the orphan deleted, then the stand-in's "Assign MFA device" shows root's seed.
    await w.rootMfa.deleteOrphan(t.rootMfa.orphan("arn:aws:iam::123456789012:mfa/root-account-mfa-device").slice(0, 40));
    await next(s, t.rootMfa.openStandIn);
    s.write("c");
    await next(s, t.standIn.mfa.deviceName);
    qrStepStarts(run);
    await typeLine(s, t.standIn.mfa.deviceName, "root-phone");
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
    await w.adminIdentity.keep("user", "ops-admin");

    // The sign-in test: a code from root's seed, typed in the stand-in's sign-in.
    await next(s, t.alerts.introKeys); // the optional alerts step: no secret in it, skipped here
    s.write("s");
    await next(s, t.signin.start);
    s.press("enter");
    await next(s, t.signin.openStandIn);
    s.write("c");
    await next(s, t.standIn.signin.mfa);
    await s.waitFor(() => hasCursor(s, t.standIn.signin.mfa));
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

  it("demo, 46 rows: the stand-in's MFA page fits the terminal with its code; root's seed is not left in the scrollback", async () => {
    // At 46 rows the stand-in's page used to be taller than the terminal (a QR code of version 8), and Ink drew
    // every frame full screen (ESC[2J ESC[3J ESC[H, then the frame, whose top scrolls off). The code is now
    // version 5 and QrOrSecret counts the stand-in's border and banner: the page fits, and the scrollback holds
    // only what scrolled past before it.
    const rows = 46;
    const run = (current = startRun(["--demo", "--scenario", "new-account"], {}, { cols: COLS, rows }));
    const { s } = run;
    const w = drive(s, t);
    await w.preflight.start();
    await next(s, t.rootKeys.consoleIntro);
    s.write("s"); // root's keys: skipped, to reach root's MFA sooner
    await w.rootMfa.deleteOrphan(t.rootMfa.orphan("arn:aws:iam::123456789012:mfa/root-account-mfa-device").slice(0, 40));
    await next(s, t.rootMfa.openStandIn);
    s.write("c");
    await next(s, t.standIn.mfa.deviceName);
    qrStepStarts(run);
    await typeLine(s, t.standIn.mfa.deviceName, "root-phone");
    await next(s, t.standIn.mfa.showSecret);
    const seed = await enrol(run, "root's device (console stand-in)", [t.standIn.mfa.code1, t.standIn.mfa.code2], uriFor("root-phone"));
    const step = s.raw().slice(run.qrSteps[0]!.start, seed.endedAt);
    expect(step, `the page overflows ${rows} rows: QrOrSecret's room for the stand-in is short`).not.toContain("\x1b[3J");
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
  // Nothing else was written where the run could write: the report's two files, and nothing more; and the demo's
  // saved account (src/aws/simulated/saved.ts) in the state folder under HOME, 0600: it keeps the simulated
  // account's TOTP seeds, training values the next demo run needs (leaks() checks it holds no other secret).
  const saved = want.mode === "simulated" ? ["/home/.local/state/rootlock/demo-new-account.json"] : [];
  expect(
    filesUnder(run.root)
      .map((f) => f.path.slice(run.root.length))
      .sort(),
  ).toEqual([...saved, "/out/report.json", "/out/report.md"]);
}
