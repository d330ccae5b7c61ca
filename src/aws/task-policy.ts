// The root-task policies' documents, read as AWS evaluates them. AWS publishes them as denials only (moto ships
// them as published, moto/iam/aws_managed_policies.py): "DenyAllOtherActionsOnAnyResource" denies every action not
// listed (NotAction), and a second statement denies the listed ones on any resource but `arn:aws:iam::*:root`
// (NotResource). So an action is allowed to a root session only where no Deny matches it on that resource: e.g.
// IAMDeleteRootUserCredentials lists iam:DeleteVirtualMFADevice, but a virtual device's resource is its own ARN
// (arn:aws:iam::ACCT:mfa/NAME), not root's, so the document denies deleting it. rootlock reads the document
// rather than assume.
import type { RootTask } from "./org.js";
import { wildcard } from "./scp.js";

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
}

const list = (v?: string | string[]) => (Array.isArray(v) ? v : v ? [v] : []);

function matches(s: Statement, action: string, resource: string): boolean {
  const actionHit = s.Action !== undefined ? list(s.Action).some((p) => wildcard(p, action)) : !list(s.NotAction).some((p) => wildcard(p, action));
  const resourceHit = s.Resource !== undefined ? list(s.Resource).some((p) => wildcard(p, resource)) : !list(s.NotResource).some((p) => wildcard(p, resource));
  return actionHit && resourceHit;
}

/** Whether a root session scoped by this document may make `action` on `resource` (no Deny matches it). */
export function taskPolicyAllows(document: string, action: string, resource: string): boolean {
  let parsed: { Statement?: Statement | Statement[] };
  try {
    parsed = JSON.parse(document) as typeof parsed;
  } catch {
    return false;
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  return !statements.some((s) => s.Effect === "Deny" && matches(s, action, resource));
}

/** A root-task policy's document in AWS's published shape, for the listed actions. */
export function taskPolicyDocumentOf(actions: readonly string[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "DenyAllOtherActionsOnAnyResource", Effect: "Deny", NotAction: actions, Resource: "*" },
      { Sid: "DenyDeletingRootUserCredentialsOnNonRootUserResource", Effect: "Deny", Action: actions, NotResource: "arn:aws:iam::*:root" },
    ],
  });
}

export const rootArnOf = (accountId: string): string => `arn:aws:iam::${accountId}:root`;

export type { RootTask };
