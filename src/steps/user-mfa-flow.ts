// The user-MFA enrolment as one conversation with the operator: approve both calls, create the device, take two
// codes (checked here before IAM sees them), enable, read back; giving up, failing or quitting deletes the device
// that was created. The screen answers the operator's questions (UserMfaOperator) and draws; every decision is
// here, in order, as plain code.
//
// The secret lives in this function's memory and in what the operator is shown while the codes are typed; it
// is never in a verdict, a failure or the report. The device is registered for deletion on quitting (q, Ctrl-C)
// as soon as AWS answers its creation, and unregistered once it is enabled or deleted.
import type { AccountFailure, RecordedWrite } from "../aws/errors.js";
import { outcomeUnknown } from "../aws/errors.js";
import { shownCall } from "../aws/operations.js";
import { partitionOf } from "../aws/partition.js";
import type { CodePairProblem } from "../lib/totp.js";
import { attempt } from "./attempt.js";
import type { Operator, Undos } from "./operator.js";
import { dryRunEvidence } from "./plan-outcome.js";
import type { ApiAction, StepContext, Verdict } from "./types.js";
import { verdict } from "./types.js";
import { checkCodes, createDevice, deviceEnabled, discardDevice, enableDevice, planUserMfa, type UserMfaFinding, verifyUserMfa } from "./user-mfa.js";

/** What the operator sees rootlock doing between questions. */
export type UserMfaWork = "creating" | "enabling" | "discarding";

/** The device just created: its ARN, and the seed the operator's authenticator takes (by QR code or as text). */
export interface NewDevice {
  serialNumber: string;
  secret: string;
  /** When AWS answered its creation: IAM lists it only some time after (discardDevice reads wait for that). */
  createdAt: Date;
}

/** Why the last two codes were not taken: the local check's reason, or IAM's refusal. */
export type CodesProblem = { kind: "local"; problem: CodePairProblem } | { kind: "refused"; failure: AccountFailure };

export interface UserMfaOperator extends Operator<UserMfaWork> {
  /** Shows the device (QR code, secret, timer) and asks for two consecutive codes; undefined when the operator gives up. */
  codes(device: NewDevice, problem?: CodesProblem): Promise<{ code1: string; code2: string } | undefined>;
}

/** How the enrolment ended: a verdict (with the calls a dry run did not send), or the confirmation declined (back to the intro). */
export type UserMfaEnd = { verdict: Verdict; notSent?: RecordedWrite[] } | { declined: true };

/** Nothing to do: the user already has MFA (verified by the inspection), or there is no IAM user to enrol. */
export function userMfaNothingToDo(finding: UserMfaFinding): Verdict {
  return finding.applicable ? verdict("verified", "already-compliant", finding.evidence) : verdict("skipped", "not-applicable");
}

/** The two calls of the enrolment (none when there is nothing to do), as the intro and the confirmation show them. */
export function userMfaPlan(ctx: StepContext, finding: UserMfaFinding): ApiAction[] {
  return planUserMfa(finding, ctx.caller.accountId, partitionOf(ctx.caller.arn)) as ApiAction[];
}

export async function enrolUserMfa(ctx: StepContext, finding: UserMfaFinding, operator: UserMfaOperator, undos: Undos): Promise<UserMfaEnd> {
  const plan = userMfaPlan(ctx, finding);
  const userName = finding.userName;
  if (!userName || plan.length === 0) return { verdict: userMfaNothingToDo(finding) };
  // One confirmation covers both calls: the second is sent only once the operator has typed two good codes.
  if (!(await operator.confirm(plan))) return { declined: true };

  const device = await create(ctx, userName, plan, operator, undos);
  if ("verdict" in device) return device;

  let problem: CodesProblem | undefined;
  for (;;) {
    const codes = await operator.codes(device, problem);
    // Giving up after the device exists means deleting it first: rootlock leaves no orphan of its own.
    if (!codes) return discard(ctx, device, verdict("skipped", "operator-skipped"), operator, undos);
    const check = checkCodes(ctx, device.secret, codes.code1, codes.code2);
    if (!check.ok) {
      problem = { kind: "local", problem: check.problem };
      continue;
    }
    operator.busy("enabling");
    const enabled = await undos.track(enable(ctx, userName, device.serialNumber, codes.code1.trim(), codes.code2.trim()));
    if (enabled.ok) {
      undos.remove(device.serialNumber);
      break;
    }
    // IAM's own refusal of the codes: same device, new codes.
    if (enabled.failure.code === "InvalidAuthenticationCode") {
      problem = { kind: "refused", failure: enabled.failure };
      continue;
    }
    if ((await operator.choose(enabled.failure)) === "give-up") return discard(ctx, device, verdict("unverified", "error"), operator, undos);
    problem = undefined;
  }

  return {
    verdict: await operator.verify(async (hooks) => {
      const v = await verifyUserMfa(ctx, userName, device.serialNumber, hooks);
      return { ...v, evidence: [...finding.evidence, ...v.evidence] };
    }),
  };
}

/** Creates the device, retried as often as the operator asks; a dry run ends here, with both calls shown as not sent. */
async function create(
  ctx: StepContext,
  userName: string,
  plan: ApiAction[],
  operator: UserMfaOperator,
  undos: Undos,
): Promise<NewDevice | { verdict: Verdict; notSent?: RecordedWrite[] }> {
  for (;;) {
    operator.busy("creating");
    const created = await undos.track(attempt(() => createDevice(ctx, userName), "iam:CreateVirtualMFADevice"));
    // The undo is registered as soon as AWS answers, even if the operator has pressed Ctrl-C meanwhile (this
    // runs before the quit's wait for the calls in flight ends). The device exists (AWS said so): its deletion
    // is sent, not looked for first (IAM lists it late).
    if (created.ok) {
      const { serialNumber, secret } = created.value;
      undos.add(serialNumber, () => discardDevice(ctx, serialNumber));
      return { serialNumber, secret, createdAt: ctx.now() };
    }
    if (created.notSent) {
      // Dry run: no device, so no QR and no codes; show both calls that a real run would make.
      const calls = plan.map((a) => ({ ...shownCall(a), at: ctx.now() }));
      return { verdict: verdict("skipped", "dry-run", dryRunEvidence(calls)), notSent: calls };
    }
    if ((await operator.choose(created.failure)) === "give-up") return { verdict: verdict("skipped", "error") };
  }
}

/** EnableMFADevice; when its answer was lost, one read says whether the device is on the user before anything is said. */
async function enable(ctx: StepContext, userName: string, serialNumber: string, code1: string, code2: string) {
  const sent = await attempt(() => enableDevice(ctx, userName, serialNumber, code1, code2), "iam:EnableMFADevice");
  if (sent.ok || !outcomeUnknown(sent.failure.code)) return sent;
  const read = await attempt(() => deviceEnabled(ctx, userName, serialNumber), "iam:ListMFADevices");
  return read.ok && read.value ? ({ ok: true } as const) : sent;
}

/** Deletes the device, then ends with `then`; a failed deletion is retried (reading first) or left to the undo on quitting. */
async function discard(ctx: StepContext, device: NewDevice, then: Verdict, operator: UserMfaOperator, undos: Undos): Promise<UserMfaEnd> {
  const { serialNumber, createdAt } = device;
  // After a failed attempt the device may already be gone: read before deleting.
  let retried = false;
  for (;;) {
    operator.busy("discarding");
    const r = await undos.track(attempt(() => discardDevice(ctx, serialNumber, { readFirst: retried, createdAt }), "iam:DeleteVirtualMFADevice"));
    if (r.ok) {
      undos.remove(serialNumber);
      return { verdict: then };
    }
    // The deletion may have landed: an undo on the way out (q, Ctrl-C) must look before it sends again.
    if (outcomeUnknown(r.failure.code)) undos.add(serialNumber, () => discardDevice(ctx, serialNumber, { readFirst: true, createdAt }));
    if ((await operator.choose(r.failure)) === "give-up") return { verdict: then };
    retried = true;
  }
}
