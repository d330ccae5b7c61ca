// The organization port: what `rootlock org` needs of AWS Organizations, IAM's centralized root access and
// sts:AssumeRoot, with plain typed values in and out (no SDK type), like the account port (account.ts).
//
// Two levels, as AWS has them:
// - `Org`, the caller's view (the management account or IAM's delegated administrator): the organization, its
//   accounts, trusted access, IAM's two root features, SCPs, and `assumeRoot`, which opens…
// - `MemberRoot`, a member account's root user through one AssumeRoot session, scoped to one task policy. Its
//   calls omit `UserName`: "When you make this request with root user credentials, you must use an AssumeRoot
//   session to omit the user name" (IAM API reference, ListAccessKeys; aws-facts §5.1).
//
// Failures are thrown as `OrgError` (org-errors.ts): AWS's code and the IAM action that failed.
// Writes go through `send`, typed by the org operations table (org-operations.ts).
import type { AccessKey } from "./account.js";
import type { OrgWrite, RootWrite } from "./org-operations.js";

/** IAM's two organization features (iam:ListOrganizationsFeatures). */
export type OrgFeature = "RootCredentialsManagement" | "RootSessions";
export const ORG_FEATURES: readonly OrgFeature[] = ["RootCredentialsManagement", "RootSessions"];

/** The service principal whose trusted access centralized root access needs. */
export const IAM_SERVICE_PRINCIPAL = "iam.amazonaws.com";

/** The five task policies (`arn:aws:iam::aws:policy/root-task/<name>`); rootlock uses the first three. */
export type RootTask = "IAMAuditRootUserCredentials" | "IAMDeleteRootUserCredentials" | "IAMCreateRootUserPassword";
export const taskPolicyArn = (task: RootTask): string => `arn:aws:iam::aws:policy/root-task/${task}`;

/**
 * How long a root session lives (DurationSeconds: at most 900, AWS's default). Short on purpose: a session is
 * minted just before its account's few calls, and one that outlives its work is a credential lying around.
 * A session that expires mid-work (ExpiredToken) is minted again once.
 */
export const ROOT_SESSION_SECONDS = 120;

export type AccountState = "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE";

export interface OrgAccount {
  id: string;
  name: string;
  email: string;
  state: AccountState;
}

export interface Organization {
  id: string;
  managementAccountId: string;
  /** FeatureSet "ALL" (not only consolidated billing): AssumeRoot needs it. */
  allFeatures: boolean;
}

export interface OrgCaller {
  accountId: string;
  arn: string;
}

export interface AccountPage {
  accounts: OrgAccount[];
  /** More may follow even after an empty page: only its absence ends the list. */
  next?: string;
}

/** A service control policy, with its document when the caller can read it. */
export interface ScpPolicy {
  id: string;
  name: string;
  /** The policy's JSON text; absent when it could not be read. */
  document?: string;
}

export interface SigningCertificate {
  id: string;
  status: "Active" | "Inactive";
}

export interface RootMfaDevice {
  serialNumber: string;
  /** A virtual device's serial number is its ARN (`arn:aws:iam::ACCT:mfa/NAME`); a hardware key's is not. */
  virtual: boolean;
}

/** What a member root holds, read with the audit task policy. */
export interface RootCredentials {
  /** The root user has a console password (GetLoginProfile answers). */
  password: boolean;
  accessKeys: AccessKey[];
  mfaDevices: RootMfaDevice[];
  certificates: SigningCertificate[];
}

/** One AssumeRoot session in a member account: the calls its task policy allows, with no UserName. */
export interface MemberRoot {
  readonly accountId: string;
  readonly task: RootTask;
  readonly expiresAt: Date;
  /** GetLoginProfile, ListAccessKeys (+ GetAccessKeyLastUsed), ListMFADevices, ListSigningCertificates. */
  credentials(): Promise<RootCredentials>;
  send(write: RootWrite): Promise<void>;
}

export interface Org {
  caller(): Promise<OrgCaller>;
  /** organizations:DescribeOrganization; AWSOrganizationsNotInUse when the caller is in none. */
  organization(): Promise<Organization>;
  /** organizations:ListAWSServiceAccessForOrganization: the service principals with trusted access. */
  trustedServices(): Promise<string[]>;
  /** organizations:ListDelegatedAdministrators for a service principal: their account ids. */
  delegatedAdministrators(servicePrincipal: string): Promise<string[]>;
  /** iam:ListOrganizationsFeatures. */
  features(): Promise<OrgFeature[]>;
  /** organizations:ListAccounts, one page (MaxResults at most 20). */
  accountsPage(next?: string): Promise<AccountPage>;
  /** The accounts under an OU or root, its child OUs included (ListAccountsForParent, ListOrganizationalUnitsForParent). */
  accountsUnder(parentId: string): Promise<string[]>;
  /** The SCPs attached to an account or to any parent above it (ListParents, ListPoliciesForTarget, DescribePolicy). */
  scpsFor(accountId: string): Promise<ScpPolicy[]>;
  /** A task policy's document, as JSON text (iam:GetPolicy + GetPolicyVersion of the AWS managed policy; task-policy.ts reads it). */
  taskPolicyDocument(task: RootTask): Promise<string>;
  /** sts:AssumeRoot at a regional endpoint. */
  assumeRoot(accountId: string, task: RootTask, durationSeconds: number): Promise<MemberRoot>;
  send(write: OrgWrite): Promise<void>;
}

/** Nothing a root could sign in or sign requests with: no password, key, certificate or MFA device. */
export function holdsNothing(c: RootCredentials): boolean {
  return !c.password && c.accessKeys.length === 0 && c.certificates.length === 0 && c.mfaDevices.length === 0;
}
