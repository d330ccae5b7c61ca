// How a `rootlock org` run ended (steps/org/end.ts) and how it is said (org-text.ts endText): done only when every
// account covered is credential-less; the accounts not done in order (failed by their commonest reason, then still
// holding, then declined, then not started), each cause's fix once, and the run-again command (its ids only where
// they fit).
import { describe, expect, it } from "vitest";
import { orgEn } from "../../src/i18n/org-en.js";
import { endText } from "../../src/org-text.js";
import { runEnd } from "../../src/steps/org/end.js";
import type { AccountResult, OrgFailure } from "../../src/steps/org/types.js";

const none = { password: false, accessKeys: [], mfaDevices: [], certificates: [] };
const result = (n: number, state: AccountResult["state"], extra: Partial<AccountResult> = {}): AccountResult => ({
  account: { id: String(200000000000 + n), name: `team-${n}`, email: `t${n}@example.com`, state: "ACTIVE" },
  state,
  retries: 0,
  evidence: [],
  ...extra,
});
const scpFailure = (effect: "blocks-assume-root" | "unknown", id: string): OrgFailure => ({
  reason: "scp",
  code: "AccessDenied",
  action: "iam:GetLoginProfile",
  scps: [{ id, name: id.toUpperCase(), effect }],
});

describe("the end of a rootlock org run", () => {
  it("is done when every account covered is credential-less, the skipped ones said apart", () => {
    const end = runEnd([
      result(1, "verified", { credentials: none }),
      result(2, "credential-less", { credentials: none }),
      result(0, "skipped", { skip: "management" }),
      result(3, "skipped", { skip: "not-active" }),
    ]);
    expect(end.done).toBe(true);
    const text = endText(end, orgEn, "rootlock org");
    expect(text.headline).toBe(orgEn.end.done(1, 1));
    expect(text.forward).toEqual([]);
    expect(text.skipped).toBe(orgEn.end.skipped(`${orgEn.end.skippedManagement}; ${orgEn.end.skippedInactive(1)}`));
  });

  it("lists what is not done in order, each cause's fix once, and the command for just those accounts", () => {
    const end = runEnd(
      [
        result(9, "failed", { failure: { reason: "throttled", code: "Throttling", action: "sts:AssumeRoot" } }),
        result(8, "failed", { failure: scpFailure("unknown", "p-maybe") }),
        result(7, "failed", { failure: scpFailure("blocks-assume-root", "p-deny") }),
        result(6, "still-holds", { credentials: { ...none, password: true } }),
        result(5, "holds", { credentials: { ...none, password: true } }),
        result(4, "verified", { credentials: none }),
      ],
      ["200000000003"],
    );
    expect(end.done).toBe(false);
    expect(end.again).toEqual(["200000000007", "200000000008", "200000000009", "200000000006", "200000000005", "200000000003"]);
    const text = endText(end, orgEn, "rootlock org");
    expect(text.headline).toBe(
      orgEn.end.notDone(
        6,
        7,
        [
          orgEn.end.parts.failed(3, `${orgEn.end.reasons.scp(2)}, ${orgEn.end.reasons.throttled(1)}`),
          orgEn.end.parts.stillHolds(1),
          orgEn.end.parts.notRemoved(1),
          orgEn.end.parts.notStarted(1),
        ].join("; "),
      ),
    );
    expect(text.accounts.map((line) => line.slice(0, 12))).toEqual(end.again);
    expect(text.accounts[4]).toContain(orgEn.end.notSent(orgEn.holds(true, 0, 0, 0)));
    expect(text.forward).toEqual([
      orgEn.end.checkScp("P-MAYBE", "p-maybe"),
      orgEn.end.fixScp("P-DENY", "p-deny"),
      orgEn.end.fixLater,
      orgEn.end.fixStillHolds,
      orgEn.end.fixNotRemoved,
      orgEn.end.again(`rootlock org --accounts ${end.again.join(",")}`),
    ]);
    // Where the ids would not fit, the command names the flag and the report (which passes no cap) has them all.
    expect(endText(end, orgEn, "rootlock org", 5).forward.at(-1)).toBe(orgEn.end.againMany(6, "rootlock org"));
  });
});
