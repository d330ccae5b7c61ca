// Faults at every AWS call of the password-policy step (ops-admin's key): the read of the policy (the finding,
// the read-back after the change, the step's own verification, and the read before a retry) and the one
// write, UpdateAccountPasswordPolicy, each throttled, failed with a 5xx, reset, or answered too late, before or
// after moto made the change. The account starts with a weak policy of its own (8 characters, symbols, a
// 90-day expiry): the job ends verified, the policy meets CIS 1.8 and 1.9, and every other setting is carried over.
// Then the read before a retry, faulted after the write's answer was lost, on an account with no policy.
import { GetAccountPasswordPolicyCommand, UpdateAccountPasswordPolicyCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PasswordPolicyScreen } from "../../../src/screens/PasswordPolicyScreen.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the password-policy fault matrix");

describe.runIf(available)("the password policy under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const cases = matrix(
    // The finding, the runner's read-back, the verification's read.
    [{ action: "GetAccountPasswordPolicy" }, { action: "GetAccountPasswordPolicy", skip: 1 }, { action: "GetAccountPasswordPolicy", skip: 2 }],
    [{ action: "UpdateAccountPasswordPolicy" }],
  );

  it.each(cases)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    await world.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, RequireSymbols: true, MaxPasswordAge: 90 }));
    const ctx = await contextFor(moto, world.adminKey);
    await moto.clearRequests();
    await moto.fault(c.spec);
    const run = await operate((onDone) => <PasswordPolicyScreen ctx={ctx} onDone={onDone} onBack={() => {}} />);
    const seen = await moto.requests();
    expectNoHarm(c, seen, run);
    expect(run.verdict?.state).toBe("verified");
    expect(run.verdict?.reason).toBe("read-back-confirms");
    // The change is sent again only after a read showed it missing: once when it landed, at most twice otherwise.
    const updates = seen.filter((s) => s.action === "UpdateAccountPasswordPolicy");
    expect(updates.filter((s) => s.status === 200).length).toBe(1);
    const policy = (await world.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!;
    expect(policy).toMatchObject({
      MinimumPasswordLength: 14,
      PasswordReusePrevention: 24,
      RequireSymbols: true,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      MaxPasswordAge: 90,
    });
  });

  // The read before a retry: the change's answer was lost (a 5xx after moto made it), and the read that decides
  // whether to send it again fails too. The operator retries; the change is not sent twice.
  const beforeRetry = matrix([{ action: "GetAccountPasswordPolicy", skip: 1 }], []);

  it.each(beforeRetry)("the read before a retry, $call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.adminKey);
    await moto.clearRequests();
    await moto.fault({ action: "UpdateAccountPasswordPolicy", code: "InternalFailure", status: 500, after: true });
    await moto.fault(c.spec);
    const run = await operate((onDone) => <PasswordPolicyScreen ctx={ctx} onDone={onDone} onBack={() => {}} />);
    const seen = await moto.requests();
    expectNoHarm(c, seen, run);
    expect(run.verdict?.state).toBe("verified");
    expect(seen.filter((s) => s.action === "UpdateAccountPasswordPolicy").length).toBe(1);
    // No policy before: AWS's default rules are replaced by CIS's, every kind of character required.
    const policy = (await world.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!;
    expect(policy).toMatchObject({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true, RequireNumbers: true });
  });
});
