// Guard rails: does an SCP protect member roots (deny a real root sign-in's actions, with the aws:AssumedRoot
// exemption that lets centralized root access work)? Read for every audited account (the SCPs attached to it and to
// every parent above it); rootlock reports it and prints such an SCP on request (`rootlock org scp`), and never
// attaches one itself.
import { scpEffectOnRoot } from "../../aws/scp.js";
import type { AccountResult, OrgDeps } from "./types.js";

export interface GuardRails {
  /** Accounts audited (not skipped). */
  checked: number;
  /** Accounts under at least one SCP that protects member roots. */
  protectedAccounts: string[];
  /** Accounts whose SCPs could not be read (the caller may not read Organizations' policies). */
  unreadable: string[];
}

export async function guardRails(deps: OrgDeps, results: readonly AccountResult[]): Promise<GuardRails> {
  const audited = results.filter((r) => r.state !== "skipped");
  const protectedAccounts: string[] = [];
  const unreadable: string[] = [];
  for (const r of audited) {
    try {
      const scps = await deps.org.scpsFor(r.account.id);
      if (scps.some((p) => p.document && scpEffectOnRoot(p.document, r.account.id) === "protects")) protectedAccounts.push(r.account.id);
    } catch {
      unreadable.push(r.account.id);
    }
  }
  return { checked: audited.length, protectedAccounts, unreadable };
}
