// The road where the operator gives up at the new user's MFA codes (ops-admin's key, an account whose only
// administrator is root): rootlock deletes the device, then everything it made, last first, each removal read
// back, under a fault at one removal: a 5xx after moto carried it out (the rollback reads, sees it done, and
// goes on), or a reset before (the rollback stops there and names exactly what is left; quitting removes it).
// Nothing is left behind, and no removal that landed is sent again.
import { ADMINISTRATOR_ACCESS_ARN } from "../../../src/aws/account.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as t } from "../../../src/i18n/en.js";
import { AdminIdentityScreen } from "../../../src/screens/AdminIdentityScreen.js";
import { STATE_MARK } from "../../../src/screens/components/VerdictView.js";
import { describeMade, planAdminIdentity } from "../../../src/steps/admin-identity.js";
import { fold } from "../../helpers/ink.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { GROUP, identity, OPERATOR, USER } from "./admin-world.js";
import { type Case, contextFor, expectNoHarm, freshAccount, operate } from "./harness.js";

const available = requireMoto("the admin-identity rollback under faults");
const a = t.adminIdentity;

describe.runIf(available)("the admin identity given up, under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  // The operator presses Esc at the codes: rootlock deletes the device, then the rest, last first, under a
  // fault at one removal: a 5xx after moto carried it out (the rollback reads, sees it done, and goes on), or
  // a reset before (the rollback stops there and names what is left; quitting removes it).
  const removals = ["DeleteVirtualMFADevice", "DeleteLoginProfile", "RemoveUserFromGroup", "DeleteUser", "DetachGroupPolicy", "DeleteGroup"];
  const givenUp: Case[] = removals.flatMap((action) => [
    { call: action, fault: "5xx after the change", write: true, spec: { action, code: "InternalFailure", status: 500, after: true } },
    { call: action, fault: "reset before the change", write: true, spec: { action, kind: "reset" as const } },
  ]);
  const plan = planAdminIdentity(
    { admins: [], groupName: GROUP, groupExists: false, groupHasPolicy: false, policyArn: ADMINISTRATOR_ACCESS_ARN, evidence: [] },
    USER,
  ).map(describeMade);

  it.each(givenUp)("given up at the codes, $call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.adminKey);
    await moto.clearRequests();
    await moto.fault(c.spec);
    // When the screen names what is left, it names exactly what moto still has at that moment.
    let named: string[] | undefined;
    let actual: string[] | undefined;
    const readLeft = async (frame: string) => {
      if (named || !frame.includes(fold(a.leftTitle))) return;
      // The list under the title, up to the verdict (whose evidence names what was removed); compared without
      // white space, as Ink may wrap a long call anywhere.
      const squeeze = (s: string) => s.replace(/\s+/g, "");
      const list = squeeze(frame).split(squeeze(a.leftTitle))[1]!.split(STATE_MARK.failed)[0]!;
      named = plan.filter((made) => list.includes(squeeze(made)));
      const now = await identity(world.iam);
      const holds = [now.group, now.policies.length > 0, now.user, now.members.length > 0, !!now.profile];
      actual = plan.filter((_, i) => holds[i]);
    };
    const run = await operate((onDone) => <AdminIdentityScreen ctx={ctx} onDone={onDone} onBack={() => {}} />, {
      ...OPERATOR,
      giveUpAtCodes: true,
      onFrame: readLeft,
    });
    expectNoHarm(c, await moto.requests(), run);
    // The device is the user-MFA screen's own (it retries, reading first); a removal of the identity that did
    // not land stops the rollback there.
    const stops = c.spec.kind === "reset" && c.spec.action !== "DeleteVirtualMFADevice";
    if (stops) {
      expect(named?.length, "the screen named nothing left").toBeGreaterThan(0);
      expect(named).toEqual(actual);
      expect(run.verdict?.state).toBe("failed");
    } else {
      expect(named).toBeUndefined();
      expect(run.verdict).toMatchObject({ state: "skipped", reason: "operator-skipped" });
    }
    // Whatever the screen said, nothing is left once rootlock is gone (quitting tries once more).
    expect(await identity(world.iam)).toMatchObject({ group: false, user: false });
    expect(await world.truth.userDevices(USER).catch(() => [])).toEqual([]);
    expect(await world.truth.unassigned()).toEqual([]);
  });
});
