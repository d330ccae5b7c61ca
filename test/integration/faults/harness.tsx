// The fault matrix's machinery: a fresh account in moto for every case, one step's screen rendered on the real
// adapter (LiveAccount, through the real SDK), faults injected by the launcher at one AWS call, and an operator
// who does what the screen asks (confirms, retries a failure up to four times, types two good codes). After the
// step, the harm checks read moto directly: no unverified change reported as verified, no deletion sent twice,
// no virtual MFA device left unassigned, and every failure shown as a sentence from the catalogue.
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
} from "@aws-sdk/client-iam";
import type { ReactElement } from "react";
import { expect } from "vitest";
import { LiveAccount } from "../../../src/aws/live/account.js";
import { type ErrorCode, KNOWN_CODES } from "../../../src/aws/errors.js";
import { en as t } from "../../../src/i18n/en.js";
import { codeAt, timeStepOf } from "../../../src/lib/totp.js";
import { Cleanups } from "../../../src/screens/cleanups.js";
import { stepContextOn } from "../../helpers/live-world.js";
import type { StepContext, Verdict } from "../../../src/steps/types.js";
import { fold, KEYS, renderIn, sleep } from "../../helpers/ink.js";
import type { Fault, MotoServer, SeenRequest } from "../../helpers/moto-server.js";

export const SETUP = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
/** Short enough that a "late answer" fault is a timeout, long enough for moto on a busy machine. */
const REQUEST_TIMEOUT_MS = 600;
const LATE_MS = 1500;

/** The faults of the matrix. Reads may be retried by the SDK; writes are sent once (see LiveAccount.sendOnce). */
export const READ_FAULTS: Record<string, Omit<Fault, "action">> = {
  throttling: { code: "Throttling", status: 400, times: 3 },
  "5xx": { code: "InternalFailure", status: 500, times: 3 },
  "connection reset": { kind: "reset", times: 3 },
  timeout: { kind: "delay", delay_ms: LATE_MS, times: 3 },
};
export const WRITE_FAULTS: Record<string, Omit<Fault, "action">> = {
  throttling: { code: "Throttling", status: 400, times: 2 },
  "5xx before the change": { code: "InternalFailure", status: 500 },
  "5xx after the change": { code: "InternalFailure", status: 500, after: true },
  "reset before the change": { kind: "reset" },
  "reset after the change": { kind: "reset", after: true },
  "timeout after the change": { kind: "delay", delay_ms: LATE_MS, after: true },
};

/** The case's fault with its "late answer" (if it is one) later than `requestTimeoutMs`, so that it is still a timeout. */
export function lateFor(spec: Fault, requestTimeoutMs: number): Fault {
  return spec.kind === "delay" ? { ...spec, delay_ms: requestTimeoutMs + LATE_MS } : spec;
}

export interface Case {
  call: string;
  fault: string;
  spec: Fault;
  write: boolean;
}

/** Every (call, fault) pair, for calls read or written by a step. `skip` passes that many calls before the fault. */
export function matrix(reads: { action: string; skip?: number }[], writes: { action: string; skip?: number }[]): Case[] {
  const cases = (calls: { action: string; skip?: number }[], faults: Record<string, Omit<Fault, "action">>, write: boolean) =>
    calls.flatMap(({ action, skip }) =>
      Object.entries(faults).map(([fault, spec]) => ({
        call: skip ? `${action} (call ${skip + 1})` : action,
        fault,
        spec: { ...spec, action, skip },
        write,
      })),
    );
  return [...cases(reads, READ_FAULTS, false), ...cases(writes, WRITE_FAULTS, true)];
}

export type Key = { accessKeyId: string; secretAccessKey: string };

/** moto's whole state wiped (the launcher's own too: faults, events, sessions…), then the account a case starts from. */
export async function freshAccount(moto: MotoServer) {
  await moto.reset();
  const iam = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 });
  const key = async (user: string): Promise<Key> => {
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!;
    return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
  };
  await iam.send(new CreateUserCommand({ UserName: "root-standin" }));
  await iam.send(new CreateUserCommand({ UserName: "ops-admin" }));
  const rootKeys = [await key("root-standin"), await key("root-standin")];
  const adminKey = await key("ops-admin");
  const truth = {
    rootKeys: async () => (await iam.send(new ListAccessKeysCommand({ UserName: "root-standin" }))).AccessKeyMetadata ?? [],
    unassigned: async () => (await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices ?? [],
    userDevices: async (user: string) => (await iam.send(new ListMFADevicesCommand({ UserName: user }))).MFADevices ?? [],
    orphan: async (name: string) => void (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))),
  };
  await moto.clearRequests();
  return { iam, rootKeys, adminKey, truth };
}

/**
 * `requestTimeoutMs`: for a call moto is slow to answer even unfaulted (see `lateFor`): a case whose "late answer"
 * fault must stay the only late answer.
 */
export async function contextFor(moto: MotoServer, key: Key, { requestTimeoutMs = REQUEST_TIMEOUT_MS } = {}): Promise<StepContext> {
  // The SDK's own way to a local endpoint, as the wizard is pointed at moto in the other suites.
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  const account = new LiveAccount({
    credentials: key,
    region: "us-east-1",
    maxAttempts: 2,
    requestTimeoutMs,
    // The adapter's own pauses (a throttled write's backoff) a tenth as long: the matrix tests what is sent
    // again and what is not, not how long the pauses are.
    sleep: (ms) => new Promise((r) => setTimeout(r, ms / 10)),
  });
  return stepContextOn(account, { iamPollMs: 30, iamTimeoutMs: 4000, trailPollMs: 50, trailTimeoutMs: 4000 });
}

export interface Operated<T = Verdict> {
  /** What the screen ended with (a step's verdict; the preflight's finding). */
  verdict: T | undefined;
  /** Every frame that showed a failure panel. */
  failures: string[];
  cleanups: Cleanups;
}

/**
 * Renders a step and plays the operator: Enter on a confirmation or a "continue", r on a failure (s after four),
 * two consecutive codes where codes are asked for (or Esc, to give up there). `onFrame` lets a case do what
 * the operator does outside rootlock (in the console) when a given screen shows.
 */
export async function operate<T = Verdict>(
  element: (onDone: (v: T) => void) => ReactElement,
  options: {
    onFrame?: (frame: string) => Promise<void> | void;
    giveUpAtCodes?: boolean;
    timeoutMs?: number;
    /** Texts of the step's own screens on which the operator presses Enter (its intro, say). */
    enterOn?: string[];
    /**
     * A text field's label → what the operator types into it, then Enter. The text is typed once: when the
     * field already shows it (the screen refused it for a failed check, say), Enter alone submits it again.
     */
    typeOn?: Record<string, string>;
    /** Texts of the step's own screens on which the operator presses a key other than Enter (w for the webhook, say). */
    keyOn?: Record<string, string>;
  } = {},
): Promise<Operated<T>> {
  let verdict: T | undefined;
  let finished = false;
  const cleanups = new Cleanups();
  const r = renderIn(
    "en",
    element((v) => ((verdict = v), (finished = true))),
    { mode: "live", cleanups },
  );
  const failures: string[] = [];
  let retries = 0;
  let lastActed = "";
  let lastActedAt = 0;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  try {
    while (!finished) {
      if (Date.now() > deadline) throw new Error(`the step did not finish; last frame:\n${r.frame()}`);
      await sleep(25);
      const frame = r.frame();
      const text = fold(frame);
      await options.onFrame?.(text);
      // Act once per new frame, or again if a key seems to have been lost.
      if (frame === lastActed && Date.now() - lastActedAt < 700) continue;
      lastActed = frame;
      lastActedAt = Date.now();
      if (text.includes(fold(t.common.retryKeys))) {
        failures.push(frame);
        await r.press(retries++ < 4 ? "r" : "s");
      } else if (/[A-Z2-7]{64}/.test(frame) && text.includes(fold(t.userMfa.code1))) {
        if (options.giveUpAtCodes) {
          await r.press(KEYS.esc);
          continue;
        }
        const secret = /([A-Z2-7]{64})/.exec(frame)![1]!;
        const step = timeStepOf(new Date());
        await r.type(codeAt(secret, step - 1));
        await r.press(KEYS.enter);
        await r.type(codeAt(secret, step));
        await r.press(KEYS.enter);
      } else if (Object.keys(options.keyOn ?? {}).some((hint) => text.includes(fold(hint)))) {
        await r.press(options.keyOn![Object.keys(options.keyOn!).find((hint) => text.includes(fold(hint)))!]!);
      } else if (Object.keys(options.typeOn ?? {}).some((label) => text.includes(fold(label)))) {
        const label = Object.keys(options.typeOn!).find((l) => text.includes(fold(l)))!;
        const value = options.typeOn![label]!;
        if (!text.includes(fold(`${label}: ${value}`))) await r.type(value);
        await r.press(KEYS.enter);
      } else if ([t.common.confirmTitle, t.common.confirmAgain, t.common.done, ...(options.enterOn ?? [])].some((hint) => text.includes(fold(hint)))) {
        await r.press(KEYS.enter);
      }
    }
  } finally {
    r.unmount();
  }
  await cleanups.runAll();
  return { verdict, failures, cleanups };
}

const STACK = /\n\s+at .+:\d+:\d+|\bError: |TypeError|undefined/;

/**
 * The harm checks that hold for every case, whatever the step. `lostAnswer`: what the screen says instead of the
 * usual "read before sending again" when the call leaves nothing to read back (a message posted).
 */
export function expectNoHarm(c: Case, seen: SeenRequest[], run: Operated<unknown>, lostAnswer = t.common.outcomeUnknown) {
  // A case whose fault never reached its call tests nothing.
  expect(
    seen.some((s) => s.action === c.spec.action && s.fault),
    `the fault at ${c.call} never fired`,
  ).toBe(true);
  // A deletion that landed is never sent again (once moto has carried one out, nothing more for that target).
  for (const action of ["DeleteAccessKey", "DeleteVirtualMFADevice", "DeleteLoginProfile", "RemoveUserFromGroup", "DeleteUser", "DetachGroupPolicy", "DeleteGroup"]) {
    const deletes = seen.filter((s) => s.action === action);
    deletes.forEach((d, i) => {
      const landedBefore = deletes.slice(0, i).some((e) => e.target === d.target && e.status === 200);
      expect(landedBefore, `${action} sent again for ${d.target} after it had landed`).toBe(false);
    });
  }
  // Each failure is a catalogue sentence naming the call, never a stack trace or a raw SDK message.
  for (const frame of run.failures) {
    expect(frame).not.toMatch(STACK);
    const code = KNOWN_CODES.find((k) => fold(frame).includes(`${k}:`)) as ErrorCode | undefined;
    expect(code, `no known error code in:\n${frame}`).toBeDefined();
    const sentence = fold(t.errors[code!]("\u0000")).split("\u0000")[0]!;
    expect(fold(frame)).toContain(sentence);
  }
  // When a write failed without an answer, the operator is told it may have happened.
  const ambiguous = c.write && !!c.spec.after;
  if (ambiguous && run.failures.length > 0) expect(fold(run.failures[0]!)).toContain(fold(lostAnswer));
}
