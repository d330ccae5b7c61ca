// The built program, in a real pseudo-terminal, driven through the whole wizard on the simulated account
// the way a trainee would: reading the secret off the screen, computing the codes with otplib, typing them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import type { Messages } from "../../src/i18n/index.js";
import { drive } from "../helpers/drivers.js";
import { spawnRootlock } from "../helpers/pty.js";
import { decodeQrOnScreen } from "../helpers/qr-image.js";

/** Every file under a folder, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/** White space folded (and box sides dropped): a sentence wrapped onto two rows reads as one. */
const fold = (text: string) => text.replace(/[│║]/g, " ").replace(/\s+/g, " ");

/** A working directory for a run whose report the test does not read. */
const scratch = () => mkdtempSync(join(tmpdir(), "rootlock-e2e-"));

describe("the whole wizard on the simulated account", () => {
  it("takes a new account to every control verified (admin caller, English)", async () => {
    const t: Messages = en;
    // A folder of its own as the working directory: afterwards every file the run wrote is in it.
    const cwd = mkdtempSync(join(tmpdir(), "rootlock-e2e-"));
    const s = spawnRootlock(["--demo"], { cols: 110, rows: 52, cwd });
    const w = drive(s, t);
    await w.preflight.start(t.preflight.plan, () => s.waitFor("SIMULATED"));

    // Root access keys: the trainee deactivates and deletes them in the console stand-in.
    const ids = await w.rootKeys.viaStandIn(() => s.waitFor(/s3 · ap-northeast-2/));
    expect(ids).toHaveLength(2);

    // Root MFA: the orphan is deleted (confirmed), then the stand-in's "Assign MFA device".
    await w.rootMfa.deleteOrphan(t.rootMfa.orphan("arn:aws:iam::123456789012:mfa/root-account-mfa-device").slice(0, 40));
    const rootSecret = await w.rootMfa.assignInStandIn("root-phone");

    // The admin user's MFA, by API: QR in the terminal, codes checked, enabled, read back.
    const userSecret = await w.userMfa.enrol("ops-admin", {
      qr: () => s.waitFor(/[▀▄█]{20}/), // the QR code is on screen
      // The QR code on the terminal, as a phone camera would see it, carries exactly this URI.
      secret: (secret) => expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(`otpauth://totp/AWS:ops-admin@123456789012?secret=${secret}&issuer=AWS`),
      verified: (secret) => expect(s.screen()).not.toContain(secret),
    });

    // The password policy: raised to CIS's values, the account's other settings kept; ops-admin is an administrator.
    await w.passwordPolicy.apply(t.passwordPolicy.keeps);
    await w.adminIdentity.keep("user", "ops-admin");
    // Alerts before the sign-in test, so that the test doubles as a fire drill.
    await w.alerts.setUp("owner@example.com");

    // The sign-in test: a root sign-in with MFA in the stand-in, then CloudTrail.
    await w.signin.inStandIn(rootSecret, true);

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
    expect(alerts.evidence.map((e: { read: string }) => e.read)).toContain(
      "the root sign-in alert reached the alert email at owner@example.com (confirmed by the operator)",
    );
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
    for (const secret of [rootSecret, userSecret, ...w.typed]) {
      for (const f of files) expect(f.text, `${f.path} holds a secret`).not.toContain(secret);
      expect(s.screen()).not.toContain(secret);
    }
    rmSync(cwd, { recursive: true, force: true });
  }, 120_000);

  it("deletes root's own keys by API, the signing key last, in Korean (root-key scenario)", async () => {
    const t: Messages = ko;
    const cwd = scratch();
    const s = spawnRootlock(["--scenario", "root-key", "--lang", "ko"], { cols: 110, rows: 52, cwd });
    const w = drive(s, t, { long: (text) => text.slice(0, 20) });
    await w.preflight.start(t.preflight.planRoot);

    await w.rootMfa.deleteOrphan(t.rootMfa.consoleOnly, "iam:DeleteVirtualMFADevice");
    const rootSecret = await w.rootMfa.assignInStandIn("root-account-mfa-device");

    // No password policy and no administrator but root: both made here, the new admin user enrolled in MFA.
    await w.passwordPolicy.apply(t.passwordPolicy.noneDefaults);
    const password = await w.adminIdentity.create("alice");
    await w.userMfa.enrol("alice", { call: "iam:CreateVirtualMFADevice(VirtualMFADeviceName=alice)", shown: () => expect(s.screen()).not.toContain(password) });
    await w.adminIdentity.switchFromRoot("alice");

    // The optional alerts step, skipped: the run can still end all verified.
    await w.alerts.skip();
    await w.signin.inStandIn(rootSecret);

    await w.rootKeys.withOwnKey();

    const summary = await s.waitFor(t.summary.allTakenVerified(t.steps["root-alerts"]));
    expect(summary).toContain(t.reasons["not-applicable"]);
    expect(summary).not.toContain(password);
    s.write("q");
    expect((await s.waitForExit()).exitCode).toBe(0);
    // The evidence report: its Markdown in the run's language, its JSON in English (stable keys and text).
    const files = filesUnder(cwd);
    const markdown = files.find((f) => f.path.endsWith(".md"))!.text;
    expect(markdown).toContain(`# ${t.report.title}`);
    expect(markdown).toContain(`| ${t.states.verified} | ${t.reasons["read-back-confirms"]} |`);
    expect(files.find((f) => f.path.endsWith(".json"))!.text).not.toMatch(/[\uac00-\ud7a3]/);
  }, 120_000);

  it("`rootlock alerts --topic`: the alerts step alone, without a trail (so unverified: the rules cannot fire), to a summary and a report of that control only", async () => {
    const t: Messages = en;
    const cwd = scratch();
    const s = spawnRootlock(["alerts", "--demo", "--topic", "team-alerts"], { cols: 110, rows: 52, cwd });
    const w = drive(s, t);
    await w.preflight.start();
    await w.next("arn:aws:sns:us-east-1:123456789012:team-alerts");
    s.press("enter");
    await w.next(t.alerts.emailHint);
    await w.typeLine("team@example.com");
    await w.next(t.alerts.trailChoice(true));
    s.write("t");
    await w.next(t.alerts.trailChoice(false));
    s.press("enter");
    await w.confirmCalls(7);
    await w.next(t.alerts.confirmTitle("team@example.com"));
    s.write("m");
    await w.next(t.alerts.noTrailResult.slice(0, 40));
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

  it("alerts to a Slack webhook only (no email): the demo's channel shows the test message, the summary and the report give its row", async () => {
    const t: Messages = en;
    const url = "https://hooks.slack.com/services/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";
    const mask = "https://hooks.slack.com/…/AAAa";
    const cwd = scratch();
    const s = spawnRootlock(["--demo"], { cols: 110, rows: 52, cwd });
    const w = drive(s, t);
    // An admin caller's route; the steps before the alerts skipped.
    await w.skipTo(["root-access-keys", "root-mfa", "operator-mfa", "password-policy", "admin-identity", "root-alerts", "root-signin"], "root-alerts");
    await w.alerts.setUpWebhook(url, mask);
    const channel = await w.alerts.testWebhook(mask);
    // The channel, as Slack would show the message: the account, and what it is.
    expect(fold(channel)).toContain(fold(t.alerts.channelMessage("rootlock test message for AWS account 123456789012")));
    expect(fold(channel)).toContain("a test of rootlock's root-activity alerts");
    await w.signin.skip();

    // The summary's row for the alerts: verified, with CIS 4.3.
    const summary = await w.summary.open();
    const row = summary.split("\n").find((line) => line.includes(t.steps["root-alerts"]));
    expect(row).toContain("4.3 /");
    expect(row).toContain(t.states.verified);
    expect(summary).not.toContain(url);
    s.press("enter");
    await s.waitForExit();
    await s.waitFor("Evidence report:");

    // The report: the alerts' control verified on the webhook alone, the test message's arrival in its evidence.
    const files = filesUnder(cwd);
    const report = JSON.parse(files.find((f) => f.path.endsWith(".json"))!.text);
    const alerts = report.controls.find((c: { control: string }) => c.control === "root-alerts");
    expect(alerts).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    const read = alerts.evidence.map((e: { read: string }) => e.read);
    expect(read).toContain(`the test message reached ${mask} (confirmed by the operator)`);
    expect(read.filter((r: string) => /\S+@\S+\.\S+/.test(r))).toEqual([]); // no address: the webhook alone
    const markdown = files.find((f) => f.path.endsWith(".md"))!.text;
    // The Markdown's controls table: its row for the alerts (4.3, verified); its evidence names the webhook by its mask.
    const mdRow = markdown.split("\n").find((line) => line.startsWith("| root-alerts |"));
    expect(mdRow).toMatch(/^\| root-alerts \| 4\.3 \|.*\| verified \|/);
    expect(markdown).toContain(`the test message reached ${mask} (confirmed by the operator)`);
    for (const f of files) expect(f.text, `${f.path} holds the webhook URL`).not.toContain(url);
    rmSync(cwd, { recursive: true, force: true });
  }, 120_000);

  it("Ctrl-C mid-enrolment exits with 130 and gives the terminal back", async () => {
    const s = spawnRootlock(["--scenario", "new-account"], { cols: 110, rows: 52, cwd: scratch() });
    await drive(s, en).next(en.preflight.plan);
    s.press("ctrl-c");
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(130);
    expect(s.raw()).toContain("\u001b[?25h"); // the cursor is shown again
  });

  it("says so when no AWS credentials are found, and runs on the simulated account", async () => {
    const s = spawnRootlock([], { cols: 110, rows: 52, cwd: scratch() });
    await drive(s, en).next(en.app.noCredentials);
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
