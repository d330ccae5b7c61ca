// The audit ids of what rootlock acts on and checks (CIS AWS Foundations v3.0, Security Hub). The wizard's steps
// carry theirs on their registry line (registry.ts, with the sources); this file adds the ids that are not a step
// of their own (hardware MFA, advice) and the rows of `rootlock check`. The wizard's summary, the evidence report
// and `rootlock check` all take them from here or from the registry.
import type { CheckFinding } from "../check-schema.js";
import { STEPS, OPTIONAL_STEPS, type StepId } from "./registry.js";

/** A control the wizard acts on: one per registered step. */
export type ControlId = StepId;

export interface ControlIds {
  cis: string;
  /** The Security Hub control that checks this very control; "—" when there is none. */
  securityHub: string;
  /** A Security Hub control that checks something related (not this control itself), for auditors to look at. */
  related?: string;
}

/** The wizard's controls and their ids, from the registry. */
export const CONTROL_IDS = Object.fromEntries(STEPS.map((s) => [s.id, s.ids])) as Record<ControlId, ControlIds>;

/** CIS 1.6 / IAM.6 asks for a hardware device on root; a virtual device does not meet it. Shown as advice. */
export const HARDWARE_MFA_IDS: ControlIds = { cis: "1.6", securityHub: "IAM.6" };

/** The rows of `rootlock check`, by the names its JSON gives them: the wizard's ids where the control is the same. */
export const AUDIT_IDS: Record<CheckFinding["control"], ControlIds> = {
  "root-access-keys": CONTROL_IDS["root-access-keys"],
  "root-mfa": CONTROL_IDS["root-mfa"],
  "root-hardware-mfa": HARDWARE_MFA_IDS,
  // Root's sign-ins in CloudTrail: the same control as the wizard's sign-in test.
  "root-use": CONTROL_IDS["root-signin"],
  "root-activity-alerts": CONTROL_IDS["root-alerts"],
  // CIS 1.2: a security contact; Security Hub Account.1.
  "security-contact": { cis: "1.2", securityHub: "Account.1" },
  "admin-identity": CONTROL_IDS["admin-identity"],
  "password-min-length": { cis: "1.8", securityHub: "IAM.15" },
  "password-reuse": { cis: "1.9", securityHub: "IAM.16" },
};

/**
 * How a title names a control's ids: "CIS 1.4 / Security Hub IAM.4"; "CIS 1.7" when no Security Hub control checks
 * it; its related control in the catalogue's own words ("CloudWatch.1, related", "CloudWatch.1 관련").
 */
export function idsInTitle(ids: ControlIds, related: (control: string) => string): string {
  if (ids.securityHub !== "—") return `CIS ${ids.cis} / Security Hub ${ids.securityHub}`;
  return ids.related ? `CIS ${ids.cis} / Security Hub ${related(ids.related)}` : `CIS ${ids.cis}`;
}

/** The short form, inside a sentence: "CIS 1.6 / IAM.6". */
export function idsShort(ids: ControlIds): string {
  return `CIS ${ids.cis} / ${ids.securityHub}`;
}

/** Offered when missing, and the operator may decline them without the run counting as not verified. */
export const OPTIONAL_CONTROLS: readonly ControlId[] = OPTIONAL_STEPS;
