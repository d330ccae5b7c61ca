// Page objects for the end-to-end walks: one driver per wizard screen, over a pty session (pty.ts), so that a
// change in a screen's keys or sentences is made here once, not in every walk.
//
//   const w = drive(spawnRootlock(["--demo"]), en);
//   await w.preflight.start();
//   await w.rootKeys.viaStandIn();
//   const rootSecret = await w.rootMfa.assignInStandIn("root-phone");
//   ...
//
// Each driver waits for what its screen shows before it presses a key (keys sent before a screen listens are
// lost), and ends by leaving its screen with the verdict, unless its name says otherwise. What a walk asserts
// stays in the walk; a driver returns what the walk needs to assert (a secret, a password, the screen).
import { expect } from "vitest";
import type { Messages } from "../../src/i18n/index.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import type { PtySession } from "./pty.js";
import { decodeQrOnScreen } from "./qr-image.js";

const SECRET = /\b([A-Z2-7]{64})\b/;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DriveOptions {
  /**
   * How a long sentence is waited for. The whole sentence by default; a Korean walk waits for its first words,
   * since a wide character at a row's end can leave a gap that folding white space does not close.
   */
  long?: (text: string) => string;
}

export type Wizard = ReturnType<typeof drive>;

export function drive(s: PtySession, t: Messages, options: DriveOptions = {}) {
  const long = options.long ?? ((text: string) => text);
  /** Every code the walk typed, to look for it afterwards where it must not be. */
  const typed: string[] = [];

  /** Waits for the screen to show the text, then lets the screen attach its keys. */
  async function next(text: string | RegExp | ((screen: string) => boolean), timeoutMs = 30_000): Promise<string> {
    const screen = await s.waitFor(text, timeoutMs);
    await sleep(30);
    return screen;
  }

  /** Types text one chunk at a time, as a person (or a paste) would, then Enter. */
  async function typeLine(text: string) {
    s.write(text);
    await sleep(50);
    s.press("enter");
    await sleep(50);
  }

  /** Ctrl-K: the QR code gives way to the secret as text, which is read off the screen. */
  async function readSecret(): Promise<string> {
    s.write("\u000b");
    const screen = await s.waitFor(SECRET);
    return SECRET.exec(screen)![1]!;
  }

  /** Two consecutive codes: the previous window's and the current one's (both valid for AWS right now). */
  async function typeCodes(secret: string) {
    const now = timeStepOf(new Date());
    typed.push(codeAt(secret, now - 1), codeAt(secret, now));
    await typeLine(codeAt(secret, now - 1));
    await typeLine(codeAt(secret, now));
  }

  /** Confirms each of `count` calls of a plan, in turn ("1/n" … "n/n"). */
  async function confirmCalls(count: number, confirm = t.common.confirmTitle) {
    for (let i = 1; i <= count; i++) {
      await next(t.common.progress(i, count));
      await next(confirm);
      s.press("enter");
    }
  }

  const preflight = {
    /** The plan shown (and `onPlan`, the walk's own checks of it), Enter: on to the first step. */
    async start(plan: string = t.preflight.plan, onPlan: () => Promise<unknown> = async () => {}) {
      await next(long(plan));
      await onPlan();
      s.press("enter");
    },
  };

  const rootKeys = {
    /** The console road, done by the trainee in the stand-in: each key deactivated, then deleted; returns their ids. */
    async viaStandIn(onIntro: () => Promise<unknown> = async () => {}): Promise<string[]> {
      await next(t.rootKeys.consoleIntro);
      await onIntro();
      s.write("c");
      await s.waitFor(t.standIn.keys.title);
      const keysPage = await s.waitFor(/AKIA[A-Z0-9]{16}[\s\S]*AKIA[A-Z0-9]{16}/);
      const ids = [...keysPage.matchAll(/\b(AKIA[A-Z0-9]{16})\b/g)].map((m) => m[1]!);
      for (const id of ids) {
        s.write("d");
        await next(new RegExp(`${id} ${t.rootKeys.status.Inactive}`));
        s.write("x");
        await next(t.standIn.keys.deleteConfirm(id));
        await typeLine(id);
        await s.waitFor((screen: string) => !screen.includes(id));
      }
      s.press("esc");
      await this.verify();
      return ids;
    },
    /** The console road, done outside rootlock (`inConsole`, e.g. through the SDK against moto), then checked. */
    async viaConsole(inConsole: () => Promise<void>) {
      await next(t.rootKeys.consoleIntro);
      await inConsole();
      await this.verify();
    },
    /** Enter on the console steps: IAM read until it shows no key; the verdict, Enter. */
    async verify() {
      await next(t.rootKeys.consoleIntro);
      s.press("enter");
      await next(t.rootKeys.verified);
      s.press("enter");
    },
    /**
     * Root's own key road: deactivate the other key, delete it, then the signing key (warned, confirmed twice) and
     * proven rejected. `calls` are what each confirmation shows; `beforeSigningKey` runs at the warning.
     */
    async withOwnKey(
      calls: { first: string | RegExp; second: string | RegExp } = { first: "iam:UpdateAccessKey", second: t.common.progress(2, 3) },
      beforeSigningKey: () => Promise<unknown> = async () => {},
    ) {
      await next(long(t.rootKeys.apiIntro));
      s.press("enter");
      await next(calls.first);
      s.press("enter");
      await next(calls.second);
      s.press("enter");
      await next(long(t.rootKeys.signingWarning));
      await beforeSigningKey();
      s.press("enter");
      await next(long(t.common.confirmAgain));
      s.press("enter");
      await next(t.rootKeys.verified);
      await s.waitFor("InvalidClientTokenId");
      s.press("enter");
    },
    /** Root has no keys (a run before deleted them): already compliant, Enter. */
    async alreadyDone() {
      await next(t.rootKeys.none);
      await next(t.reasons["already-compliant"]);
      s.press("enter");
    },
    /** s on the console steps. */
    async skip() {
      await next(t.rootKeys.openStandIn);
      s.write("s");
    },
  };

  const rootMfa = {
    /** The orphan device (named in its sentence) deleted first, its call confirmed. */
    async deleteOrphan(intro: string, call: string = t.common.confirmKeys) {
      await next(long(intro));
      s.press("enter");
      await next(call);
      s.press("enter");
    },
    /** In the stand-in's "Assign MFA device": name it, check the QR code, type two codes; back, verified. */
    async assignInStandIn(deviceName: string): Promise<string> {
      await next(t.rootMfa.openStandIn);
      s.write("c");
      await next(t.standIn.mfa.deviceName);
      await typeLine(deviceName);
      await next(t.standIn.mfa.showSecret);
      const secret = await readSecret();
      expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(`otpauth://totp/AWS:${deviceName}@123456789012?secret=${secret}&issuer=AWS`);
      await typeCodes(secret);
      await next(t.standIn.mfa.added);
      s.press("esc");
      await next(t.rootMfa.openStandIn);
      s.press("enter");
      await next(t.rootMfa.verified);
      s.press("enter");
      return secret;
    },
    /** The console steps; root assigns the device outside rootlock (`inConsole`); Enter, verified. */
    async viaConsole(inConsole: () => Promise<void>) {
      await next(long(t.rootMfa.consoleOnly));
      s.press("enter");
      await next(t.rootMfa.consoleSteps[0]!);
      await inConsole();
      s.press("enter");
      await next(t.rootMfa.verified);
      s.press("enter");
    },
    /** Root has an MFA device already: Enter reads it; verified, already compliant, Enter. */
    async alreadyDone() {
      await next(t.rootMfa.already);
      s.press("enter");
      await next(t.rootMfa.verified);
      await next(t.reasons["already-compliant"]);
      s.press("enter");
    },
    /** s on the console steps. */
    async skip(shown: string = t.rootMfa.consoleOnly) {
      // Its title first: the root keys' console steps (the screen before) end with the same stand-in sentence.
      await next(long(t.rootMfa.title));
      await next(shown);
      s.write("s");
    },
  };

  const userMfa = {
    /** The intro naming the call (`shown`: the walk's checks of it), Enter; its confirmation, Enter: the device is made. */
    async start(call = "iam:CreateVirtualMFADevice", shown: () => void = () => {}) {
      await next(call);
      shown();
      s.press("enter");
      await next(t.common.confirmKeys);
      s.press("enter");
    },
    /**
     * The enrolment by API: the call confirmed, the QR code shown, the secret read, two codes typed, verified.
     * The walk's own checks go in `at`: with the call shown, with the QR code shown, once the secret is read, once verified.
     */
    async enrol(
      user: string,
      at: { call?: string; shown?: () => void; qr?: () => Promise<unknown>; secret?: (secret: string) => void; verified?: (secret: string) => void } = {},
    ): Promise<string> {
      await this.start(at.call, at.shown);
      await next(t.userMfa.showSecret);
      await at.qr?.();
      const secret = await readSecret();
      at.secret?.(secret);
      await typeCodes(secret);
      await next(t.userMfa.verified(user));
      at.verified?.(secret);
      s.press("enter");
      return secret;
    },
  };

  const passwordPolicy = {
    /** The policy as found (`intro`), CIS's applied: the call (`call`, when given, on screen) confirmed, read back. */
    async apply(intro: string, call?: string) {
      await next(long(intro));
      s.press("enter");
      if (call) await next(call);
      await next(t.common.confirmKeys);
      s.press("enter");
      await next(t.passwordPolicy.verified);
      s.press("enter");
    },
  };

  const adminIdentity = {
    /** An administrator exists: continue. */
    async keep(kind: "user" | "role", name: string) {
      await next(t.adminIdentity.holder(kind, name));
      s.press("enter");
    },
    /** None but root: a user named `name`, its five calls confirmed; returns the console password shown once. */
    async create(name: string): Promise<string> {
      await next(long(t.adminIdentity.none));
      s.press("enter");
      await next(t.adminIdentity.nameLabel);
      await typeLine(name);
      await confirmCalls(5, t.common.confirmKeys);
      const shown = await s.waitFor(t.adminIdentity.passwordTitle(name), 30_000);
      const password = /│\s*([A-Za-z0-9!@#$%^&*\-_=+]{24})\s*│/.exec(shown)![1]!;
      await sleep(30);
      s.press("enter");
      return password;
    },
    /** After the new user's MFA: the advice to switch from root, Enter. */
    async switchFromRoot(name: string) {
      await next(long(t.adminIdentity.switchFromRoot(name)));
      s.press("enter");
    },
  };

  const alerts = {
    /** The address, the trail, the 11 calls confirmed, the confirmation link clicked in the simulated mailbox. */
    async setUp(email: string) {
      await next(t.alerts.introKeys);
      s.press("enter");
      await next(t.alerts.emailHint);
      await typeLine(email);
      await next(t.alerts.apiChoice(false));
      s.press("enter");
      await confirmCalls(11);
      await next(t.alerts.confirmTitle(email));
      s.write("m");
      await next(t.alerts.verified);
      s.press("enter");
    },
    /** The optional step, skipped. */
    async skip() {
      await next(long(t.alerts.introKeys));
      s.write("s");
    },
  };

  const signin = {
    /** Start, sign in as root in the stand-in with a current code, wait for CloudTrail; the fire drill answered. */
    async inStandIn(secret: string, drill = false) {
      await next(t.signin.start);
      s.press("enter");
      await next(t.signin.openStandIn);
      s.write("c");
      await next(t.standIn.signin.mfa);
      const code = codeAt(secret, timeStepOf(new Date()));
      typed.push(code);
      await typeLine(code);
      await next(t.standIn.signin.success);
      s.press("esc");
      await next(t.signin.verified);
      if (drill) {
        // The fire drill: the simulated mailbox has the alert; the operator says so.
        await next(t.signin.inbox(1));
        s.write("y");
        await next(t.signin.drillRecorded(true));
      }
      s.press("enter");
    },
    /** Root signs in outside rootlock (`inConsole`); Enter; CloudTrail shows it. */
    async viaConsole(inConsole: () => Promise<void>) {
      await next(t.signin.start);
      await inConsole();
      s.press("enter");
      await next(t.signin.verified);
      s.press("enter");
    },
  };

  return { s, t, typed, next, typeLine, readSecret, typeCodes, confirmCalls, preflight, rootKeys, rootMfa, userMfa, passwordPolicy, adminIdentity, alerts, signin };
}
