// Faults at every AWS call of the root-MFA step, run as ops-admin (the recommended road): an unassigned device
// left behind by an earlier attempt blocks the console, so rootlock deletes it, then guides root through the
// console (done here through the SDK, as root would), and verifies from the account summary. Reads (summary,
// device list, before and after) and the deletion, each faulted: the job ends verified, the orphan is deleted
// once, and no device is left unassigned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as t } from "../../../src/i18n/en.js";
import { RootMfaScreen } from "../../../src/screens/RootMfaScreen.js";
import { fold } from "../../helpers/ink.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { rootAssignsVirtualMfa } from "../../helpers/root-in-console.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the root-MFA fault matrix");

describe.runIf(available)("root MFA under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const cases = matrix(
    [{ action: "GetAccountSummary" }, { action: "GetAccountSummary", skip: 1 }, { action: "ListVirtualMFADevices" }, { action: "ListVirtualMFADevices", skip: 1 }],
    [{ action: "DeleteVirtualMFADevice" }],
  );

  it.each(cases)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    await world.truth.orphan("root-account-mfa-device");
    const ctx = await contextFor(moto, world.adminKey);
    await moto.clearRequests();
    await moto.fault(c.spec);
    let assigned = false;
    // Root, in the console, once rootlock shows the console steps.
    const rootAssignsMfa = async (frame: string) => {
      if (assigned || !frame.includes(fold(t.rootMfa.consoleSteps[0]!))) return;
      assigned = true;
      await rootAssignsVirtualMfa(world.iam);
    };
    const run = await operate((onDone) => <RootMfaScreen ctx={ctx} onDone={(v) => onDone(v)} onBack={() => {}} />, { onFrame: rootAssignsMfa });
    expectNoHarm(c, await moto.requests(), run);
    expect(run.verdict?.state).toBe("verified");
    expect(await world.truth.unassigned()).toEqual([]);
    expect((await world.truth.userDevices("root-standin")).length).toBe(1);
  });
});
