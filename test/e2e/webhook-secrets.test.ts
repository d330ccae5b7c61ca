// The webhook URL is a secret (issue 16): anyone holding it can post to the channel. `rootlock alerts --demo` driven
// in a real pty with a Slack webhook instead of an email, then the leak scanner (test/helpers/leak-scan.ts) looks
// for the URL — as is, URL-encoded, JSON-escaped, and its token alone — in the raw output once the field is left,
// the screen and the scrollback, every file the run could write (the report and the demo's saved account
// included), and the program's environment. Each search is first shown to find the URL where it was planted.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { en as t } from "../../src/i18n/en.js";
import { READ_MS } from "../helpers/drivers.js";
import { expectNoLeak, filesUnder, findIn, hasCursor, leavesScreen, type Run, type Secret, startRun } from "../helpers/leak-scan.js";

const URL_A = "https://hooks.slack.com/services/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";
const MASK = "https://hooks.slack.com/…/AAAa";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the webhook URL of a run on the simulated account", () => {
  let current: Run | undefined;
  afterEach(() => {
    if (current) rmSync(current.root, { recursive: true, force: true });
    current = undefined;
  });

  it("rootlock alerts --demo with a Slack webhook: the URL stays out of the terminal, the files and the environment", async () => {
    const run = (current = startRun(["alerts", "--demo", "--scenario", "clean"], {}));
    const { s } = run;
    const webhook: Secret = { kind: "webhook URL", value: URL_A, label: "the Slack webhook typed" };
    run.secrets.push(webhook);
    const next = async (text: string | RegExp) => {
      await s.waitFor(text, 30_000);
      await sleep(40);
    };

    await next(t.preflight.plan);
    s.press("enter");
    await next(t.alerts.introKeys);
    s.press("enter");
    await next(t.alerts.emailOptionalHint);
    await s.waitFor(() => hasCursor(s, t.alerts.emailLabel));
    s.press("enter");
    await next(t.alerts.webhookChoice(undefined));
    s.write("w");
    await s.waitFor(() => hasCursor(s, t.alerts.webhookLabel));
    await sleep(40);
    s.write(URL_A);
    await s.waitFor((screen) => screen.includes("•".repeat(URL_A.length)));
    // While typed it is dots; the raw output never held it: searched from the start.
    webhook.endedAt = 0;
    await expectNoLeak(run, "while the URL is in its field", { env: true });
    s.press("enter");
    webhook.endedAt = await leavesScreen(s, (screen) => screen.includes(t.alerts.webhookLabel), "the webhook field");
    await next(t.alerts.webhookChoice(MASK));
    s.press("enter");
    await next(t.common.confirmTitle);
    await sleep(READ_MS); // the plan read: a key sooner would not count
    s.write("a"); // yes to the whole plan
    await next(t.alerts.verifiedWebhook);
    await expectNoLeak(run, "after the setup", { env: true });

    // The test message, by the same path; the simulated channel shows it; the operator says it arrived.
    s.write("w");
    await next(t.common.confirmTitle);
    await sleep(READ_MS);
    s.write("a");
    await next(t.alerts.webhookTestQuestion(MASK));
    await next(t.alerts.channel(1));
    s.write("y");
    await next(t.alerts.webhookTestRecorded(true));
    s.press("enter");
    await next(t.summary.allVerified);
    await expectNoLeak(run, "on the summary", { env: true });

    // Controls: the file search and the report search find the URL where it is planted (its token alone too).
    const planted = join(run.root, "home", "planted.txt");
    writeFileSync(planted, `{"url":"${URL_A.replace(/\//g, "\\/")}"}`);
    const found = filesUnder(run.root).flatMap((f) => findIn(f.path, f.text, [webhook]));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((x) => !x.startsWith(planted))).toEqual([]);
    rmSync(planted);
    s.press("enter");
    expect((await s.waitForExit()).exitCode).toBe(0);
    const report = readFileSync(run.report, "utf8");
    expect(report).toContain(MASK);
    expect(findIn("report", report, [webhook])).toEqual([]);
    expect(findIn("report", `${report}\n…/s3cr3tT0kenAAAAAAAAAAAAa`, [webhook])).toHaveLength(1);
    await expectNoLeak(run, "after the run", { env: false });
  }, 120_000);
});
