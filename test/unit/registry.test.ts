// The step registry: every registered step appears in the order (for each kind of caller, or as not applicable),
// the summary, the report and both catalogues; what a step hands on in its verdict reaches the step that takes it.
import { describe, expect, it } from "vitest";
import type { Caller } from "../../src/aws/account.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { STEP_SCREENS } from "../../src/screens/step-screens.js";
import { CONTROL_IDS, OPTIONAL_CONTROLS } from "../../src/steps/controls.js";
import { notApplicable, recordVerdict, STEP_IDS, STEPS, stepOrder } from "../../src/steps/registry.js";
import { buildReport, renderMarkdown } from "../../src/steps/report.js";
import { rootMfaKindOf, summarize } from "../../src/steps/summary.js";
import { verdict } from "../../src/steps/types.js";

const ACCOUNT = "123456789012";
const CALLERS: Record<string, Caller> = {
  "root with its own key": { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, kind: "root", accessKeyId: "AKIAROOTKEY000000000" },
  "root in a session": { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, kind: "root", accessKeyId: "ASIAROOTSESSION00000", temporary: true },
  "an IAM user": { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/ops`, kind: "iam-user", userName: "ops" },
  "an assumed role": { accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s`, kind: "assumed-role", temporary: true },
  "another identity": { accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:federated-user/x`, kind: "other" },
};

describe("the step registry", () => {
  it.each(Object.entries(CALLERS))("for %s, orders every step once, or records it as not applicable", (_name, caller) => {
    const order = stepOrder(caller);
    expect(new Set(order).size).toBe(order.length);
    expect([...order, ...notApplicable(caller)].sort()).toEqual([...STEP_IDS].sort());
  });

  it("keeps the order rules: root's own key ends the session, so its step goes last; the operator's MFA only for an IAM user", () => {
    const rest = ["password-policy", "admin-identity", "root-alerts", "root-signin"];
    expect(stepOrder(CALLERS["root with its own key"]!)).toEqual(["root-mfa", ...rest, "root-access-keys"]);
    expect(stepOrder(CALLERS["root in a session"]!)).toEqual(["root-mfa", ...rest, "root-access-keys"]);
    expect(stepOrder(CALLERS["an IAM user"]!)).toEqual(["root-access-keys", "root-mfa", "operator-mfa", ...rest]);
    expect(stepOrder(CALLERS["an assumed role"]!)).toEqual(["root-access-keys", "root-mfa", ...rest]);
    expect(notApplicable(CALLERS["root with its own key"]!)).toEqual(["operator-mfa"]);
  });

  it("puts every step in the summary, with its ids, and its optional flag in the optional list", () => {
    expect(summarize({}).map((r) => r.control)).toEqual(STEP_IDS);
    for (const s of STEPS) {
      expect(CONTROL_IDS[s.id]).toEqual(s.ids);
      expect(OPTIONAL_CONTROLS.includes(s.id)).toBe(s.optional);
    }
  });

  it("puts every step in the report (JSON and Markdown), with the registry's ids", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    const report = buildReport({
      version: "0",
      mode: "simulated",
      simulated: true,
      startedAt: at,
      endedAt: at,
      ending: "finished",
      results: {},
      changes: [],
      leftBehind: [],
    });
    expect(report.controls.map((c) => c.control)).toEqual(STEP_IDS);
    for (const s of STEPS) expect(report.controls.find((c) => c.control === s.id)).toMatchObject({ cis: s.ids.cis, securityHub: s.ids.securityHub });
    const markdown = renderMarkdown(report);
    for (const id of STEP_IDS) expect(markdown).toContain(`### ${id}`);
  });

  it("names every step in both catalogues (the Korean in Korean), and gives each a screen", () => {
    for (const id of STEP_IDS) {
      expect(en.steps[id]).toMatch(/\w/);
      expect(ko.steps[id]).toMatch(/[\uac00-\ud7a3]/);
    }
    expect(Object.keys(STEP_SCREENS).sort()).toEqual([...STEP_IDS].sort());
  });

  it("delivers what a step hands on: the fire drill's answer joins the alerts' evidence, the root MFA kind reaches the summary", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    let results = recordVerdict({}, "root-mfa", { ...verdict("verified", "read-back-confirms"), handoff: { rootMfaKind: "virtual" } });
    results = recordVerdict(results, "root-alerts", verdict("verified", "read-back-confirms", [{ source: "sns:ListSubscriptionsByTopic", read: "confirmed", at }]));
    results = recordVerdict(results, "root-signin", {
      ...verdict("verified", "read-back-confirms"),
      handoff: { drillAnswers: [{ route: { kind: "email" }, arrived: true, at }] },
    });
    expect(results["root-alerts"]!.evidence.map((e) => e.source)).toEqual(["sns:ListSubscriptionsByTopic", "operator (after the sign-in test)"]);
    expect(rootMfaKindOf(summarize(results))).toBe("virtual");
  });

  describe("a step revisited (Esc back, then forward again) keeps what this run did there", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    const later = new Date("2026-11-22T10:05:00Z");
    const before = { source: "iam:GetAccountSummary", read: "AccountMFAEnabled=0", at };
    const readBack = { source: "iam:GetAccountSummary", read: "AccountMFAEnabled=1", at };
    const again = { source: "iam:GetAccountSummary", read: "AccountMFAEnabled=1", at: later };
    const fixed = verdict("verified", "read-back-confirms", [before, readBack]);

    it.each(STEP_IDS)("%s: found in place on the revisit, it stays fixed in this run and verified, with every read", (id) => {
      let results = recordVerdict({}, id, fixed);
      results = recordVerdict(results, id, verdict("verified", "already-compliant", [again]));
      expect(results[id]).toMatchObject({ state: "verified", reason: "read-back-confirms" });
      expect(results[id]!.evidence).toEqual([before, readBack, again]);
      const row = buildReport({
        version: "0",
        mode: "simulated",
        simulated: true,
        startedAt: at,
        endedAt: later,
        ending: "finished",
        results,
        changes: [],
        leftBehind: [],
      }).controls.find((c) => c.control === id)!;
      expect(row.reason).toBe("read-back-confirms");
      expect(row.evidence.map((e) => e.read)).toEqual(["AccountMFAEnabled=0", "AccountMFAEnabled=1", "AccountMFAEnabled=1"]);
    });

    it("a skip or a quit on the revisit does not undo the earlier result", () => {
      for (const revisit of [verdict("skipped", "operator-skipped", [again]), verdict("skipped", "interrupted")]) {
        const results = recordVerdict(recordVerdict({}, "password-policy", fixed), "password-policy", revisit);
        expect(results["password-policy"]).toMatchObject({ state: "verified", reason: "read-back-confirms" });
      }
    });

    it("a change not visible yet is verified by the revisit's read; a change made again tells both stories", () => {
      const pending = verdict("unverified", "not-visible-yet", [before]);
      const seen = recordVerdict(recordVerdict({}, "root-mfa", pending), "root-mfa", verdict("verified", "already-compliant", [again]));
      expect(seen["root-mfa"]).toMatchObject({ state: "verified", reason: "read-back-confirms", evidence: [before, again] });
      const declined = { ...verdict("skipped", "declined", [before]), leftBehind: ["a device"] };
      const finished = recordVerdict(recordVerdict({}, "operator-mfa", declined), "operator-mfa", verdict("verified", "already-compliant", [again]));
      expect(finished["operator-mfa"]!.leftBehind).toBeUndefined();
      const twice = recordVerdict(recordVerdict({}, "root-alerts", fixed), "root-alerts", verdict("verified", "read-back-confirms", [again]));
      expect(twice["root-alerts"]!.evidence).toEqual([before, readBack, again]);
    });

    it("a step first skipped, then done on the revisit, is the revisit's result", () => {
      const results = recordVerdict(recordVerdict({}, "root-mfa", verdict("skipped", "operator-skipped", [before])), "root-mfa", fixed);
      expect(results["root-mfa"]).toEqual(fixed);
    });
  });
});
