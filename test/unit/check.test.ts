// `rootlock check` on every simulated scenario: statuses, evidence, sources, exit status, JSON schema.
import { describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { renderTable } from "../../src/check-render.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";

/** White space folded: a sentence that the table wrapped reads as one. */
const fold = (text: string) => text.replace(/[│\s]+/g, " ");
import { checkReportSchema } from "../../src/check-schema.js";
import { SimulatedAccount } from "../../src/aws/simulated/index.js";
import { applyAlertAction, inspectAlerts, planAlerts } from "../../src/steps/alerts.js";
import { readFileSync } from "node:fs";
import { assess, catchesRootMfaRemoval, catchesRootSignIn, type CheckInput, runCheck } from "../../src/steps/check.js";
import { AUDIT_IDS } from "../../src/steps/controls.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { StepContext } from "../../src/steps/types.js";

const check = (account: SimulatedAccount) => runCheck(account, () => new Date(), "test", true);
const statuses = (r: Awaited<ReturnType<typeof check>>) => Object.fromEntries(r.findings.map((f) => [f.control, f.status]));

describe("rootlock check", () => {
  it("fails a new account on keys, MFA, alerts, contact and password policy, with the keys' last use as evidence", async () => {
    const report = await check(new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0 }));
    expect(statuses(report)).toEqual({
      "root-access-keys": "fail",
      "root-mfa": "fail",
      "root-hardware-mfa": "fail",
      "root-use": "pass",
      "root-activity-alerts": "fail",
      "security-contact": "fail",
      "admin-identity": "pass",
      "password-min-length": "fail",
      "password-reuse": "fail",
    });
    expect(report.findings[0]!.evidence).toContain("key 1 active, last used 3 days ago by s3 in ap-northeast-2");
    expect(report.findings[0]!.source).toBe("iam:GetAccountSummary");
    expect(report.exitCode).toBe(1);
    expect(report.notes[0]).toContain("4 hours");
  });

  it("names root's keys by id when it runs with root's own key", async () => {
    const report = await check(new SimulatedAccount({ scenario: "root-key", reportDelayMs: 0 }));
    expect(report.findings[0]!.evidence).toMatch(
      /^root has an access key: key AKIA…E2X active, last used less than an hour ago by iam in us-east-1; key AKIA…USD active, never used$/,
    );
  });

  it("passes every control on the hardened account (exit 0)", async () => {
    const report = await check(new SimulatedAccount({ scenario: "hardened", reportDelayMs: 0 }));
    expect(report.findings.every((f) => f.status === "pass")).toBe(true);
    expect(report.exitCode).toBe(0);
    expect(report.findings.find((f) => f.control === "root-use")!.evidence).toMatch(/^1 root sign-in in 90 days, 0 without MFA; last 2 days ago$/);
  });

  it("fails hardware MFA on the clean account, whose root device is virtual", async () => {
    const report = await check(new SimulatedAccount({ scenario: "clean", reportDelayMs: 0 }));
    expect(statuses(report)["root-hardware-mfa"]).toBe("fail");
    expect(statuses(report)["root-mfa"]).toBe("pass");
  });

  it("says unknown, with the action it could not call, and exits 2 when nothing fails", async () => {
    const account = new SimulatedAccount({ scenario: "hardened", reportDelayMs: 0 });
    account.failNext("events:ListRules", "AccessDenied");
    const report = await check(account);
    expect(report.findings.find((f) => f.control === "root-activity-alerts")).toMatchObject({
      status: "unknown",
      evidence: "could not read (AccessDenied on events:ListRules)",
    });
    expect(report.exitCode).toBe(2);
  });

  it("fails root use after a root sign-in without MFA", async () => {
    const account = new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0, cloudTrailDelayMs: 0 });
    await account.console.signIn("");
    expect(statuses(await check(account))["root-use"]).toBe("fail");
  });

  it.each(["new-account", "clean", "hardened", "root-key"] as const)("prints JSON that matches the exported schema (%s)", async (scenario) => {
    const report = await check(new SimulatedAccount({ scenario, reportDelayMs: 0 }));
    expect(checkReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("prints a table without colours when asked for none", async () => {
    const report = await check(new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0 }));
    const plain = renderTable(report, false);
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toContain("IAM.4");
    expect(renderTable(report, true)).toMatch(/\u001b\[31mFAIL/);
  });

  it("prints the table in Korean with --lang ko (titles, statuses, header); the JSON keeps its English titles", async () => {
    for (const scenario of ["new-account", "hardened"] as const) {
      const report = await check(new SimulatedAccount({ scenario, reportDelayMs: 0 }));
      // The English catalogue's titles are the JSON's, word for word: one source for each.
      for (const f of report.findings) expect(en.check.titles[f.control]).toBe(f.title);
      const table = renderTable(report, false, 80, ko);
      expect(table).toContain(ko.check.header(report.account, true, report.caller, report.checkedAt));
      for (const word of [ko.check.head.control, ko.check.head.status, ko.check.head.evidence]) expect(table).toContain(word);
      const cells = table.split("\n").flatMap((row) => row.split("│").map((cell) => cell.trim()));
      for (const f of report.findings) expect(cells).toContain(ko.check.status[f.status]);
      for (const english of ["PASS", "FAIL", "Control", "Evidence", "(SIMULATED)", "(related:", "No root access key"]) expect(table).not.toContain(english);
      // Wide characters count double: every row still fits 80 columns.
      for (const row of table.split("\n").filter((line) => /^[┌│├└]/.test(line))) expect(stringWidth(row), row).toBeLessThanOrEqual(80);
      expect(JSON.stringify(report)).not.toMatch(/[가-힣]/);
    }
  });

  it("says the evidence and the notes in Korean with --lang ko; in English (the JSON's words) without", async () => {
    const report = await check(new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0 }));
    const table = fold(renderTable(report, false, 200, ko));
    for (const said of [ko.evidence.noRootMfa(), ko.evidence.noContact(), ko.evidence.active(), ko.evidence.neverUsed(), "자격 증명 보고서는"])
      expect(table).toContain(said);
    for (const english of ["root has no MFA at all", "no security contact", "never used", "The credential report was generated"]) expect(table).not.toContain(english);
    const english = fold(renderTable(report, false, 200));
    for (const f of report.findings) expect(english).toContain(fold(f.evidence));
    expect(english).toContain("root has no MFA at all");
    // The phrases ride along unlisted: the JSON is what it was.
    expect(Object.keys(report.findings[0]!)).not.toContain("said");
    expect(JSON.stringify(report)).not.toContain('"said"');
  });

  it("passes the alerts only once someone is told: a pending subscription is a failure", async () => {
    let clock = Date.now();
    const now = () => new Date(clock);
    const account = new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0, visibilityDelayMs: 0, now });
    const preflight = await inspectPreflight(account, now);
    const ctx: StepContext = {
      account,
      caller: preflight.caller,
      now,
      sleep: async (ms) => void (clock += ms),
      timing: { iamPollMs: 10, iamTimeoutMs: 100, trailPollMs: 10, trailTimeoutMs: 100 },
      clockOffsetMs: 0,
    };
    const finding = await inspectAlerts(ctx);
    for (const action of planAlerts(finding, { email: "owner@example.com", apiCalls: false, createTrail: true })) await applyAlertAction(ctx, action);
    const pending = (await check(account)).findings.find((f) => f.control === "root-activity-alerts")!;
    expect(pending.status).toBe("fail");
    expect(pending.evidence).toContain("no confirmed subscription");
    expect(pending.evidence).toContain("root MFA-removal alert: yes");
    await account.console.confirmAlertEmail("owner@example.com");
    const confirmed = (await check(account)).findings.find((f) => f.control === "root-activity-alerts")!;
    expect(confirmed.status).toBe("pass");
    expect(confirmed.evidence).toContain("rootlock-root-console-sign-in → arn:aws:sns:us-east-1:123456789012:rootlock-root-activity (1 confirmed)");
  });

  it("fails the alert row when no trail lets the rule fire, and says unknown when the trails cannot be read", async () => {
    const account = new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0, visibilityDelayMs: 0 });
    const preflight = await inspectPreflight(account, () => new Date());
    const ctx: StepContext = {
      account,
      caller: preflight.caller,
      now: () => new Date(),
      sleep: async () => {},
      timing: { iamPollMs: 10, iamTimeoutMs: 100, trailPollMs: 10, trailTimeoutMs: 100 },
      clockOffsetMs: 0,
    };
    for (const action of planAlerts(await inspectAlerts(ctx), { email: "owner@example.com", apiCalls: false, createTrail: false })) await applyAlertAction(ctx, action);
    await account.console.confirmAlertEmail("owner@example.com");
    const row = (await check(account)).findings.find((f) => f.control === "root-activity-alerts")!;
    expect(row.status).toBe("fail");
    expect(row.evidence).toContain(
      "rootlock-root-console-sign-in → arn:aws:sns:us-east-1:123456789012:rootlock-root-activity (1 confirmed), but NO trail logs management events into us-east-1, so the rule cannot fire",
    );
    account.failNext("cloudtrail:DescribeTrails", "AccessDenied");
    const unreadable = (await check(account)).findings.find((f) => f.control === "root-activity-alerts")!;
    expect(unreadable.status).toBe("unknown");
    expect(unreadable.evidence).toContain("trails could not read (AccessDenied on cloudtrail:DescribeTrails)");
  });

  it("recognises a root sign-in rule written with either spelling of the detail type", () => {
    const signin = JSON.stringify({ "detail-type": ["AWS Console Signin via CloudTrail"], detail: { userIdentity: { type: ["Root"] } } });
    expect(catchesRootSignIn({ name: "r", enabled: true, pattern: signin, targets: 1 })).toBe(true);
  });

  it("recognises a rule for root's MFA removals only when it catches both calls", () => {
    const mfa = JSON.stringify({
      "detail-type": ["AWS API Call via CloudTrail"],
      source: ["aws.iam"],
      detail: { eventName: ["DeactivateMFADevice", "DeleteVirtualMFADevice"], userIdentity: { type: ["Root"] } },
    });
    expect(catchesRootMfaRemoval({ name: "m", enabled: true, pattern: mfa, targets: 1 })).toBe(true);
    expect(catchesRootMfaRemoval({ name: "m", enabled: true, pattern: mfa.replace(',"DeleteVirtualMFADevice"', ""), targets: 1 })).toBe(false);
  });

  it("judges the admin identity and the password policy (CIS 1.7, 1.8 / IAM.15, 1.9 / IAM.16)", async () => {
    const find = (r: Awaited<ReturnType<typeof check>>, control: string) => r.findings.find((f) => f.control === control)!;
    const rootOnly = await check(new SimulatedAccount({ scenario: "root-key", reportDelayMs: 0 }));
    expect(find(rootOnly, "admin-identity")).toMatchObject({
      status: "fail",
      cis: "1.7",
      evidence: "no IAM user or role has AdministratorAccess: root is the only administrator",
    });
    expect(find(rootOnly, "password-min-length")).toMatchObject({ status: "fail", securityHub: "IAM.15", evidence: expect.stringMatching(/^no password policy/) });
    expect(find(rootOnly, "password-reuse")).toMatchObject({ status: "fail", securityHub: "IAM.16", source: "iam:GetAccountPasswordPolicy" });
    const fresh = await check(new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0 }));
    expect(find(fresh, "password-min-length").evidence).toBe("MinimumPasswordLength=8");
    expect(find(fresh, "password-reuse").evidence).toBe("PasswordReusePrevention=not set");
    expect(find(fresh, "admin-identity").evidence).toBe("user ops-admin (attached directly)");
    const hardened = await check(new SimulatedAccount({ scenario: "hardened", reportDelayMs: 0 }));
    expect(find(hardened, "password-min-length")).toMatchObject({ status: "pass", evidence: "MinimumPasswordLength=16" });
    expect(find(hardened, "admin-identity").evidence).toBe("user ops-admin (group Administrators)");
  });

  it("keeps the controls it had, in their order, and adds the new ones after them", async () => {
    const report = await check(new SimulatedAccount({ scenario: "clean", reportDelayMs: 0 }));
    expect(report.findings.map((f) => f.control)).toEqual([
      "root-access-keys",
      "root-mfa",
      "root-hardware-mfa",
      "root-use",
      "root-activity-alerts",
      "security-contact",
      "admin-identity",
      "password-min-length",
      "password-reuse",
    ]);
  });

  it("says unknown for the password policy when it may not be read", async () => {
    const account = new SimulatedAccount({ scenario: "hardened", reportDelayMs: 0 });
    account.failNext("iam:GetAccountPasswordPolicy", "AccessDenied");
    const report = await check(account);
    expect(report.findings.filter((f) => f.status === "unknown").map((f) => f.control)).toEqual(["password-min-length", "password-reuse"]);
    expect(report.exitCode).toBe(2);
  });

  it("recognises a rule that alerts on root console sign-ins, enabled and with a target", () => {
    const pattern = JSON.stringify({ "detail-type": ["AWS Console Sign In via CloudTrail"], detail: { userIdentity: { type: ["Root"] } } });
    expect(catchesRootSignIn({ name: "r", enabled: true, pattern, targets: 1 })).toBe(true);
    expect(catchesRootSignIn({ name: "r", enabled: false, pattern, targets: 1 })).toBe(false);
    expect(catchesRootSignIn({ name: "r", enabled: true, pattern, targets: 0 })).toBe(false);
    expect(catchesRootSignIn({ name: "r", enabled: true, pattern: "{", targets: 1 })).toBe(false);
  });
});

describe("rootlock check: control ids from the one table", () => {
  it("gives every finding the ids of controls.ts, and check.ts writes none itself", async () => {
    for (const scenario of ["new-account", "hardened"] as const) {
      const report = await check(new SimulatedAccount({ scenario, reportDelayMs: 0 }));
      for (const f of report.findings) expect({ cis: f.cis, securityHub: f.securityHub, related: f.related }).toEqual({ related: undefined, ...AUDIT_IDS[f.control] });
    }
    const source = readFileSync(new URL("../../src/steps/check.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/\b(cis|securityHub|related)\s*:\s*["'`]/);
  });

  it("maps root use to CIS 1.7 with no Security Hub control, CloudWatch.1 related (IAM.20 is CIS v1.2's 1.1)", async () => {
    const report = await check(new SimulatedAccount({ scenario: "hardened", reportDelayMs: 0 }));
    expect(report.findings.find((f) => f.control === "root-use")).toMatchObject({ cis: "1.7", securityHub: "—", related: "CloudWatch.1" });
    expect(JSON.stringify(report)).not.toContain("IAM.20");
    const table = renderTable(report, false);
    expect(table).toContain("(related:");
    expect(table).toContain("CloudWatch.1)");
    expect(table).not.toContain("CloudWatc…");
  });

  // An 80-column terminal (and a pipe, read as 80) used to wrap every row of a 100-column table and cut
  // "CloudWatch.1" short. The rows fit now, and every id and status is there whole.
  it.each(["new-account", "clean", "hardened", "root-key"] as const)("fits an 80-column terminal without cutting an id (%s)", async (scenario) => {
    const report = await check(new SimulatedAccount({ scenario, reportDelayMs: 0 }));
    for (const columns of [80, 100]) {
      const table = renderTable(report, false, columns);
      const rows = table.split("\n").filter((line) => /^[┌│├└]/.test(line));
      expect(rows.length).toBeGreaterThan(report.findings.length);
      for (const row of rows) expect(row.length, row).toBeLessThanOrEqual(columns);
      // Nothing cut short: the only "…" are the report's own (masked key ids, "AKIA…E2X").
      const ellipses = (text: string) => text.split("…").length - 1;
      expect(ellipses(table)).toBe(ellipses(report.findings.map((f) => `${f.title} ${f.evidence} ${f.source}`).join(" ")));
      const cells = rows.flatMap((row) => row.split("│").map((cell) => cell.trim()));
      for (const f of report.findings) {
        for (const id of [f.cis, f.securityHub, f.status.toUpperCase()]) expect(cells).toContain(id);
        if (f.related) expect(cells).toContain(`${f.related})`);
      }
    }
  });
});

describe("rootlock check: root's sign-ins before and after root's MFA was enabled (CIS 1.7)", () => {
  const DAY = 86_400_000;
  const now = new Date("2026-06-01T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);
  const ok = <T>(value: T) => ({ ok: true as const, value });
  const signin = (at: Date, mfaUsed: boolean) => ({ eventId: at.toISOString(), at, identityType: "Root", success: true, mfaUsed });
  const ROOT_DEVICE = { serialNumber: "arn:aws:iam::123456789012:mfa/root-phone", userArn: "arn:aws:iam::123456789012:root" };
  const input = (over: Partial<CheckInput>): CheckInput => ({
    summary: ok({ accountMfaEnabled: true, accountAccessKeysPresent: false }),
    report: { ok: false, code: "AccessDenied", action: "iam:GetCredentialReport" },
    devices: ok([]),
    signins: ok([]),
    rules: ok([]),
    contact: ok(undefined),
    ...over,
  });
  const rootUse = (over: Partial<CheckInput>) => assess(input(over), now).findings.find((f) => f.control === "root-use")!;

  it("passes a sign-in without MFA made before root's virtual device was enabled, and says so", () => {
    const row = rootUse({
      devices: ok([{ ...ROOT_DEVICE, enabledAt: daysAgo(10) }]),
      signins: ok([signin(daysAgo(10.01), false), signin(daysAgo(2), true)]),
      mfaEnablements: ok([]),
    });
    expect(row.status).toBe("pass");
    expect(row.evidence).toBe(
      `2 root sign-ins in 90 days, 1 without MFA; last 2 days ago; 1 of them before root's MFA was enabled (${daysAgo(10).toISOString()}), 0 after`,
    );
  });

  it("fails a sign-in without MFA made after root's MFA was enabled", () => {
    const row = rootUse({
      devices: ok([{ ...ROOT_DEVICE, enabledAt: daysAgo(10) }]),
      signins: ok([signin(daysAgo(11), false), signin(daysAgo(3), false)]),
      mfaEnablements: ok([]),
    });
    expect(row.status).toBe("fail");
    expect(row.evidence).toMatch(/1 of them before root's MFA was enabled \(.*\), 1 after$/);
  });

  it("dates a hardware key or passkey by root's EnableMFADevice event in CloudTrail", () => {
    const events = ok([{ eventId: "e1", at: daysAgo(20), serialNumber: "arn:aws:iam::123456789012:u2f/root/key" }]);
    expect(rootUse({ signins: ok([signin(daysAgo(21), false)]), mfaEnablements: events })).toMatchObject({
      status: "pass",
      source: "cloudtrail:LookupEvents (us-east-1): ConsoleLogin, EnableMFADevice",
    });
    expect(rootUse({ signins: ok([signin(daysAgo(19), false)]), mfaEnablements: events }).status).toBe("fail");
  });

  it("fails, and says why, when the start of root's MFA cannot be told or root has none", () => {
    // Hardware MFA, no enablement in 90 days: the device is older than every sign-in, so each without MFA fails.
    expect(rootUse({ signins: ok([signin(daysAgo(30), false)]), mfaEnablements: ok([]) })).toMatchObject({
      status: "fail",
      evidence: expect.stringContaining("before root's MFA was enabled (over 90 days ago), 1 after"),
    });
    const denied = { ok: false as const, code: "AccessDenied", action: "cloudtrail:LookupEvents" };
    expect(rootUse({ signins: ok([signin(daysAgo(30), false)]), mfaEnablements: denied })).toMatchObject({
      status: "fail",
      evidence: expect.stringContaining("could not tell when root's MFA was enabled (AccessDenied on cloudtrail:LookupEvents), so each counts"),
    });
    const off = ok({ accountMfaEnabled: false, accountAccessKeysPresent: false });
    expect(rootUse({ summary: off, devices: ok([{ ...ROOT_DEVICE, enabledAt: daysAgo(10) }]), signins: ok([signin(daysAgo(30), false)]) })).toMatchObject({
      status: "fail",
      evidence: expect.stringContaining("root has no MFA, so each counts"),
    });
  });

  it("on the simulated account: the sign-in root made to assign its MFA in the console does not fail the audit", async () => {
    let clock = Date.now();
    const account = new SimulatedAccount({ scenario: "new-account", reportDelayMs: 0, cloudTrailDelayMs: 0, visibilityDelayMs: 0, now: () => new Date(clock) });
    await account.console.signIn("");
    clock += 60_000;
    const { secret } = await account.console.openMfaAssignment();
    const step = timeStepOf(new Date(clock));
    await account.console.finishMfaAssignment("root-phone", secret, codeAt(secret, step - 1), codeAt(secret, step));
    clock += 60_000;
    const report = await runCheck(account, () => new Date(clock), "test", true);
    const row = report.findings.find((f) => f.control === "root-use")!;
    expect(row.status).toBe("pass");
    expect(row.evidence).toMatch(/^1 root sign-in in 90 days, 1 without MFA; last less than an hour ago; 1 of them before root's MFA was enabled/);
  });
});
