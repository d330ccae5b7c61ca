// Long lists in a short terminal: the last lines that fit, "… N more" above them in the run's language, and never
// a line cut short (cutting read-back evidence to one line once hid `MFAUsed=Yes`).
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { linesThatFit } from "../../src/screens/components/BoundedList.js";
import { ConfirmCall } from "../../src/screens/components/ConfirmCall.js";
import { VerdictView } from "../../src/screens/components/VerdictView.js";
import { PasswordPolicyView } from "../../src/screens/PasswordPolicyScreen.js";
import { RoomContext, wrappedRows } from "../../src/screens/room.js";
import { targetPolicy } from "../../src/steps/password-policy.js";
import { apiAction, verdict } from "../../src/steps/types.js";
import { fold, renderIn } from "../helpers/ink.js";

describe("linesThatFit", () => {
  const lines = ["one", "two", "three", "a line long enough to wrap onto a second row at twenty", "five"];

  it("shows every line when they all fit, wrapped rows counted", () => {
    expect(wrappedRows(lines[3]!, 20)).toBe(3);
    expect(linesThatFit(lines, 8, 20)).toBe(5);
  });

  it("shows the last lines that fit beside the '… N more' line, a wrapped line taking its rows", () => {
    expect(linesThatFit(lines, 7, 20)).toBe(5); // every line: 1 + 1 + 1 + 3 + 1 rows
    expect(linesThatFit(lines, 6, 20)).toBe(3); // "… 2 more", "three", the long line's three rows, "five"
    expect(linesThatFit(lines, 5, 20)).toBe(2);
    expect(linesThatFit(lines, 4, 20)).toBe(1);
  });

  it("shows the last line even where nothing fits", () => {
    expect(linesThatFit(lines, 1, 20)).toBe(1);
  });

  it("measures Korean letters as two columns", () => {
    expect(wrappedRows("가나다라마 바사아자차", 10)).toBe(2);
    expect(wrappedRows("가나다라마바사아자차", 10)).toBe(2);
  });
});

describe.each(["en", "ko"] as const)("read-back evidence in a short terminal (%s)", (lang) => {
  const t = messages(lang);
  const at = new Date("2026-12-01T10:00:00Z");
  const evidence = [
    ...Array.from({ length: 10 }, (_, i) => ({ source: "iam:GetAccountSummary", read: `AccountMFAEnabled=1 (read ${i + 1})`, at })),
    {
      source: "iam:GenerateCredentialReport",
      read: "<root_account>: password_enabled=true, password_last_used=2026-11-30T09:00:00Z, mfa_active=true, MFAUsed=Yes",
      at,
    },
  ];

  it("shows its last lines whole, and says how many more are in the report", async () => {
    const ROWS = 8;
    const app = renderIn(
      lang,
      <RoomContext.Provider value={{ rows: ROWS, cols: 100 }}>
        <VerdictView verdict={verdict("verified", "read-back-confirms", evidence)} around={0} />
      </RoomContext.Provider>,
    );
    const frame = await app.waitFor(t.common.evidence);
    expect(frame.trimEnd().split("\n").length).toBeLessThanOrEqual(ROWS);
    expect(fold(frame)).toContain(fold(t.bounded.moreInReport(7)));
    // The last line, long as it is, whole: what matters at its end is shown.
    expect(fold(frame)).toContain("mfa_active=true, MFAUsed=Yes");
    expect(frame).toContain("(read 10)");
    expect(frame).not.toContain("(read 7)");
    app.unmount();
  });

  it("shows every line where there is room", async () => {
    const app = renderIn(
      lang,
      <RoomContext.Provider value={{ rows: 40, cols: 100 }}>
        <VerdictView verdict={verdict("verified", "read-back-confirms", evidence)} around={0} />
      </RoomContext.Provider>,
    );
    const frame = await app.waitFor(t.common.evidence);
    expect(frame).toContain("(read 1)");
    expect(fold(frame)).not.toContain(fold(t.bounded.moreInReport(1)).slice(0, 3));
    app.unmount();
  });
});

describe.each(["en", "ko"] as const)("the password policy's settings in a short terminal (%s)", (lang) => {
  const t = messages(lang);
  const current = {
    minimumPasswordLength: 8,
    requireSymbols: false,
    requireNumbers: true,
    requireUppercaseCharacters: true,
    requireLowercaseCharacters: true,
    allowUsersToChangePassword: true,
    passwordReusePrevention: 5,
    hardExpiry: false,
  };
  const finding = { current, target: targetPolicy(current), meetsLength: false, meetsReuse: false, evidence: [] };

  it("shows the last settings that fit, the CIS lines whole below them", async () => {
    const app = renderIn(
      lang,
      <RoomContext.Provider value={{ rows: 10, cols: 100 }}>
        <PasswordPolicyView finding={finding} around={0} />
      </RoomContext.Provider>,
    );
    const frame = await app.waitFor(t.passwordPolicy.setting);
    expect(frame.trimEnd().split("\n").length).toBeLessThanOrEqual(10);
    expect(fold(frame)).toContain(fold(t.bounded.moreSettings(3)));
    expect(frame).toContain("HardExpiry");
    expect(frame).not.toContain("MinimumPasswordLength");
    expect(fold(frame)).toContain(fold(t.passwordPolicy.length(false)));
    expect(fold(frame)).toContain(fold(t.passwordPolicy.reuse(false)));
    app.unmount();
  });
});

describe.each(["en", "ko"] as const)("a long plan at its first confirmation, in a short terminal (%s)", (lang) => {
  const t = messages(lang);
  const plan = Array.from({ length: 13 }, (_, i) => apiAction("deleteRootAccessKey", { keyId: `AKIA4ROOTKEY${String(i + 1).padStart(8, "0")}` }));

  it("shows the call asked for in full, the last calls that fit, and how many more", async () => {
    const ROWS = 12;
    const app = renderIn(
      lang,
      <RoomContext.Provider value={{ rows: ROWS, cols: 100 }}>
        <ConfirmCall action={plan[0]!} plan={plan} approveAll={13} onApproveAll={() => {}} onConfirm={() => {}} onDecline={() => {}} around={0} />
      </RoomContext.Provider>,
    );
    const frame = await app.waitFor(t.common.confirmTitle);
    expect(frame.trimEnd().split("\n").length).toBeLessThanOrEqual(ROWS);
    expect(frame).toContain(" 1. iam:DeleteAccessKey(AccessKeyId=AKIA4ROOTKEY00000001)");
    expect(frame).toContain("13. iam:DeleteAccessKey(AccessKeyId=AKIA4ROOTKEY00000013)");
    expect(frame).not.toContain("AKIA4ROOTKEY00000002");
    expect(fold(frame)).toContain(fold(t.bounded.more(6)));
    app.unmount();
  });
});
