// The alerts screen, in both languages: a bad address refused, each change confirmed (the pending-subscription
// warning on the call that routes alerts), the wait for the owner's click, a test message; a second run with
// nothing to change; a dry run; moving on while pending; and the fire drill's question after the sign-in test.
import { describe, expect, it } from "vitest";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { messages } from "../../src/i18n/index.js";
import { AlertsScreen } from "../../src/screens/AlertsScreen.js";
import { SigninScreen } from "../../src/screens/SigninScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { fold, KEYS, renderIn, simulatedWorld } from "../helpers/ink.js";

const EMAIL = "owner@example.com";

describe.each(["en", "ko"] as const)("AlertsScreen (%s)", (lang) => {
  const t = messages(lang);
  const a = t.alerts;

  async function confirmAll(r: ReturnType<typeof renderIn>, total: number) {
    const warned: string[] = [];
    for (let i = 1; i <= total; i++) {
      const frame = await r.waitFor((f) => fold(f).includes(fold(t.common.progress(i, total))) && f.includes(t.common.confirmTitle));
      if (frame.replace(/\s+/g, " ").includes(a.pendingWarning.slice(0, 30))) warned.push(/(\w+:\w+)\(/.exec(frame)![1]!);
      await r.press(KEYS.enter);
    }
    return warned;
  }

  it("refuses a bad address, sets everything up with the trail, waits for the click, and sends a test", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.introKeys);
    expect(r.frame()).toContain(a.rule("rootlock-root-console-sign-in", a.ruleCatches["console-sign-in"], a.ruleStates.absent));
    await r.press(KEYS.enter);
    await r.waitFor(a.emailHint);
    await r.type("owner@example");
    await r.press(KEYS.enter);
    await r.waitFor(a.badEmail);
    for (let i = 0; i < "owner@example".length; i++) await r.press(KEYS.backspace);
    await r.type(EMAIL);
    await r.press(KEYS.enter);
    await r.waitFor(a.noTrail.slice(0, 20));
    expect(r.frame()).toContain(a.trailChoice(true).slice(0, 10));
    await r.press(KEYS.enter);
    const warned = await confirmAll(r, 11);
    // Every call that routes alerts to the pending subscription says nothing is delivered until it is confirmed.
    expect(warned).toEqual(["events:PutTargets", "events:PutTargets"]);
    await r.waitFor(a.confirmTitle(EMAIL));
    await r.press("m");
    await r.waitFor(a.verified);
    // t asks before sns:Publish: Esc declines (nothing sent), then t and Enter send it; that Enter does not also end the step.
    await r.press("t");
    await r.waitFor(t.common.confirmTitle);
    expect(r.frame()).toContain("sns:Publish");
    await r.press(KEYS.esc);
    await r.waitFor(a.testOffer.slice(0, 12));
    expect(account.writes().map((w) => w.call)).not.toContain("sns:Publish");
    expect(done).toBeUndefined();
    await r.press("t");
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    await r.waitFor(a.testSent("").slice(0, 12));
    expect(done).toBeUndefined();
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "read-back-confirms" });
    expect(done!.evidence.map((e) => e.read)).toContain(`email ${EMAIL}: confirmed`);
    expect(account.writes().map((w) => w.call)).toEqual([
      "sns:CreateTopic",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "s3:CreateBucket",
      "s3:PutBucketPolicy",
      "cloudtrail:CreateTrail",
      "cloudtrail:StartLogging",
      "events:PutRule",
      "events:PutTargets",
      "events:PutRule",
      "events:PutTargets",
      "sns:Publish",
    ]);
    expect(standIn.alertInbox().map((m) => m.to)).toEqual([EMAIL]);

    // A second run: the address is offered, nothing is to change, nothing is sent.
    const before = account.writes().length;
    let again: Verdict | undefined;
    const r2 = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (again = v)} onBack={() => {}} />, { standIn });
    await r2.waitFor(a.subscription(EMAIL, a.subscriptionStates.confirmed));
    expect(r2.frame()).toContain(a.rule("rootlock-root-console-sign-in", a.ruleCatches["console-sign-in"], a.ruleStates.right));
    await r2.press(KEYS.enter);
    await r2.waitFor(a.emailHint);
    await r2.press(KEYS.enter);
    await r2.waitFor(a.nothingToDo);
    await r2.press(KEYS.enter);
    await r2.waitFor(a.verified);
    await r2.press(KEYS.enter);
    expect(again?.state).toBe("verified");
    expect(account.writes()).toHaveLength(before);
    r.unmount();
    r2.unmount();
  });

  it("moving on while the subscription is pending leaves it unverified, and says nothing is delivered", async () => {
    const { ctx, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.introKeys);
    await r.press(KEYS.enter);
    await r.waitFor(a.emailHint);
    await r.type(EMAIL);
    await r.press(KEYS.enter);
    await r.waitFor(a.trailChoice(true).slice(0, 10));
    await r.press(KEYS.enter);
    await confirmAll(r, 11);
    await r.waitFor(a.confirmTitle(EMAIL));
    await r.press(KEYS.esc);
    await r.waitFor(a.pending.slice(0, 20));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "unverified", reason: "subscription-pending" });
    r.unmount();
  });

  it("in a dry run shows every call and sends none", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    const dry = new DryRunAccount(account);
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={{ ...ctx, account: dry }} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn, mode: "dry-run" });
    await r.waitFor(a.introKeys);
    await r.press(KEYS.enter);
    await r.waitFor(a.emailHint);
    await r.type(EMAIL);
    await r.press(KEYS.enter);
    await r.waitFor(a.apiChoice(false));
    await r.press("a");
    await r.waitFor(a.apiChoice(true));
    await r.press(KEYS.enter);
    await confirmAll(r, 13);
    const frame = await r.waitFor(t.common.wouldCall);
    expect(frame).toContain("rootlock-root-api-call");
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "dry-run" });
    expect(dry.recorded).toHaveLength(13);
    expect(account.writes()).toEqual([]);
    r.unmount();
  });

  it("names the API-call rule for what it catches, offers read-only calls, and without a trail says the rules cannot fire", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.introKeys);
    expect(fold(r.frame())).toContain(fold(a.rule("rootlock-root-api-call", a.ruleCatches["api-call"], a.ruleStates.optional)));
    await r.press(KEYS.enter);
    await r.waitFor(a.emailHint);
    await r.type(EMAIL);
    await r.press(KEYS.enter);
    // The choices (their keys are the wizard's footer's, not the page's).
    expect(await r.waitFor(a.noTrail)).not.toContain(a.apiScope);
    expect(fold(r.frame())).toContain(fold(a.noTrail));
    await r.press("r"); // not offered while API-call alerts are off: nothing changes
    await r.press("a");
    await r.waitFor(a.apiScope);
    expect(fold(r.frame())).toContain(fold(a.apiScope));
    expect(fold(r.frame())).toContain(fold(a.readOnlyChoice(false)));
    await r.press("r");
    await r.waitFor(a.readOnlyChoice(true));
    await r.press("t");
    await r.waitFor(a.trailChoice(false));
    await r.press(KEYS.enter);
    await confirmAll(r, 9);
    await r.waitFor(a.confirmTitle(EMAIL));
    await r.press("m");
    await r.waitFor(a.noTrailResult);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "unverified", reason: "no-trail" });
    expect(account.writes().some((w) => w.call.startsWith("cloudtrail:"))).toBe(false);
    expect(await account.getEventRule("rootlock-root-api-call")).toMatchObject({ state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" });
    r.unmount();
  });

  it("on the hardened account shows the account's own alert as already in place: Enter keeps it, sending nothing", async () => {
    const { ctx, account, standIn } = await simulatedWorld("hardened");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.existingKeys);
    const frame = fold(r.frame());
    expect(frame).toContain(fold(a.existingTitle));
    expect(frame).toContain(fold(a.existingRoute("root-console-sign-in", "arn:aws:sns:us-east-1:123456789012:security-alerts", 1)));
    expect(frame).toContain(fold(a.existingTrail("management-trail")));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified", reason: "already-compliant" });
    expect(account.writes()).toEqual([]);
    r.unmount();
  });

  it("on the hardened account, a adds rootlock's own alerts beside the account's", async () => {
    const { ctx, standIn } = await simulatedWorld("hardened");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.existingKeys);
    await r.press("a");
    await r.waitFor(a.emailHint);
    await r.type(EMAIL);
    await r.press(KEYS.enter);
    await r.waitFor(a.trailFound("management-trail"));
    expect(done).toBeUndefined();
    r.unmount();
  });

  async function toThePlan(r: ReturnType<typeof renderIn>) {
    await r.waitFor(a.introKeys);
    await r.press(KEYS.enter);
    await r.waitFor(a.emailHint);
    await r.type(EMAIL);
    await r.press(KEYS.enter);
    await r.waitFor(a.trailChoice(true).slice(0, 10));
    await r.press(KEYS.enter);
  }

  /** The plan approved at once (a), the confirmation link clicked: the result, verified. */
  async function toTheResult(r: ReturnType<typeof renderIn>) {
    await toThePlan(r);
    await r.waitFor(t.common.approveAll(11));
    await r.press("a");
    await r.waitFor(a.confirmTitle(EMAIL));
    await r.press("m");
    await r.waitFor(a.verified);
  }

  it("a declined call ends the plan: no later claim, the call named, what was made before it left behind", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await toThePlan(r);
    await r.waitFor((f) => fold(f).includes(fold(t.common.progress(1, 11))) && f.includes(t.common.confirmTitle));
    await r.press(KEYS.enter);
    await r.waitFor((f) => fold(f).includes(fold(t.common.progress(2, 11))) && f.includes("sns:SetTopicAttributes"));
    await r.press(KEYS.esc);
    const result = await r.waitFor(t.reasons.declined);
    // Subscribe was never sent: no "AWS has emailed a confirmation link", no wait, no test message offered.
    expect(fold(result)).not.toContain(fold(a.confirmTitle(EMAIL)));
    expect(result).not.toContain(t.common.waiting(""));
    expect(fold(result)).not.toContain(fold(a.testOffer));
    expect(fold(result)).toContain(fold(t.common.leftBehind("sns:CreateTopic(Name=rootlock-root-activity)")));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "skipped", reason: "declined", leftBehind: ["sns:CreateTopic(Name=rootlock-root-activity)"] });
    expect(done!.evidence.at(-1)!.read).toMatch(/^declined by the operator: sns:SetTopicAttributes\(TopicArn=.*not sent: it and the 9 call\(s\) after it$/);
    expect(account.writes().map((w) => w.call)).toEqual(["sns:CreateTopic"]);
    r.unmount();
  });

  it("the whole plan is listed at its first call, and a approves it at once", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await toThePlan(r);
    const plan = await r.waitFor(t.common.approveAll(11));
    for (const call of ["sns:CreateTopic", "sns:Subscribe", "cloudtrail:StartLogging", "11. events:PutTargets"]) expect(plan).toContain(call);
    await r.press("a");
    await r.waitFor(a.confirmTitle(EMAIL));
    expect(account.writes()).toHaveLength(11);
    await r.press("m");
    await r.waitFor(a.verified);
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified" });
    r.unmount();
  });

  it("the test message's lost answer says a message may already be on its way (nothing reads a publish back), and r sends it again", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await toTheResult(r);
    const published = () => account.writes().filter((w) => w.call === "sns:Publish").length;

    // Its answer lost on the way back: the mailbox is where to look, not the account.
    account.failNext("sns:Publish", "NetworkError");
    await r.press("t");
    await r.waitFor(t.common.confirmTitle);
    await r.press(KEYS.enter);
    const lost = await r.waitFor(a.testMayHaveBeenSent(EMAIL));
    expect(fold(lost)).not.toContain(fold(t.common.outcomeUnknown));
    expect(fold(lost)).not.toContain(fold(a.testSent("").slice(0, 12)));
    expect(fold(lost)).toContain(fold(t.common.retryKeys));
    await r.press("r");
    await r.waitFor(a.testSent("").slice(0, 12));
    expect(published()).toBe(1);
    expect(standIn.alertInbox().filter((m) => m.to === EMAIL)).toHaveLength(1);

    // A refusal is no lost answer: AWS's own words, and no claim of a message sent.
    const { ctx: ctx2, account: account2, standIn: standIn2 } = await simulatedWorld("new-account");
    r.unmount();
    const r2 = renderIn(lang, <AlertsScreen ctx={ctx2} onDone={() => {}} onBack={() => {}} />, { standIn: standIn2 });
    await toTheResult(r2);
    account2.failNext("sns:Publish", "AccessDenied");
    await r2.press("t");
    await r2.waitFor(t.common.confirmTitle);
    await r2.press(KEYS.enter);
    const refused = await r2.waitFor(t.errors.AccessDenied("sns:Publish"));
    expect(fold(refused)).not.toContain(fold(a.testMayHaveBeenSent(EMAIL)));
    expect(fold(refused)).not.toContain(fold(a.testSent("").slice(0, 12)));
    // s stops: the result offers the test again, and the step ends as it was.
    await r2.press("s");
    await r2.waitFor(a.testOffer.slice(0, 12));
    expect(done).toBeUndefined();
    r2.unmount();
  }, 20_000);

  it("can be skipped from its first screen: optional, and recorded as skipped", async () => {
    const { ctx, account, standIn } = await simulatedWorld("new-account");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.introKeys);
    await r.press("s");
    expect(done).toMatchObject({ state: "skipped", reason: "operator-skipped" });
    expect(account.writes()).toEqual([]);
    r.unmount();
  });
});

describe.each(["en", "ko"] as const)("the fire drill after the sign-in test (%s)", (lang) => {
  const t = messages(lang);
  it("asks whether the alert email arrived and hands the operator's answer on in its verdict", async () => {
    const { ctx, standIn } = await simulatedWorld("clean");
    let done: Verdict | undefined;
    const r = renderIn(lang, <SigninScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} drill={[{ kind: "email" }]} />, { standIn });
    await r.waitFor(t.signin.start);
    await r.press(KEYS.enter);
    await r.waitFor(t.signin.openStandIn);
    await r.press("c");
    await r.waitFor(t.standIn.signin.title);
    await r.type((await standIn.trainingCode())!);
    await r.press(KEYS.enter);
    await r.waitFor(t.standIn.signin.success);
    await r.press(KEYS.esc);
    await r.waitFor(t.signin.drillQuestion.slice(0, 15));
    await r.press("y");
    await r.waitFor(t.signin.drillRecorded(true).slice(0, 15));
    await r.press(KEYS.enter);
    // The alerts step's evidence takes it when the shell records this verdict (registry.ts `recordVerdict`).
    expect(done?.state).toBe("verified");
    expect(done?.handoff?.drillAnswers?.[0]?.arrived).toBe(true);
    r.unmount();
  });
});
