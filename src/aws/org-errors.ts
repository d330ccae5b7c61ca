// The organization port's failures as typed values, like AccountError (errors.ts): AWS's code and the IAM action
// that failed, never the SDK's text. Organizations and IAM's organization features add codes of their own
// (IAM API reference: ListOrganizationsFeatures, EnableOrganizationsRootCredentialsManagement; STS API reference:
// AssumeRoot's RegionDisabledException).
import { KNOWN_CODES } from "./errors.js";

export const ORG_CODES = [
  ...KNOWN_CODES,
  "AWSOrganizationsNotInUse",
  "OrganizationNotFound",
  "OrganizationNotInAllFeaturesMode",
  "ServiceAccessNotEnabled",
  "AccountNotManagementOrDelegatedAdministrator",
  "CallerIsNotManagementAccount",
  "RegionDisabled",
  "AccountNotFound",
  "ConcurrentModification",
] as const;

export type OrgErrorCode = (typeof ORG_CODES)[number];

/**
 * Why an AccessDenied: AWS's message says "with an explicit deny in a service control policy" when an SCP did it
 * (IAM User Guide, "Troubleshoot access denied error messages"); that is the one cause rootlock names apart.
 */
export type DeniedBy = "scp" | "other";

export class OrgError extends Error {
  readonly code: OrgErrorCode;
  readonly action: string;
  readonly deniedBy?: DeniedBy;
  constructor(code: OrgErrorCode, action: string, deniedBy?: DeniedBy) {
    super(`${code} on ${action}${deniedBy === "scp" ? " (service control policy)" : ""}`);
    this.name = "OrgError";
    this.code = code;
    this.action = action;
    if (deniedBy) this.deniedBy = deniedBy;
  }
}

export function isOrgError(error: unknown, code?: OrgErrorCode): error is OrgError {
  return error instanceof OrgError && (code === undefined || error.code === code);
}

/** AWS's sentence for an SCP's denial, as its AccessDenied messages word it. */
export function deniedByScp(message: string | undefined): boolean {
  return /explicit deny in a service control policy/i.test(message ?? "");
}
