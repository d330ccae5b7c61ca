// The whole wizard in LIVE mode, in a real pseudo-terminal, against moto (through the project's launcher, where a
// stand-in user acts as root). What only root can do in the console, the test does through the SDK at the
// moment the operator would, and the wizard must see it by reading AWS.
import { DeleteAccessKeyCommand, type IAMClient, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { en as t } from "../../src/i18n/en.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { type PtySession, spawnRootlock } from "../helpers/pty.js";
import { type Key, liveEnv, liveWorld, setupClient } from "../helpers/live-world.js";
import { rootAssignsVirtualMfa, rootSignsInWithMfa } from "../helpers/root-in-console.js";

const available = requireMoto("the live wizard's end-to-end tests");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function next(s: PtySession, text: string | RegExp) {
  await s.waitFor(text, 30_000);
  await sleep(30);
}

/** moto starts with no password policy: CIS's is applied and read back; ops-admin is an administrator already. */
async function passwordPolicyAndAdmin(s: PtySession) {
  await next(s, t.passwordPolicy.noneDefaults);
  s.press("enter");
  await next(s, "iam:UpdateAccountPasswordPolicy(MinimumPasswordLength=14");
  s.press("enter");
  await next(s, t.passwordPolicy.verified);
  s.press("enter");
  await next(s, t.adminIdentity.holder("user", "ops-admin"));
  s.press("enter");
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
    spawnRootlock([], {
      cols: 110,
      rows: 52,
      cwd: mkdtempSync(join(tmpdir(), "rootlock-live-")),
      env: liveEnv(moto, key),
    });

  it("as the admin identity: root keys and root MFA guided and verified, its own MFA by API, the sign-in found", async () => {
    const s = run(adminKey);
    await next(s, t.preflight.plan);
    await s.waitFor("LIVE");
    s.press("enter");

    await next(s, t.rootKeys.consoleIntro);
    await s.waitFor(/key 1\s+Active/);
    // The operator, in the console: deactivate, then delete, each key.
    for (const k of rootKeys) {
      await iam.send(new UpdateAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId, Status: "Inactive" }));
      await iam.send(new DeleteAccessKeyCommand({ UserName: "root-standin", AccessKeyId: k.accessKeyId }));
    }
    s.press("enter");
    await next(s, t.rootKeys.verified);
    s.press("enter");

    await next(s, t.rootMfa.consoleOnly);
    s.press("enter");
    await next(s, t.rootMfa.consoleSteps[0]!);
    await rootAssignsVirtualMfa(iam);
    s.press("enter");
    await next(s, t.rootMfa.verified);
    s.press("enter");

    await next(s, "iam:CreateVirtualMFADevice");
    s.press("enter");
    await next(s, t.common.confirmKeys);
    s.press("enter");
    await next(s, t.userMfa.showSecret);
    s.write("\u000b");
    const secret = /\b([A-Z2-7]{64})\b/.exec(await s.waitFor(/\b[A-Z2-7]{64}\b/))![1]!;
    const step = timeStepOf(new Date());
    for (const code of [codeAt(secret, step - 1), codeAt(secret, step)]) {
      s.write(code);
      await sleep(50);
      s.press("enter");
      await sleep(50);
    }
    await next(s, t.userMfa.verified("ops-admin"));
    s.press("enter");

    await passwordPolicyAndAdmin(s);
    await next(s, t.alerts.introKeys);
    s.write("s");
    await next(s, t.signin.start);
    await rootSignsInWithMfa(moto);
    s.press("enter");
    await next(s, t.signin.verified);
    s.press("enter");

    await next(s, t.summary.allTakenVerified(t.steps["root-alerts"]));
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
  }, 120_000);

  it("with root's own key: MFA and sign-in verified first, then both keys deleted, the signing key last and rejected", async () => {
    const s = run(rootKeys[0]!);
    await next(s, t.preflight.planRoot);
    s.press("enter");

    await next(s, t.rootMfa.consoleOnly);
    s.press("enter");
    await next(s, t.rootMfa.consoleSteps[0]!);
    await rootAssignsVirtualMfa(iam);
    s.press("enter");
    await next(s, t.rootMfa.verified);
    s.press("enter");

    await passwordPolicyAndAdmin(s);
    await next(s, t.alerts.introKeys);
    s.write("s");
    await next(s, t.signin.start);
    await rootSignsInWithMfa(moto);
    s.press("enter");
    await next(s, t.signin.verified);
    s.press("enter");

    await next(s, t.rootKeys.apiIntro);
    s.press("enter");
    await next(s, `iam:UpdateAccessKey(AccessKeyId=${rootKeys[1]!.accessKeyId}, Status=Inactive)`);
    s.press("enter");
    // The first confirmation lists the whole plan, this call included: wait for its own confirmation (2 of 3).
    await next(s, new RegExp(`${t.common.progress(2, 3)}[\\s\\S]*iam:DeleteAccessKey\\(AccessKeyId=${rootKeys[1]!.accessKeyId}\\)`));
    s.press("enter");
    await next(s, t.rootKeys.signingWarning);
    // From here moto checks every request's signature and key, as AWS does, so the deleted key is refused.
    await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" });
    s.press("enter");
    await next(s, t.common.confirmAgain);
    s.press("enter");
    await next(s, t.rootKeys.verified);
    await s.waitFor("InvalidClientTokenId");
    s.press("enter");

    const summary = await s.waitFor(t.summary.allTakenVerified(t.steps["root-alerts"]));
    expect(summary).toContain(t.reasons["not-applicable"]);
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
  }, 120_000);
});
