// Every AWS call rootlock can send, once: what it is for, whether it changes the account, and which mode needs it.
// The live adapter (src/aws/live/) sends nothing that is not here (test/unit/permissions.test.ts scans it),
// `rootlock policy` prints the least-privilege IAM policy for a mode from it, and the README's permission table is
// generated from it (`npm run docs:permissions`). The writes come from the operations table (operations.ts), which
// the adapters implement op by op. Plain data: --help and `policy` load it without the SDK.

import { OPS } from "./operations.js";
import { ORG_OPS, ROOT_OPS } from "./org-operations.js";

/** `check`: the read-only audit. `wizard`: every step of the wizard, the alerts step included (`rootlock alerts` too). */
export type Mode = "check" | "wizard";

export interface AwsCall {
  /** The IAM action, as a policy names it: "iam:GetAccountSummary". */
  action: string;
  access: "read" | "write";
  modes: readonly Mode[];
  /** The steps that send it, in the README's words. */
  usedBy: string;
}

const both: readonly Mode[] = ["check", "wizard"];
const check: readonly Mode[] = ["check"];
const wizard: readonly Mode[] = ["wizard"];
const read = (action: string, modes: readonly Mode[], usedBy: string): AwsCall => ({ action, access: "read", modes, usedBy });
const write = (action: string, usedBy: string): AwsCall => ({ action, access: "write", modes: wizard, usedBy });

export const AWS_CALLS: readonly AwsCall[] = [
  read("sts:GetCallerIdentity", both, "preflight, root keys, check"),
  read("iam:GetAccountSummary", both, "preflight, root keys, root MFA, check"),
  read("iam:ListVirtualMFADevices", both, "preflight, root MFA, admin user MFA, check"),
  read("iam:ListMFADevices", wizard, "preflight, admin user MFA, admin identity"),
  read("iam:GenerateCredentialReport", both, "root keys, check"),
  read("iam:GetCredentialReport", both, "root keys, check"),
  // ListAccessKeys without UserName lists the caller's own keys: only with root's key is it sent.
  read("iam:ListAccessKeys", both, "root keys and check, when the caller is root"),
  read("iam:GetAccessKeyLastUsed", both, "root keys and check, when the caller is root"),
  read("cloudtrail:LookupEvents", both, "sign-in test, check (us-east-1)"),
  read("events:ListRules", both, "alerts (the account's own alerts), check (us-east-1)"),
  read("events:ListTargetsByRule", both, "alerts, check (us-east-1)"),
  read("events:DescribeRule", wizard, "alerts (us-east-1)"),
  read("sns:ListSubscriptionsByTopic", both, "alerts, check (us-east-1)"),
  read("sns:GetTopicAttributes", wizard, "alerts (us-east-1)"),
  read("cloudtrail:DescribeTrails", both, "alerts, check"),
  read("cloudtrail:GetTrailStatus", both, "alerts, check"),
  read("cloudtrail:GetEventSelectors", both, "alerts, check"),
  read("s3:GetBucketPolicy", wizard, "alerts: the trail's bucket"),
  read("events:DescribeConnection", both, "alerts: the webhook, check (a webhook alert delivers only with its connection AUTHORIZED)"),
  read("events:DescribeApiDestination", both, "alerts: the webhook, check (a webhook alert delivers only while its destination is ACTIVE)"),
  read("iam:GetRole", wizard, "alerts: the webhook's role"),
  read("iam:GetRolePolicy", wizard, "alerts: the webhook's role"),
  read("account:GetAlternateContact", check, "check (security contact)"),
  read("iam:GetAccountPasswordPolicy", both, "password policy, admin identity, check"),
  read("iam:ListEntitiesForPolicy", both, "admin identity, check"),
  read("iam:GetGroup", both, "admin identity, check"),
  read("iam:ListAttachedGroupPolicies", wizard, "admin identity"),
  read("iam:GetUser", wizard, "admin identity"),
  read("iam:GetLoginProfile", wizard, "admin identity"),

  // Every write, from the operations table: what the adapters send is what the policy allows.
  // Every write, from the operations table: what the adapters send is what the policy allows. Two ops may send the
  // same action (events:PutTargets, for the topic and for the webhook): one row, their uses joined.
  ...writesByAction(),
  // Not a call: PutTargets with a RoleArn (the webhook's target) needs the caller to be allowed to pass that role
  // (EventBridge User Guide, "Permissions required for EventBridge to access targets using IAM roles").
  write("iam:PassRole", "alerts: the webhook's target (events:PutTargets with RoleArn)"),
];

function writesByAction(): AwsCall[] {
  const uses = new Map<string, string[]>();
  for (const o of Object.values(OPS)) uses.set(o.action, [...(uses.get(o.action) ?? []), o.usedBy]);
  return [...uses].map(([action, usedBy]) => write(action, [...new Set(usedBy)].join("; ")));
}

const sorted = (actions: Iterable<string>) => [...new Set(actions)].sort();

/** The actions a mode needs; `readsOnly` for a dry run, which sends no write. */
export function actionsFor(mode: Mode, readsOnly = false): string[] {
  return sorted(AWS_CALLS.filter((c) => c.modes.includes(mode) && (!readsOnly || c.access === "read")).map((c) => c.action));
}

/**
 * A least-privilege identity policy for a mode: every action it can send, nothing else (Resource "*": the calls act
 * on the account, and the names of what the wizard creates are the operator's choice). `readsOnly`: for --dry-run.
 */
export function policyFor(mode: Mode, readsOnly = false): { Version: "2012-10-17"; Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: "*" }[] } {
  const reads = sorted(AWS_CALLS.filter((c) => c.modes.includes(mode) && c.access === "read").map((c) => c.action));
  const writes = readsOnly ? [] : sorted(AWS_CALLS.filter((c) => c.modes.includes(mode) && c.access === "write").map((c) => c.action));
  const statement = (Sid: string, Action: string[]) => ({ Sid, Effect: "Allow" as const, Action, Resource: "*" as const });
  return { Version: "2012-10-17", Statement: [statement("RootlockReads", reads), ...(writes.length > 0 ? [statement("RootlockWrites", writes)] : [])] };
}

export const TABLE_START = "<!-- permissions:start (generated from src/aws/permissions.ts by `npm run docs:permissions`; do not edit) -->";
export const TABLE_END = "<!-- permissions:end -->";

/** The README's permission table, one row per call. */
export function permissionsTable(): string {
  const mark = (c: AwsCall, mode: Mode) => (c.modes.includes(mode) ? "✔" : "");
  const rows = [...AWS_CALLS].sort((a, b) => (a.access === b.access ? a.action.localeCompare(b.action) : a.access === "read" ? -1 : 1));
  return [
    "| call | access | `check` | wizard | used by |",
    "|---|---|---|---|---|",
    ...rows.map((c) => `| \`${c.action}\` | ${c.access} | ${mark(c, "check")} | ${mark(c, "wizard")} | ${c.usedBy} |`),
  ].join("\n");
}

// ---- `rootlock org` ----
// Three principals make its calls: the management account (everything, the enabling writes included), IAM's
// delegated administrator (the same but the enabling writes: only the management account enables,
// CallerIsNotManagementAccountException), and each member's root session, whose calls are allowed by the task
// policy AssumeRoot names (no identity policy of yours grants or limits them). Organizations' reads answer "the
// organization's management account or a member account that is a delegated administrator for an AWS service"
// (Organizations API reference, ListAccounts).

export type OrgPrincipal = "management" | "delegated-admin" | "root-session";

export interface OrgCall {
  action: string;
  access: "read" | "write";
  by: readonly OrgPrincipal[];
  usedBy: string;
}

const callers: readonly OrgPrincipal[] = ["management", "delegated-admin"];
const session: readonly OrgPrincipal[] = ["root-session"];
const orgRead = (action: string, by: readonly OrgPrincipal[], usedBy: string): OrgCall => ({ action, access: "read", by, usedBy });

export const ORG_CALLS: readonly OrgCall[] = [
  orgRead("sts:GetCallerIdentity", callers, "org readiness"),
  orgRead("organizations:DescribeOrganization", callers, "org readiness"),
  orgRead("organizations:ListAWSServiceAccessForOrganization", callers, "org readiness"),
  orgRead("organizations:ListDelegatedAdministrators", callers, "org readiness"),
  orgRead("iam:ListOrganizationsFeatures", callers, "org readiness"),
  orgRead("organizations:ListAccounts", callers, "org: the accounts"),
  orgRead("organizations:ListAccountsForParent", callers, "org --ou"),
  orgRead("organizations:ListOrganizationalUnitsForParent", callers, "org --ou"),
  orgRead("organizations:ListParents", callers, "org: the SCPs over an account denied"),
  orgRead("organizations:ListPoliciesForTarget", callers, "org: the SCPs over an account denied"),
  orgRead("organizations:DescribePolicy", callers, "org: the SCPs over an account denied"),
  orgRead("iam:GetPolicy", callers, "org: the delete task policy's document"),
  orgRead("iam:GetPolicyVersion", callers, "org: the delete task policy's document"),
  // Not a write of the caller's account, but what opens every member root session.
  orgRead("sts:AssumeRoot", callers, "org: one short session per member account and task"),
  orgRead("iam:GetLoginProfile", session, "org audit and read-back (IAMAuditRootUserCredentials)"),
  orgRead("iam:ListAccessKeys", session, "org audit and read-back (IAMAuditRootUserCredentials)"),
  orgRead("iam:GetAccessKeyLastUsed", session, "org audit and read-back (IAMAuditRootUserCredentials)"),
  orgRead("iam:ListMFADevices", session, "org audit and read-back (IAMAuditRootUserCredentials)"),
  orgRead("iam:ListSigningCertificates", session, "org audit and read-back (IAMAuditRootUserCredentials)"),
  ...Object.values(ORG_OPS).map((o): OrgCall => ({ action: o.action, access: "write", by: ["management"], usedBy: o.usedBy })),
  ...Object.values(ROOT_OPS).map((o): OrgCall => ({ action: o.action, access: "write", by: session, usedBy: `${o.usedBy} (${o.task})` })),
];

export const ORG_TABLE_START = "<!-- org-permissions:start (generated from src/aws/permissions.ts by `npm run docs:permissions`; do not edit) -->";
export const ORG_TABLE_END = "<!-- org-permissions:end -->";

/** The README's table for `rootlock org`: who makes each call. */
export function orgPermissionsTable(): string {
  const mark = (c: OrgCall, p: OrgPrincipal) => (c.by.includes(p) ? "✔" : "");
  return [
    "| call | access | management account | delegated administrator | member root session | used by |",
    "|---|---|---|---|---|---|",
    ...ORG_CALLS.map((c) => `| \`${c.action}\` | ${c.access} | ${mark(c, "management")} | ${mark(c, "delegated-admin")} | ${mark(c, "root-session")} | ${c.usedBy} |`),
  ].join("\n");
}
