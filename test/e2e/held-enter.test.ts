// A held Enter never confirms a write the operator did not see (src/screens/confirm-guard.ts): the built program in
// a real pty, `rootlock alerts` on the demo and live against the moto launcher. The operator holds Enter on the
// alerts' options (a terminal's auto-repeat: one "\r" a chunk, 30 ms apart after an initial delay) and it reaches
// the plan's first confirmation; piles of Enters arrive in one chunk; then the operator reads and confirms the first
// call, and holds Enter again on the second: that press confirms the second call, its repeats must not confirm the
// third. Esc then declines it. What was sent is read where it is recorded: the evidence report's journal of changes
// (both), and the launcher's list of the requests it served (live).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OPS } from "../../src/aws/operations.js";
import { en as t } from "../../src/i18n/en.js";
import { drive, sleep } from "../helpers/drivers.js";
import { type Key, liveEnv, liveWorld, setupClient } from "../helpers/live-world.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { type PtySession, spawnRootlock } from "../helpers/pty.js";

const fold = (text: string) => text.replace(/[│║]/g, " ").replace(/\s+/g, " ");
const says = (s: PtySession, text: string) => fold(s.screen()).includes(fold(text));

/** A held Enter as a terminal sends it: one "\r", then after `delayMs` one every 30 ms. */
async function holdEnter(s: PtySession, delayMs: number, repeats = 60) {
  s.write("\r");
  await sleep(delayMs);
  for (let i = 0; i < repeats; i++) {
    s.write("\r");
    await sleep(30);
  }
}

/** Enters typed faster than rootlock reads them: each chunk holds several. */
async function enterBursts(s: PtySession, chunks = 6) {
  for (let i = 0; i < chunks; i++) {
    s.write("\r\r\r\r");
    await sleep(80);
  }
}

/** The changes the evidence report's journal lists: "call outcome". */
function journal(cwd: string): string[] {
  const file = readdirSync(cwd).find((f) => /^rootlock-report-.*\.json$/.test(f));
  if (!file) throw new Error(`no JSON report in ${cwd}: ${readdirSync(cwd).join(", ")}`);
  const report = JSON.parse(readFileSync(join(cwd, file), "utf8"));
  return report.changes.map((c: { call: string; outcome: string }) => `${c.call} ${c.outcome}`);
}

/** The plan's first two calls, the only ones the operator confirms. */
const CONFIRMED = ["sns:CreateTopic", "sns:SetTopicAttributes"];

/**
 * From the preflight to the alerts' plan by a held Enter, and through it as described above; ends on the summary's
 * exit. `sent` (live only) says what reached AWS so far, checked at each point.
 */
async function holdThroughTheAlerts(s: PtySession, sent?: () => Promise<string[]>) {
  const w = drive(s, t);
  const sentSoFar = async (calls: string[]) => sent && expect(await sent()).toEqual(calls);
  await w.preflight.start();
  await w.next(t.alerts.introKeys);
  s.press("enter");
  await w.next(t.alerts.emailHint);
  await w.typeLine("owner@example.com");
  await w.next(t.alerts.apiChoice(false));

  // Held on the options, with a long initial delay (700 ms, above the panel's 300): its first Enter leads to the plan,
  // its repeats reach the plan's confirmation and are not taken.
  await holdEnter(s, 700);
  await w.next(t.common.planTitle(11));
  await sleep(400);
  expect(says(s, t.common.keyNotTaken)).toBe(true);
  await sentSoFar([]);
  // Piles of Enters, each in one chunk: not taken either.
  await enterBursts(s);
  await sleep(400);
  expect(says(s, t.common.planTitle(11))).toBe(true);
  await sentSoFar([]);

  // Read, then Enter: the first call goes out.
  await w.confirm();
  await w.next((sc) => fold(sc).includes(fold(t.common.progress(2, 11))) && sc.includes(t.common.confirmTitle));
  await sentSoFar(CONFIRMED.slice(0, 1));
  // The second call read, then Enter held: the press confirms it, its repeats (and the piles after them) do not
  // confirm the third call, whenever its panel comes.
  await sleep(500);
  await holdEnter(s, 300);
  await enterBursts(s);
  await w.next((sc) => fold(sc).includes(fold(t.common.progress(3, 11))) && sc.includes(t.common.confirmTitle));
  await sleep(600);
  expect(says(s, t.common.progress(3, 11))).toBe(true);
  await sentSoFar(CONFIRMED);

  // Esc declines the third: the step ends, the summary, and out.
  s.press("esc");
  await w.next(t.reasons.declined);
  s.press("enter");
  await w.next(t.app.keys.exit);
  s.press("enter");
  await s.waitForExit(15_000);
  await sentSoFar(CONFIRMED);
}

describe("a held Enter through the alerts' plan (demo)", () => {
  let cwd: string | undefined;
  afterEach(() => {
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it("sends only the calls confirmed on a panel seen: the journal lists the first two", async () => {
    cwd = mkdtempSync(join(tmpdir(), "rootlock-held-"));
    const s = spawnRootlock(["alerts", "--demo"], { cols: 110, rows: 52, cwd });
    await holdThroughTheAlerts(s);
    expect(journal(cwd)).toEqual(CONFIRMED.map((c) => `${c} sent`));
  }, 90_000);
});

const available = requireMoto("the held Enter's live walk");
describe.runIf(available)("a held Enter through the alerts' plan (live, against the moto launcher)", () => {
  let moto: MotoServer;
  let adminKey: Key;
  let cwd: string | undefined;
  beforeEach(async () => {
    moto = await startMoto();
    ({ adminKey } = await liveWorld(setupClient(moto)));
    await moto.clearRequests();
  }, 60_000);
  afterEach(async () => {
    await moto?.stop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it("AWS receives only the calls confirmed on a panel seen: the launcher served the first two writes, and the journal lists them", async () => {
    cwd = mkdtempSync(join(tmpdir(), "rootlock-held-live-"));
    const s = spawnRootlock(["alerts"], { cols: 110, rows: 52, cwd, env: liveEnv(moto, adminKey) });
    // Every request the launcher served that is one of rootlock's writes (the operations table's actions).
    const writes = new Set<string>(Object.values(OPS).map((o) => o.action));
    const sent = async () => (await moto.requests()).map((r) => `${r.service}:${r.action}`).filter((call) => writes.has(call));
    await holdThroughTheAlerts(s, sent);
    expect(journal(cwd)).toEqual(CONFIRMED.map((c) => `${c} sent`));
  }, 90_000);
});
