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
import { CONFIRM_TIMING } from "../../src/screens/confirm-guard.js";
import type { StepId } from "../../src/steps/registry.js";
import { hasCursor } from "./leak-scan.js";
import type { PtySession } from "./pty.js";
import { decodeQrOnScreen } from "./qr-image.js";

const SECRET = /\b([A-Z2-7]{64})\b/;
/** A QR code drawn in half blocks. */
export const QR = /[▀▄█]{20}/;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long a walk reads a confirmation panel before it presses Enter: a panel takes only an Enter that comes a
 * while after it was drawn and after the key before it (src/screens/confirm-guard.ts), with some room for a busy
 * machine. The panel was drawn before the walk saw it, so this is always enough.
 */
export const READ_MS = Math.max(CONFIRM_TIMING.seenMs, CONFIRM_TIMING.quietMs) + 150;

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

  /**
   * Types into the text field labelled `label`, then Enter: only once the field shows its cursor, since keys sent
   * as soon as its label is drawn can arrive before it listens (on a busy machine they did).
   */
  async function typeInto(label: string, text: string) {
    await s.waitFor(() => hasCursor(s, label));
    await sleep(30);
    await typeLine(text);
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

  /**
   * A key that confirms the panel on screen (Enter; `a`, the whole plan), pressed as a person would: once the panel
   * has been read. Sooner, the panel would not take it (src/screens/confirm-guard.ts).
   */
  async function confirm(key: "enter" | "a" = "enter") {
    await sleep(READ_MS);
    if (key === "enter") s.press("enter");
    else s.write(key);
  }

  /** Confirms each of `count` calls of a plan, in turn ("1/n" … "n/n"). */
  async function confirmCalls(count: number, shown = t.common.confirmTitle) {
    for (let i = 1; i <= count; i++) {
      await next(t.common.progress(i, count));
      await next(shown);
      await confirm();
    }
  }

  const preflight = {
    /** The plan shown, nothing pressed. */
    open: (plan: string = t.preflight.plan) => next(long(plan)),
    /** The plan shown (and `onPlan`, the walk's own checks of it), Enter: on to the first step. */
    async start(plan: string = t.preflight.plan, onPlan: () => Promise<unknown> = async () => {}) {
      await next(long(plan));
      await onPlan();
      s.press("enter");
    },
  };

  const rootKeys = {
    /** Its first screen (the console road's steps, for a caller without root's own key), nothing pressed. */
    open: (shown: string = t.rootKeys.consoleIntro) => next(shown),
    /** c on the console steps: the stand-in's page of root's keys. */
    async openStandIn() {
      s.write("c");
      await next(t.standIn.keys.title);
    },
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
        await typeInto("ID", id); // the stand-in's field, labelled as AWS's console labels it
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
      await confirm();
      await next(calls.second);
      await confirm();
      await next(long(t.rootKeys.signingWarning));
      await beforeSigningKey();
      await confirm();
      await next(long(t.common.confirmAgain));
      await confirm();
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
    /** s on its first screen (by default, the console steps with the stand-in offered). */
    async skip(shown: string = t.rootKeys.openStandIn) {
      await this.open(shown);
      s.write("s");
    },
  };

  const rootMfa = {
    /** The orphan device (named in its sentence) deleted first, its call confirmed. */
    async deleteOrphan(intro: string, call: string = t.common.confirmTitle) {
      await next(long(intro));
      s.press("enter");
      await next(call);
      await confirm();
    },
    /** In the stand-in's "Assign MFA device": name it, check the QR code, type two codes; back, verified. */
    async assignInStandIn(deviceName: string): Promise<string> {
      const secret = await this.assignDevice(deviceName);
      await this.backFromStandIn();
      await this.verify();
      return secret;
    },
    /**
     * The stand-in opened (c) and a device assigned, up to the stand-in's "added"; returns the seed. `beforeName` runs
     * before the name is typed (the QR code follows it); `enrol`, on the QR code's page, replaces reading the seed
     * and typing two codes, and returns the seed.
     */
    async assignDevice(deviceName: string, at: { beforeName?: () => void; enrol?: () => Promise<string> } = {}): Promise<string> {
      await next(t.rootMfa.openStandIn);
      s.write("c");
      await next(t.standIn.mfa.deviceName);
      at.beforeName?.();
      await typeInto(t.standIn.mfa.deviceName, deviceName);
      await next(t.standIn.mfa.showSecret);
      const enrol =
        at.enrol ??
        (async () => {
          const secret = await readSecret();
          expect(decodeQrOnScreen(s.terminal, s.screen())).toBe(`otpauth://totp/AWS:${deviceName}@123456789012?secret=${secret}&issuer=AWS`);
          await typeCodes(secret);
          return secret;
        });
      const secret = await enrol();
      await next(t.standIn.mfa.added);
      return secret;
    },
    /** Esc in the stand-in: back on the console steps. */
    async backFromStandIn() {
      s.press("esc");
      await next(t.rootMfa.openStandIn);
    },
    /** Enter on the console steps: IAM read until it shows the device; verified, Enter. */
    async verify() {
      s.press("enter");
      await next(t.rootMfa.verified);
      s.press("enter");
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
    /** Its first screen, nothing pressed: its title first, since the root keys' console steps (the screen before) end with the same stand-in sentence. */
    async open(shown: string = t.rootMfa.consoleOnly) {
      await next(long(t.rootMfa.title));
      return next(shown);
    },
    /** s on the console steps. */
    async skip(shown: string = t.rootMfa.consoleOnly) {
      await this.open(shown);
      s.write("s");
    },
  };

  const userMfa = {
    /** Its first screen (the intro, naming the calls), nothing pressed. */
    open: (shown: string = t.userMfa.why) => next(shown),
    /** The intro naming the call (`shown`: the walk's checks of it), Enter: its confirmation. */
    async toConfirm(call = "iam:CreateVirtualMFADevice", shown: () => void = () => {}) {
      await next(call);
      shown();
      s.press("enter");
      await next(t.common.confirmTitle);
    },
    /** The intro, Enter; its confirmation, Enter (`beforeConfirm` runs just before): the device is made. */
    async start(call = "iam:CreateVirtualMFADevice", shown: () => void = () => {}, beforeConfirm: () => void = () => {}) {
      await this.toConfirm(call, shown);
      beforeConfirm();
      await confirm();
    },
    /** Started, up to the QR code and the two code fields. */
    async toCodes() {
      await this.start();
      await next(t.userMfa.code1);
      await next(QR);
    },
    /**
     * The enrolment by API: the call confirmed, the QR code shown, the secret read, two codes typed, verified.
     * The walk's own checks go in `at`: with the call shown, just before the confirmation's Enter, with the QR code
     * shown, once the secret is read, once the codes are sent, once verified. `codes`, on the QR code's page,
     * replaces reading the secret and typing two codes, and returns the secret.
     */
    async enrol(
      user: string,
      at: {
        call?: string;
        shown?: () => void;
        beforeConfirm?: () => void;
        qr?: () => Promise<unknown>;
        secret?: (secret: string) => void;
        codes?: () => Promise<string>;
        sent?: () => Promise<unknown>;
        verified?: (secret: string) => unknown;
      } = {},
    ): Promise<string> {
      await this.start(at.call, at.shown, at.beforeConfirm);
      await next(t.userMfa.showSecret);
      await at.qr?.();
      let secret: string;
      if (at.codes) secret = await at.codes();
      else {
        secret = await readSecret();
        at.secret?.(secret);
        await typeCodes(secret);
      }
      await at.sent?.();
      await next(t.userMfa.verified(user));
      await at.verified?.(secret);
      s.press("enter");
      return secret;
    },
  };

  const passwordPolicy = {
    /** Its first screen, nothing pressed. */
    open: (shown: string = t.passwordPolicy.title) => next(shown),
    /**
     * The policy as found (`intro`; `onIntro`: the walk's checks there), CIS's applied: the call (`call`, when given,
     * on screen) confirmed, and its end (`result`: read back and verified, or a dry run's) left with Enter.
     */
    async apply(intro: string, call?: string, at: { onIntro?: () => Promise<unknown>; result?: string } = {}) {
      await next(long(intro));
      await at.onIntro?.();
      s.press("enter");
      if (call) await next(call);
      await next(t.common.confirmTitle);
      await confirm();
      await next(at.result ?? t.passwordPolicy.verified);
      s.press("enter");
    },
  };

  const adminIdentity = {
    /** Its first screen, nothing pressed. */
    open: (shown: string = t.adminIdentity.title) => next(shown),
    /** An administrator exists: n asks for another admin user, by name. */
    async askName() {
      s.write("n");
      await next(t.adminIdentity.nameLabel);
    },
    /** An administrator exists: continue. */
    async keep(kind: "user" | "role", name: string) {
      await next(t.adminIdentity.holder(kind, name));
      s.press("enter");
    },
    /**
     * None but root: a user named `name`, its five calls confirmed; returns the console password shown once, after
     * Enter has taken it off. The walk's checks go in `at`: before each call's Enter (1 to 5), and while the password
     * is shown (`shownFrom`: where in the raw output the screen that shows it starts).
     */
    async create(
      name: string,
      at: { beforeCall?: (i: number) => Promise<unknown>; password?: (password: string, shownFrom: number) => Promise<unknown> } = {},
    ): Promise<string> {
      await next(long(t.adminIdentity.none));
      s.press("enter");
      await next(t.adminIdentity.nameLabel);
      await typeInto(t.adminIdentity.nameLabel, name);
      for (let i = 1; i <= 5; i++) {
        await next(t.common.progress(i, 5));
        await next(t.common.confirmTitle);
        await at.beforeCall?.(i);
        await confirm();
      }
      const shownFrom = s.raw().length;
      const shown = await s.waitFor(t.adminIdentity.passwordTitle(name), 30_000);
      const password = /│\s*([A-Za-z0-9!@#$%^&*\-_=+]{24})\s*│/.exec(shown)![1]!;
      await at.password?.(password, shownFrom);
      await sleep(30);
      s.press("enter");
      return password;
    },
    /** After the new user's MFA: the advice to switch from root (`onShown`: the walk's checks there), Enter. */
    async switchFromRoot(name: string, onShown: () => Promise<unknown> = async () => {}) {
      await next(long(t.adminIdentity.switchFromRoot(name)));
      await onShown();
      s.press("enter");
    },
  };

  const alerts = {
    /** Its first screen, nothing pressed. */
    open: (shown: string = t.alerts.introKeys) => next(long(shown)),
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
    /**
     * Alerts to a webhook only: no address, w and the URL (shown as dots while typed), the plan approved at once (a),
     * read back: verified. `mask` is how the screens show the URL.
     */
    async setUpWebhook(url: string, mask: string) {
      await next(t.alerts.introKeys);
      s.press("enter");
      await next(t.alerts.emailOptionalHint);
      await typeInto(t.alerts.emailLabel, "");
      await next(t.alerts.webhookChoice(undefined));
      s.write("w");
      await typeInto(t.alerts.webhookLabel, url);
      await next(t.alerts.webhookChoice(mask));
      s.press("enter");
      await next(t.common.confirmTitle);
      await confirm("a");
      await next(t.alerts.verifiedWebhook);
    },
    /**
     * On the result, w: the webhook's test message, its calls approved at once; once the demo's channel shows it, y (it
     * arrived), and Enter leaves the step. Returns the screen that showed the channel.
     */
    async testWebhook(mask: string): Promise<string> {
      s.write("w");
      await next(t.common.confirmTitle);
      await confirm("a");
      await next(t.alerts.webhookTestQuestion(mask));
      const channel = await next(t.alerts.channel(1));
      s.write("y");
      await next(t.alerts.webhookTestRecorded(true));
      s.press("enter");
      return channel;
    },
    /** The optional step, skipped. */
    async skip(shown: string = t.alerts.introKeys) {
      await this.open(shown);
      s.write("s");
    },
  };

  const signin = {
    /** Its first screen, nothing pressed. */
    open: (shown: string = t.signin.start) => next(shown),
    /** s on its first screen. */
    async skip(shown: string = t.signin.start) {
      await this.open(shown);
      s.write("s");
    },
    /** Start: the wait for CloudTrail's record of a root sign-in. */
    async startWaiting() {
      await this.open();
      s.press("enter");
      await next(t.common.waiting(t.signin.verifying));
    },
    /**
     * Start, sign in as root in the stand-in with a current code, wait for CloudTrail; the fire drill answered.
     * `at.code`, at the stand-in's MFA field, replaces typing the code; `at.signedIn` runs on the stand-in's success.
     */
    async inStandIn(secret: string, drill = false, at: { code?: () => Promise<unknown>; signedIn?: () => Promise<unknown> } = {}) {
      await next(t.signin.start);
      s.press("enter");
      await next(t.signin.openStandIn);
      s.write("c");
      await next(t.standIn.signin.mfa);
      if (at.code) await at.code();
      else {
        const code = codeAt(secret, timeStepOf(new Date()));
        typed.push(code);
        await typeLine(code);
      }
      await next(t.standIn.signin.success);
      await at.signedIn?.();
      s.press("esc");
      await next(t.signin.verified, 60_000);
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

  const summary = {
    /** The summary (`shown`: a sentence only it shows), nothing pressed. */
    open: (shown: string = t.app.keys.exit) => next(shown),
    /** The summary (`shown`; `before`: the walk's checks there), Enter: the run ends. */
    async leave(shown: string = t.app.keys.exit, before: () => Promise<unknown> = async () => {}) {
      await this.open(shown);
      await before();
      s.press("enter");
    },
  };

  /** Each step's driver by its id: what a walk along a route (the registry's `stepOrder`) goes through. */
  const steps = {
    "root-access-keys": rootKeys,
    "root-mfa": rootMfa,
    "operator-mfa": userMfa,
    "password-policy": passwordPolicy,
    "admin-identity": adminIdentity,
    "root-alerts": alerts,
    "root-signin": signin,
  } satisfies Record<StepId, { open(shown?: string): Promise<string> }>;

  /**
   * From the preflight's plan (Enter) along `route`, each step before `step` skipped with s, to `step`'s first
   * screen (or the summary's). `shown`: what a step's first screen shows in this walk, where not its driver's default.
   */
  async function skipTo(route: StepId[], step: StepId | "summary", shown: Partial<Record<StepId | "summary", string>> = {}) {
    await preflight.start();
    for (const at of route) {
      if (at === step) return void (await steps[at].open(shown[at]));
      await steps[at].open(shown[at]);
      s.write("s");
    }
    if (step !== "summary") throw new Error(`${step} is not on the route ${route.join(", ")}`);
    await summary.open(shown.summary);
  }

  return {
    s,
    t,
    typed,
    next,
    typeLine,
    typeInto,
    readSecret,
    typeCodes,
    confirm,
    confirmCalls,
    skipTo,
    preflight,
    rootKeys,
    rootMfa,
    userMfa,
    passwordPolicy,
    adminIdentity,
    alerts,
    signin,
    summary,
  };
}
