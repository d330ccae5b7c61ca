// The end of the run: every control with its verdict and its audit ids.
import { CONTROL_IDS, type ControlId, type ControlIds, OPTIONAL_CONTROLS } from "./controls.js";
import { STEP_IDS } from "./registry.js";
import type { Verdict } from "./types.js";

export interface SummaryRow {
  control: ControlId;
  ids: ControlIds;
  verdict: Verdict;
}

/** Every registered step, in the registry's order. */
export const SUMMARY_ORDER: readonly ControlId[] = STEP_IDS;

/** A control the run never reached (quit early) is reported as not reached, never as done nor as the operator's skip. */
export function summarize(results: Partial<Record<ControlId, Verdict>>, controls: readonly ControlId[] = SUMMARY_ORDER): SummaryRow[] {
  return SUMMARY_ORDER.filter((c) => controls.includes(c)).map((control) => ({
    control,
    ids: CONTROL_IDS[control],
    verdict: results[control] ?? { state: "skipped", reason: "not-reached", evidence: [] },
  }));
}

/**
 * The optional steps (password policy, admin identity, alerts) may be declined: a run that skips them can still
 * end "all verified" (exit 0), and the report lists them as skipped. Once taken on, each counts like any other
 * (a pending subscription, a policy not yet read back, is not verified).
 */
export function allVerified(rows: SummaryRow[], optional: readonly ControlId[] = OPTIONAL_CONTROLS): boolean {
  return rows.every(
    (r) =>
      r.verdict.state === "verified" ||
      (r.verdict.state === "skipped" && (r.verdict.reason === "not-applicable" || (optional.includes(r.control) && r.verdict.reason === "operator-skipped"))),
  );
}

/** The optional steps the operator declined: "every control is verified" is never said beside one of them. */
export function skippedOptional(rows: SummaryRow[]): ControlId[] {
  return rows.filter((r) => r.verdict.state === "skipped" && r.verdict.reason === "operator-skipped").map((r) => r.control);
}

/** Root's MFA kind, as the root MFA step handed it on (the summary's hardware-MFA advice, CIS 1.6 / IAM.6). */
export function rootMfaKindOf(rows: SummaryRow[]): "virtual" | "non-virtual" | undefined {
  return rows.find((r) => r.control === "root-mfa")?.verdict.handoff?.rootMfaKind;
}
