// Which steps run, in which order, for this caller.
import type { Caller } from "../aws/account.js";
import type { ControlId } from "./controls.js";

/**
 * With root's own key, every step that needs the key runs first and the root-keys step comes last:
 * deleting the key rootlock signs with ends the session. Any other caller takes the keys first.
 * The operator-MFA step exists only for an IAM user (root and roles have no IAM user to enrol).
 */
export function stepOrder(caller: Caller): ControlId[] {
  if (caller.kind === "root") return ["root-mfa", "root-signin", "root-access-keys"];
  if (caller.kind === "iam-user") return ["root-access-keys", "root-mfa", "operator-mfa", "root-signin"];
  return ["root-access-keys", "root-mfa", "root-signin"];
}
