// Faults at every AWS call of the root-keys step, on root's own key (the road where rootlock makes the changes):
// reads (summary, key list, last use, and the check that AWS refuses the deleted signing key) and writes
// (deactivate then delete the other key, delete the signing key last), each throttled, failed with a 5xx, reset,
// or answered too late, before or after moto made the change. The operator retries; the job gets done, and no
// deletion is sent twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as t } from "../../../src/i18n/en.js";
import { RootKeysScreen } from "../../../src/screens/RootKeysScreen.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the root-keys fault matrix");

describe.runIf(available)("root access keys under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const cases = matrix(
    [{ action: "GetAccountSummary" }, { action: "ListAccessKeys" }, { action: "GetAccessKeyLastUsed" }, { action: "GetCallerIdentity" }],
    [{ action: "UpdateAccessKey" }, { action: "DeleteAccessKey" }, { action: "DeleteAccessKey", skip: 1 }],
  );

  it.each(cases)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.rootKeys[1]!);
    await moto.fault(c.spec);
    const run = await operate((onDone) => <RootKeysScreen ctx={ctx} onDone={onDone} onBack={() => {}} />, { enterOn: [t.rootKeys.apiIntro] });
    expectNoHarm(c, await moto.requests(), run);
    // A retry is enough for each of these faults: the job ends done, and verified only because it is.
    expect(run.verdict?.state).toBe("verified");
    expect(await world.truth.rootKeys()).toEqual([]);
  });
});
