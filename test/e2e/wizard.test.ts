// The built program, in a real pseudo-terminal, driven through the whole wizard on the simulated account
// the way a trainee would: reading the secret off the screen, computing the codes with otplib, typing them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import type { Messages } from "../../src/i18n/index.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { type PtySession, spawnRootlock } from "../helpers/pty.js";
import { decodeQrOnScreen } from "../helpers/qr-image.js";

const SECRET = /\b([A-Z2-7]{64})\b/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types text one key at a time, as a person (or a paste) would, then Enter. */
async function typeLine(s: PtySession, text: string) {
  s.write(text);
  await sleep(50);
  s.press("enter");
  await sleep(50);
}

/** Every code a test typed, to look for it afterwards where it must not be. */
const typed: string[] = [];

/** Two consecutive codes: the previous window's and the current one's (both valid for AWS right now). */
async function typeCodes(s: PtySession, secret: string) {
  const now = timeStepOf(new Date());
  typed.push(codeAt(secret, now - 1), codeAt(secret, now));
  await typeLine(s, codeAt(secret, now - 1));
  await typeLine(s, codeAt(secret, now));
}

/** Every file under a folder, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/** A working directory for a run whose report the test does not read. */
const scratch = () => mkdtempSync(join(tmpdir(), "rootlock-e2e-"));

async function readSecret(s: PtySession): Promise<string> {
  s.write("\u000b"); // Ctrl-K
  const screen = await s.waitFor(SECRET);
  return SECRET.exec(screen)![1]!;
}

async function next(s: PtySession, text: string | RegExp) {
  await s.waitFor(text, 30_000);
  await sleep(30);
}

/** In the console stand-in's "Assign MFA device": name the device, read its secret, type two codes, go back. */
async function assignRootMfa(s: PtySession, t: Messages, deviceName: string): Promise<string> {
  s.write("c");
  await next(s, t.standIn.mfa.deviceName);
  await typeLine(s, deviceName);
  await next(s, t.standIn.mfa.showSecret);
  const secret = await readSecret(s);
  expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(`otpauth://totp/AWS:${deviceName}@123456789012?secret=${secret}&issuer=AWS`);
  await typeCodes(s, secret);
  await next(s, t.standIn.mfa.added);
  s.press("esc");
  await next(s, t.rootMfa.openStandIn);
  s.press("enter");
  await next(s, t.rootMfa.verified);
  s.press("enter");
  return secret;
}

/** Root-activity alerts: the address, the trail, every call confirmed, the confirmation link clicked in the mailbox. */
async function setUpAlerts(s: PtySession, t: Messages, email: string) {
  await next(s, t.alerts.introKeys);
  s.press("enter");
  await next(s, t.alerts.emailHint);
  await typeLine(s, email);
  await next(s, t.alerts.apiChoice(false));
  s.press("enter");
  for (let i = 1; i <= 11; i++) {
    await next(s, t.common.progress(i, 11));
    await next(s, t.common.confirmTitle);
    s.press("enter");
  }
  await next(s, t.alerts.confirmTitle(email));
  s.write("m");
  await next(s, t.alerts.verified);
  s.press("enter");
}

/** The sign-in test: start it, sign in as root with a current code in the stand-in, wait for CloudTrail. */
async function signInAsRoot(s: PtySession, t: Messages, secret: string, drill = false) {
  await next(s, t.signin.start);
  s.press("enter");
  await next(s, t.signin.openStandIn);
  s.write("c");
  await next(s, t.standIn.signin.mfa);
  const code = codeAt(secret, timeStepOf(new Date()));
  typed.push(code);
  await typeLine(s, code);
  await next(s, t.standIn.signin.success);
  s.press("esc");
  await next(s, t.signin.verified);
  if (drill) {
    // The fire drill: the simulated mailbox has the alert; the operator says so.
    await next(s, t.signin.inbox(1));
    s.write("y");
    await next(s, t.signin.drillRecorded(true));
  }
  s.press("enter");
}

describe("the whole wizard on the simulated account", () => {
  it("takes a new account to every control verified (admin caller, English)", async () => {
    const t: Messages = en;
    // A folder of its own as the working directory: afterwards every file the run wrote is in it.
    const cwd = mkdtempSync(join(tmpdir(), "rootlock-e2e-"));
    const s = spawnRootlock(["--demo"], { cols: 110, rows: 52, cwd });
    await next(s, t.preflight.plan);
    await s.waitFor("SIMULATED");
    s.press("enter");

    // Root access keys: the trainee deactivates and deletes them in the console stand-in.
    await next(s, t.rootKeys.consoleIntro);
    await s.waitFor(/s3 · ap-northeast-2/);
    s.write("c");
    await s.waitFor(t.standIn.keys.title);
    const keysPage = await s.waitFor(/AKIA[A-Z0-9]{16}[\s\S]*AKIA[A-Z0-9]{16}/);
    const ids = [...keysPage.matchAll(/\b(AKIA[A-Z0-9]{16})\b/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      s.write("d");
      await next(s, new RegExp(`${id} ${t.rootKeys.status.Inactive}`));
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

    // Root MFA: the orphan is deleted (confirmed), then the stand-in's "Assign MFA device".
    await next(s, t.rootMfa.orphan("arn:aws:iam::123456789012:mfa/root-account-mfa-device").slice(0, 40));
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.rootMfa.openStandIn);
    const rootSecret = await assignRootMfa(s, t, "root-phone");

    // The admin user's MFA, by API: QR in the terminal, codes checked, enabled, read back.
    await next(s, "iam:CreateVirtualMFADevice");
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.userMfa.showSecret);
    await s.waitFor(/[▀▄█]{20}/); // the QR code is on screen
    const userSecret = await readSecret(s);
    // The QR code on the terminal, as a phone camera would see it, carries exactly this URI.
    expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(`otpauth://totp/AWS:ops-admin@123456789012?secret=${userSecret}&issuer=AWS`);
    await typeCodes(s, userSecret);
    await next(s, t.userMfa.verified("ops-admin"));
    expect(s.screen()).not.toContain(userSecret);
    s.press("enter");

    // The password policy: raised to CIS's values, the account's other settings kept; ops-admin is an administrator.
    await next(s, t.passwordPolicy.keeps);
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.passwordPolicy.verified);
    s.press("enter");
    await next(s, t.adminIdentity.holder("user", "ops-admin"));
    s.press("enter");
    // Alerts before the sign-in test, so that the test doubles as a fire drill.
    await setUpAlerts(s, t, "owner@example.com");

    // The sign-in test: a root sign-in with MFA in the stand-in, then CloudTrail.
    await signInAsRoot(s, t, rootSecret, true);

    const summary = await s.waitFor(t.summary.allVerified);
    for (const id of ["1.4 / IAM.4", "1.5 / IAM.9", "1.10 / IAM.5", "1.8, 1.9 / IAM.15, IAM.16", "1.7 / —", "4.3 / —"]) expect(summary).toContain(id);
    expect(summary.match(/✔ verified/g)).toHaveLength(7);
    expect(summary).not.toContain(rootSecret);
    expect(summary).not.toContain(userSecret);
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);

    // The evidence report: written, complete, and free of every secret the run handled.
    await s.waitFor("Evidence report:");
    const files = filesUnder(cwd);
    expect(files.map((f) => f.path.replace(cwd, "")).sort()).toEqual([
      expect.stringMatching(/^\/rootlock-report-.*\.json$/),
      expect.stringMatching(/^\/rootlock-report-.*\.md$/),
    ]);
    const report = JSON.parse(files.find((f) => f.path.endsWith(".json"))!.text);
    expect(report).toMatchObject({ mode: "simulated", simulated: true, scenario: "new-account", account: "123456789012", ending: "finished", notVerified: [] });
    expect(report.controls.map((c: { state: string }) => c.state)).toEqual(["verified", "verified", "verified", "verified", "verified", "verified", "verified"]);
    const alerts = report.controls.find((c: { control: string }) => c.control === "root-alerts");
    expect(alerts.evidence.map((e: { read: string }) => e.read)).toContain("the root sign-in alert email arrived (confirmed by the operator)");
    expect(report.changes.map((c: { call: string; outcome: string }) => `${c.call} ${c.outcome}`)).toEqual([
      "iam:DeleteVirtualMFADevice sent",
      "iam:CreateVirtualMFADevice sent",
      "iam:EnableMFADevice sent",
      "iam:UpdateAccountPasswordPolicy sent",
      ...["sns:CreateTopic", "sns:SetTopicAttributes", "sns:Subscribe", "s3:CreateBucket", "s3:PutBucketPolicy", "cloudtrail:CreateTrail", "cloudtrail:StartLogging"].map(
        (c) => `${c} sent`,
      ),
      ...["events:PutRule", "events:PutTargets", "events:PutRule", "events:PutTargets"].map((c) => `${c} sent`),
    ]);
    expect(report.changes.every((c: { requestId?: string }) => c.requestId)).toBe(true);
    for (const secret of [rootSecret, userSecret, ...typed]) {
      for (const f of files) expect(f.text, `${f.path} holds a secret`).not.toContain(secret);
      expect(s.screen()).not.toContain(secret);
    }
    rmSync(cwd, { recursive: true, force: true });
  }, 120_000);

  it("deletes root's own keys by API, the signing key last, in Korean (root-key scenario)", async () => {
    const t: Messages = ko;
    const s = spawnRootlock(["--scenario", "root-key", "--lang", "ko"], { cols: 110, rows: 52, cwd: scratch() });
    await next(s, t.preflight.planRoot.slice(0, 20));
    s.press("enter");

    await next(s, t.rootMfa.consoleOnly.slice(0, 20));
    s.press("enter");
    await next(s, "iam:DeleteVirtualMFADevice");
    s.press("enter");
    await next(s, t.rootMfa.openStandIn);
    const rootSecret = await assignRootMfa(s, t, "root-account-mfa-device");

    // No password policy and no administrator but root: both made here, the new admin user enrolled in MFA.
    await next(s, t.passwordPolicy.noneDefaults.slice(0, 20));
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.passwordPolicy.verified);
    s.press("enter");
    await next(s, t.adminIdentity.none.slice(0, 20));
    s.press("enter");
    await next(s, t.adminIdentity.nameLabel);
    await typeLine(s, "alice");
    for (let i = 1; i <= 5; i++) {
      await next(s, t.common.progress(i, 5));
      await next(s, t.common.confirmKeys);
      s.press("enter");
    }
    const shown = await s.waitFor(t.adminIdentity.passwordTitle("alice"), 30_000);
    const password = /│\s*([A-Za-z0-9!@#$%^&*\-_=+]{24})\s*│/.exec(shown)![1]!;
    await sleep(30);
    s.press("enter");
    await next(s, "iam:CreateVirtualMFADevice(VirtualMFADeviceName=alice)");
    expect(s.screen()).not.toContain(password);
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.userMfa.showSecret);
    const aliceSecret = await readSecret(s);
    await typeCodes(s, aliceSecret);
    await next(s, t.userMfa.verified("alice"));
    s.press("enter");
    await next(s, t.adminIdentity.switchFromRoot("alice").slice(0, 20));
    s.press("enter");

    // The optional alerts step, skipped: the run can still end all verified.
    await next(s, t.alerts.introKeys.slice(0, 20));
    s.write("s");
    await signInAsRoot(s, t, rootSecret);

    await next(s, t.rootKeys.apiIntro.slice(0, 20));
    s.press("enter");
    await next(s, "iam:UpdateAccessKey");
    s.press("enter");
    await next(s, t.common.progress(2, 3));
    s.press("enter");
    await next(s, t.rootKeys.signingWarning.slice(0, 20));
    s.press("enter");
    await next(s, t.common.confirmAgain.slice(0, 20));
    s.press("enter");
    await next(s, t.rootKeys.verified);
    await s.waitFor("InvalidClientTokenId");
    s.press("enter");

    const summary = await s.waitFor(t.summary.allTakenVerified(t.steps["root-alerts"]));
    expect(summary).toContain(t.reasons["not-applicable"]);
    expect(summary).not.toContain(password);
    s.write("q");
    expect((await s.waitForExit()).exitCode).toBe(0);
  }, 120_000);

  it("`rootlock alerts --topic`: the alerts step alone, without a trail (so unverified: the rules cannot fire), to a summary and a report of that control only", async () => {
    const t: Messages = en;
    const cwd = scratch();
    const s = spawnRootlock(["alerts", "--demo", "--topic", "team-alerts"], { cols: 110, rows: 52, cwd });
    await next(s, t.preflight.plan);
    s.press("enter");
    await next(s, "arn:aws:sns:us-east-1:123456789012:team-alerts");
    s.press("enter");
    await next(s, t.alerts.emailHint);
    await typeLine(s, "team@example.com");
    await next(s, t.alerts.trailChoice(true));
    s.write("t");
    await next(s, t.alerts.trailChoice(false));
    s.press("enter");
    for (let i = 1; i <= 7; i++) {
      await next(s, t.common.progress(i, 7));
      await next(s, t.common.confirmTitle);
      s.press("enter");
    }
    await next(s, t.alerts.confirmTitle("team@example.com"));
    s.write("m");
    await next(s, t.alerts.noTrailResult.slice(0, 40));
    s.press("enter");
    const summary = await s.waitFor(t.summary.someNotAlerts.slice(0, 30));
    expect(summary).toContain("4.3 /");
    expect(summary).toContain(t.reasons["no-trail"].slice(0, 20));
    expect(summary).not.toContain("IAM.4");
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(1);
    await s.waitFor("Evidence report:");
    const report = JSON.parse(filesUnder(cwd).find((f) => f.path.endsWith(".json"))!.text);
    expect(report.controls.map((c: { control: string; state: string; reason: string }) => `${c.control} ${c.state} ${c.reason}`)).toEqual([
      "root-alerts unverified no-trail",
    ]);
    expect(report.changes[0]).toMatchObject({ call: "sns:CreateTopic", params: { Name: "team-alerts" }, outcome: "sent" });
    expect(report.changes.map((c: { call: string }) => c.call)).toEqual([
      "sns:CreateTopic",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "events:PutRule",
      "events:PutTargets",
      "events:PutRule",
      "events:PutTargets",
    ]);
    rmSync(cwd, { recursive: true, force: true });
  }, 120_000);

  it("Ctrl-C mid-enrolment exits with 130 and gives the terminal back", async () => {
    const s = spawnRootlock(["--scenario", "new-account"], { cols: 110, rows: 52, cwd: scratch() });
    await next(s, en.preflight.plan);
    s.press("ctrl-c");
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(130);
    expect(s.raw()).toContain("\u001b[?25h"); // the cursor is shown again
  });

  it("says so when no AWS credentials are found, and runs on the simulated account", async () => {
    const s = spawnRootlock([], { cols: 110, rows: 52, cwd: scratch() });
    await next(s, en.app.noCredentials);
    await s.waitFor("SIMULATED");
    s.write("q");
    expect((await s.waitForExit()).exitCode).toBe(3);
  });

  it("refuses an unknown scenario with the valid choices listed", async () => {
    const s = spawnRootlock(["--scenario", "nope"], { cols: 110, rows: 20 });
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(2);
    expect(s.screen()).toMatch(/new-account.*clean.*hardened.*root-key/);
  });
});
