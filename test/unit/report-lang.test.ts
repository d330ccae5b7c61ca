// The evidence report in the run's language: the wizard's Markdown says its headings, states, reasons, reads and
// rootlock's own source labels in Korean in a Korean run (as `check --lang ko` does), while the JSON keeps its
// stable English keys and text. The reads come from the steps themselves, on the simulated account.
import { describe, expect, it } from "vitest";
import { SimulatedAccount } from "../../src/aws/simulated/index.js";
import { messages } from "../../src/i18n/index.js";
import { judgeSignInAlerts } from "../../src/steps/alert-judgement.js";
import { inspectAlerts } from "../../src/steps/alerts.js";
import { runCheck } from "../../src/steps/check.js";
import { renderTable } from "../../src/check-render.js";
import { fold } from "../helpers/ink.js";
import { declinedVerdict, dryRunEvidence } from "../../src/steps/plan-outcome.js";
import { describePolicy, inspectPasswordPolicy, policyPhrase } from "../../src/steps/password-policy.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import { buildReport, renderMarkdown, type ReportWords } from "../../src/steps/report.js";
import { type Phrase, say, sayRead, saySource } from "../../src/steps/said.js";
import type { StepContext } from "../../src/steps/types.js";
import { apiAction, verdict } from "../../src/steps/types.js";

const AT = new Date("2026-12-01T10:00:00Z");
const HANGUL = /[\uac00-\ud7a3]/;
const wordsOf = (lang: "en" | "ko"): ReportWords => {
  const t = messages(lang);
  return { report: t.report, evidence: t.evidence, states: t.states, reasons: t.reasons };
};

/** A step context on the simulated account, at a fixed time. */
async function contextOn(scenario: "new-account" | "clean" | "hardened"): Promise<StepContext> {
  const account = new SimulatedAccount({ scenario, now: () => AT, visibilityDelayMs: 0 });
  const preflight = await inspectPreflight(account, () => AT);
  const timing = { iamPollMs: 1, iamTimeoutMs: 10, trailPollMs: 1, trailTimeoutMs: 10 };
  return { account, caller: preflight.caller, now: () => AT, sleep: async () => {}, timing, clockOffsetMs: 0 };
}

async function reportOfARun() {
  const ctx = await contextOn("new-account");
  const policy = await inspectPasswordPolicy(ctx);
  const deletion = apiAction("deleteRootAccessKey", { keyId: "AKIA4ROOTKEYNEVERUSD" });
  const declined = declinedVerdict(
    [],
    { evidence: [], receipts: [], stopped: true, done: [], unconfirmed: false, notSent: [], declined: { action: deletion, notSent: 2 } },
    AT,
  );
  const dryRun = dryRunEvidence([{ call: "iam:UpdateAccountPasswordPolicy", params: { MinimumPasswordLength: "14" }, at: AT }]);
  return buildReport({
    version: "0.1.0",
    mode: "live",
    simulated: true,
    scenario: "new-account",
    caller: ctx.caller,
    startedAt: AT,
    endedAt: AT,
    ending: "finished",
    results: {
      "password-policy": verdict("skipped", "dry-run", [...policy.evidence, ...dryRun]),
      "root-access-keys": declined,
    },
    changes: [],
    leftBehind: [],
  });
}

describe("the wizard's evidence report in the run's language", () => {
  it("in Korean: headings, states, reasons, the policy read, the declined call and the dry run's label", async () => {
    const ko = messages("ko");
    const md = renderMarkdown(await reportOfARun(), wordsOf("ko"));
    expect(md).toContain(`# ${ko.report.title}`);
    expect(md).toContain(`## ${ko.report.evidence}`);
    expect(md).toContain(`| ${ko.states.skipped} | ${ko.reasons["dry-run"]} |`);
    expect(md).toContain(`iam:GetAccountPasswordPolicy: MinimumPasswordLength=8, PasswordReusePrevention=${ko.evidence.none()}`);
    expect(md).toContain(`${ko.evidence.sources.dryRun}: iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14)`);
    expect(md).toContain(`rootlock: ${ko.evidence.declined("iam:DeleteAccessKey(AccessKeyId=AKIA4ROOTKEYNEVERUSD)", "1")}`);
    expect(md).not.toContain("PasswordReusePrevention=none");
    expect(md).not.toContain("declined by the operator");
    expect(md).not.toContain("dry run (not sent)");
  });

  it("keeps its JSON in English, with the same reads (no phrase in it)", async () => {
    const report = await reportOfARun();
    const json = JSON.stringify(report);
    expect(json).not.toMatch(HANGUL);
    expect(json).not.toContain('"said"');
    expect(json).toContain('"read":"MinimumPasswordLength=8, PasswordReusePrevention=none"');
    expect(json).toContain('"source":"dry run (not sent)"');
    expect(json).toContain("declined by the operator: iam:DeleteAccessKey(AccessKeyId=AKIA4ROOTKEYNEVERUSD); not sent: it and the 1 call(s) after it");
  });

  it("in English by default: as before, codes for states and reasons", async () => {
    const md = renderMarkdown(await reportOfARun());
    expect(md).not.toMatch(HANGUL);
    expect(md).toContain("| skipped | dry-run |");
    expect(md).toContain("iam:GetAccountPasswordPolicy: MinimumPasswordLength=8, PasswordReusePrevention=none");
    expect(md).toContain("dry run (not sent): iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14)");
  });
});

describe("the alert judgement and the password policy's read, said in the run's language", () => {
  const ko = messages("ko");
  it("judges in phrases: English for the JSON and check, Korean on a Korean screen", () => {
    const judged = judgeSignInAlerts({ ok: true, value: [] }, {}, { ok: true, value: [] });
    expect(judged.evidence).toBe("no enabled rule with a target catches root console sign-ins");
    expect(say(judged.said, ko.evidence)).toBe(ko.evidence.noCatchingRule());
    const unread = judgeSignInAlerts({ ok: false, code: "AccessDenied", action: "events:ListRules" } as never, {}, undefined);
    expect(unread.evidence).toBe("could not read (AccessDenied on events:ListRules)");
    expect(say(unread.said, ko.evidence)).toBe(ko.evidence.couldNotRead("AccessDenied", "events:ListRules"));
  });

  it("says rootlock's own source labels in Korean, and AWS's actions as AWS names them", () => {
    expect(saySource("dry run (not sent)", ko.evidence)).toBe(ko.evidence.sources.dryRun);
    expect(saySource("operator (after the sign-in test)", ko.evidence)).toBe(ko.evidence.sources.operatorAfterSignin);
    expect(saySource("iam:GetAccountSummary", ko.evidence)).toBe("iam:GetAccountSummary");
  });

  it("says the policy read in Korean (its names and values as AWS names them), and the absence of one", async () => {
    expect(say(policyPhrase(undefined), ko.evidence)).toBe(ko.evidence.noPolicyDefaults());
    expect(describePolicy(undefined)).toBe("no password policy (AWS's default rules: 8 characters minimum, no reuse prevention)");
    const [read] = (await inspectPasswordPolicy(await contextOn("clean"))).evidence;
    expect(read!.read).toBe("MinimumPasswordLength=14, PasswordReusePrevention=24");
    expect(sayRead(read!, ko.evidence)).toBe("MinimumPasswordLength=14, PasswordReusePrevention=24");
    expect(read!.said).toBeDefined();
  });

  it("says the alerts step's reads in Korean: the account's own alert and the trail that lets it fire", async () => {
    const { evidence } = await inspectAlerts(await contextOn("hardened"));
    const own = evidence.find((e) => e.read.startsWith("the account's other root sign-in alerts"))!;
    expect(own.read).toBe(
      "the account's other root sign-in alerts: pass — rule root-console-sign-in → arn:aws:sns:us-east-1:123456789012:security-alerts (1 confirmed); trail management-trail logs management events into us-east-1",
    );
    expect(sayRead(own, ko.evidence)).toBe(
      ko.evidence.otherAlerts(
        "pass",
        ko.evidence.deliveredBy(
          ko.evidence.routes(ko.evidence.routeConfirmed("root-console-sign-in", "arn:aws:sns:us-east-1:123456789012:security-alerts", "1")),
          ko.evidence.trailLogsNamed("management-trail"),
        ),
      ),
    );
    const trail = evidence.find((e) => e.source === "cloudtrail:DescribeTrails")!;
    expect(sayRead(trail, ko.evidence)).toBe(ko.evidence.trailLogsNamed("management-trail"));
  });

  it("says check's alert row in Korean with --lang ko (the judgement, the MFA-removal alert), its JSON in English as before", async () => {
    const account = new SimulatedAccount({ scenario: "hardened", reportDelayMs: 0 });
    const report = await runCheck(account, () => AT, "test", true);
    const row = report.findings.find((f) => f.control === "root-activity-alerts")!;
    expect(row.evidence).toBe(
      "rule root-console-sign-in → arn:aws:sns:us-east-1:123456789012:security-alerts (1 confirmed); trail management-trail logs management events into us-east-1; root MFA-removal alert: no",
    );
    // The table and the Markdown say the row by its phrase (check-render.ts), unlisted in the JSON.
    const said = say((row as typeof row & { said: Phrase }).said, ko.evidence);
    expect(said).toContain(`${ko.evidence.trailLogsNamed("management-trail")}; 루트 MFA 제거 알림: ${ko.evidence.no()}`);
    expect(said).not.toMatch(/root MFA-removal alert|logs management events/);
    expect(fold(renderTable(report, false, 400, ko))).toContain("루트 MFA 제거 알림");
  });
});
