// An admin identity for daily work, so that root is not it (the first-day checklist: individual IAM users,
// permissions through groups). When no IAM user or role other than root holds AWS's managed
// AdministratorAccess, or when the operator asks, rootlock creates one: a group (default "Administrators") with
// the policy attached, a user in it, a console password generated here, shown once and to be changed at first
// sign-in, then the user's virtual MFA (the user-MFA step's API path). Organizations should prefer IAM Identity
// Center; rootlock does not set that up.
//
// Every change is read back before the next; a run given up half-way removes what it made, in reverse order,
// each removal read back, or names exactly what is left.
import { administratorAccessArn, type Caller, type MfaDevice, type WriteReceipt } from "../aws/account.js";
import { isOp } from "../aws/operations.js";
import { partitionOf } from "../aws/partition.js";
import { isAccountError } from "../aws/errors.js";
import { generatePassword } from "../lib/password.js";
import { actionHolds, confirmAction, describeMade, sendAction } from "./read-backs.js";
import { rollBackChanges, type Rollback } from "./rollback.js";
import type { ApiAction, Evidence, StepContext, Verdict } from "./types.js";
import { apiAction, verdict } from "./types.js";
import { phrase, reads } from "./said.js";
import { type AdminHolder, describeAdmins, findAdminIdentities } from "./admin-holders.js";
import { planUserMfa } from "./user-mfa.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

const DEFAULT_ADMIN_GROUP = "Administrators";
/** IAM's rule for user names (aws/names.ts). */
export { USER_NAME_PATTERN } from "../aws/names.js";

export interface AdminIdentityFinding {
  admins: AdminHolder[];
  groupName: string;
  /** The admin group exists already (then it is used, not created). */
  groupExists: boolean;
  groupHasPolicy: boolean;
  /** AdministratorAccess in the caller's partition (arn:aws-us-gov:… in GovCloud): what is read and attached. */
  policyArn: string;
  evidence: Evidence[];
}

/** "group: a, b", or "group: none". */
const listedOrNone = (what: string, items: string[]) => (items.length > 0 ? phrase("listed", what, items.join(", ")) : phrase("noneOf", what));

export async function inspectAdminIdentity(ctx: StepContext, groupName = DEFAULT_ADMIN_GROUP): Promise<AdminIdentityFinding> {
  const policyArn = administratorAccessArn(partitionOf(ctx.caller.arn));
  const [admins, group] = await Promise.all([findAdminIdentities(ctx.account, policyArn), ctx.account.getGroup(groupName)]);
  const policies = group ? await ctx.account.listAttachedGroupPolicies(groupName) : [];
  const evidence: Evidence[] = [
    { source: "iam:ListEntitiesForPolicy (AdministratorAccess)", ...reads(describeAdmins(admins)), at: ctx.now() },
    {
      source: "iam:GetGroup",
      read: group
        ? `${groupName}: ${group.members.length} member(s), AdministratorAccess ${policies.includes(policyArn) ? "attached" : "not attached"}`
        : `${groupName}: none`,
      at: ctx.now(),
    },
  ];
  return { admins, groupName, groupExists: !!group, groupHasPolicy: policies.includes(policyArn), policyArn, evidence };
}

export const hasAdmin = (finding: AdminIdentityFinding) => finding.admins.length > 0;

/** The changes that make the identity, in order; the group and its policy only when not already in place. */
export function planAdminIdentity(finding: AdminIdentityFinding, userName: string): ApiAction[] {
  const groupName = finding.groupName;
  return [
    ...(finding.groupExists ? [] : [apiAction("createGroup", { groupName })]),
    ...(finding.groupHasPolicy ? [] : [apiAction("attachGroupPolicy", { groupName, policyArn: finding.policyArn })]),
    apiAction("createUser", { userName }),
    apiAction("addUserToGroup", { groupName, userName }),
    // The password is no argument: it is generated at the moment of sending (applyAdminAction); the plan shows a placeholder.
    apiAction("createLoginProfile", { userName, passwordResetRequired: true }),
  ];
}

/** The whole plan as shown before anything is sent, the new user's MFA included (done by the user-MFA path). */
export function fullPlan(finding: AdminIdentityFinding, userName: string, caller: Pick<Caller, "accountId" | "arn">): ApiAction[] {
  const mfa = planUserMfa({ applicable: true, userName, devices: [], evidence: [] }, caller.accountId, partitionOf(caller.arn)) as ApiAction[];
  return [...planAdminIdentity(finding, userName), ...mfa];
}

/**
 * Sends one change. For the login profile the password is generated here, from the CSPRNG, long enough for the
 * account's policy as it is now; it goes to `onPassword` (the screen shows it once) and to AWS, nowhere else.
 */
export function applyAdminAction(ctx: StepContext, a: ApiAction, onPassword: (password: string) => void): Promise<WriteReceipt> {
  return sendAction(ctx.account, a, {
    createLoginProfile: async () => {
      const policy = await ctx.account.getPasswordPolicy();
      const password = generatePassword(policy?.minimumPasswordLength);
      onPassword(password);
      return { password };
    },
  });
}

/** One read: does AWS show what this change makes? (Before a retry, and to decide what a rollback must remove.) */
export function adminActionHolds(ctx: StepContext, a: ApiAction): Promise<boolean> {
  return actionHolds(ctx, a);
}

/** What a change made, as data (the call and its parameters, never the password): for the screen and the report. */
export { describeMade };

/** Reads one change back, waiting for IAM to show it, before the next change is offered. */
export function confirmAdminAction(ctx: StepContext, a: ApiAction, hooks?: WaitHooks): Promise<Evidence | undefined> {
  return confirmAction(ctx, a, hooks);
}

export type { Rollback };

/** Removes what `made` made, last first, each removal read back (rollback.ts). */
export function rollbackAdminIdentity(ctx: StepContext, made: ApiAction[], hooks?: WaitHooks): Promise<Rollback> {
  return rollBackChanges(ctx, made, hooks);
}

/**
 * The undo on the way out (q, Ctrl-C) of what this step made: a quit after the new user's MFA was enabled (its final
 * read not yet done) keeps the identity, since an admin user with MFA is what this step is for (and AWS would refuse
 * DeleteUser half-way); anything else is rolled back. Throws when something is left, for the shell to name it.
 */
export async function undoOnQuit(ctx: StepContext, made: ApiAction[]): Promise<void> {
  const user = made.find((x) => isOp(x, "createUser"))?.args.userName;
  if (user && (await ctx.account.listUserMfaDevices(user)).length > 0) return;
  const result = await rollbackAdminIdentity(ctx, made);
  if (result.left.length > 0) throw new Error("left behind");
}

/** The user-MFA step's verdicts after which the device is on the new user (enabled; only the read-back lagged). */
const MFA_ENABLED = new Set<Verdict["reason"]>(["read-back-confirms", "not-visible-yet", "operator-moved-on"]);

/**
 * After the new user's MFA enrolment: on to verifying the whole identity when its MFA is on; else the identity is
 * rolled back, since an admin with a password and no MFA is what CIS 1.10 flags — with this verdict.
 */
export function afterUserMfa(found: Evidence[], mfa: Verdict): { verify: Evidence[] } | { rollBack: Verdict } {
  if (MFA_ENABLED.has(mfa.reason)) return { verify: mfa.evidence };
  return { rollBack: verdict("skipped", mfa.reason === "error" ? "error" : "operator-skipped", [...found, ...mfa.evidence]) };
}

/**
 * The independent read of the whole identity: the group with AdministratorAccess, the user in it, its login
 * profile with a password change required at first sign-in, and its MFA device.
 */
export async function verifyAdminIdentity(ctx: StepContext, groupName: string, userName: string, hooks?: WaitHooks): Promise<Verdict> {
  const read = async () => {
    const [group, policies, profile, devices] = await Promise.all([
      ctx.account.getGroup(groupName),
      ctx.account.listAttachedGroupPolicies(groupName).catch(noneIfAbsent<string>),
      ctx.account.getLoginProfile(userName),
      ctx.account.listUserMfaDevices(userName).catch(noneIfAbsent<MfaDevice>),
    ]);
    return { group, policies, profile, devices };
  };
  type Read = Awaited<ReturnType<typeof read>>;
  const checks = (r: Read) => ({
    member: !!r.group?.members.includes(userName),
    policy: r.policies.includes(administratorAccessArn(partitionOf(ctx.caller.arn))),
    reset: r.profile?.passwordResetRequired === true,
    mfa: r.devices.length > 0,
  });
  const result = await waitUntil(ctx, read, (r) => Object.values(checks(r)).every(Boolean), iamWait(ctx, hooks));
  const r = result.last;
  const at = ctx.now();
  const evidence: Evidence[] = [
    { source: "iam:GetGroup", ...reads(r?.group ? phrase("members", groupName, r.group.members.join(", ") || phrase("none")) : phrase("noneOf", groupName)), at },
    { source: "iam:ListAttachedGroupPolicies", ...reads(listedOrNone(groupName, r?.policies.map((p) => p.split("/").pop()!) ?? [])), at },
    {
      source: "iam:GetLoginProfile",
      ...reads(r?.profile ? phrase("plain", `${userName}: PasswordResetRequired=${r.profile.passwordResetRequired}`) : phrase("noLoginProfile", userName)),
      at,
    },
    {
      source: "iam:ListMFADevices",
      ...reads(r?.devices.length ? phrase("listed", userName, r.devices.map((d) => d.serialNumber).join(", ")) : phrase("noDevice", userName)),
      at,
    },
  ];
  if (result.met) return verdict("verified", "read-back-confirms", evidence);
  return verdict("unverified", result.aborted ? "operator-moved-on" : "not-visible-yet", evidence);
}

/** A list read of a group or user that is not (yet) there reads as empty; any other failure goes on. */
function noneIfAbsent<T>(error: unknown): T[] {
  if (isAccountError(error, "NoSuchEntity")) return [];
  throw error;
}

/** Where the new user signs in to the console. */
export function consoleSignInUrl(accountId: string): string {
  return `https://${accountId}.signin.aws.amazon.com/console`;
}
