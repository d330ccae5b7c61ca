// Preflight and summary screens in both languages, and the catalogues' completeness.
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { messages } from "../../src/i18n/index.js";
import { ko } from "../../src/i18n/ko.js";
import { PreflightScreen } from "../../src/screens/PreflightScreen.js";
import { SummaryScreen } from "../../src/screens/SummaryScreen.js";
import type { PreflightFinding } from "../../src/steps/preflight.js";
import { summarize } from "../../src/steps/summary.js";
import type { Verdict } from "../../src/steps/types.js";
import { fold, KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

describe.each(["en", "ko"] as const)("PreflightScreen and SummaryScreen (%s)", (lang) => {
  const t = messages(lang);

  it("shows the caller, the account, the clock and every control before anything changes", async () => {
    const { account } = await simulatedWorld("new-account");
    let done: PreflightFinding | undefined;
    const r = renderIn(lang, <PreflightScreen account={account} now={() => new Date()} onDone={(f) => (done = f)} onQuit={() => {}} />);
    const frame = await r.waitFor(t.preflight.plan);
    expect(frame).toContain("arn:aws:iam::123456789012:user/ops-admin");
    expect(frame).toContain(t.preflight.callerKinds["iam-user"]);
    expect(frame).toContain(t.preflight.rootKeys(true));
    expect(frame).toContain(t.preflight.rootMfa(false));
    expect(frame).toContain(t.preflight.orphans(1));
    expect(frame).toContain(t.preflight.planRecommended);
    await r.press(KEYS.enter);
    expect(done?.caller.userName).toBe("ops-admin");
    r.unmount();
  });

  it("warns when this machine's clock is off from AWS's", async () => {
    const { SimulatedAccount } = await import("../../src/aws/simulated/index.js");
    const account = new SimulatedAccount({ clockSkewMs: 95_000 });
    const r = renderIn(lang, <PreflightScreen account={account} now={() => new Date()} onDone={() => {}} onQuit={() => {}} />);
    await r.waitFor(t.preflight.clockOff("95.0").slice(0, 12));
    r.unmount();
  });

  it("lists each control with its ids and state, and says plainly when not all is verified", () => {
    const rows = summarize({
      "root-access-keys": { state: "verified", reason: "read-back-confirms", evidence: [] },
      "root-mfa": { state: "unverified", reason: "not-visible-yet", evidence: [] },
      "root-signin": { state: "failed", reason: "signin-without-mfa", evidence: [] },
    });
    const r = renderIn(lang, <SummaryScreen rows={rows} rootMfaKind="virtual" />);
    const frame = r.frame();
    for (const id of ["1.4 / IAM.4", "1.5 / IAM.9", "1.10 / IAM.5", "1.7 / —", "1.6 / IAM.6"]) expect(frame).toContain(id);
    for (const state of ["verified", "unverified", "failed", "skipped"] as const) expect(frame).toContain(t.states[state]);
    expect(frame).toContain(t.summary.someNot);
    r.unmount();
  });

  it("never says every control is verified beside a skipped row; says what was skipped", () => {
    const ok: Verdict = { state: "verified", reason: "read-back-confirms", evidence: [] };
    const results = { "root-access-keys": ok, "root-mfa": ok, "operator-mfa": ok, "password-policy": ok, "admin-identity": ok, "root-signin": ok };
    const skipped = summarize({ ...results, "root-alerts": { state: "skipped", reason: "operator-skipped", evidence: [] } });
    const r = renderIn(lang, <SummaryScreen rows={skipped} rootMfaKind="non-virtual" />);
    expect(r.frame()).not.toContain(t.summary.allVerified);
    expect(fold(r.frame())).toContain(fold(t.summary.allTakenVerified(t.steps["root-alerts"])));
    r.unmount();
    const all = renderIn(lang, <SummaryScreen rows={summarize({ ...results, "root-alerts": ok })} rootMfaKind="non-virtual" />);
    expect(all.frame()).toContain(t.summary.allVerified);
    all.unmount();
    // A dry run changed nothing: "run again to pick up where this left off" is not what it needs.
    const dry = renderIn(
      lang,
      <SummaryScreen rows={summarize({ "root-access-keys": { state: "skipped", reason: "dry-run", evidence: [] } })} rootMfaKind={undefined} />,
      { mode: "dry-run" },
    );
    expect(fold(dry.frame())).toContain(fold(t.summary.dryRunEnd));
    expect(dry.frame()).not.toContain(t.summary.someNot);
    dry.unmount();
  });
});

describe("message catalogues", () => {
  /** Every leaf of en has a Korean counterpart of the same kind, and no Korean string is left in English. */
  function leaves(value: unknown, path = ""): [string, unknown][] {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
    }
    return [[path, value]];
  }

  it("has the same entries in English and Korean, each translated", () => {
    const enLeaves = new Map(leaves(en));
    const koLeaves = new Map(leaves(ko));
    expect([...koLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    const sample = (v: unknown) => (typeof v === "function" ? (v as (...a: unknown[]) => string)("X", 1, "Y") : Array.isArray(v) ? v.join(" ") : String(v));
    const untranslated = [...enLeaves.entries()]
      // Names that stay as they are in Korean: the program, and the standards' own names.
      // (and the report's, rootlock's own label, and the policy read: AWS's parameter names and values).
      .filter(
        ([key]) =>
          ![
            "app.name",
            "summary.ids",
            "check.head.securityHub",
            "report.head.securityHub",
            "evidence.sources.rootlock",
            "evidence.passwordPolicy",
            // Commands as typed: `rootlock org`, `rootlock check`.
            "cli.refusals.belongs.org",
            "cli.refusals.belongs.orgCheck",
            "cli.refusals.belongs.check",
          ].includes(key),
      )
      .filter(([key, v]) => {
        const text = sample(koLeaves.get(key));
        return text === sample(v) && /[a-z]{4,}/.test(text) && !/[가-힣]/.test(text);
      })
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
