// Faults at the webhook's AWS calls (issue 16), through the real SDK against moto: its reads (the destination, the
// role) and writes (the connection, the destination, the role, its policy, a rule's target), each throttled, failed
// with a 5xx, reset, or answered too late, before or after moto made the change. The operator retries; a write
// whose answer was lost is read back (the destination by the URL's digest) before it is sent again, and the step
// ends verified with each part made once. The URL never shows, failure panels included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as t } from "../../../src/i18n/en.js";
import { AlertsScreen } from "../../../src/screens/AlertsScreen.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { contextFor, expectNoHarm, freshAccount, matrix, operate } from "./harness.js";

const available = requireMoto("the webhook alerts fault matrix");
const URL_A = "https://hooks.slack.com/services/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";
const WRITES = /^(CreateConnection|CreateApiDestination|UpdateApiDestination|CreateRole|PutRolePolicy|PutRule|PutTargets|CreateTrail|StartLogging)$/;

describe.runIf(available)("webhook alerts under faults", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const cases = matrix(
    [{ action: "DescribeApiDestination" }, { action: "GetRole" }],
    [{ action: "CreateConnection" }, { action: "CreateApiDestination" }, { action: "CreateRole" }, { action: "PutRolePolicy" }, { action: "PutTargets" }],
  );

  it.each(cases)("$call: $fault", async (c) => {
    const world = await freshAccount(moto);
    const ctx = await contextFor(moto, world.adminKey);
    await moto.fault(c.spec);
    const run = await operate((onDone) => <AlertsScreen ctx={ctx} onDone={onDone} onBack={() => {}} />, {
      // No email (Enter on the empty field), then w and the URL, then on.
      enterOn: [t.alerts.introKeys, t.alerts.emailOptionalHint, t.alerts.webhookChoice("https://hooks.slack.com/…/AAAa")],
      keyOn: { [t.alerts.webhookChoice(undefined)]: "w" },
      typeOn: { [t.alerts.webhookLabel]: URL_A },
    });
    const seen = await moto.requests();
    expectNoHarm(c, seen, run);
    expect(run.verdict?.state).toBe("verified");
    // Each write landed once: a lost answer was read back, not sent again.
    const landed = seen.filter((s) => WRITES.test(s.action) && s.status === 200).map((s) => s.action);
    expect(landed.sort()).toEqual(
      ["CreateConnection", "CreateApiDestination", "CreateRole", "PutRolePolicy", "CreateTrail", "StartLogging", "PutRule", "PutTargets", "PutRule", "PutTargets"].sort(),
    );
    expect(run.failures.filter((f) => f.includes("s3cr3tT0ken"))).toEqual([]);
    expect(JSON.stringify(run.verdict)).not.toContain("s3cr3tT0ken");
    expect(await ctx.account.getApiDestination("rootlock-webhook")).toMatchObject({ state: "ACTIVE" });
  });
});
