// Root MFA (CIS 1.5 / IAM.9). AWS lets nobody enable root's MFA by API — only the root user, in the
// console. So rootlock clears what would make the console fail (an orphaned device of the same name), guides
// the clicks, and then verifies from IAM: the summary flag, and a virtual device assigned to `…:root`.
import type { VirtualMfaDevice, WriteReceipt } from "../aws/account.js";
import { isRootArn } from "../aws/account.js";
import type { Action, ApiAction, Evidence, StepContext, Verdict } from "./types.js";
import { verdict } from "./types.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

/** AWS allows up to eight MFA devices per user, root included: a backup device is worth one of them. */
export const MAX_MFA_DEVICES = 8;

export interface RootMfaFinding {
  /** GetAccountSummary's AccountMFAEnabled: any device, virtual, hardware or passkey. */
  enabled: boolean;
  /** Virtual devices assigned to root, whatever their name. */
  rootDevices: VirtualMfaDevice[];
  /** Unassigned virtual devices; `root-account-mfa-device` left by an abandoned console attempt is the usual one. */
  orphans: VirtualMfaDevice[];
  evidence: Evidence[];
}

export async function inspectRootMfa(ctx: StepContext): Promise<RootMfaFinding> {
  const [summary, devices] = await Promise.all([ctx.account.getRootSummary(), ctx.account.listVirtualMfaDevices("Any")]);
  const rootDevices = devices.filter((d) => isRootArn(d.userArn));
  const orphans = devices.filter((d) => d.userArn === undefined);
  return {
    enabled: summary.accountMfaEnabled,
    rootDevices,
    orphans,
    evidence: [
      { source: "iam:GetAccountSummary", read: `AccountMFAEnabled=${summary.accountMfaEnabled ? 1 : 0}`, at: ctx.now() },
      { source: "iam:ListVirtualMFADevices", read: `${rootDevices.length} assigned to root, ${orphans.length} unassigned`, at: ctx.now() },
    ],
  };
}

/** Root MFA is on, but through no virtual device: a hardware key or a passkey (which also meets CIS 1.6). */
export function hasNonVirtualRootMfa(finding: RootMfaFinding): boolean {
  return finding.enabled && finding.rootDevices.length === 0;
}

export function planRootMfa(finding: RootMfaFinding): Action[] {
  const clearOrphans = finding.orphans.map(deleteDevice);
  if (finding.enabled) return clearOrphans;
  return [...clearOrphans, { by: "operator", where: "console", task: "assign-root-mfa" }, { by: "operator", where: "console", task: "add-backup-mfa" }];
}

const deleteDevice = (d: VirtualMfaDevice): ApiAction => ({
  by: "rootlock",
  call: "iam:DeleteVirtualMFADevice",
  params: { SerialNumber: d.serialNumber },
});

export async function applyRootMfaAction(ctx: StepContext, action: ApiAction): Promise<WriteReceipt> {
  if (action.call !== "iam:DeleteVirtualMFADevice") throw new Error(`not a root MFA action: ${action.call}`);
  return ctx.account.deleteVirtualMfaDevice(action.params.SerialNumber!);
}

/** Reads back an orphan's deletion before the operator is sent to the console. */
export async function confirmOrphanDeleted(ctx: StepContext, serialNumber: string, hooks?: WaitHooks): Promise<Evidence | undefined> {
  const result = await waitUntil(
    ctx,
    () => ctx.account.listVirtualMfaDevices("Unassigned"),
    (devices) => !devices.some((d) => d.serialNumber === serialNumber),
    iamWait(ctx, hooks),
  );
  return result.met ? { source: "iam:ListVirtualMFADevices", read: `${serialNumber} absent`, at: ctx.now() } : undefined;
}

/** Reads of the flag without a virtual device before it is taken to be a hardware key or passkey. */
const NON_VIRTUAL_AFTER_READS = 3;

/**
 * Verified when the summary shows root MFA and IAM agrees on the device: a virtual device assigned to root
 * (any name). A hardware key or passkey never appears in that list, so when the flag has stayed on for a few
 * reads with no virtual device, the flag alone is taken (and the evidence says which it was). Both reads are
 * eventually consistent, so one may show the change a little before the other.
 */
export async function verifyRootMfa(ctx: StepContext, hooks?: WaitHooks, onRead?: (finding: RootMfaFinding) => void): Promise<Verdict> {
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
  if (result.last) onRead?.(result.last);
  const evidence = result.last?.evidence ?? [];
  if (result.met) return verdict("verified", "read-back-confirms", evidence);
  return verdict("unverified", result.aborted ? "operator-moved-on" : "not-visible-yet", evidence);
}
