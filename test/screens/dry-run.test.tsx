// A dry run reads the account, shows each write it would make (the exact call), and sends none.
import { describe, expect, it } from "vitest";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { messages } from "../../src/i18n/index.js";
import { RootKeysScreen } from "../../src/screens/RootKeysScreen.js";
import { UserMfaScreen } from "../../src/screens/UserMfaScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

describe.each(["en", "ko"] as const)("dry run (%s)", (lang) => {
  const t = messages(lang);

  it("shows every root key call, confirmed one by one, and sends none", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    const dry = new DryRunAccount(account);
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={{ ...ctx, account: dry }} onDone={(v) => (done = v)} onBack={() => {}} />, { mode: "dry-run" });
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    for (let i = 0; i < 3; i++) {
      await r.waitFor(t.common.confirmDryRun);
      await r.press(KEYS.enter);
      if (i === 2) {
        await r.waitFor(t.common.confirmAgain);
        await r.press(KEYS.enter);
      }
    }
    const frame = await r.waitFor(t.common.wouldCall);
    expect(frame).toContain(t.common.wouldVerify(t.rootKeys.verifying).slice(0, 10));
    expect(dry.recorded.map((w) => w.call)).toEqual(["iam:UpdateAccessKey", "iam:DeleteAccessKey", "iam:DeleteAccessKey"]);
    expect(account.writes()).toEqual([]);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "dry-run" });
    expect(done?.evidence.filter((e) => e.source === "dry run (not sent)")).toHaveLength(3);
    r.unmount();
  });

  it("shows both MFA calls for the admin user and creates no device", async () => {
    const { ctx, account } = await simulatedWorld("new-account");
    const dry = new DryRunAccount(account);
    let done: Verdict | undefined;
    const r = renderIn(lang, <UserMfaScreen ctx={{ ...ctx, account: dry }} onDone={(v) => (done = v)} onBack={() => {}} />, { mode: "dry-run" });
    await r.waitFor("iam:CreateVirtualMFADevice");
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmDryRun);
    await r.press(KEYS.enter);
    const frame = await r.waitFor(t.common.wouldCall);
    expect(frame).toContain("iam:EnableMFADevice(UserName=ops-admin");
    expect(frame).not.toMatch(/[A-Z2-7]{64}/);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "dry-run" });
    expect(account.writes()).toEqual([]);
    r.unmount();
  });
});
