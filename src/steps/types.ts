// Shapes shared by every step: planned changes as data, verdicts with their evidence, the context
// a step runs in. No Ink here, and no SDK: a step sees only the `Account` port.
import type { Account, Caller } from "../aws/account.js";
import type { Phrase } from "./said.js";
import type { AccountFailure } from "../aws/errors.js";
import { type OpArgs, type OpName, write, type Write } from "../aws/operations.js";

/** Who does a planned change: rootlock by an API call, or the operator in the AWS console. */
export type Action = ApiAction | ConsoleAction;

/**
 * A change rootlock makes: a write of the operations table (src/aws/operations.ts), its op and typed args. What the
 * operator sees, the dry run prints and the report records come from the table (`shownCall`, `recorded`); a secret
 * is never part of it.
 */
export type ApiAction = { by: "rootlock" } & Write;

/** A planned change, its args checked against its op. */
export function apiAction<K extends OpName>(op: K, args: OpArgs<K>): ApiAction {
  return { by: "rootlock", ...write(op, args) };
}

/** Things AWS allows only in the console (for the root user). rootlock guides them, then verifies. */
export type ConsoleTask =
  | { task: "deactivate-root-key"; keyId?: string; slot?: number }
  | { task: "delete-root-key"; keyId?: string; slot?: number }
  | { task: "assign-root-mfa" }
  | { task: "add-backup-mfa" }
  | { task: "root-sign-in" };

export type ConsoleAction = { by: "operator"; where: "console" } & ConsoleTask;

export type VerdictState = "verified" | "unverified" | "failed" | "skipped";

/** Why a verdict is what it is; each maps to a sentence in the message catalogue. */
export type VerdictReason =
  | "already-compliant"
  | "read-back-confirms"
  | "not-visible-yet" // the operator said it is done; AWS has not shown it within the wait
  | "operator-moved-on"
  | "operator-skipped"
  | "not-applicable"
  | "permission-missing"
  | "still-present"
  | "signin-without-mfa"
  | "signin-failed"
  | "key-still-accepted"
  | "dry-run" // the change was shown, not sent
  | "subscription-pending" // the alerts are in place, but the email subscription is not confirmed yet
  | "no-trail" // the alert rules are in place, but no trail brings root's events to EventBridge: they cannot fire
  | "declined" // the operator declined one call of a plan: the later calls were not sent (the evidence names it)
  | "not-reached" // the run ended before this step
  | "interrupted" // the run ended during this step, before its result (what was half-done was undone)
  | "error";

export interface Evidence {
  /** Where it was read: "iam:GetAccountSummary", "cloudtrail:LookupEvents (us-east-1)", … */
  source: string;
  /** What was read, in a short neutral form (no secrets): "AccountAccessKeysPresent=0". English: the JSON's text. */
  read: string;
  /** The same as a phrase of the catalogue (said.ts), where the step gave one: screens and reports say it in the run's language. */
  said?: Phrase;
  at: Date;
}

export interface Verdict {
  state: VerdictState;
  reason: VerdictReason;
  evidence: Evidence[];
  /** What this step made and left in the account unfinished (a declined plan's earlier changes): the report lists it. */
  leftBehind?: string[];
  /** What this step hands on to the rest of the run (registry.ts `recordVerdict`); never a secret. */
  handoff?: Handoff;
}

/**
 * Data a step hands on with its verdict: the root MFA kind (the summary's hardware-MFA advice, CIS 1.6) and the
 * fire drill's answer (the alerts step's evidence takes it, see the registry's `receive`).
 */
export interface Handoff {
  rootMfaKind?: "virtual" | "non-virtual";
  /** From the alerts step: where its alerts go (the address; the webhook's mask, never its URL), for the fire drill. */
  alertRoutes?: AlertRoute[];
  /** After the sign-in test: did the root sign-in alert reach each route? The operator's word, one answer a route. */
  drillAnswers?: DrillAnswer[];
}

/** Where an alert goes: an email address (unknown when the alerts were already in place), or a webhook's channel (masked). */
export type AlertRoute = { kind: "email"; address?: string } | { kind: "webhook"; mask: string };

export interface DrillAnswer {
  route: AlertRoute;
  arrived: boolean;
  at: Date;
}

/** How long verifications wait, and how often they read. The demo waits seconds; real AWS, minutes. */
export interface Timing {
  /** Between two IAM reads while waiting for a change to show (IAM is eventually consistent). */
  iamPollMs: number;
  /** How long to wait for an IAM change before calling it unverified. */
  iamTimeoutMs: number;
  /** Between two CloudTrail lookups (LookupEvents allows 2 requests a second per account). */
  trailPollMs: number;
  /** How long to wait for the sign-in event (CloudTrail averages about 5 minutes). */
  trailTimeoutMs: number;
}

/** What every step receives: the account, the caller found in preflight, and injected time. */
export interface StepContext {
  account: Account;
  caller: Caller;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  timing: Timing;
  /** The account's clock minus ours, measured in preflight: TOTP codes are judged on AWS's time. */
  clockOffsetMs: number;
}

export function awsNow(ctx: Pick<StepContext, "now" | "clockOffsetMs">): Date {
  return new Date(ctx.now().getTime() + ctx.clockOffsetMs);
}

export function verdict(state: VerdictState, reason: VerdictReason, evidence: Evidence[] = []): Verdict {
  return { state, reason, evidence };
}

/**
 * A step the operator moved past after AWS refused a read or a call. A missing permission leaves the step
 * unverified (the change may be done; rootlock could not read it); anything else, skipped. Either way the
 * failure is the evidence.
 */
export function verdictAfterFailure(failure: AccountFailure, at: Date): Verdict {
  const evidence = [{ source: failure.action, read: failure.code, at }];
  return failure.code === "AccessDenied" ? verdict("unverified", "permission-missing", evidence) : verdict("skipped", "error", evidence);
}
