// The whole wizard in LIVE mode, in a real pseudo-terminal, against moto (through the project's launcher, where a
// stand-in user acts as root). What only root can do in the console, the test does through the SDK at the
// moment the operator would, and the wizard must see it by reading AWS.
import { DeleteAccessKeyCommand, type IAMClient, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { en as t } from "../../src/i18n/en.js";
import { drive, type Wizard } from "../helpers/drivers.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { spawnRootlock } from "../helpers/pty.js";
import { type Key, liveEnv, liveWorld, setupClient } from "../helpers/live-world.js";
import { rootAssignsVirtualMfa, rootSignsInWithMfa } from "../helpers/root-in-console.js";

const available = requireMoto("the live wizard's end-to-end tests");
/** moto starts with no password policy: CIS's is applied and read back; ops-admin is an administrator already. */
async function passwordPolicyAndAdmin(w: Wizard) {
  await w.passwordPolicy.apply(t.passwordPolicy.noneDefaults, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14");
  await w.adminIdentity.keep("user", "ops-admin");
}

describe.runIf(available)("the live wizard against moto", () => {
  let moto: MotoServer;
  let iam: IAMClient;
  let rootKeys: Key[];
  let adminKey: Key;

  beforeEach(async () => {
    moto = await startMoto();
    iam = setupClient(moto);
    ({ rootKeys, adminKey } = await liveWorld(iam));
  }, 60_000);

  afterEach(async () => {
    await moto?.stop();
  });

  const run = (key: Key) =>
    drive(
      spawnRootlock([], {
        cols: 110,
        rows: 52,
        cwd: mkdtempSync(join(tmpdir(), "rootlock-live-")),
        env: liveEnv(moto, key),
      }),
      t,
    );

  it("as the admin identity: root keys and root MFA guided and verified, its own MFA by API, the sign-in found", async () => {
    const w = run(adminKey);
    const s = w.s;
    await w.preflight.start(t.preflight.plan, () => s.waitFor("LIVE"));

    // The operator, in the console: deactivate, then delete, each key.
    await w.rootKeys.viaConsole(async () => {
      await s.waitFor(/key 1\s+Active/);
      for (const k of rootKeys) {
        await iam.send(new UpdateAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId, Status: "Inactive" }));
        await iam.send(new DeleteAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId }));
      }
    });
    await w.rootMfa.viaConsole(() => rootAssignsVirtualMfa(iam));
    await w.userMfa.enrol("ops-admin");

    await passwordPolicyAndAdmin(w);
    await w.alerts.skip();
    await w.signin.viaConsole(() => rootSignsInWithMfa(moto));

    await w.next(t.summary.allTakenVerified(t.steps["root-alerts"]));
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
  }, 120_000);

  it("with root's own key: MFA and sign-in verified first, then both keys deleted, the signing key last and rejected", async () => {
    const w = run(rootKeys[0]!);
    const s = w.s;
    await w.preflight.start(t.preflight.planRoot);

    await w.rootMfa.viaConsole(() => rootAssignsVirtualMfa(iam));
    await passwordPolicyAndAdmin(w);
    await w.alerts.skip();
    await w.signin.viaConsole(() => rootSignsInWithMfa(moto));

    await w.rootKeys.withOwnKey(
      {
        first: `iam:UpdateAccessKey(AccessKeyId=${rootKeys[1]!.accessKeyId}, Status=Inactive)`,
        // The first confirmation lists the whole plan, this call included: wait for its own confirmation (2 of 3).
        second: new RegExp(`${t.common.progress(2, 3)}[\\s\\S]*iam:DeleteAccessKey\\(AccessKeyId=${rootKeys[1]!.accessKeyId}\\)`),
      },
      // From here moto checks every request's signature and key, as AWS does, so the deleted key is refused.
      () => fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" }),
    );

    const summary = await s.waitFor(t.summary.allTakenVerified(t.steps["root-alerts"]));
    expect(summary).toContain(t.reasons["not-applicable"]);
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
  }, 120_000);
});
