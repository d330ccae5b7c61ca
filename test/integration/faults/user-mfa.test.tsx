// Faults at every AWS call of the operator's own MFA step (ops-admin's key, the API road): the reads (the user's
// devices, before and after), the two writes (create the device, enable it) and, on the road where the operator
// gives up at the codes, the deletion of the device rootlock made. Each fault, before or after moto carried the
// call out: the job ends done (or, given up, cleanly undone), and no virtual MFA device is left unassigned,
// including one whose CreateVirtualMFADevice answer was lost with its seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserMfaScreen } from "../../../src/screens/UserMfaScreen.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the user-MFA fault matrix");

describe.runIf(available)("the operator's own MFA under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const enrolled = matrix([{ action: "ListMFADevices" }, { action: "ListMFADevices", skip: 1 }], [{ action: "CreateVirtualMFADevice" }, { action: "EnableMFADevice" }]);

  it.each(enrolled)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.adminKey);
    await moto.fault(c.spec);
    const run = await operate((onDone) => <UserMfaScreen ctx={ctx} onDone={onDone} onBack={() => {}} />);
    expectNoHarm(c, await moto.requests(), run);
    expect(run.verdict?.state).toBe("verified");
    expect((await world.truth.userDevices("ops-admin")).map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${ctx.caller.accountId}:mfa/ops-admin`]);
    expect(await world.truth.unassigned()).toEqual([]);
  });

  // The operator presses Esc at the codes: rootlock deletes the device it made, under each fault.
  const givenUp = matrix([{ action: "ListVirtualMFADevices" }], [{ action: "DeleteVirtualMFADevice" }]);

  it.each(givenUp)("given up at the codes, $call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.adminKey);
    // The listing is read only before a second deletion attempt, so its faults come after a first attempt whose
    // answer was lost (the launcher keeps one fault per action: the two stand side by side).
    if (c.spec.action === "ListVirtualMFADevices") await moto.fault({ action: "DeleteVirtualMFADevice", code: "InternalFailure", status: 500, after: true });
    await moto.fault(c.spec);
    const run = await operate((onDone) => <UserMfaScreen ctx={ctx} onDone={onDone} onBack={() => {}} />, { giveUpAtCodes: true });
    expectNoHarm(c, await moto.requests(), run);
    expect(run.verdict?.state).toBe("skipped");
    expect(await world.truth.userDevices("ops-admin")).toEqual([]);
    expect(await world.truth.unassigned()).toEqual([]);
  });
});
