// Faults at the sign-in test's only AWS call, CloudTrail's LookupEvents, polled while root signs in with MFA in
// another browser: throttled, failed with a 5xx, reset, or too late. The sign-in is still found and verified,
// and each failure the operator sees is a sentence with a way forward.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as t } from "../../../src/i18n/en.js";
import { SigninScreen } from "../../../src/screens/SigninScreen.js";
import { fold } from "../../helpers/ink.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { rootSignsInWithMfa } from "../../helpers/root-in-console.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the sign-in fault matrix");

describe.runIf(available)("the sign-in test under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  it.each(matrix([{ action: "LookupEvents" }], []))("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    await moto.clearEvents();
    const ctx = await contextFor(moto, world.adminKey);
    await moto.fault(c.spec);
    let signedIn = false;
    // Root signs in (CloudTrail's record of it) as the operator starts the test.
    const rootSignsIn = async (frame: string) => {
      if (signedIn || !frame.includes(fold(t.signin.start))) return;
      signedIn = true;
      await rootSignsInWithMfa(moto, ctx.caller.accountId);
    };
    const run = await operate((onDone) => <SigninScreen ctx={ctx} onDone={onDone} onBack={() => {}} />, { onFrame: rootSignsIn, enterOn: [t.signin.start] });
    expectNoHarm(c, await moto.requests(), run);
    expect(run.verdict?.state).toBe("verified");
  });
});
