// The alerts screen with a webhook instead of an email, in both languages (issue 16): the URL refused when it is
// not HTTPS, shown as dots while typed and masked after, every change confirmed, the test message through the same
// path with the operator asked whether it arrived, the simulated channel showing it, and the URL in no frame at all.
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { AlertsScreen } from "../../src/screens/AlertsScreen.js";
import type { Verdict } from "../../src/steps/types.js";
import { webhookRef } from "../../src/aws/webhook.js";
import { inspectAlerts, planAlerts } from "../../src/steps/alerts.js";
import { applyWebhookAction } from "../../src/steps/webhook-alerts.js";
import { fold, KEYS, plain, renderIn, simulatedWorld } from "../helpers/ink.js";

const URL_A = "https://hooks.slack.com/services/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";
const MASK = "https://hooks.slack.com/…/AAAa";

describe.each(["en", "ko"] as const)("AlertsScreen with a webhook (%s)", (lang) => {
  const t = messages(lang);
  const a = t.alerts;

  it("instead of the email: refuses http, masks the URL, sets up the route, sends the test and records the answer", async () => {
    const { ctx, account, standIn } = await simulatedWorld("clean");
    let done: Verdict | undefined;
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={(v) => (done = v)} onBack={() => {}} />, { standIn });
    await r.waitFor(a.introKeys);
    await r.press(KEYS.enter);
    await r.waitFor(a.emailOptionalHint);
    await r.press(KEYS.enter);
    await r.waitFor(a.webhookChoice(undefined));
    // Neither an address nor a webhook: nowhere to send the alerts.
    await r.press(KEYS.enter);
    await r.waitFor(a.needRoute);

    await r.press("w");
    await r.waitFor(a.webhookLabel);
    await r.type("http://hooks.slack.com/x");
    await r.press(KEYS.enter);
    await r.waitFor(a.badWebhook["not-https"]);
    for (let i = 0; i < "http://hooks.slack.com/x".length; i++) await r.press(KEYS.backspace);
    await r.type(URL_A);
    expect(r.frame()).toContain("•".repeat(20));
    await r.press(KEYS.enter);
    await r.waitFor(a.webhookChoice(MASK));
    await r.press(KEYS.enter);

    // 4 for the trail, 4 for the webhook's parts, a rule and its webhook target for each of 2 rules.
    for (let i = 1; i <= 12; i++) {
      const frame = await r.waitFor((f) => fold(f).includes(fold(t.common.progress(i, 12))) && f.includes(t.common.confirmTitle));
      if (frame.includes("InvocationEndpoint")) expect(fold(frame)).toContain(`InvocationEndpoint=${MASK}`);
      await r.press(KEYS.enter);
    }
    await r.waitFor(a.webhookTestOffer.slice(0, 12));
    expect(r.frame()).not.toContain(a.testOffer);

    await r.press("w");
    for (let i = 1; i <= 3; i++) {
      await r.waitFor((f) => fold(f).includes(fold(t.common.progress(i, 3))) && f.includes(t.common.confirmTitle));
      await r.press(KEYS.enter);
    }
    await r.waitFor(a.webhookTestQuestion(MASK));
    await r.waitFor(a.channel(1));
    expect(fold(r.frame())).toContain("rootlock test message for AWS account 123456789012");
    await r.press("y");
    await r.waitFor(a.webhookTestRecorded(true));
    await r.press(KEYS.enter);
    expect(done).toMatchObject({ state: "verified" });
    expect(done!.evidence.map((e) => e.read)).toContain(`the test message reached ${MASK} (confirmed by the operator)`);
    expect(account.writes().map((w) => w.call)).toContain("events:PutEvents");
    // The URL was typed, but no frame ever showed it, and the verdict does not hold it.
    expect(r.frames.map(plain).filter((f) => f.includes("s3cr3tT0ken"))).toEqual([]);
    expect(JSON.stringify(done)).not.toContain("s3cr3tT0ken");
  }, 30_000);

  /** On the hardened account, a webhook added beside its own alerts: connection and destination made, the role asked. */
  async function atTheRole() {
    const { ctx, account, standIn } = await simulatedWorld("hardened");
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />, { standIn });
    await r.waitFor(a.existingKeys.slice(0, 10));
    await r.press("a");
    await r.waitFor(a.emailOptionalHint);
    await r.press(KEYS.enter);
    await r.press("w");
    await r.waitFor(a.webhookLabel);
    await r.type(URL_A);
    await r.press(KEYS.enter);
    await r.waitFor(a.webhookChoice(MASK));
    await r.press(KEYS.enter);
    for (let i = 1; i <= 2; i++) {
      await r.waitFor((f) => fold(f).includes(fold(t.common.progress(i, 8))) && f.includes(t.common.confirmTitle));
      await r.press(KEYS.enter);
    }
    await r.waitFor((f) => f.includes("iam:CreateRole") && f.includes(t.common.confirmTitle));
    return { account, r };
  }

  it("given up half-way, the webhook's parts made so far are removed again", async () => {
    const { account, r } = await atTheRole();
    await r.press(KEYS.esc);
    await r.waitFor(a.webhookUndone);
    expect(await account.getConnection("rootlock-webhook")).toBeUndefined();
    expect(await account.getApiDestination("rootlock-webhook")).toBeUndefined();
    expect(account.writes().map((w) => w.call)).toEqual([
      "events:CreateConnection",
      "events:CreateApiDestination",
      "events:DeleteApiDestination",
      "events:DeleteConnection",
    ]);
  }, 30_000);

  it("quitting half-way (q, Ctrl-C) removes the webhook's parts sent so far", async () => {
    const { account, r } = await atTheRole();
    // What the shell does on q / Ctrl-C.
    expect(await r.ui.cleanups.runAll()).toEqual([]);
    r.unmount();
    expect(await account.getApiDestination("rootlock-webhook")).toBeUndefined();
    expect(await account.getConnection("rootlock-webhook")).toBeUndefined();
    expect(
      account
        .writes()
        .map((w) => w.call)
        .slice(-2),
    ).toEqual(["events:DeleteApiDestination", "events:DeleteConnection"]);
  }, 30_000);

  it("a later run names the webhook it finds, masked, and its state", async () => {
    const { ctx, standIn } = await simulatedWorld("clean");
    for (const action of planAlerts(await inspectAlerts(ctx), { webhook: webhookRef(URL_A), apiCalls: false, createTrail: true })) {
      await applyWebhookAction(ctx, action, () => URL_A);
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    const r = renderIn(lang, <AlertsScreen ctx={ctx} onDone={() => {}} onBack={() => {}} />, { standIn });
    await r.waitFor(a.webhookFound(MASK, "ACTIVE"));
    expect(r.frames.map(plain).filter((f) => f.includes("s3cr3tT0ken"))).toEqual([]);
  });
});
