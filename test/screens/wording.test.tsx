// Terminal craft, items 7 and 8: the Korean says what the English says, one word for one thing, and ids once.
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { messages } from "../../src/i18n/index.js";
import { ko } from "../../src/i18n/ko.js";
import { evidenceKo } from "../../src/i18n/evidence-ko.js";
import { orgKo } from "../../src/i18n/org-ko.js";
import { ConfirmCall } from "../../src/screens/components/ConfirmCall.js";
import { SummaryScreen } from "../../src/screens/SummaryScreen.js";
import { summarize } from "../../src/steps/summary.js";
import { apiAction } from "../../src/steps/types.js";
import { fold, renderIn, simulatedWorld } from "../helpers/ink.js";
import { VerdictView } from "../../src/screens/components/VerdictView.js";
import { inspectAdminIdentity } from "../../src/steps/admin-identity.js";
import { phrase, reads } from "../../src/steps/said.js";
import type { Verdict } from "../../src/steps/types.js";

describe.each(["en", "ko"] as const)("wording (%s)", (lang) => {
  const t = messages(lang);

  it("the confirm panel says where the MFA codes go in the run's language", () => {
    const action = apiAction("enableMfaDevice", { userName: "ops-admin", serialNumber: "arn:aws:iam::123456789012:mfa/ops-admin" });
    const r = renderIn(lang, <ConfirmCall action={action} onConfirm={() => {}} onDecline={() => {}} />);
    const frame = fold(r.frame());
    expect(frame).toContain(`AuthenticationCode1=${t.common.placeholders.firstCode}`);
    expect(frame).toContain(`AuthenticationCode2=${t.common.placeholders.nextCode}`);
    if (lang === "ko") expect(frame).not.toContain("(first code)");
    r.unmount();
  });

  it("the summary's hardware-MFA line names CIS 1.6 / IAM.6 once", () => {
    for (const kind of ["virtual", "non-virtual"] as const) {
      const r = renderIn(lang, <SummaryScreen rows={summarize({})} rootMfaKind={kind} />);
      const line = fold(r.frame())
        .split(/(?=1\.6)/)
        .filter((part) => part.startsWith("1.6"));
      // Once in the control's row ("1.6 / IAM.6") and once in the sentence about it: never "1.6 / IAM.6: CIS 1.6 / IAM.6 …".
      expect(fold(r.frame())).not.toMatch(/IAM\.6:\s*(CIS|루트)/);
      expect(line.length).toBeLessThanOrEqual(2);
      r.unmount();
    }
  });

  it("a verdict's read-back evidence is said in the run's language; its JSON text stays English", async () => {
    const { ctx } = await simulatedWorld("hardened");
    const finding = await inspectAdminIdentity(ctx);
    const v: Verdict = {
      state: "verified",
      reason: "read-back-confirms",
      evidence: [...finding.evidence, { source: "iam:GetGroup", ...reads(phrase("noneOf", "Admins")), at: new Date() }],
    };
    const r = renderIn(lang, <VerdictView verdict={v} />);
    const frame = fold(r.frame());
    expect(frame).toContain(t.evidence.noneOf("Admins"));
    expect(frame).toContain(t.evidence.adminByGroup(t.evidence.user(), "ops-admin", "Admins").split(" (")[0]!);
    if (lang === "ko") expect(frame).not.toMatch(/: none|\(group /);
    expect(v.evidence.at(-1)!.read).toBe("Admins: none");
    r.unmount();
  });

  it("a plan's counter says what it counts", () => {
    expect(t.common.progress(2, 13)).not.toBe("2/13");
    expect(t.common.planTitle(13)).toContain(t.common.progress(1, 13));
  });
});

describe("one word for one thing in Korean", () => {
  it("the MFA secret key is 비밀 키 wherever it is shown, never 보안 키 (the hardware security key)", () => {
    const secretEntries = [ko.app.keys.showSecret, ko.app.keyHelp.showSecret, ko.userMfa.showSecret, ko.standIn.mfa.showSecret, ko.userMfa.secretFallback];
    for (const text of secretEntries) {
      expect(text).toContain("비밀 키");
      expect(text).not.toContain("보안 키");
    }
    expect(en.standIn.mfa.showSecret.toLowerCase()).toContain("secret key");
  });

  /** Every sentence of a catalogue, a sentence that takes arguments said with sample ones. */
  const sentences = (o: unknown): string[] =>
    typeof o === "string" ? [o] : typeof o === "function" ? [String((o as (...a: unknown[]) => unknown)("X", 2, 3, 4))] : Object.values(o as object).flatMap(sentences);

  it("an MFA device is 디바이스 in the org catalogue as in the wizard's, never 장치", () => {
    expect(orgKo.evidence.found(false, 0, 1, 0)).toContain("MFA 디바이스");
    for (const text of sentences({ ko, orgKo, evidenceKo })) expect(text).not.toMatch(/MFA ?장치/);
  });

  it("simulated is 모의 everywhere (the account, the organization), never 시뮬레이션", () => {
    for (const text of sentences({ ko, orgKo, evidenceKo })) expect(text).not.toContain("시뮬레이션");
    // The org screen's mark names the organization, not the wizard's "simulated account".
    expect(orgKo.badge).toContain("모의");
    expect(orgKo.badge).not.toBe(ko.app.modes.simulated);
  });
});
