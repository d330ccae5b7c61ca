// A service control policy's Deny statements, judged for a member root: does the SCP stop a real root sign-in
// from acting, and does it stop an AssumeRoot session (rootlock's own work)? Plain data, used by the simulated
// organization to enforce SCPs as AWS would and by the guard rails to tell the operator what an SCP does.
//
// The facts (aws-facts §5.1): an AssumeRoot session is the member's root principal (`arn:aws:iam::ACCT:root`), and
// its requests carry the condition key `aws:AssumedRoot` = "true". The Control Tower style SCP that denies every
// action to `arn:aws:iam::*:root` has no exemption and so blocks AssumeRoot's work too; AWS's own examples add
// `"Null": {"aws:AssumedRoot": "true"}` (the deny applies only when the key is absent: a real root sign-in).
// SCPs never apply to the management account.
//
// Only what such policies use is understood: Effect Deny, Action/NotAction with wildcards, and conditions on
// aws:PrincipalArn (StringLike/StringEquals/ArnLike/ArnEquals, and their Not… forms) and aws:AssumedRoot (Null,
// Bool, StringEquals). A condition on any other key is taken as "may match" (`unknown`), never as "no".

export interface ScpRequest {
  action: string;
  principalArn: string;
  assumedRoot: boolean;
}

type Verdict = "denied" | "not-denied" | "unknown";

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

const list = (v: string | string[] | boolean | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [String(v)]);

export function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return re.test(value);
}

function actionMatches(s: Statement, action: string): boolean {
  if (s.Action !== undefined) return list(s.Action).some((p) => wildcard(p, action));
  if (s.NotAction !== undefined) return !list(s.NotAction).some((p) => wildcard(p, action));
  return false;
}

/** One condition operator on one key: true, false, or undefined when rootlock cannot tell. */
function conditionHolds(operator: string, key: string, values: string[], r: ScpRequest): boolean | undefined {
  const k = key.toLowerCase();
  const op = operator.replace(/IfExists$/, "");
  if (k === "aws:principalarn") {
    const like = values.some((v) => wildcard(v, r.principalArn));
    const equal = values.some((v) => v === r.principalArn);
    if (op === "StringLike" || op === "ArnLike") return like;
    if (op === "StringNotLike" || op === "ArnNotLike") return !like;
    if (op === "StringEquals" || op === "ArnEquals") return equal;
    if (op === "StringNotEquals" || op === "ArnNotEquals") return !equal;
    return undefined;
  }
  if (k === "aws:assumedroot") {
    // Present (as "true") only in an AssumeRoot session.
    if (op === "Null") return values.some((v) => v.toLowerCase() === "true") ? !r.assumedRoot : r.assumedRoot;
    if (op === "Bool" || op === "StringEquals") return values.some((v) => v.toLowerCase() === String(r.assumedRoot));
    if (op === "StringNotEquals") return !values.some((v) => v.toLowerCase() === String(r.assumedRoot));
    return undefined;
  }
  return undefined;
}

function statementDenies(s: Statement, r: ScpRequest): Verdict {
  if (s.Effect !== "Deny" || !actionMatches(s, r.action)) return "not-denied";
  let unknown = false;
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      const holds = conditionHolds(operator, key, list(value), r);
      if (holds === false) return "not-denied";
      if (holds === undefined) unknown = true;
    }
  }
  return unknown ? "unknown" : "denied";
}

/** Whether the SCP's JSON denies the request. A document that is not JSON is "unknown". */
export function scpDenies(document: string, r: ScpRequest): Verdict {
  let statements: Statement[];
  try {
    const parsed = JSON.parse(document) as { Statement?: Statement | Statement[] };
    statements = parsed.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  } catch {
    return "unknown";
  }
  const verdicts = statements.map((s) => statementDenies(s, r));
  return verdicts.includes("denied") ? "denied" : verdicts.includes("unknown") ? "unknown" : "not-denied";
}

/** What an SCP does to a member's root: `protects` a real sign-in is denied and AssumeRoot's work is not. */
export type ScpEffect = "protects" | "blocks-assume-root" | "neutral" | "unknown";

/** The root actions rootlock's sessions make, and one a real root sign-in would (creating a key). */
const SESSION_ACTION = "iam:ListAccessKeys";
const SIGN_IN_ACTION = "iam:CreateAccessKey";

export function scpEffectOnRoot(document: string, accountId: string): ScpEffect {
  const principalArn = `arn:aws:iam::${accountId}:root`;
  const session = scpDenies(document, { action: SESSION_ACTION, principalArn, assumedRoot: true });
  if (session === "denied") return "blocks-assume-root";
  const signIn = scpDenies(document, { action: SIGN_IN_ACTION, principalArn, assumedRoot: false });
  if (session === "unknown" || signIn === "unknown") return "unknown";
  return signIn === "denied" ? "protects" : "neutral";
}

/** An SCP that denies a member root's every action, except in an AssumeRoot session (AWS's example's shape). */
export function protectiveScp(): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyRootUserExceptCentralizedRootAccess",
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: {
          StringLike: { "aws:PrincipalArn": ["arn:aws:iam::*:root"] },
          Null: { "aws:AssumedRoot": "true" },
        },
      },
    ],
  };
}
