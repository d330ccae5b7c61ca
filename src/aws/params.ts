// How a password policy is written as the parameters of UpdateAccountPasswordPolicy: one spelling for what
// the screens show, what a dry run prints and what the report records (the same call the real adapter sends).
import type { PasswordPolicy } from "./account.js";

export function passwordPolicyParams(policy: PasswordPolicy): Record<string, string> {
  return {
    MinimumPasswordLength: String(policy.minimumPasswordLength),
    RequireSymbols: String(policy.requireSymbols),
    RequireNumbers: String(policy.requireNumbers),
    RequireUppercaseCharacters: String(policy.requireUppercaseCharacters),
    RequireLowercaseCharacters: String(policy.requireLowercaseCharacters),
    AllowUsersToChangePassword: String(policy.allowUsersToChangePassword),
    // Left out when unset, as the real call leaves them out (AWS then means: never expire / reuse allowed).
    ...(policy.maxPasswordAge !== undefined && { MaxPasswordAge: String(policy.maxPasswordAge) }),
    ...(policy.passwordReusePrevention !== undefined && { PasswordReusePrevention: String(policy.passwordReusePrevention) }),
    HardExpiry: String(policy.hardExpiry),
  };
}
