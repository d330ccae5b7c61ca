// Who other than root holds AdministratorAccess, and how to say it: read by the admin identity step and by
// `rootlock check`. A module of its own so that check does not load the step (its writes, read-backs, the
// password generator and, through the user MFA plan, the TOTP code).
import type { Account } from "../aws/account.js";
import { type Phrase, phrase } from "./said.js";

/** Someone other than root with AdministratorAccess: a user (directly, or through a group) or a role. */
export interface AdminHolder {
  kind: "user" | "role";
  name: string;
  /** The group it has the policy through; absent when attached directly. */
  via?: string;
}

/** Who holds AdministratorAccess: users and roles it is attached to, and the members of groups it is attached to. */
export async function findAdminIdentities(account: Account, policyArn: string): Promise<AdminHolder[]> {
  const entities = await account.listPolicyEntities(policyArn);
  const groups = await Promise.all(entities.groups.map((g) => account.getGroup(g)));
  return [
    ...entities.users.map((name): AdminHolder => ({ kind: "user", name })),
    ...groups.flatMap((g) => (g ? g.members.map((name): AdminHolder => ({ kind: "user", name, via: g.name })) : [])),
    ...entities.roles.map((name): AdminHolder => ({ kind: "role", name })),
  ];
}

export function describeAdmins(admins: AdminHolder[]): Phrase {
  if (admins.length === 0) return phrase("noAdmins");
  return phrase(
    "plain",
    admins.map((a) => (a.via ? phrase("adminByGroup", phrase(a.kind), a.name, a.via) : phrase("adminDirect", phrase(a.kind), a.name))),
  );
}
