// The user-MFA enrolment as a flow (src/steps/user-mfa-flow.ts), on the simulated account, with a scripted
// operator in place of the screen: what the operator is asked, in which order, what is sent, and what is left in
// the account, on the road that works, the roads where the operator declines or gives up, the failures AWS can
// answer, a dry run, and a quit (Ctrl-C) in the middle. The undo registry is the shell's own (Cleanups).
import { describe, expect, it } from "vitest";
import { type Account, ForwardingReads } from "../../src/aws/account.js";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { AccountError, type AccountFailure, type ErrorCode } from "../../src/aws/errors.js";
import { type OpName, type OpResult, type SecretArg, shownCall, type Write, type WriteOf } from "../../src/aws/operations.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { Cleanups } from "../../src/screens/cleanups.js";
import type { Choice } from "../../src/steps/operator.js";
import { awsNow, type StepContext, type Verdict } from "../../src/steps/types.js";
import { simulatedOnClock } from "../helpers/simulated-clock.js";
import { inspectUserMfa } from "../../src/steps/user-mfa.js";
import { type CodesProblem, enrolUserMfa, type NewDevice, type UserMfaOperator } from "../../src/steps/user-mfa-flow.js";
import type { WaitHooks } from "../../src/steps/wait.js";

const USER = "ops-admin";

/** The new account (ops-admin without MFA). */
async function world(wrap?: (account: Account) => Account, visibilityDelayMs = 1500) {
  const w = await simulatedOnClock("new-account", { wrap, visibilityDelayMs });
  const { simulated, settle } = w;
  const unassigned = async () => (settle(), (await simulated.listVirtualMfaDevices("Unassigned")).map((d) => d.serialNumber));
  const userDevices = async () => (settle(), (await simulated.listUserMfaDevices(USER)).map((d) => d.serialNumber));
  return { ...w, finding: await inspectUserMfa(w.ctx), unassigned, userDevices, cleanups: new Cleanups() };
}

type CodesAnswer = "good" | "same" | "give-up" | "never";

/**
 * The operator as a script: their answers in order (a question asked beyond the script fails the test), and a
 * log of everything they were shown. "never" at the codes is an operator who does not answer (Ctrl-C comes instead).
 */
function scripted(ctx: StepContext, script: { confirm?: boolean; codes?: CodesAnswer[]; choose?: Choice[]; whileChoosing?: () => void }) {
  const log: string[] = [];
  const codes = [...(script.codes ?? [])];
  const choices = [...(script.choose ?? [])];
  const secrets: string[] = [];
  let asked: () => void = () => {};
  const codesAsked = new Promise<void>((resolve) => (asked = resolve));
  const said = (p: CodesProblem) => (p.kind === "local" ? p.problem : `${p.failure.code}`);
  const operator: UserMfaOperator = {
    busy: (work) => void log.push(`busy: ${work}`),
    confirm: async (actions) => {
      log.push(`confirm: ${actions.map((a) => a.op).join(", ")}`);
      return script.confirm ?? true;
    },
    codes: async (device: NewDevice, problem?: CodesProblem) => {
      log.push(problem ? `codes (${said(problem)})` : "codes");
      secrets.push(device.secret);
      asked();
      const answer = codes.shift();
      if (answer === undefined) throw new Error("codes asked once more than the script says");
      if (answer === "never") return new Promise<never>(() => {});
      if (answer === "give-up") return undefined;
      const step = timeStepOf(awsNow(ctx));
      return answer === "same"
        ? { code1: codeAt(device.secret, step), code2: codeAt(device.secret, step) }
        : { code1: codeAt(device.secret, step - 1), code2: codeAt(device.secret, step) };
    },
    choose: async (failure: AccountFailure) => {
      log.push(`failed: ${failure.code} (${failure.action})`);
      script.whileChoosing?.();
      const choice = choices.shift();
      if (!choice) throw new Error(`a failure the script does not expect: ${failure.code}`);
      return choice;
    },
    verify: async (run: (hooks: WaitHooks) => Promise<Verdict>) => {
      log.push("verify");
      return run({});
    },
  };
  return { operator, log, secrets, codesAsked };
}

/** An account that carries out every write and then loses the answer to one (a 5xx after the change); `sent` lists every write sent. */
function losingAnswerTo(call: OpName) {
  let lost = false;
  const sent: OpName[] = [];
  const wrap = (inner: Account): Account => {
    const wrapper = new ForwardingReads(inner) as Account & { mode: Account["mode"] };
    wrapper.mode = inner.mode;
    wrapper.send = async <K extends OpName>(write: WriteOf<K>, ...secret: SecretArg<K>): Promise<OpResult<K>> => {
      sent.push(write.op);
      const result = await inner.send(write, ...secret);
      if (write.op === call && !lost) {
        lost = true;
        throw new AccountError("ServiceFailure", shownCall(write as Write).call);
      }
      return result;
    };
    return wrapper;
  };
  return { wrap, sent };
}

const fail = (w: Awaited<ReturnType<typeof world>>, call: string, code: ErrorCode, times = 1) => w.simulated.failNext(call, code, times);

describe("the user-MFA enrolment flow", () => {
  it("confirms once, creates, refuses codes locally, enables with two good codes, reads back, and leaves no undo", async () => {
    const w = await world();
    const op = scripted(w.ctx, { codes: ["same", "good"] });
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);

    expect(op.log).toEqual(["confirm: createVirtualMfaDevice, enableMfaDevice", "busy: creating", "codes", "codes (same-code)", "busy: enabling", "verify"]);
    expect(end).toMatchObject({ verdict: { state: "verified", reason: "read-back-confirms" } });
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    expect(await w.userDevices()).toEqual(["arn:aws:iam::123456789012:mfa/ops-admin"]);
    expect(w.cleanups.size).toBe(0);
    // The secret was shown to the operator, and is nowhere in what the step hands on.
    expect(op.secrets[0]).toMatch(/^[A-Z2-7]{64}$/);
    expect(JSON.stringify(end)).not.toContain(op.secrets[0]);
    // The evidence tells the story: what was found, then the read-back.
    if ("verdict" in end) expect(end.verdict.evidence.map((e) => e.source)).toEqual(["iam:ListMFADevices", "iam:ListMFADevices"]);
  });

  it("sends nothing when the operator declines the confirmation", async () => {
    const w = await world();
    const op = scripted(w.ctx, { confirm: false });
    expect(await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups)).toEqual({ declined: true });
    expect(w.writes()).toEqual([]);
  });

  it("deletes the device it made when the operator gives up at the codes", async () => {
    const w = await world();
    const op = scripted(w.ctx, { codes: ["give-up"] });
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(end).toMatchObject({ verdict: { state: "skipped", reason: "operator-skipped" } });
    expect(op.log.slice(-2)).toEqual(["codes", "busy: discarding"]);
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    expect(await w.unassigned()).not.toContain("arn:aws:iam::123456789012:mfa/ops-admin");
    expect(w.cleanups.size).toBe(0);
  });

  it("Ctrl-C while the codes are asked: the quit's undo deletes the device", async () => {
    const w = await world();
    const op = scripted(w.ctx, { codes: ["never"] });
    void enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    await op.codesAsked;
    expect(await w.unassigned()).toContain("arn:aws:iam::123456789012:mfa/ops-admin");
    expect(await w.cleanups.runAll()).toEqual([]);
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    expect(await w.unassigned()).not.toContain("arn:aws:iam::123456789012:mfa/ops-admin");
  });

  it("asks for new codes when IAM refuses the ones it was sent, on the same device", async () => {
    const w = await world();
    fail(w, "iam:EnableMFADevice", "InvalidAuthenticationCode");
    const op = scripted(w.ctx, { codes: ["good", "good"] });
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(op.log).toContain("codes (InvalidAuthenticationCode)");
    expect(end).toMatchObject({ verdict: { state: "verified" } });
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    expect(new Set(op.secrets).size).toBe(1);
  });

  it("a failed creation is retried on the operator's word, or given up with nothing made", async () => {
    const retried = await world();
    fail(retried, "iam:CreateVirtualMFADevice", "LimitExceeded");
    const op = scripted(retried.ctx, { choose: ["retry"], codes: ["good"] });
    expect(await enrolUserMfa(retried.ctx, retried.finding, op.operator, retried.cleanups)).toMatchObject({ verdict: { state: "verified" } });
    expect(op.log.slice(0, 4)).toEqual([
      "confirm: createVirtualMfaDevice, enableMfaDevice",
      "busy: creating",
      "failed: LimitExceeded (iam:CreateVirtualMFADevice)",
      "busy: creating",
    ]);

    const givenUp = await world();
    fail(givenUp, "iam:CreateVirtualMFADevice", "AccessDenied");
    const op2 = scripted(givenUp.ctx, { choose: ["give-up"] });
    expect(await enrolUserMfa(givenUp.ctx, givenUp.finding, op2.operator, givenUp.cleanups)).toMatchObject({ verdict: { state: "skipped", reason: "error" } });
    expect(givenUp.writes()).toEqual([]);
    expect(givenUp.cleanups.size).toBe(0);
  });

  it("EnableMFADevice answered with a 5xx after it landed: one read finds the device enabled, and nothing is deleted", async () => {
    // No listing delay: the one read right after the lost answer shows the device (where IAM lags, the operator is asked).
    const w = await world(losingAnswerTo("enableMfaDevice").wrap, 0);
    const op = scripted(w.ctx, { codes: ["good"] });
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(op.log).not.toContain("failed: ServiceFailure (iam:EnableMFADevice)");
    expect(end).toMatchObject({ verdict: { state: "verified" } });
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    expect(w.cleanups.size).toBe(0);
  });

  it("EnableMFADevice failing, given up: the device is deleted and the step is not verified", async () => {
    const w = await world();
    fail(w, "iam:EnableMFADevice", "AccessDenied");
    const op = scripted(w.ctx, { codes: ["good"], choose: ["give-up"] });
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(end).toMatchObject({ verdict: { state: "unverified", reason: "error" } });
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    expect(await w.unassigned()).not.toContain("arn:aws:iam::123456789012:mfa/ops-admin");
  });

  it("a deletion whose answer was lost, given up: the quit's undo reads first and deletes the device once", async () => {
    const w = await world();
    fail(w, "iam:DeleteVirtualMFADevice", "ServiceFailure");
    const op = scripted(w.ctx, { codes: ["give-up"], choose: ["give-up"] });
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(end).toMatchObject({ verdict: { state: "skipped", reason: "operator-skipped" } });
    expect(w.cleanups.size).toBe(1);
    // (The undo's read sees the device once IAM lists it.)
    w.settle();
    expect(await w.cleanups.runAll()).toEqual([]);
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    expect(await w.unassigned()).not.toContain("arn:aws:iam::123456789012:mfa/ops-admin");
  });

  it("a deletion whose answer was lost, undone at once: the undo's read waits out IAM's listing delay (on the clock) and deletes the device", async () => {
    const w = await world();
    fail(w, "iam:DeleteVirtualMFADevice", "ServiceFailure");
    const op = scripted(w.ctx, { codes: ["give-up"], choose: ["give-up"] });
    await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(w.cleanups.size).toBe(1);
    // No settling by hand: the clock has not moved since the creation, so IAM does not list the device yet.
    const serial = "arn:aws:iam::123456789012:mfa/ops-admin";
    expect((await w.simulated.listVirtualMfaDevices("Unassigned")).map((d) => d.serialNumber)).not.toContain(serial);
    expect(await w.cleanups.runAll()).toEqual([]);
    expect(w.writes()).toEqual(["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]);
    expect(await w.unassigned()).not.toContain(serial);
  });

  it("a deletion that landed though its answer was lost, undone at once: the undo's wait for the listing is bounded, and nothing is sent again", async () => {
    const lossy = losingAnswerTo("deleteVirtualMfaDevice");
    const w = await world(lossy.wrap);
    // Live timing: IAM's whole wait for a change is 3 minutes, which the way out must not take.
    const ctx = { ...w.ctx, timing: { ...w.ctx.timing, iamTimeoutMs: 180_000 } };
    const op = scripted(ctx, { codes: ["give-up"], choose: ["give-up"] });
    await enrolUserMfa(ctx, w.finding, op.operator, w.cleanups);
    expect(await w.cleanups.runAll()).toEqual([]);
    expect(lossy.sent).toEqual(["createVirtualMfaDevice", "deleteVirtualMfaDevice"]);
    // At most 20 s after the creation (user-mfa.ts LISTING_WAIT_MS), never IAM's whole wait (3 minutes live).
    expect(w.ctx.now().getTime() - w.start.getTime()).toBeLessThanOrEqual(20_000);
  });

  it("a deletion that landed though its answer was lost, given up: the quit's undo reads first and does not send it again", async () => {
    const lossy = losingAnswerTo("deleteVirtualMfaDevice");
    const w = await world(lossy.wrap);
    const op = scripted(w.ctx, { codes: ["give-up"], choose: ["give-up"] });
    await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(w.cleanups.size).toBe(1);
    w.settle();
    expect(await w.cleanups.runAll()).toEqual([]);
    expect(lossy.sent).toEqual(["createVirtualMfaDevice", "deleteVirtualMfaDevice"]);
  });

  it("a deletion retried after its answer was lost reads first, and is not sent again once it has landed", async () => {
    const lossy = losingAnswerTo("deleteVirtualMfaDevice");
    const w = await world(lossy.wrap);
    // While the operator reads the failure, IAM catches up: the retry's read sees the device gone.
    const op = scripted(w.ctx, { codes: ["give-up"], choose: ["retry"], whileChoosing: () => w.settle() });
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(end).toMatchObject({ verdict: { state: "skipped", reason: "operator-skipped" } });
    expect(op.log.slice(-3)).toEqual(["busy: discarding", "failed: ServiceFailure (iam:DeleteVirtualMFADevice)", "busy: discarding"]);
    expect(lossy.sent).toEqual(["createVirtualMfaDevice", "deleteVirtualMfaDevice"]);
    expect(w.cleanups.size).toBe(0);
  });

  it("a dry run shows both calls as not sent, and asks for no codes", async () => {
    const w = await world((a) => new DryRunAccount(a));
    const op = scripted(w.ctx, {});
    const end = await enrolUserMfa(w.ctx, w.finding, op.operator, w.cleanups);
    expect(end).toMatchObject({ verdict: { state: "skipped", reason: "dry-run" } });
    if ("notSent" in end) expect(end.notSent?.map((c) => c.call)).toEqual(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"]);
    expect(op.log).toEqual(["confirm: createVirtualMfaDevice, enableMfaDevice", "busy: creating"]);
    expect(w.writes()).toEqual([]);
  });
});
