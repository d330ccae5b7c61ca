// Faults at every AWS write of the admin-identity step (ops-admin's key, an account whose only administrator is
// root): the group, its policy, the user, the membership, the login profile, then the new user's virtual MFA
// device and its enabling, each throttled, failed with a 5xx, reset, or answered too late, before or after moto
// made the change. The operator retries; the identity ends complete and verified, each change made once, and no
// MFA device is left unassigned. (The step's reads are in admin-identity-reads.test.tsx, and the road where the
// operator gives up in admin-identity-rollback.test.tsx: one file for all would take over two minutes.)
import { afterAll, beforeAll, describe, it } from "vitest";
import { AdminIdentityScreen } from "../../../src/screens/AdminIdentityScreen.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { expectComplete, OPERATOR, WRITES } from "./admin-world.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the admin-identity fault matrix");

describe.runIf(available)("the admin identity's writes under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const cases = matrix(
    [],
    WRITES.map((action) => ({ action })),
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
