// Which steps run, in which order, for this caller.
import type { Caller } from "../aws/account.js";
import type { ControlId } from "./controls.js";

/**
 * The alerts step comes just before the sign-in test, so the test sign-in doubles as a fire drill for the alert.
 * With root's own key, every step that needs the key runs first and the root-keys step comes last:
 * deleting the key rootlock signs with ends the session. Any other caller takes the keys first.
 * The operator-MFA step exists only for an IAM user (root and roles have no IAM user to enrol). The password
 * policy and the admin identity are optional: each says when it is already in place, and can be skipped.
 */
export function stepOrder(caller: Caller): ControlId[] {
  // The rest of the first-day checklist comes before the alerts and the sign-in test: the password policy first, so
  // that the new admin user's password (and the one it picks at first sign-in) is made under it.
  if (caller.kind === "root") return ["root-mfa", "password-policy", "admin-identity", "root-alerts", "root-signin", "root-access-keys"];
  if (caller.kind === "iam-user") return ["root-access-keys", "root-mfa", "operator-mfa", "password-policy", "admin-identity", "root-alerts", "root-signin"];
  return ["root-access-keys", "root-mfa", "password-policy", "admin-identity", "root-alerts", "root-signin"];
}
