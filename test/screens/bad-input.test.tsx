// Everything an operator can type at the admin user's MFA code fields, as a table: each row gets the one clear
// message it deserves (or is accepted), never a stack trace, and a refused pair leaves the account as it was —
// the device rootlock created is still there, unassigned, and EnableMFADevice was never called.
//
// Wide characters: an IME can commit full-width digits ("１２３４５６") or Hangul ("ㄱㄴ", "한글"). Full-width digits
// are the digits they stand for (NFKC), so the code fields read them as such and IAM's EnableMFADevice receives
// ASCII digits (this reverses an earlier choice that refused them: a Korean or Japanese operator in full-width
// mode typed the right code, and a refusal saying "six digits" was wrong). Hangul stays refused. The full-width
// rows use the real codes, so the only thing different about them is their width.
//
// Bursts: a terminal sends keys typed fast, or Backspace held down, in one chunk; each key in it counts.
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { codeAt, type CodePairProblem, timeStepOf } from "../../src/lib/totp.js";
import { UserMfaScreen } from "../../src/screens/UserMfaScreen.js";
import { serialFor } from "../../src/steps/user-mfa.js";
import { KEYS, renderIn, simulatedWorld, sleep } from "../helpers/ink.js";

/** The two codes of a row, from the device's secret and the current 30-second step. */
type Codes = (code: (step: number) => string, now: number) => [string, string];

interface Row {
  what: string;
  /**
   * typed: one key at a time; pasted: each code in one chunk, newline included; ime: each code committed in one
   * chunk, then Enter; both-pasted: both codes in one chunk ("123456⏎654321⏎"), as from a password manager;
   * burst: both codes with their Enters in one chunk, as a fast typist's terminal sends them (Backspaces too).
   */
  input: "typed" | "pasted" | "ime" | "both-pasted" | "burst";
  codes: Codes;
  expected: CodePairProblem | "accepted";
}

/** ASCII digits → full-width digits (U+FF10…U+FF19), as an IME in full-width mode commits them. */
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

// Two consecutive codes AWS accepts right now: the previous window's and the current one's.
const good: Codes = (code, now) => [code(now - 1), code(now)];

const ROWS: Row[] = [
  { what: "a letter O for a zero", input: "typed", codes: (c, n) => [`${c(n - 1).slice(0, 5)}O`, c(n)], expected: "malformed" },
  { what: "letters only, in the second code", input: "typed", codes: (c, n) => [c(n - 1), "abcdef"], expected: "malformed" },
  {
    what: "a space inside (as the app shows it: 123 456)",
    input: "typed",
    codes: (c, n) => [`${c(n - 1).slice(0, 3)} ${c(n - 1).slice(3)}`, c(n)],
    expected: "malformed",
  },
  { what: "5 digits", input: "typed", codes: (c, n) => [c(n - 1).slice(0, 5), c(n)], expected: "malformed" },
  { what: "7 digits", input: "typed", codes: (c, n) => [c(n - 1), `${c(n)}0`], expected: "malformed" },
  { what: "the same code twice", input: "typed", codes: (c, n) => [c(n), c(n)], expected: "same-code" },
  { what: "the two codes in the wrong order", input: "typed", codes: (c, n) => [c(n), c(n - 1)], expected: "wrong-order" },
  // Two minutes ago is four windows back: beyond the two that AWS still accepts.
  { what: "codes from two minutes ago", input: "typed", codes: (c, n) => [c(n - 5), c(n - 4)], expected: "too-old" },
  // One window ahead is allowed (a phone clock a little fast); these end three windows ahead.
  { what: "codes from the future, beyond the one-step allowance", input: "typed", codes: (c, n) => [c(n + 2), c(n + 3)], expected: "from-future" },
  { what: "full-width digits from an IME (the real codes)", input: "ime", codes: (c, n) => [fullWidth(c(n - 1)), fullWidth(c(n))], expected: "accepted" },
  { what: "full-width digits typed one by one", input: "typed", codes: (c, n) => [fullWidth(c(n - 1)), c(n)], expected: "accepted" },
  { what: "full-width digits in one burst with their Enter", input: "burst", codes: (c, n) => [fullWidth(c(n - 1)), fullWidth(c(n))], expected: "accepted" },
  // "12␡␡␡34": three Backspaces in one chunk delete three characters; read as one key they inserted "␡␡␡".
  {
    what: "a typo fixed with three Backspaces in one burst",
    input: "burst",
    codes: (c, n) => [`${c(n - 1).slice(0, 3)}999\u007f\u007f\u007f${c(n - 1).slice(3)}`, c(n)],
    expected: "accepted",
  },
  { what: "Backspace held down past the start of the field", input: "burst", codes: (c, n) => [`12\u007f\u007f\u007f\u007f${c(n - 1)}`, c(n)], expected: "accepted" },
  { what: "Hangul jamo from an IME (ㄱㄴ)", input: "ime", codes: (c, n) => ["ㄱㄴ", c(n)], expected: "malformed" },
  { what: "Hangul syllables from an IME (한글), in the second code", input: "ime", codes: (c, n) => [c(n - 1), "한글"], expected: "malformed" },
  { what: "each code pasted with a trailing newline", input: "pasted", codes: (c, n) => good(c, n).map((x) => `${x}\n`) as [string, string], expected: "accepted" },
  {
    what: "each code pasted with a trailing CRLF (a Windows clipboard)",
    input: "pasted",
    codes: (c, n) => good(c, n).map((x) => `${x}\r\n`) as [string, string],
    expected: "accepted",
  },
  { what: "both codes pasted at once, each with its newline", input: "both-pasted", codes: good, expected: "accepted" },
  { what: "both codes pasted at once, in the wrong order", input: "both-pasted", codes: (c, n) => [c(n), c(n - 1)], expected: "wrong-order" },
];

const STACK = /^\s+at .+:\d+|TypeError|ReferenceError/m;

describe.each(["en", "ko"] as const)("what an operator types at the admin MFA codes (%s)", (lang) => {
  const t = messages(lang);
  const problems = t.userMfa.problems;

  it.each(ROWS)("$what → $expected", async ({ input, codes, expected }) => {
    const { ctx, account, preflight } = await simulatedWorld("new-account");
    const user = preflight.caller.userName ?? "";
    expect(user).not.toBe(""); // new-account runs as an IAM user, the one enrolled here
    const serial = serialFor(ctx.caller.accountId, user);
    const devicesBefore = await account.listVirtualMfaDevices("Any");
    expect(devicesBefore.map((d) => d.serialNumber)).not.toContain(serial);

    const r = renderIn(lang, <UserMfaScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />);
    await r.waitFor("iam:CreateVirtualMFADevice");
    await r.press(KEYS.enter);
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    // ink-testing-library's terminal is too short for the QR code: the secret is shown as text.
    const secret = /([A-Z2-7]{64})/.exec(await r.waitFor(/[A-Z2-7]{64}/))![1]!;
    await r.waitFor(t.userMfa.code1);

    const [code1, code2] = codes((step) => codeAt(secret, step), timeStepOf(new Date()));
    if (input === "both-pasted") await r.press(`${code1}\n${code2}\n`);
    else if (input === "burst") await r.press(`${code1}\r${code2}\r`);
    else
      for (const code of [code1, code2]) {
        if (input === "typed") await r.type(code);
        else await r.press(code);
        if (input !== "pasted") await r.press(KEYS.enter);
        await sleep(20); // the first field's Enter moves the focus to the second before the next code arrives
      }

    if (expected === "accepted") {
      const frame = await r.waitFor(t.userMfa.verified(user));
      expect(frame).not.toMatch(STACK);
      expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
      expect((await account.listUserMfaDevices(user)).map((d) => d.serialNumber)).toEqual([serial]);
      r.unmount();
      return;
    }

    const frame = await r.waitFor(problems[expected]);
    // Exactly that message: no other problem, no stack, and both fields empty again for a new try.
    for (const [problem, text] of Object.entries(problems)) if (problem !== expected) expect(frame).not.toContain(text);
    expect(frame).not.toMatch(STACK);
    const lines = frame.split("\n").map((l) => l.trim());
    expect(lines).toContain(`${t.userMfa.code1}:`);
    expect(lines).toContain(`${t.userMfa.code2}:`);

    // The account is as the refusal found it: only the device rootlock created was added, it is unassigned,
    // the user has no MFA, and IAM was never asked to enable anything.
    await sleep(60); // past the simulated account's visibility delay (30 ms)
    expect(account.writes().map((w) => w.call)).toEqual(["iam:CreateVirtualMFADevice"]);
    expect(await account.listUserMfaDevices(user)).toEqual([]);
    expect(await account.listVirtualMfaDevices("Any")).toEqual([...devicesBefore, { serialNumber: serial, userArn: undefined, enabledAt: undefined }]);
    r.unmount();
  });
});
