// A write whose answer arrives after the operator pressed Ctrl-C: the whole App on the real adapter (moto), the
// call held back by the launcher after moto carried it out. rootlock waits for the answer before it exits, so
// the evidence report's journal says how the call ended, and undoes what it leaves half-done: the device
// whose creation was answered late is deleted, once; a key deletion answered late is recorded, not repeated.
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App, type RunOutcome } from "../../../src/app.js";
import { LiveAccount } from "../../../src/aws/live/account.js";
import { JournalingAccount } from "../../../src/aws/journal.js";
import { en as t } from "../../../src/i18n/en.js";
import { fold, KEYS, plain, sleep } from "../../helpers/ink.js";
import { type MotoServer, requireMoto, startMoto } from "../../helpers/moto-server.js";
import { freshAccount, type Key } from "./harness.js";

const available = requireMoto("the answer-after-Ctrl-C tests");
const TIMING = { iamPollMs: 30, iamTimeoutMs: 4000, trailPollMs: 50, trailTimeoutMs: 4000 };
/** The answer comes this late: well after Ctrl-C, well within the request timeout. */
const LATE_MS = 1200;

describe.runIf(available)("an answer that arrives after Ctrl-C", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  function startApp(key: Key) {
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    const account = new JournalingAccount(new LiveAccount({ credentials: key, region: "us-east-1", maxAttempts: 2, requestTimeoutMs: 10_000 }));
    let outcome: RunOutcome | undefined;
    const r = render(<App account={account} lang="en" t={t} timing={TIMING} onExit={(o) => (outcome = o)} />);
    const waitFor = async (text: string) => {
      for (const start = Date.now(); !fold(plain(r.lastFrame())).includes(fold(text)); await sleep(10)) {
        if (Date.now() - start > 8000) throw new Error(`timed out waiting for ${text}; last frame:\n${plain(r.lastFrame())}`);
      }
      await sleep(20);
    };
    const press = async (k: string) => {
      r.stdin.write(k);
      await sleep(20);
    };
    const exited = async () => {
      for (let i = 0; i < 500 && !outcome; i++) await sleep(20);
      r.unmount();
      return outcome;
    };
    return { account, waitFor, press, exited };
  }

  it("CreateVirtualMFADevice answered after Ctrl-C: the device is deleted before rootlock exits", async () => {
    const world = await freshAccount(moto);
    const app = startApp(world.adminKey);
    await app.waitFor(t.preflight.plan);
    await app.press(KEYS.enter);
    await app.waitFor(t.rootKeys.consoleIntro);
    await app.press("s");
    await app.waitFor(t.rootMfa.consoleOnly);
    await app.press("s");
    await app.waitFor(t.userMfa.why);
    await app.press(KEYS.enter);
    await app.waitFor(t.common.confirmTitle);
    await moto.fault({ action: "CreateVirtualMFADevice", kind: "delay", delay_ms: LATE_MS, after: true });
    await app.press(KEYS.enter);
    await app.waitFor(t.userMfa.creating);
    await app.press(KEYS.ctrlC);
    const pressedAt = Date.now();

    const outcome = await app.exited();
    expect(outcome).toMatchObject({ reason: "interrupted", exitCode: 130, leftBehind: [] });
    expect(Date.now() - pressedAt, "rootlock waited for the late answer").toBeGreaterThan(LATE_MS / 2);
    expect(app.account.entries.map((e) => [e.call, e.outcome])).toEqual([
      ["iam:CreateVirtualMFADevice", "sent"],
      ["iam:DeleteVirtualMFADevice", "sent"],
    ]);
    const writes = (await moto.requests()).filter((s) => /^(Create|Delete)VirtualMFADevice$/.test(s.action));
    expect(writes.map((s) => [s.action, s.status])).toEqual([
      ["CreateVirtualMFADevice", 200],
      ["DeleteVirtualMFADevice", 200],
    ]);
    expect(await world.truth.unassigned()).toEqual([]);
  });

  it("DeleteAccessKey answered after Ctrl-C: recorded as sent, and sent once", async () => {
    const world = await freshAccount(moto);
    const [other] = world.rootKeys;
    const app = startApp(world.rootKeys[1]!);
    await app.waitFor(t.preflight.planRoot);
    await app.press(KEYS.enter);
    // Root's own key: root MFA, the password policy, the admin identity, the alerts and the sign-in test come first;
    // skip them to reach the keys.
    await app.waitFor(t.rootMfa.consoleOnly);
    await app.press("s");
    await app.waitFor(t.passwordPolicy.title);
    await app.press("s");
    await app.waitFor(t.adminIdentity.why);
    await app.press("s");
    await app.waitFor(t.alerts.introKeys);
    await app.press("s");
    await app.waitFor(t.signin.start);
    await app.press("s");
    await app.waitFor(t.rootKeys.apiIntro);
    await app.press(KEYS.enter);
    await app.waitFor(`iam:UpdateAccessKey(AccessKeyId=${other!.accessKeyId}, Status=Inactive)`);
    await app.press(KEYS.enter);
    await app.waitFor(`iam:DeleteAccessKey(AccessKeyId=${other!.accessKeyId})`);
    await moto.fault({ action: "DeleteAccessKey", kind: "delay", delay_ms: LATE_MS, after: true });
    await app.press(KEYS.enter);
    await sleep(100);
    await app.press(KEYS.ctrlC);

    const outcome = await app.exited();
    expect(outcome).toMatchObject({ reason: "interrupted", exitCode: 130, leftBehind: [] });
    expect(app.account.entries.map((e) => [e.call, e.outcome])).toEqual([
      ["iam:UpdateAccessKey", "sent"],
      ["iam:DeleteAccessKey", "sent"],
    ]);
    expect(app.account.entries[1]!.requestId).toBeTruthy();
    expect((await moto.requests()).filter((s) => s.action === "DeleteAccessKey").length).toBe(1);
    expect((await world.truth.rootKeys()).map((k) => k.AccessKeyId)).toEqual([world.rootKeys[1]!.accessKeyId]);
  });
});
