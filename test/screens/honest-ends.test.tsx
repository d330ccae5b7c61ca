// Honest ends of a plan the operator stopped, in both languages: root keys skipped after a failed write end on
// what was done and what was not (no wait for a state that cannot come); root MFA, with the unassigned device of
// the chosen name still there, never sends the operator to a console step bound to fail.
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../../src/aws/errors.js";
import { messages } from "../../src/i18n/index.js";
import { RootKeysScreen } from "../../src/screens/RootKeysScreen.js";
import { RootMfaScreen } from "../../src/screens/RootMfaScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { fold, KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

const LEGACY = "root-account-mfa-device";
const LEGACY_ARN = `arn:aws:iam::123456789012:mfa/${LEGACY}`;

describe.each(["en", "ko"] as const)("honest ends (%s)", (lang) => {
  const t = messages(lang);

  it("root keys: a write refused, the rest skipped: the verdict says what was made and what was not, with no wait", async () => {
    const { ctx, account } = await simulatedWorld("root-key");
    account.failNext("iam:DeleteAccessKey", "AccessDenied");
    let done: Verdict | undefined;
    const r = renderIn(lang, <RootKeysScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />);
    await r.waitFor(t.rootKeys.apiIntro);
    await r.press(KEYS.enter);
    await r.waitFor(t.common.approveAll(3));
    await r.press(KEYS.enter); // deactivate the other key
    await r.waitFor(t.common.progress(2, 3));
    await r.press(KEYS.enter); // delete it: refused
    await r.waitFor(t.common.retryKeys);
    await r.press("s");
    await r.waitFor(t.reasons.error);
    expect(r.frame()).not.toContain(t.common.waiting(""));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "error" });
    const said = done!.evidence.at(-1)!.read;
    expect(said).toMatch(
      /^stopped after an error: iam:DeleteAccessKey\(AccessKeyId=AKIA\w+\) failed \(AccessDenied\), not made; not sent after it: iam:DeleteAccessKey\(/,
    );
    // The deactivation's read-back is part of the story.
    expect(done!.evidence.some((e) => e.source === "iam:ListAccessKeys" && e.read.endsWith(" inactive"))).toBe(true);
    expect(account.writes().map((w) => w.call)).toEqual(["iam:UpdateAccessKey"]);
    r.unmount();
  });

  /** The root MFA screen with the device name changed to `name` at the intro. */
  async function rootMfaNamed(name: string) {
    const world = await simulatedWorld("new-account");
    const end: { verdict?: Verdict } = {};
    const r = renderIn(lang, <RootMfaScreen ctx={world.ctx} onDone={(v) => (end.verdict = v)} onBack={() => {}} />, { standIn: world.standIn });
    await r.waitFor(t.rootMfa.deviceName("root-mfa"));
    await rename(r, "root-mfa", name);
    return { ...world, r, end };
  }
  async function rename(r: ReturnType<typeof renderIn>, from: string, to: string) {
    await r.press("n");
    await r.waitFor(`${t.rootMfa.nameLabel}: ${from}`);
    for (let i = 0; i < from.length; i++) await r.press(KEYS.backspace);
    await r.type(to);
    await r.press(KEYS.enter);
    await r.waitFor(t.rootMfa.deviceName(to));
  }

  /** The legacy name chosen; its device's deletion confirmed, failed with `code`, and the rest skipped (s). */
  async function deletionFailedThenSkipped(code: ErrorCode) {
    const world = await rootMfaNamed(LEGACY);
    const { r, account } = world;
    account.failNext("iam:DeleteVirtualMFADevice", code);
    await r.press(KEYS.enter);
    await r.waitFor("iam:DeleteVirtualMFADevice");
    await r.press(KEYS.enter);
    await r.waitFor(t.common.retryKeys);
    await r.press("s");
    return world;
  }

  it("root MFA: the deletion of the device of the chosen name declined: says so, and n leads to another name, not to the console", async () => {
    const { r, account } = await rootMfaNamed(LEGACY);
    await r.press(KEYS.enter);
    await r.waitFor("iam:DeleteVirtualMFADevice");
    await r.press(KEYS.esc); // declined
    await r.waitFor(t.rootMfaInTheWay.stillThere(LEGACY_ARN, LEGACY));
    expect(fold(r.frame())).not.toContain(fold(t.rootMfa.consoleSteps[0]!));
    await r.press(KEYS.enter); // not a way on to the console
    expect(fold(r.frame())).toContain(fold(t.rootMfaInTheWay.keys));
    expect(fold(r.frame())).not.toContain(fold(t.rootMfa.consoleSteps[0]!));
    await rename(r, LEGACY, "my-root");
    // The legacy device is root's leftover: offered for deletion again; declined, it is in nobody's way now.
    await r.press(KEYS.enter);
    await r.waitFor("iam:DeleteVirtualMFADevice");
    await r.press(KEYS.esc);
    await r.waitFor(t.rootMfa.nameToType("my-root"));
    expect(account.writes()).toEqual([]);
    r.unmount();
  });

  it("root MFA: the deletion refused and skipped, then s: the step ends skipped on the error, never at the console", async () => {
    const { r, account, end } = await deletionFailedThenSkipped("AccessDenied");
    await r.waitFor(t.rootMfaInTheWay.stillThere(LEGACY_ARN, LEGACY));
    await r.press("s");
    expect(end.verdict).toMatchObject({ state: "skipped", reason: "error" });
    expect(end.verdict!.evidence.at(-1)!.read).toBe(
      `stopped after an error: iam:DeleteVirtualMFADevice(SerialNumber=${LEGACY_ARN}) failed (AccessDenied), not made; nothing was planned after it`,
    );
    expect(account.writes()).toEqual([]);
    r.unmount();
  });

  it("root MFA: the deletion's answer lost and skipped: says the device may still be there, and offers another name", async () => {
    const { r } = await deletionFailedThenSkipped("ServiceFailure");
    await r.waitFor(t.rootMfaInTheWay.mayBeThere(LEGACY_ARN, LEGACY));
    await r.press("n");
    await r.waitFor(`${t.rootMfa.nameLabel}: ${LEGACY}`);
    r.unmount();
  });
});
