// The account password policy for IAM users (CIS v3.0 1.8 / Security Hub IAM.15: minimum length 14 or more;
// CIS 1.9 / IAM.16: reuse of the last 24 passwords prevented). UpdateAccountPasswordPolicy replaces the whole
// policy (a field left out goes back to AWS's default), so the new policy is the current one with every field
// carried over and only what is below CIS raised: a stricter setting the account already has stays.
// The root user's password is not governed by this policy (AWS's own rules apply to it).
import type { PasswordPolicy, WriteReceipt } from "../aws/account.js";
import { passwordPolicyParams } from "../aws/operations.js";
import type { ApiAction, Evidence, StepContext, Verdict } from "./types.js";
import { apiAction, verdict } from "./types.js";
import { type Phrase, phrase, reads, say } from "./said.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

/** CIS v3.0 1.8 / Security Hub IAM.15. */
export const CIS_MIN_LENGTH = 14;
/** CIS v3.0 1.9 / Security Hub IAM.16. */
export const CIS_REUSE_PREVENTION = 24;

export interface PasswordPolicyFinding {
  /** Undefined: the account has no policy of its own (AWS's default rules apply: 8 characters, three kinds). */
  current: PasswordPolicy | undefined;
  /** What rootlock would set: the current policy with only what is below CIS raised. */
  target: PasswordPolicy;
  meetsLength: boolean;
  meetsReuse: boolean;
  evidence: Evidence[];
}

export const meetsMinLength = (p: PasswordPolicy | undefined) => !!p && p.minimumPasswordLength >= CIS_MIN_LENGTH;
export const meetsReusePrevention = (p: PasswordPolicy | undefined) => (p?.passwordReusePrevention ?? 0) >= CIS_REUSE_PREVENTION;

/**
 * The policy to apply. With none in place, every character kind is required: without a policy of its own
 * AWS asks for three of the four kinds, and a new policy should not be weaker than what it replaces in any
 * respect (Security Hub's IAM.7 asks for all four too). Passwords do not expire (CIS v3 and NIST 800-63B
 * advise against forced periodic changes), and users may change their own.
 */
export function targetPolicy(current: PasswordPolicy | undefined): PasswordPolicy {
  if (!current) {
    return {
      minimumPasswordLength: CIS_MIN_LENGTH,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: CIS_REUSE_PREVENTION,
      hardExpiry: false,
    };
  }
  return {
    ...current,
    minimumPasswordLength: Math.max(current.minimumPasswordLength, CIS_MIN_LENGTH),
    passwordReusePrevention: Math.max(current.passwordReusePrevention ?? 0, CIS_REUSE_PREVENTION),
  };
}

/** The two CIS values as the evidence line reads them (a phrase: said in the run's language, said.ts). */
export function policyPhrase(p: PasswordPolicy | undefined): Phrase {
  if (!p) return phrase("noPolicyDefaults");
  return phrase("passwordPolicy", String(p.minimumPasswordLength), p.passwordReusePrevention === undefined ? phrase("none") : String(p.passwordReusePrevention));
}

/** The same in English, the JSON's text. */
export const describePolicy = (p: PasswordPolicy | undefined): string => say(policyPhrase(p));

export const samePolicy = (a: PasswordPolicy | undefined, b: PasswordPolicy) =>
  !!a && JSON.stringify(passwordPolicyParams(a)) === JSON.stringify(passwordPolicyParams(b));

export async function inspectPasswordPolicy(ctx: StepContext): Promise<PasswordPolicyFinding> {
  const current = await ctx.account.getPasswordPolicy();
  return {
    current,
    target: targetPolicy(current),
    meetsLength: meetsMinLength(current),
    meetsReuse: meetsReusePrevention(current),
    evidence: [{ source: "iam:GetAccountPasswordPolicy", ...reads(policyPhrase(current)), at: ctx.now() }],
  };
}

export function planPasswordPolicy(finding: PasswordPolicyFinding): ApiAction[] {
  if (finding.meetsLength && finding.meetsReuse) return [];
  return [apiAction("updatePasswordPolicy", { policy: finding.target })];
}

export function applyPasswordPolicy(ctx: StepContext, finding: PasswordPolicyFinding): Promise<WriteReceipt> {
  return ctx.account.send({ op: "updatePasswordPolicy", args: { policy: finding.target } });
}

/** One read: is the target policy already in place? (Before a retry of a call whose answer was lost.) */
export async function passwordPolicyHolds(ctx: StepContext, target: PasswordPolicy): Promise<boolean> {
  return samePolicy(await ctx.account.getPasswordPolicy(), target);
}

/**
 * The independent read: the policy AWS now has is the one sent, field for field (so a stricter setting was
 * kept), and therefore meets CIS 1.8 and 1.9.
 */
export async function verifyPasswordPolicy(ctx: StepContext, target: PasswordPolicy, hooks?: WaitHooks): Promise<Verdict> {
  const result = await waitUntil(
    ctx,
    () => ctx.account.getPasswordPolicy(),
    (p) => samePolicy(p, target),
    iamWait(ctx, hooks),
  );
  const evidence: Evidence[] = [{ source: "iam:GetAccountPasswordPolicy", ...reads(policyPhrase(result.last)), at: ctx.now() }];
  if (result.met) return verdict("verified", "read-back-confirms", evidence);
  return verdict("unverified", result.aborted ? "operator-moved-on" : "not-visible-yet", evidence);
}
