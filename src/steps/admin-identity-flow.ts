// The admin-identity step's run, past the operator's choices the screen takes (the user name, each call's
// confirmation through the action runner, the password's Enter, the new user's MFA screen): what this run made,
// kept registered as one undo for quitting; where the runner's end and the MFA's verdict lead; the identity's
// verification; and the rollback, run here and told to the operator as it goes (AdminIdentityOperator). The
// rules themselves (undoOnQuit, afterUserMfa, rollbackAdminIdentity) are in admin-identity.ts.
import type { WriteReceipt } from "../aws/account.js";
import { type AccountFailure, isAccountError, outcomeUnknown, type RecordedWrite } from "../aws/errors.js";
import { shownCall } from "../aws/operations.js";
import {
  adminActionHolds,
  type AdminIdentityFinding,
  afterUserMfa,
  applyAdminAction,
  describeMade,
  fullPlan,
  planAdminIdentity,
  rollbackAdminIdentity,
  undoOnQuit,
  USER_NAME_PATTERN,
  verifyAdminIdentity,
} from "./admin-identity.js";
import { attempt } from "./attempt.js";
import type { Operator, Undos } from "./operator.js";
import { declinedVerdict, dryRunEvidence, type RunnerOutcome } from "./plan-outcome.js";
import type { ApiAction, StepContext, Verdict } from "./types.js";
import { verdict } from "./types.js";

/** What the operator is told while the run works on its own: the rollback, and the identity's verification. */
export type AdminIdentityOperator = Pick<Operator<"rollingBack">, "busy" | "verify">;

/** How the step ended: its verdict, the new user (when verified), what a rollback left, the calls a dry run did not send. */
export interface AdminIdentityEnd {
  verdict: Verdict;
  userName?: string;
  /** Set when a rollback ran: what is still in the account (empty: everything made was removed). */
  left?: string[];
  notSent?: RecordedWrite[];
}

/** Why a user name typed for the new admin is not taken: not one IAM allows, already a user's, or GetUser failed. */
export type NameProblem = { kind: "invalid" } | { kind: "taken"; userName: string } | { kind: "unread"; failure: AccountFailure };

/** The name typed for the new user, trimmed, when IAM allows it (checked here, before any read). */
export function typedName(typed: string): { userName: string } | { problem: NameProblem } {
  const userName = typed.trim();
  return USER_NAME_PATTERN.test(userName) ? { userName } : { problem: { kind: "invalid" } };
}

export class AdminIdentityRun {
  /** What this run made (or may have made: a call whose answer was lost), in order: the rollback's list. */
  private made: ApiAction[] = [];
  private undoId: string | undefined;
  private rollingBack: Promise<AdminIdentityEnd> | undefined;

  constructor(
    private readonly ctx: StepContext,
    private readonly undos: Undos,
  ) {}

  /** A name IAM allows (typedName): its plan when no user has it yet, else why not. */
  async nameFree(finding: AdminIdentityFinding, userName: string): Promise<{ userName: string; actions: ApiAction[] } | { problem: NameProblem }> {
    const exists = await attempt(() => this.ctx.account.userExists(userName), "iam:GetUser");
    if (!exists.ok) return { problem: { kind: "unread", failure: exists.failure } };
    if (exists.value) return { problem: { kind: "taken", userName } };
    return { userName, actions: planAdminIdentity(finding, userName) };
  }

  /** Sends one change of the plan (the runner's `apply`); what it made, or may have made, is remembered for the rollback. */
  async apply(action: ApiAction, onPassword: (password: string) => void): Promise<WriteReceipt> {
    try {
      const receipt = await applyAdminAction(this.ctx, action, onPassword);
      this.remember(action);
      return receipt;
    } catch (error) {
      // The change may have been made: the rollback reads first, and removes it if it is there.
      if (isAccountError(error) && outcomeUnknown(error.code)) this.remember(action);
      throw error;
    }
  }

  /** The read before a retry (the runner's `holds`): a change AWS shows was made by this run, so it is remembered. */
  async holds(action: ApiAction): Promise<boolean> {
    const held = await adminActionHolds(this.ctx, action);
    if (held) this.remember(action);
    return held;
  }

  /**
   * The runner's end: a dry run's result (every call a real run would make, the MFA's included), a plan stopped
   * (declined half-way: the verdict names the call, and what was made before it is rolled back), or on to the
   * password (undefined).
   */
  async planEnded(
    finding: AdminIdentityFinding,
    outcome: RunnerOutcome,
    userName: string,
    sent: ApiAction[],
    operator: AdminIdentityOperator,
  ): Promise<AdminIdentityEnd | undefined> {
    const found = finding.evidence;
    if (outcome.notSent.length > 0) {
      // Dry run: nothing was made, so there is no password and no device.
      const mfaCalls = fullPlan(finding, userName, this.ctx.caller).slice(sent.length);
      const calls = [...outcome.notSent, ...mfaCalls.map((c) => ({ ...shownCall(c), at: this.ctx.now() }))];
      return { verdict: verdict("skipped", "dry-run", [...found, ...dryRunEvidence(calls)]), notSent: calls };
    }
    if (!outcome.stopped) return undefined;
    const then = outcome.declined && outcome.done.length > 0 ? declinedVerdict(found, outcome, this.ctx.now()) : verdict("skipped", "operator-skipped", found);
    return this.made.length > 0 ? this.rollBack(then, operator) : { verdict: then };
  }

  /** After the new user's MFA screen: the whole identity verified when its MFA is on, else rolled back (afterUserMfa). */
  async mfaEnded(finding: AdminIdentityFinding, userName: string, mfa: Verdict, operator: AdminIdentityOperator): Promise<AdminIdentityEnd> {
    const next = afterUserMfa(finding.evidence, mfa);
    if ("rollBack" in next) return this.rollBack(next.rollBack, operator);
    const v = await operator.verify((hooks) => verifyAdminIdentity(this.ctx, finding.groupName, userName, hooks));
    // The identity is complete (its MFA is on): nothing is undone on quitting any more.
    this.forget();
    return { userName, verdict: { ...v, evidence: [...finding.evidence, ...next.verify, ...v.evidence] } };
  }

  /** The operator left the new user's MFA screen (Esc on its intro): everything made is rolled back. */
  mfaLeft(finding: AdminIdentityFinding, operator: AdminIdentityOperator): Promise<AdminIdentityEnd> {
    return this.rollBack(verdict("skipped", "operator-skipped", finding.evidence), operator);
  }

  /**
   * Removes what this run made, last first (rollbackAdminIdentity), tracked so that a quit meanwhile waits for it;
   * ends with `then` when everything is gone, else failed, naming what is left. What is left (only that) stays
   * registered: quitting tries once more, and the report names what is still there. Never two rollbacks at once.
   */
  private rollBack(then: Verdict, operator: AdminIdentityOperator): Promise<AdminIdentityEnd> {
    this.rollingBack ??= this.runRollback(then, operator).finally(() => (this.rollingBack = undefined));
    return this.rollingBack;
  }

  private async runRollback(then: Verdict, operator: AdminIdentityOperator): Promise<AdminIdentityEnd> {
    operator.busy("rollingBack");
    const made = [...this.made];
    const r = await this.undos.track(attempt(() => rollbackAdminIdentity(this.ctx, made), "rollback"));
    const removed = r.ok ? r.value.removed : [];
    const left = r.ok ? r.value.left : made.map(describeMade);
    this.made = r.ok ? [...r.value.leftActions] : made;
    this.register();
    const v = left.length === 0 ? { ...then, evidence: [...then.evidence, ...removed] } : verdict("failed", "error", [...then.evidence, ...removed]);
    return { verdict: v, left };
  }

  private remember(action: ApiAction): void {
    if (!this.made.includes(action)) this.made.push(action);
    this.register();
  }

  private forget(): void {
    this.made = [];
    this.register();
  }

  /** Keeps one undo registered for quitting (q, Ctrl-C) that removes everything made so far, last first. */
  private register(): void {
    if (this.undoId) this.undos.remove(this.undoId);
    this.undoId = undefined;
    if (this.made.length === 0) return;
    const actions = [...this.made];
    this.undoId = actions.map(describeMade).join(", ");
    this.undos.add(this.undoId, () => undoOnQuit(this.ctx, actions));
  }
}
