// TOTP helpers over otplib: the one place that knows RFC 6238's 30-second steps.
//
// Used by the admin-user MFA step (to check two codes locally before IAM ever sees them) and by the
// simulated account (to answer EnableMFADevice and a console sign-in the way AWS does). Nothing here
// stores or prints a secret.
import { generateSync } from "otplib";
// zod/mini rather than "zod": the wizard loads this at startup, and the full zod is ~730 kB to compile.
import * as z from "zod/mini";

export const PERIOD_SECONDS = 30;

/** How far from now (in 30 s steps) a code is still looked for when explaining a mismatch. */
const SEARCH_STEPS = 20;
/** The latest of two codes must come from within this many steps before now (AWS accepts recent codes). */
const MAX_AGE_STEPS = 2;
/** …and no later than the step after now (a phone clock a little ahead). */
const MAX_AHEAD_STEPS = 1;

export const codeSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) => s.trim()),
  ),
  z.string().check(z.regex(/^\d{6}$/)),
);

export function timeStepOf(at: Date): number {
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);
}

/** Seconds until the authenticator shows its next code. */
export function secondsLeftInStep(at: Date): number {
  return PERIOD_SECONDS - (Math.floor(at.getTime() / 1000) % PERIOD_SECONDS);
}

export function codeAt(secret: string, step: number): string {
  return generateSync({ secret, epoch: step * PERIOD_SECONDS });
}

export function codeFor(secret: string, at: Date): string {
  return codeAt(secret, timeStepOf(at));
}

/**
 * otpauth://totp/ISSUER:LABEL?secret=…&issuer=… — what the QR code carries, in Google Authenticator's key URI
 * format (github.com/google/google-authenticator/wiki/Key-Uri-Format: issuer both as the label's prefix and as a
 * parameter, for old and new readers). Its "@" stays as it is (a path may hold it, RFC 3986 §3.3, and the
 * format's own example is `Example:alice@google.com`): every byte counts towards the QR code's size.
 */
export function otpauthUri(secret: string, issuer: string, label: string): string {
  const part = (s: string) => encodeURIComponent(s).replace(/%40/g, "@");
  return `otpauth://totp/${part(issuer)}:${part(label)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}

/** The time step (near `at`) whose code is `code`, searching outwards from now; undefined when none. */
function findStep(secret: string, code: string, at: Date, range = SEARCH_STEPS): number | undefined {
  const now = timeStepOf(at);
  for (let d = 0; d <= range; d++) {
    if (codeAt(secret, now - d) === code) return now - d;
    if (d > 0 && codeAt(secret, now + d) === code) return now + d;
  }
  return undefined;
}

export type CodePairProblem =
  | "malformed" // not six digits
  | "same-code" // the same code typed twice
  | "wrong-order" // the second code is older than the first
  | "too-old" // both codes match, but from minutes ago
  | "from-future" // the codes match steps ahead of now: the phone's clock is fast
  | "not-consecutive" // both match, but not from neighbouring 30 s windows
  | "no-match"; // a code matches nothing near now: wrong QR scanned, or the phone's clock is off

export type CodePairCheck = { ok: true; step1: number; step2: number } | { ok: false; problem: CodePairProblem; which?: 1 | 2 };

/**
 * Checks two codes the way IAM's EnableMFADevice wants them: six digits each, the second from the
 * 30-second window right after the first, and recent. Each failure gets its own reason so the operator
 * is told what to do (wait for the next code, rescan, fix the phone's clock).
 */
export function checkConsecutiveCodes(secret: string, code1: string, code2: string, at: Date): CodePairCheck {
  const c1 = codeSchema.safeParse(code1);
  if (!c1.success) return { ok: false, problem: "malformed", which: 1 };
  const c2 = codeSchema.safeParse(code2);
  if (!c2.success) return { ok: false, problem: "malformed", which: 2 };
  if (c1.data === c2.data) return { ok: false, problem: "same-code" };

  const step1 = findStep(secret, c1.data, at);
  const step2 = findStep(secret, c2.data, at);
  if (step1 === undefined) return { ok: false, problem: "no-match", which: 1 };
  if (step2 === undefined) return { ok: false, problem: "no-match", which: 2 };
  if (step2 < step1) return { ok: false, problem: "wrong-order" };
  if (step2 !== step1 + 1) return { ok: false, problem: "not-consecutive" };

  const now = timeStepOf(at);
  if (step2 > now + MAX_AHEAD_STEPS) return { ok: false, problem: "from-future" };
  if (step2 < now - MAX_AGE_STEPS) return { ok: false, problem: "too-old" };
  return { ok: true, step1, step2 };
}

/** A single current code, as the console's sign-in page accepts it (this window or a neighbour). */
export function isCurrentCode(secret: string, code: string, at: Date): boolean {
  const parsed = codeSchema.safeParse(code);
  if (!parsed.success) return false;
  const now = timeStepOf(at);
  return [now - 1, now, now + 1].some((s) => codeAt(secret, s) === parsed.data);
}
