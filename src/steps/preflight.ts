// Preflight: who is calling, which account, how far our clock is from AWS's, and where every control
// stands before anything changes. Reads only.
import type { Account, Caller, MfaDevice, RootSummary, VirtualMfaDevice } from "../aws/account.js";
import { isRootArn, signsWithRootKey } from "../aws/account.js";
import { isAccountError } from "../aws/errors.js";

/** Beyond this, TOTP codes computed on this machine will not match AWS's. */
const CLOCK_WARN_MS = 30_000;

/** How each part of the job can be done by this caller (see the README's table). */
export interface Capabilities {
  /**
   * With root's own long-term key rootlock deletes root keys itself; otherwise the operator does, in the console.
   * A root session (`aws login`, GetSessionToken) is "console" too: IAM refuses the key calls without UserName
   * from temporary credentials, and root has no user name to give.
   */
  rootKeys: "api" | "console";
  /** The operator's own IAM user can be enrolled by API; root and roles have no IAM user to enrol. */
  operatorMfa: "api" | "not-applicable";
}

export interface PreflightFinding {
  caller: Caller;
  /** AWS's clock minus this machine's, in ms. */
  clockOffsetMs: number;
  /** Undefined when the caller may not read it (then `denied` names the action). */
  summary: RootSummary | undefined;
  /** Virtual devices assigned to root (any name: the console lets the owner choose it). */
  rootVirtualDevices: VirtualMfaDevice[];
  /** Unassigned virtual devices: they make the next enrollment of the same name fail. */
  orphans: VirtualMfaDevice[];
  /** The operator's own MFA devices, when the caller is an IAM user. */
  operatorMfa: MfaDevice[] | undefined;
  capabilities: Capabilities;
  /** Reads AWS refused for lack of permission: the steps that need them will say so and end unverified. */
  denied: string[];
}

export function capabilitiesOf(caller: Caller): Capabilities {
  return {
    rootKeys: signsWithRootKey(caller) ? "api" : "console",
    operatorMfa: caller.kind === "iam-user" ? "api" : "not-applicable",
  };
}

/** Measures the clock offset from one round trip, taking the midpoint of our clock as the reference. */
async function measureClockOffset(account: Account, now: () => Date): Promise<number> {
  const before = now().getTime();
  const server = await account.getServerTime();
  const after = now().getTime();
  return server.getTime() - (before + after) / 2;
}

export async function inspectPreflight(account: Account, now: () => Date): Promise<PreflightFinding> {
  const caller = await account.getCaller();
  const denied: string[] = [];
  // A missing permission does not stop the run: the state it would show stays unknown, and is named.
  const unlessDenied = async <T>(read: Promise<T>): Promise<T | undefined> => {
    try {
      return await read;
    } catch (error) {
      if (!isAccountError(error, "AccessDenied")) throw error;
      denied.push(error.action);
      return undefined;
    }
  };
  const [clockOffsetMs, summary, devices, operatorMfa] = await Promise.all([
    measureClockOffset(account, now),
    unlessDenied(account.getRootSummary()),
    unlessDenied(account.listVirtualMfaDevices("Any")),
    caller.kind === "iam-user" && caller.userName ? unlessDenied(account.listUserMfaDevices(caller.userName)) : undefined,
  ]);
  return {
    caller,
    clockOffsetMs,
    summary,
    rootVirtualDevices: (devices ?? []).filter((d) => isRootArn(d.userArn)),
    orphans: (devices ?? []).filter((d) => d.userArn === undefined),
    operatorMfa,
    capabilities: capabilitiesOf(caller),
    denied,
  };
}

export function clockIsOff(finding: Pick<PreflightFinding, "clockOffsetMs">): boolean {
  return Math.abs(finding.clockOffsetMs) > CLOCK_WARN_MS;
}
