// The member accounts of a run: every account of the organization (ListAccounts, paged), or the ones asked for
// (--accounts ids, --ou ids).
import type { Org, OrgAccount } from "../../aws/org.js";

/**
 * Every account, page by page. ListAccounts takes MaxResults at most 20, and AWS "can occasionally return an empty
 * set" with a NextToken when more follow (Organizations API reference, ListAccounts): only a missing NextToken ends it.
 */
export async function listAllAccounts(org: Org): Promise<OrgAccount[]> {
  const accounts: OrgAccount[] = [];
  let next: string | undefined;
  do {
    const page = await org.accountsPage(next);
    accounts.push(...page.accounts);
    next = page.next;
  } while (next);
  return accounts;
}

export interface Selection {
  accounts?: readonly string[];
  ous?: readonly string[];
}

export interface Selected {
  accounts: OrgAccount[];
  /** Ids asked for with --accounts that the organization does not have. */
  unknown: string[];
}

/** The accounts a run covers, in the organization's order. With neither --accounts nor --ou: all of them. */
export async function selectAccounts(org: Org, selection: Selection): Promise<Selected> {
  const all = await listAllAccounts(org);
  const wanted = new Set<string>(selection.accounts ?? []);
  for (const ou of selection.ous ?? []) for (const id of await org.accountsUnder(ou)) wanted.add(id);
  if (!selection.accounts?.length && !selection.ous?.length) return { accounts: all, unknown: [] };
  const known = new Set(all.map((a) => a.id));
  return { accounts: all.filter((a) => wanted.has(a.id)), unknown: [...(selection.accounts ?? [])].filter((id) => !known.has(id)) };
}
