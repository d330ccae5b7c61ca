// The fire drill after the sign-in test names each route the alerts go to (issue 16): the address, the webhook's
// channel (masked, never the URL), one question each; the answers join the alerts step's evidence route by route,
// and the demo's simulated channel shows the sign-in's own message.
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { SigninScreen } from "../../src/screens/SigninScreen.js";
import { webhookRef } from "../../src/aws/webhook.js";
import { type AlertChoices, inspectAlerts, planAlerts, verifyAlerts } from "../../src/steps/alerts.js";
import { recordVerdict } from "../../src/steps/registry.js";
import { drillRoutes } from "../../src/steps/signin-test.js";
import type { Verdict } from "../../src/steps/types.js";
import { applyWebhookAction } from "../../src/steps/webhook-alerts.js";
import { fold, KEYS, plain, renderIn, simulatedWorld } from "../helpers/ink.js";

const URL_A = "https://hooks.slack.com/services/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";
const MASK = "https://hooks.slack.com/…/AAAa";
const EMAIL = "owner@example.com";

/** The alerts set up as the alerts step would (every change sent), read back: its verdict hands on the routes. */
async function alertsSetUp(choices: Omit<AlertChoices, "apiCalls" | "createTrail">) {
  const world = await simulatedWorld("clean");
  const all: AlertChoices = { ...choices, apiCalls: false, createTrail: true };
  const finding = await inspectAlerts(world.ctx);
  for (const action of planAlerts(finding, all)) await applyWebhookAction(world.ctx, action, () => URL_A);
  if (all.email) await world.standIn.confirmAlertEmail(all.email);
  const alerts = await verifyAlerts(world.ctx, finding, all);
  return { ...world, results: recordVerdict({}, "root-alerts", alerts) };
}

describe.each(["en", "ko"] as const)("the fire drill names where the alert goes (%s)", (lang) => {
  const t = messages(lang);
  const s = t.signin;

  async function signInWithDrill(world: Awaited<ReturnType<typeof alertsSetUp>>) {
    let done: Verdict | undefined;
    const r = renderIn(lang, <SigninScreen ctx={world.ctx} onDone={(v) => (done = v)} onBack={() => {}} drill={drillRoutes(world.results)} />, {
      standIn: world.standIn,
    });
    await r.waitFor(s.start);
    await r.press(KEYS.enter);
    await r.waitFor(s.openStandIn);
    await r.press("c");
    await r.waitFor(t.standIn.signin.title);
    await r.type((await world.standIn.trainingCode())!);
    await r.press(KEYS.enter);
    await r.waitFor(t.standIn.signin.success);
    await r.press(KEYS.esc);
    await r.waitFor(s.verified);
    return { r, done: () => done };
  }

  it("with the email and a webhook: asks about the address, then the channel (masked, with the sign-in's message); both answers join the evidence", async () => {
    const world = await alertsSetUp({ email: EMAIL, webhook: webhookRef(URL_A) });
    const { r, done } = await signInWithDrill(world);
    await r.waitFor(s.drillEmailAt(EMAIL));
    expect(fold(r.frame())).not.toContain(fold(s.drillQuestion));
    await r.press("y");
    await r.waitFor(s.drillRecorded(true).slice(0, 15));
    // The channel's question names the masked URL; the demo's channel shows the sign-in's own message.
    const frame = await r.waitFor((f) => fold(f).includes(fold(s.drillChannel(MASK))) && f.includes("ROOT CONSOLE SIGN-IN"));
    expect(fold(frame)).toContain(fold(t.alerts.channel(1)));
    await r.press("n");
    await r.waitFor((f) => fold(f).includes(fold(s.drillChannelRecorded(false, MASK))));
    await r.press(KEYS.enter);
    expect(done()?.handoff?.drillAnswers?.map((a) => [a.route.kind, a.arrived])).toEqual([
      ["email", true],
      ["webhook", false],
    ]);
    const alerts = recordVerdict(world.results, "root-signin", done()!)["root-alerts"]!;
    expect(alerts.evidence.filter((e) => e.source === "operator (after the sign-in test)").map((e) => e.read)).toEqual([
      `the root sign-in alert reached the alert email at ${EMAIL} (confirmed by the operator)`,
      `the root sign-in alert did not reach the channel of ${MASK} (reported by the operator)`,
    ]);
    expect(r.frames.map(plain).filter((f) => f.includes("s3cr3tT0ken"))).toEqual([]);
    r.unmount();
  });

  it("with a webhook alone: asks about the channel only, never about an email", async () => {
    const world = await alertsSetUp({ webhook: webhookRef(URL_A) });
    const { r, done } = await signInWithDrill(world);
    await r.waitFor((f) => fold(f).includes(fold(s.drillChannel(MASK))) && f.includes("ROOT CONSOLE SIGN-IN"));
    expect(fold(r.frame())).not.toContain(fold(s.inbox(0)));
    await r.press("y");
    await r.waitFor((f) => fold(f).includes(fold(s.drillChannelRecorded(true, MASK))));
    expect(r.frames.some((f) => fold(f).includes(fold(s.drillQuestion)))).toBe(false);
    await r.press(KEYS.enter);
    expect(done()?.handoff?.drillAnswers).toMatchObject([{ route: { kind: "webhook", mask: MASK }, arrived: true }]);
    r.unmount();
  });
});
