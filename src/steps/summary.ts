// The end of the run: every control with its verdict and its audit ids.
import { CONTROL_IDS, type ControlId, type ControlIds } from "./controls.js";
import type { Verdict } from "./types.js";

export interface SummaryRow {
  control: ControlId;
  ids: ControlIds;
  verdict: Verdict;
}

export const SUMMARY_ORDER: ControlId[] = ["root-access-keys", "root-mfa", "operator-mfa", "password-policy", "admin-identity", "root-signin"];

/** A control the run never reached (quit early) is reported as skipped, never as done. */
export function summarize(results: Partial<Record<ControlId, Verdict>>): SummaryRow[] {
  return SUMMARY_ORDER.map((control) => ({
    control,
    ids: CONTROL_IDS[control],
    verdict: results[control] ?? { state: "skipped", reason: "operator-skipped", evidence: [] },
  }));
}

export function allVerified(rows: SummaryRow[]): boolean {
  return rows.every((r) => r.verdict.state === "verified" || (r.verdict.state === "skipped" && r.verdict.reason === "not-applicable"));
}
