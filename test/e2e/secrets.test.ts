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
import { drive, sleep, type Wizard } from "../helpers/drivers.js";

/**
 * A user-MFA step through its driver (w.userMfa), its seed and codes handled by the leak scanner (enrol: the
 * positive controls, then two codes typed), the run searched once the codes are sent and once the step shows its
 * result. Returns the seed.
 */
async function enrolWatched(run: Run, w: Wizard, user: string, call?: string): Promise<Secret> {
  let seed: Secret | undefined;
  await w.userMfa.enrol(user, {
    call,
    beforeConfirm: () => qrStepStarts(run),
    codes: async () => (seed = await enrol(run, `${user}'s device`, [t.userMfa.code1, t.userMfa.code2], uriFor(user))).value,
    sent: () => expectNoLeak(run, `as soon as ${user}'s MFA codes were sent`, { env: true }),
    verified: () => expectNoLeak(run, `once ${user}'s MFA step shows its result`, { env: true }),
  });
  if (!seed) throw new Error("the enrolment ended without a seed");
  return seed;
}

/**
 * Root's MFA in the demo (through w.rootMfa): the orphan deleted, then the stand-in's "Assign MFA device", whose
 * seed and codes the leak scanner handles; the run searched once the device is added. Returns root's seed.
 */
async function assignRootDevice(run: Run, w: Wizard): Promise<Secret> {
  let seed: Secret | undefined;
  await w.rootMfa.deleteOrphan(t.rootMfa.orphan("arn:aws:iam::123456789012:mfa/root-account-mfa-device").slice(0, 40));
  await w.rootMfa.assignDevice("root-phone", {
    beforeName: () => qrStepStarts(run),
    enrol: async () => (seed = await enrol(run, "root's device (console stand-in)", [t.standIn.mfa.code1, t.standIn.mfa.code2], uriFor("root-phone"))).value,
  });
  await expectNoLeak(run, "once root's device is added", { env: true });
  if (!seed) throw new Error("the stand-in's enrolment ended without a seed");
  return seed;
}

/** The summary, searched (and the files' control made with `seed`), then Enter: the run ends, verified. */
async function leaveSummary(run: Run, w: Wizard, seed: Secret) {
  await w.summary.leave(t.summary.allTakenVerified(t.steps["root-alerts"]), async () => {
    await expectNoLeak(run, "on the summary", { env: true });
    fileControl(run, seed);
  });
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

    const seed = await enrolWatched(run, w, "ops-admin");

    // moto starts with no password policy: CIS's is applied and read back; ops-admin is an administrator already.
    await w.passwordPolicy.apply(t.passwordPolicy.noneDefaults, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14", {
      onIntro: () => expectNoLeak(run, "on the next step", { env: true }),
    });
    await w.adminIdentity.keep("user", "ops-admin");

    await w.alerts.skip(); // the optional alerts step: no secret in it, skipped here
    await w.signin.viaConsole(rootSignsIn);

    await leaveSummary(run, w, seed);
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
    const password: Secret = { kind: "password", value: "", label: "alice's console password" };
    await w.adminIdentity.create("alice", {
      beforeCall: (i) => expectNoLeak(run, `before the admin identity's call ${i}/5`, { env: false }),
      password: async (value, shownFrom) => {
        password.value = value;
        run.secrets.push(password);
        // Positive controls: the password is where it legitimately is, on screen and in the output since shown.
        expect(findIn("screen", s.screen(), [password])).toHaveLength(1);
        expect(findIn("raw", s.raw().slice(shownFrom), [password])).toHaveLength(1);
        await expectNoLeak(run, "while the password is shown (files, environment)", { env: true });
      },
    });
    password.endedAt = await leavesScreen(s, (screen) => findIn("screen", screen, [password]).length > 0, "the password");
    await expectNoLeak(run, "once the password has left the screen", { env: true });

    // Her MFA device, the same screen as the operator's own.
    const seed = await enrolWatched(run, w, "alice", "iam:CreateVirtualMFADevice(VirtualMFADeviceName=alice)");
    await w.adminIdentity.switchFromRoot("alice", () => expectNoLeak(run, "once the admin identity is verified", { env: true }));

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

    await leaveSummary(run, w, seed);
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

    await w.userMfa.start();
    // A dry run creates no device: no QR code, no seed, and both calls shown as not sent.
    await w.next(t.reasons["dry-run"]);
    expect(s.screen()).not.toMatch(QR_BLOCKS);
    expect(s.raw()).not.toMatch(SEED_ON_SCREEN);
    await expectNoLeak(run, "after the MFA step (dry run)", { env: true });
    s.press("enter");

    await w.passwordPolicy.apply(t.passwordPolicy.noneDefaults, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14", { result: t.reasons["dry-run"] });
    await w.adminIdentity.keep("user", "ops-admin");

    await w.alerts.skip(); // the optional alerts step: no secret in it, skipped here
    await w.signin.viaConsole(rootSignsIn);

    await w.summary.leave(t.summary.title, () => expectNoLeak(run, "on the summary (dry run)", { env: true }));
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
    await w.rootKeys.viaStandIn();

    // Root MFA: the orphan deleted, then the stand-in's "Assign MFA device" shows root's seed.
    const rootSeed = await assignRootDevice(run, w);
    await w.rootMfa.backFromStandIn();
    await w.rootMfa.verify();

    // The admin user's MFA, by API.
    const userSeed = await enrolWatched(run, w, "ops-admin");

    // The password policy raised to CIS's values; ops-admin is an administrator already.
    await w.passwordPolicy.apply(t.passwordPolicy.keeps, undefined, { onIntro: () => expectNoLeak(run, "on the next step", { env: true }) });
    await w.adminIdentity.keep("user", "ops-admin");

    await w.alerts.skip(); // the optional alerts step: no secret in it, skipped here
    // The sign-in test: a code from root's seed, typed in the stand-in's sign-in.
    await w.signin.inStandIn(rootSeed.value, false, {
      code: async () => {
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
      },
      signedIn: () => expectNoLeak(run, "after the sign-in", { env: true }),
    });

    await leaveSummary(run, w, userSeed);
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
    await w.rootKeys.skip(t.rootKeys.consoleIntro); // root's keys: skipped, to reach root's MFA sooner
    const seed = await assignRootDevice(run, w);
    const step = s.raw().slice(run.qrSteps[0]!.start, seed.endedAt);
    expect(step, `the page overflows ${rows} rows: QrOrSecret's room for the stand-in is short`).not.toContain("\x1b[3J");
    await w.rootMfa.backFromStandIn();
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
