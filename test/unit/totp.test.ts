// The consecutive-codes rule, at the edges of the 30-second windows.
import { describe, expect, it } from "vitest";
import { checkConsecutiveCodes, codeAt, isCurrentCode, otpauthUri, PERIOD_SECONDS, secondsLeftInStep, timeStepOf } from "../../src/lib/totp.js";
import { base32, newSecret } from "../../src/lib/secret.js";

const secret = newSecret();
const STEP = 59_000_000; // an arbitrary time step, far from zero
const atStep = (step: number, offsetMs = 0) => new Date(step * PERIOD_SECONDS * 1000 + offsetMs);

describe("checkConsecutiveCodes", () => {
  it("accepts the previous and the current code", () => {
    const now = atStep(STEP, 1000);
    expect(checkConsecutiveCodes(secret, codeAt(secret, STEP - 1), codeAt(secret, STEP), now)).toEqual({ ok: true, step1: STEP - 1, step2: STEP });
  });

  it("accepts them 1 ms before the window ends and 1 ms after the next begins", () => {
    const c1 = codeAt(secret, STEP - 1);
    const c2 = codeAt(secret, STEP);
    expect(checkConsecutiveCodes(secret, c1, c2, atStep(STEP + 1, -1)).ok).toBe(true);
    expect(checkConsecutiveCodes(secret, c1, c2, atStep(STEP + 1, 1)).ok).toBe(true);
  });

  it("accepts the current and the next code (a phone a little ahead)", () => {
    expect(checkConsecutiveCodes(secret, codeAt(secret, STEP), codeAt(secret, STEP + 1), atStep(STEP, 29_999)).ok).toBe(true);
  });

  it.each([
    ["letters", "12a456", "123456", "malformed"],
    ["five digits", "12345", "123456", "malformed"],
    ["seven digits", "1234567", "123456", "malformed"],
    ["inner spaces", "123 456", "123456", "malformed"],
  ])("refuses %s as malformed", (_name, c1, c2, problem) => {
    expect(checkConsecutiveCodes(secret, c1, c2, atStep(STEP))).toMatchObject({ ok: false, problem });
  });

  it("takes a pasted code with a trailing newline", () => {
    const result = checkConsecutiveCodes(secret, `${codeAt(secret, STEP - 1)}\n`, ` ${codeAt(secret, STEP)} `, atStep(STEP, 5));
    expect(result.ok).toBe(true);
  });

  it("names each failure", () => {
    const now = atStep(STEP, 10);
    const c = (d: number) => codeAt(secret, STEP + d);
    expect(checkConsecutiveCodes(secret, c(0), c(0), now)).toMatchObject({ problem: "same-code" });
    expect(checkConsecutiveCodes(secret, c(0), c(-1), now)).toMatchObject({ problem: "wrong-order" });
    expect(checkConsecutiveCodes(secret, c(-4), c(-3), now)).toMatchObject({ problem: "too-old" });
    expect(checkConsecutiveCodes(secret, c(2), c(3), now)).toMatchObject({ problem: "from-future" });
    expect(checkConsecutiveCodes(secret, c(-2), c(0), now)).toMatchObject({ problem: "not-consecutive" });
    const other = newSecret();
    expect(checkConsecutiveCodes(secret, codeAt(other, STEP - 1), c(0), now)).toMatchObject({ problem: "no-match", which: 1 });
  });

  it("refuses codes two minutes old (four windows back)", () => {
    expect(checkConsecutiveCodes(secret, codeAt(secret, STEP - 5), codeAt(secret, STEP - 4), atStep(STEP))).toMatchObject({ ok: false, problem: "too-old" });
  });
});

describe("helpers", () => {
  it("counts down the window", () => {
    expect(secondsLeftInStep(atStep(STEP))).toBe(30);
    expect(secondsLeftInStep(atStep(STEP, 29_000))).toBe(1);
    expect(timeStepOf(atStep(STEP, 29_999))).toBe(STEP);
  });

  it("accepts a sign-in code from this window or a neighbour", () => {
    expect(isCurrentCode(secret, codeAt(secret, STEP - 1), atStep(STEP))).toBe(true);
    expect(isCurrentCode(secret, codeAt(secret, STEP - 2), atStep(STEP))).toBe(false);
    expect(isCurrentCode(secret, "abc", atStep(STEP))).toBe(false);
  });

  it("makes AWS-shaped seeds and otpauth URIs", () => {
    expect(secret).toMatch(/^[A-Z2-7]{64}$/);
    expect(otpauthUri("ABCD", "Amazon Web Services", "ops-admin@123456789012")).toBe(
      "otpauth://totp/Amazon%20Web%20Services:ops-admin@123456789012?secret=ABCD&issuer=Amazon%20Web%20Services",
    );
  });
});

describe("newSecret (lib/secret.ts, without otplib)", () => {
  it("encodes Base32 as RFC 4648's test vectors say, without padding", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [text, encoded] of vectors) expect(base32(new TextEncoder().encode(text))).toBe(encoded);
    expect(base32(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe("77777777");
  });

  it("is shaped like AWS's Base32StringSeed: 40 random bytes, 64 characters, different each time", () => {
    const seeds = new Set(Array.from({ length: 20 }, () => newSecret()));
    expect(seeds.size).toBe(20);
    for (const seed of seeds) expect(seed).toMatch(/^[A-Z2-7]{64}$/);
  });
});
