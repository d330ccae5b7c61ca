// The controls rootlock acts on, with the ids auditors look for (CIS AWS Foundations v3.0, Security Hub).
export type ControlId = "root-access-keys" | "root-mfa" | "operator-mfa" | "password-policy" | "admin-identity" | "root-alerts" | "root-signin";

export interface ControlIds {
  cis: string;
  securityHub: string;
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
  // CIS 1.7: avoid root use. The sign-in test proves root can sign in only with MFA, and is seen by CloudTrail.
  "root-signin": { cis: "1.7", securityHub: "IAM.20" },
  // CIS 4.3 (a metric filter and alarm on root use) and Security Hub CloudWatch.1 are the related controls: they
  // ask for a CloudWatch alarm, and an EventBridge rule to SNS is AWS's own recommended way to the same alert.
  "root-alerts": { cis: "4.3", securityHub: "CloudWatch.1" },
};

/** CIS 1.6 / IAM.6 asks for a hardware device on root; a virtual device does not meet it. Shown as advice. */
export const HARDWARE_MFA_IDS: ControlIds = { cis: "1.6", securityHub: "IAM.6" };

/** Offered when missing, and the operator may decline them without the run counting as not verified. */
export const OPTIONAL_CONTROLS: readonly ControlId[] = ["password-policy", "admin-identity", "root-alerts"];
