// Faults at each read of the preflight (who is calling, AWS's clock, the account summary, the virtual MFA
// devices, the caller's own devices): the preflight says what failed and how to go on, and a retry reads the
// account in full.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveAccount } from "../../../src/aws/live/account.js";
import { en as t } from "../../../src/i18n/en.js";
import { PreflightScreen } from "../../../src/screens/PreflightScreen.js";
import type { PreflightFinding } from "../../../src/steps/preflight.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the preflight fault matrix");

describe.runIf(available)("the preflight under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const cases = matrix(
    [
      { action: "GetCallerIdentity" },
      { action: "GetCallerIdentity", skip: 1 },
      { action: "GetAccountSummary" },
      { action: "ListVirtualMFADevices" },
      { action: "ListMFADevices" },
    ],
    [],
  );

  it.each(cases)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const account = (await contextFor(moto, world.adminKey)).account as LiveAccount;
    await moto.clearRequests();
    await moto.fault(c.spec);
    const run = await operate<PreflightFinding>((onDone) => <PreflightScreen account={account} now={() => new Date()} onDone={onDone} onQuit={() => {}} />, {
      enterOn: [t.preflight.plan],
    });
    expectNoHarm(c, await moto.requests(), run);
    expect(run.verdict?.caller.userName).toBe("ops-admin");
    expect(run.verdict?.summary?.accountAccessKeysPresent).toBe(true);
    expect(run.verdict?.operatorMfa).toEqual([]);
  });
});
