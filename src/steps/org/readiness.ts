// Readiness: can this caller audit member roots, and if not, what is missing and who can fix it.
//
// AWS's prerequisites (IAM User Guide, "Centrally manage root access for member accounts", id_root-enable-root-access):
// an organization with all features, trusted access for IAM (organizations:EnableAWSServiceAccess for
// iam.amazonaws.com), then IAM's features RootCredentialsManagement and RootSessions. Only the management account
// enables them (CallerIsNotManagementAccountException otherwise); the delegated administrator for IAM may use them.
// rootlock offers each fix it can send, confirmed, and reads it back.
import { IAM_SERVICE_PRINCIPAL, ORG_FEATURES, type Organization, type OrgCaller, type OrgFeature } from "../../aws/org.js";
import { isOrgError, type OrgErrorCode, OrgError } from "../../aws/org-errors.js";
import { callText, orgWrite, type OrgWrite, shownOrgCall } from "../../aws/org-operations.js";
import type { OrgDeps } from "./types.js";

export type Role = "management" | "delegated-admin" | "member";

export type Missing = "organization" | "all-features" | "trusted-access" | OrgFeature;

export interface MissingItem {
  what: Missing;
  /** The write that fixes it, when rootlock can send it (the caller is the management account). */
  fix?: OrgWrite;
  /** Who can fix it: only the management account; "console" for all features (an invitation handshake). */
  fixBy: "management-account" | "console";
}

export interface Readiness {
  caller: OrgCaller;
  organization?: Organization;
  role?: Role;
  trustedAccess: boolean;
  features: OrgFeature[];
  missing: MissingItem[];
  /** The audit can run: every prerequisite of AssumeRoot with the IAM task policies is there. */
  ready: boolean;
  /** A read that failed for another reason than a missing prerequisite. */
  failure?: { code: OrgErrorCode; action: string };
}

const FIX: Record<OrgFeature | "trusted-access", OrgWrite> = {
  "trusted-access": orgWrite("enableTrustedAccess", { servicePrincipal: IAM_SERVICE_PRINCIPAL }),
  RootCredentialsManagement: orgWrite("enableRootCredentialsManagement", {}),
  RootSessions: orgWrite("enableRootSessions", {}),
};

export async function readiness(deps: OrgDeps): Promise<Readiness> {
  const { org } = deps;
  const caller = await org.caller();
  const base = { caller, trustedAccess: false, features: [] as OrgFeature[] };
  let organization: Organization;
  try {
    organization = await org.organization();
  } catch (error) {
    if (isOrgError(error, "AWSOrganizationsNotInUse") || isOrgError(error, "OrganizationNotFound"))
      return { ...base, missing: [{ what: "organization", fixBy: "management-account" }], ready: false };
    throw error;
  }
  const trusted = (await org.trustedServices().catch((): string[] => [])).includes(IAM_SERVICE_PRINCIPAL);
  const admins = trusted ? await org.delegatedAdministrators(IAM_SERVICE_PRINCIPAL).catch((): string[] => []) : [];
  const role: Role = caller.accountId === organization.managementAccountId ? "management" : admins.includes(caller.accountId) ? "delegated-admin" : "member";
  let features: OrgFeature[] = [];
  let failure: Readiness["failure"];
  if (trusted && organization.allFeatures) {
    try {
      features = await org.features();
    } catch (error) {
      if (!isOrgError(error, "ServiceAccessNotEnabled")) failure = { code: error instanceof OrgError ? error.code : "Unknown", action: "iam:ListOrganizationsFeatures" };
    }
  }
  const canFix = role === "management";
  const missing: MissingItem[] = [];
  if (!organization.allFeatures) missing.push({ what: "all-features", fixBy: "console" });
  if (!trusted) missing.push({ what: "trusted-access", fixBy: "management-account", ...(canFix ? { fix: FIX["trusted-access"] } : {}) });
  for (const feature of ORG_FEATURES)
    if (!features.includes(feature)) missing.push({ what: feature, fixBy: "management-account", ...(canFix ? { fix: FIX[feature] } : {}) });
  // AssumeRoot needs RootSessions: EnableOrganizationsRootSessions "allows the management account or delegated
  // administrator to perform privileged tasks on member accounts" (IAM API reference). RootCredentialsManagement is
  // what AWS's guide enables with it (member accounts created afterwards have no root credentials): offered too.
  const ready = role !== "member" && organization.allFeatures && trusted && features.includes("RootSessions") && !failure;
  return { caller, organization, role, trustedAccess: trusted, features, missing, ready, ...(failure ? { failure } : {}) };
}

export interface FixOutcome {
  write: OrgWrite;
  call: string;
  /** Sent and read back: trusted access listed, or the feature in ListOrganizationsFeatures. */
  verified: boolean;
  failure?: { code: OrgErrorCode; action: string };
}

/** Sends one confirmed fix, then reads it back. */
export async function applyFix(deps: OrgDeps, item: MissingItem): Promise<FixOutcome> {
  const write = item.fix;
  if (!write) throw new Error(`nothing rootlock can send fixes ${item.what}`);
  const call = callText(shownOrgCall(write));
  try {
    await deps.org.send(write);
  } catch (error) {
    return { write, call, verified: false, failure: { code: error instanceof OrgError ? error.code : "Unknown", action: shownOrgCall(write).call } };
  }
  const verified =
    item.what === "trusted-access"
      ? (await deps.org.trustedServices()).includes(IAM_SERVICE_PRINCIPAL)
      : (await deps.org.features().catch(() => [] as OrgFeature[])).includes(item.what as OrgFeature);
  return { write, call, verified };
}
