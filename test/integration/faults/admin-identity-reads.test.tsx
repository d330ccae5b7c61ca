// Faults at every AWS read of the admin-identity step (ops-admin's key, an account whose only administrator is
// root), each throttled, failed with a 5xx, reset, or answered too late: who holds AdministratorAccess and the
// admin group (the finding), the check that the user name is free, the read-backs of the changes (the group,
// the attachment, the user, the membership, the login profile), the password policy the generated password is
// made for, the new user's MFA devices (before, and after enabling), and the final verification of the whole
// identity. The operator retries; the identity ends complete and verified, each change made once. (The writes
// are in admin-identity.test.tsx.)
import { afterAll, beforeAll, describe, it } from "vitest";
import { AdminIdentityScreen } from "../../../src/screens/AdminIdentityScreen.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { expectComplete, OPERATOR } from "./admin-world.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the admin-identity fault matrix (reads)");

describe.runIf(available)("the admin identity's reads under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  // In a fault-free run (the request log): ListEntitiesForPolicy and GetGroup (the finding); GetUser (the name
  // is free); per change its read-back (GetGroup, GetGroup + ListAttachedGroupPolicies, GetUser, GetGroup,
  // GetAccountPasswordPolicy then GetLoginProfile); ListMFADevices twice (the user-MFA screen's finding and
  // read-back); then GetGroup, ListAttachedGroupPolicies, GetLoginProfile and ListMFADevices (the verification).
  const cases = matrix(
    [
      { action: "ListEntitiesForPolicy" },
      { action: "GetGroup" },
      { action: "GetUser" },
      { action: "GetUser", skip: 1 },
      { action: "ListAttachedGroupPolicies" },
      { action: "GetAccountPasswordPolicy" },
      { action: "GetLoginProfile" },
      { action: "ListMFADevices" },
    ],
    [],
  );

  it.each(cases)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.adminKey);
    await moto.clearRequests();
    await moto.fault(c.spec);
    const run = await operate((onDone) => <AdminIdentityScreen ctx={ctx} onDone={onDone} onBack={() => {}} />, OPERATOR);
    const seen = await moto.requests();
    expectNoHarm(c, seen, run);
    await expectComplete(world, ctx, seen, run);
  });
});
