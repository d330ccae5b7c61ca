// Console passwords: the one rootlock generates for a new admin user, and the rules AWS checks a password
// against. The generator draws every character from node's CSPRNG (crypto.randomInt, no modulo bias).
import { randomInt } from "node:crypto";
import type { PasswordPolicy } from "../aws/account.js";

// Look-alikes (I, O, l, 0, 1) are left out: the password is read off the screen once and typed by a person.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
/** Only symbols AWS accepts in IAM passwords (! @ # $ % ^ & * ( ) _ + - = [ ] { } | '), and easy to type. */
const SYMBOLS = "!@#$%^&*-_=+";

/** Long enough to be strong on its own (24 × ~6.2 bits ≈ 148 bits) and above any policy minimum asked for. */
export const GENERATED_LENGTH = 24;

/** A password with at least two characters of each kind, so it meets any policy's required kinds. */
export function generatePassword(minimumLength = 0): string {
  const length = Math.min(128, Math.max(GENERATED_LENGTH, minimumLength));
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [UPPER, UPPER, LOWER, LOWER, DIGITS, DIGITS, SYMBOLS, SYMBOLS].map(pick);
  while (chars.length < length) chars.push(pick(all));
  // Fisher–Yates, so the guaranteed kinds are not always in front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}

const KINDS = {
  upper: /[A-Z]/,
  lower: /[a-z]/,
  digit: /[0-9]/,
  symbol: /[!@#$%^&*()_+\-=[\]{}|']/,
};

/**
 * Whether AWS would accept the password for an IAM user. Without a policy of the account's own, AWS's
 * default applies: 8 to 128 characters, at least three of the four kinds. (The same default rules, plus "not
 * the account name or email", are the ones for the root user's password, which no policy governs.)
 */
export function meetsPasswordPolicy(password: string, policy: PasswordPolicy | undefined): boolean {
  if (password.length > 128) return false;
  if (!policy) {
    const kinds = Object.values(KINDS).filter((re) => re.test(password)).length;
    return password.length >= 8 && kinds >= 3;
  }
  return (
    password.length >= policy.minimumPasswordLength &&
    (!policy.requireUppercaseCharacters || KINDS.upper.test(password)) &&
    (!policy.requireLowercaseCharacters || KINDS.lower.test(password)) &&
    (!policy.requireNumbers || KINDS.digit.test(password)) &&
    (!policy.requireSymbols || KINDS.symbol.test(password))
  );
}
