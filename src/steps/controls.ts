// The controls rootlock acts on, with the ids auditors look for (CIS AWS Foundations v3.0, Security Hub): the one
// table of ids. The wizard's summary, the evidence report and `rootlock check` all take them from here.
//
// Sources: CIS v3.0 numbering and Security Hub's mappings, ../shared/reference/aws-facts.md §7.2, §7.3. Security Hub
// IAM.20 ("Avoid the use of the root user") maps to CIS v1.2.0/1.1 only and checks a metric filter; CIS v3.0 1.7 has
// no Security Hub control. CloudWatch.1 ("A log metric filter and alarm should exist for usage of the root user")
// lists CIS v1.4.0/1.7 and 4.3 among its related requirements (Security Hub user guide, cloudwatch-controls.md).
import type { CheckFinding } from "../check-schema.js";

export type ControlId = "root-access-keys" | "root-mfa" | "operator-mfa" | "password-policy" | "admin-identity" | "root-alerts" | "root-signin";

export interface ControlIds {
  cis: string;
  /** The Security Hub control that checks this very control; "—" when there is none. */
  securityHub: string;
  /** A Security Hub control that checks something related (not this control itself), for auditors to look at. */
  related?: string;
}


export const CONTROL_IDS: Record<ControlId, ControlIds> = {
  // CIS 1.4: no root access key exists (an inactive key still counts as present).
  "root-access-keys": { cis: "1.4", securityHub: "IAM.4" },
  // CIS 1.5: MFA is enabled for the root user (virtual, hardware or passkey).
  "root-mfa": { cis: "1.5", securityHub: "IAM.9" },
  // CIS 1.10: MFA for every IAM user with a console password — here, the operator's own admin user.
  "operator-mfa": { cis: "1.10", securityHub: "IAM.5" },
  // CIS 1.8 (minimum length 14) and 1.9 (reuse prevention 24): Security Hub IAM.15 and IAM.16.
  "password-policy": { cis: "1.8, 1.9", securityHub: "IAM.15, IAM.16" },
  // CIS 1.7 asks that root not be used for daily work: that needs an administrator other than root. No
  // Security Hub control checks for one.
  "admin-identity": { cis: "1.7", securityHub: "—" },
  // CIS 1.7: avoid root use. The sign-in test proves root can sign in only with MFA, and is seen by CloudTrail. No
  // Security Hub control checks CIS v3.0 1.7 (IAM.20 is CIS v1.2's 1.1); CloudWatch.1, an alarm on root use, is related.
  "root-signin": { cis: "1.7", securityHub: "—", related: "CloudWatch.1" },
  // CIS 4.3 (a metric filter and alarm on root use) is the control this answers: rootlock reaches the same alert by
  // AWS's recommended road, an EventBridge rule to SNS. Security Hub's CloudWatch.1 checks for the metric filter and
  // alarm themselves, so it would still fail on an account alerted this way: it is related, not met.
  "root-alerts": { cis: "4.3", securityHub: "—", related: "CloudWatch.1" },
};

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
export const OPTIONAL_CONTROLS: readonly ControlId[] = ["password-policy", "admin-identity", "root-alerts"];
