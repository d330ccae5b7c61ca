// The operator's own admin user's MFA (CIS 1.10 / IAM.5): the identity that replaces root for daily work.
// Unlike root's, this is fully possible by API: CreateVirtualMFADevice, two consecutive codes checked here
// first (so a typo never reaches IAM), EnableMFADevice, then ListMFADevices to read it back.
// A device created and not enabled is deleted again: rootlock never leaves an orphan of its own.
import { phrase, reads } from "./said.js";
import type { MfaDevice, NewVirtualMfaDevice, WriteReceipt } from "../aws/account.js";
import { isAccountError, outcomeUnknown } from "../aws/errors.js";
import { type Partition, partitionOf } from "../aws/partition.js";
import { checkConsecutiveCodes, type CodePairCheck } from "../lib/totp.js";
import type { Action, Evidence, StepContext, Verdict } from "./types.js";
import { apiAction, awsNow, verdict } from "./types.js";
import { iamWait, type WaitHooks, waitUntil } from "./wait.js";

/**
 * The issuer shown in the authenticator app. AWS's console writes "Amazon Web Services"; rootlock writes the short
 * name everyone knows it by, because the issuer is in the QR code twice (label prefix and parameter) and those 32
 * bytes are what takes the code from version 5 (37 modules) to 7: one that fits an 80x24 terminal, one that does not.
 */
export const TOTP_ISSUER = "AWS";

export interface UserMfaFinding {
  /** Only an IAM user has an IAM user to enrol; root and roles do not. */
  applicable: boolean;
  userName?: string;
  devices: MfaDevice[];
  evidence: Evidence[];
}

/** The caller's own user by default; the admin-identity step passes the user it has just created. */
export async function inspectUserMfa(ctx: StepContext, forUser?: string): Promise<UserMfaFinding> {
  const userName = forUser ?? (ctx.caller.kind === "iam-user" ? ctx.caller.userName : undefined);
  if (!userName) return { applicable: false, devices: [], evidence: [] };
  const devices = await ctx.account.listUserMfaDevices(userName);
  return {
    applicable: true,
    userName,
    devices,
    evidence: [{ source: "iam:ListMFADevices", ...reads(phrase("userDevices", userName, String(devices.length))), at: ctx.now() }],
  };
}

/** The authenticator's label: "user@account", as in AWS's own QR codes. */
export function totpLabel(name: string, accountId: string): string {
  return `${name}@${accountId}`;
}

/** The device is named after the user, as the console suggests. */
function deviceNameFor(userName: string): string {
  return userName;
}

export function planUserMfa(finding: UserMfaFinding, accountId: string, partition: Partition = "aws"): Action[] {
  if (!finding.applicable || finding.devices.length > 0 || !finding.userName) return [];
  const name = deviceNameFor(finding.userName);
  return [
    apiAction("createVirtualMfaDevice", { name }),
    // The codes are not in the action: they are a secret of the send (`enableDevice`); the plan shows placeholders.
    apiAction("enableMfaDevice", { userName: finding.userName, serialNumber: serialFor(accountId, finding.userName, partition) }),
  ];
}

export function serialFor(accountId: string, userName: string, partition: Partition = "aws"): string {
  return `arn:${partition}:iam::${accountId}:mfa/${deviceNameFor(userName)}`;
}

/**
 * Creates the device. When the call fails without saying whether AWS made the device (a 5xx, a reset, a
 * timeout), the device may exist with a seed nobody will ever see: it is deleted before the failure goes on,
 * so a retry starts clean and nothing is left unassigned. (An unassigned device under the name rootlock was
 * about to use protects nothing, whoever made it, and would block the retry.)
 */
export async function createDevice(ctx: StepContext, userName: string): Promise<NewVirtualMfaDevice & { receipt: WriteReceipt }> {
  try {
    return await ctx.account.send({ op: "createVirtualMfaDevice", args: { name: deviceNameFor(userName) } });
  } catch (error) {
    if (isAccountError(error) && outcomeUnknown(error.code))
      await discardDevice(ctx, serialFor(ctx.caller.accountId, userName, partitionOf(ctx.caller.arn)), { mayBeAbsent: true });
    throw error;
  }
}

/** The local check, on AWS's clock (the phone is assumed to keep real time, which AWS does). */
export function checkCodes(ctx: Pick<StepContext, "now" | "clockOffsetMs">, secret: string, code1: string, code2: string): CodePairCheck {
  return checkConsecutiveCodes(secret, code1, code2, awsNow(ctx));
}

export async function enableDevice(ctx: StepContext, userName: string, serialNumber: string, code1: string, code2: string): Promise<WriteReceipt> {
  return ctx.account.send({ op: "enableMfaDevice", args: { userName, serialNumber } }, { code1, code2 });
}

/**
 * Removes a device rootlock created but could not enable (failure, quit, Ctrl-C).
 * - `mayBeAbsent`: whether the device exists is not known (its creation's answer was lost). The deletion is
 *   sent, and AWS answering NoSuchEntity means there was nothing to remove. (Not a list first: IAM lists a new
 *   device only after a delay, and a device missed that way would be left behind.)
 * - `readFirst`: an earlier deletion of it failed without an answer. It is deleted only if the list still
 *   shows it, so a deletion that did land is never sent again. The list is read until it shows the device or IAM's
 *   listing delay after `createdAt` (when AWS answered its creation) has passed: a read within it can miss a device
 *   that exists, and that device would be left behind.
 */
export async function discardDevice(
  ctx: StepContext,
  serialNumber: string,
  { mayBeAbsent = false, readFirst = false, createdAt }: { mayBeAbsent?: boolean; readFirst?: boolean; createdAt?: Date } = {},
): Promise<WriteReceipt | undefined> {
  if (readFirst && !(await listedWithinDelay(ctx, serialNumber, createdAt ?? ctx.now()))) return undefined;
  try {
    return await ctx.account.send({ op: "deleteVirtualMfaDevice", args: { serialNumber } });
  } catch (error) {
    if ((mayBeAbsent || readFirst) && isAccountError(error, "NoSuchEntity")) return undefined;
    throw error;
  }
}

/**
 * How long after a device's creation its absence from the list is not yet an answer. This wait can run on the way
 * out (q, Ctrl-C), where IAM's whole wait for a change (3 minutes live) would look like a hang; IAM publishes no
 * figure for its listing delay, which is seconds in practice, so 20 s is the bound.
 */
const LISTING_WAIT_MS = 20_000;

/**
 * Whether IAM lists the unassigned device, read until it does or until IAM's wait for a change has passed since
 * `createdAt`: IAM is eventually consistent ("Changes that I make are not always immediately visible", IAM User
 * Guide, troubleshoot_general), so a device created a moment ago may be missing from the list. Bounded, on the
 * injected clock; a read that fails is not an answer and is thrown, as before.
 */
async function listedWithinDelay(ctx: StepContext, serialNumber: string, createdAt: Date): Promise<boolean> {
  const until = createdAt.getTime() + Math.min(ctx.timing.iamTimeoutMs, LISTING_WAIT_MS);
  for (;;) {
    const unassigned = await ctx.account.listVirtualMfaDevices("Unassigned");
    if (unassigned.some((d) => d.serialNumber === serialNumber)) return true;
    const left = until - ctx.now().getTime();
    if (left <= 0) return false;
    await ctx.sleep(Math.min(ctx.timing.iamPollMs, left));
  }
}

/** One read, after EnableMFADevice failed without a clear answer: did it take effect? */
export async function deviceEnabled(ctx: StepContext, userName: string, serialNumber: string): Promise<boolean> {
  const devices = await ctx.account.listUserMfaDevices(userName);
  return devices.some((d) => d.serialNumber === serialNumber);
}

export async function verifyUserMfa(ctx: StepContext, userName: string, serialNumber: string, hooks?: WaitHooks): Promise<Verdict> {
  const result = await waitUntil(
    ctx,
    () => ctx.account.listUserMfaDevices(userName),
    (devices) => devices.some((d) => d.serialNumber === serialNumber),
    iamWait(ctx, hooks),
  );
  const evidence: Evidence[] = [
    { source: "iam:ListMFADevices", ...reads(result.met ? phrase("enabled", userName, serialNumber) : phrase("deviceNotListed", userName)), at: ctx.now() },
  ];
  if (result.met) return verdict("verified", "read-back-confirms", evidence);
  return verdict("unverified", result.aborted ? "operator-moved-on" : "not-visible-yet", evidence);
}
