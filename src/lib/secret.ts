// A TOTP seed, made without otplib: the simulated account makes seeds when the demo starts (its scenarios'
// devices), and loading otplib there cost the first frame ~10 ms of CPU. The codes themselves stay with otplib
// (totp.ts), loaded when a code is first checked.
import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 Base32 (its alphabet, upper case), without the `=` padding, as authenticator apps take it. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff; // at most 12 bits are pending before the loop takes 5
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}

/** A Base32 seed shaped like AWS's `Base32StringSeed` (40 random bytes → 64 characters). */
export function newSecret(): string {
  return base32(randomBytes(40));
}
