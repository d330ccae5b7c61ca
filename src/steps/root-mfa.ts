// Root MFA (CIS 1.5 / IAM.9). AWS lets nobody enable root's MFA by API — only the root user, in the
// console. So rootlock asks for the device name the operator will type there, clears what would make the
// console fail with that name (an unassigned device of the same name, or the legacy `root-account-mfa-device`),
// guides the clicks, and then verifies from IAM: the summary flag, and a virtual device assigned to `…:root`.
//
// Only a device of the same name blocks the console (EntityAlreadyExists); root may hold up to eight devices
// under any name. Other unassigned devices may be a colleague's enrolment in progress: they are shown, never
// deleted.
import { phrase, reads } from "./said.js";
import type { VirtualMfaDevice, WriteReceipt } from "../aws/account.js";
import { isRootArn } from "../aws/account.js";
import { CONSOLE_DEVICE_NAME_MAX, isDeviceName } from "../aws/names.js";
import { outcomeUnknown } from "../aws/errors.js";
import { isOp } from "../aws/operations.js";
import { concludeRun, type RunnerOutcome } from "./plan-outcome.js";
import { actionHolds, confirmAction, sendAction } from "./read-backs.js";
import type { Action, ApiAction, Evidence, StepContext, Verdict } from "./types.js";
import { apiAction, verdict } from "./types.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

/** The name the console gave root's device before it asked for one: an unassigned one is a leftover of root's. */
const LEGACY_ROOT_DEVICE_NAME = "root-account-mfa-device";
/** What rootlock suggests the operator types as the device name (the console asks, with no default of its own). */
const SUGGESTED_DEVICE_NAME = "root-mfa";

/** A virtual device's name: the last part of its serial, `arn:PARTITION:iam::ACCT:mfa/[PATH/]NAME`. */
function deviceNameOf(serialNumber: string): string | undefined {
  return /^arn:aws[\w-]*:iam::\d{12}:mfa\/(?:.*\/)?([^/]+)$/.exec(serialNumber)?.[1];
}

export interface RootMfaFinding {
  /** GetAccountSummary's AccountMFAEnabled: any device, virtual, hardware or passkey. */
  enabled: boolean;
  /** Virtual devices assigned to root, whatever their name. */
  rootDevices: VirtualMfaDevice[];
  /** Unassigned virtual devices; `root-account-mfa-device` left by an abandoned console attempt is the usual one. */
  orphans: VirtualMfaDevice[];
  /** The names of the virtual devices assigned to anyone (root or a user): the console refuses them, and they stay. */
  assignedNames: string[];
  evidence: Evidence[];
}

export async function inspectRootMfa(ctx: StepContext): Promise<RootMfaFinding> {
  const [summary, devices] = await Promise.all([ctx.account.getRootSummary(), ctx.account.listVirtualMfaDevices("Any")]);
  const rootDevices = devices.filter((d) => isRootArn(d.userArn));
  const orphans = devices.filter((d) => d.userArn === undefined);
  const assignedNames = devices.filter((d) => d.userArn !== undefined).flatMap((d) => deviceNameOf(d.serialNumber) ?? []);
  return {
    enabled: summary.accountMfaEnabled,
    rootDevices,
    orphans,
    assignedNames,
    evidence: [
      { source: "iam:GetAccountSummary", read: `AccountMFAEnabled=${summary.accountMfaEnabled ? 1 : 0}`, at: ctx.now() },
      { source: "iam:ListVirtualMFADevices", ...reads(phrase("rootDevices", String(rootDevices.length), String(orphans.length))), at: ctx.now() },
    ],
  };
}

/** Root MFA is on, but through no virtual device: a hardware key or a passkey (which also meets CIS 1.6). */
export function hasNonVirtualRootMfa(finding: RootMfaFinding): boolean {
  return finding.enabled && finding.rootDevices.length === 0;
}

/** Whether root's MFA is virtual or not, for the summary's hardware advice (CIS 1.6 / IAM.6 wants hardware). */
export type RootMfaKind = "virtual" | "non-virtual" | undefined;

export function rootMfaKind(finding: RootMfaFinding): RootMfaKind {
  if (!finding.enabled) return undefined;
  return hasNonVirtualRootMfa(finding) ? "non-virtual" : "virtual";
}

/** A verdict of this step, handing on the kind of root MFA it read (when it read one). */
export function withRootMfaKind(v: Verdict, finding: RootMfaFinding | undefined): Verdict {
  const kind = finding && rootMfaKind(finding);
  return kind ? { ...v, handoff: { ...v.handoff, rootMfaKind: kind } } : v;
}

/** The suggested name, or, when a device already assigned holds it, the first free `root-mfa-N`. */
export function suggestedDeviceName(finding: Pick<RootMfaFinding, "assignedNames">): string {
  const taken = new Set(finding.assignedNames);
  for (let n = 1; ; n++) {
    const name = n === 1 ? SUGGESTED_DEVICE_NAME : `${SUGGESTED_DEVICE_NAME}-${n}`;
    if (!taken.has(name)) return name;
  }
}

/** Why a name cannot be used in the console: AWS's pattern, or a device of that name already assigned (it stays). */
export function deviceNameProblem(finding: Pick<RootMfaFinding, "assignedNames">, name: string): "pattern" | "assigned" | undefined {
  // The name the operator will type in the console: IAM's rule, up to the console field's length (aws/names.ts).
  if (!isDeviceName(name, CONSOLE_DEVICE_NAME_MAX)) return "pattern";
  return finding.assignedNames.includes(name) ? "assigned" : undefined;
}

/** The unassigned devices that would make the console's assignment under `deviceName` fail, or are root's leftover. */
export function blockingOrphans(finding: RootMfaFinding, deviceName: string): VirtualMfaDevice[] {
  return finding.orphans.filter((d) => {
    const name = deviceNameOf(d.serialNumber);
    return name === deviceName || name === LEGACY_ROOT_DEVICE_NAME;
  });
}

/** The other unassigned devices: shown as information, never deleted (they may be someone's enrolment in progress). */
export function otherOrphans(finding: RootMfaFinding, deviceName: string): VirtualMfaDevice[] {
  const blocking = new Set(blockingOrphans(finding, deviceName).map((d) => d.serialNumber));
  return finding.orphans.filter((d) => !blocking.has(d.serialNumber));
}

/**
 * With root MFA already on, nothing is assigned in the console, so nothing is in the way and nothing is deleted.
 * Otherwise: the blocking devices deleted, then the console's assignment under `deviceName`, then a backup.
 */
export function planRootMfa(finding: RootMfaFinding, deviceName: string = suggestedDeviceName(finding)): Action[] {
  if (finding.enabled) return [];
  return [
    ...blockingOrphans(finding, deviceName).map(deleteDevice),
    { by: "operator", where: "console", task: "assign-root-mfa" },
    { by: "operator", where: "console", task: "add-backup-mfa" },
  ];
}

const deleteDevice = (d: VirtualMfaDevice): ApiAction => apiAction("deleteVirtualMfaDevice", { serialNumber: d.serialNumber });

/** The finding once these deletions are made: the devices they removed are no longer in anyone's way. */
export function withoutDeleted(finding: RootMfaFinding, done: ApiAction[]): RootMfaFinding {
  const deleted = new Set(done.flatMap((a) => (isOp(a, "deleteVirtualMfaDevice") ? [a.args.serialNumber] : [])));
  return { ...finding, orphans: finding.orphans.filter((d) => !deleted.has(d.serialNumber)) };
}

/**
 * The unassigned device of the chosen name, when it is still there (its deletion declined, or failed and skipped):
 * the console's assignment under that name would fail with EntityAlreadyExists, so the operator is not sent to
 * it. (The legacy device under another name is in nobody's way: the console assigns the new name beside it.)
 */
export function orphanInTheWay(finding: RootMfaFinding, deviceName: string): VirtualMfaDevice | undefined {
  if (finding.enabled) return undefined;
  return finding.orphans.find((d) => deviceNameOf(d.serialNumber) === deviceName);
}

/** The stopped deletion failed without an answer: the device may be gone already (the screen says "may be"). */
export function deletionMayHaveLanded(outcome: RunnerOutcome): boolean {
  return !!outcome.failed && outcomeUnknown(outcome.failed.code);
}

/** The step skipped with that device still in the way: the verdict of the stopped deletion (declined, or failed). */
export function skippedInTheWay(finding: RootMfaFinding, outcome: RunnerOutcome, at: Date): Verdict {
  const end = concludeRun(finding.evidence, outcome, at);
  return "result" in end ? end.result : verdict("skipped", "operator-skipped", [...finding.evidence, ...outcome.evidence]);
}

export function applyRootMfaAction(ctx: StepContext, action: ApiAction): Promise<WriteReceipt> {
  return sendAction(ctx.account, action);
}

/** One read: is the orphan this action deletes gone? (Before a retry.) */
export function orphanDeletionHolds(ctx: StepContext, action: ApiAction): Promise<boolean> {
  return actionHolds(ctx, action);
}

/** Reads back an orphan's deletion before the operator is sent to the console. */
export function confirmOrphanDeleted(ctx: StepContext, action: ApiAction, hooks?: WaitHooks): Promise<Evidence | undefined> {
  return confirmAction(ctx, action, hooks);
}

/** Reads of the flag without a virtual device before it is taken to be a hardware key or passkey. */
const NON_VIRTUAL_AFTER_READS = 3;

/**
 * Verified when the summary shows root MFA and IAM agrees on the device: a virtual device assigned to root
 * (any name). A hardware key or passkey never appears in that list, so when the flag has stayed on for a few
 * reads with no virtual device, the flag alone is taken (and the evidence says which it was). Both reads are
 * eventually consistent, so one may show the change a little before the other.
 */
/** Waits for root MFA to show; the verdict hands on the kind of MFA read last (`handoff.rootMfaKind`). */
export async function verifyRootMfa(ctx: StepContext, hooks?: WaitHooks): Promise<Verdict> {
  let enabledReads = 0;
  const result = await waitUntil(
    ctx,
    () => inspectRootMfa(ctx),
    (f) => {
      enabledReads = f.enabled ? enabledReads + 1 : 0;
      return f.enabled && (f.rootDevices.length > 0 || enabledReads >= NON_VIRTUAL_AFTER_READS);
    },
    iamWait(ctx, hooks),
  );
  const evidence = result.last?.evidence ?? [];
  if (result.met) return withRootMfaKind(verdict("verified", "read-back-confirms", evidence), result.last);
  return withRootMfaKind(verdict("unverified", result.aborted ? "operator-moved-on" : "not-visible-yet", evidence), result.last);
}
