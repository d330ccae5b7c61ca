// The demo remembers, end to end in a pty: a run quit half-way with q, and the next `rootlock --demo` finds the
// simulated account as it was left (the root keys' step already done); `--demo --reset` starts over; the saved
// file is the user's alone (0600) and lives in the state folder, never in the working folder.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes.js";
import { en as t } from "../../src/i18n/en.js";
import { spawnRootlock } from "../helpers/pty.js";

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `rootlock-e2e-${name}-`));
  made.push(d);
  return d;
};

describe("the demo remembers", () => {
  it("finds the account as a run quit half-way left it; --reset starts over; the file is 0600, outside the working folder", async () => {
    const state = folder("state");
    const cwd = folder("cwd");
    const run = (args: string[]) => spawnRootlock(args, { cols: 110, rows: 52, cwd, env: { XDG_STATE_HOME: state } });

    // First run: root's keys deactivated and deleted in the console stand-in, then q.
    const first = run(["--demo"]);
    await first.waitFor(t.preflight.plan);
    first.press("enter");
    await first.waitFor(t.rootKeys.consoleIntro);
    first.write("c");
    const keysPage = await first.waitFor(/AKIA[A-Z0-9]{16}[\s\S]*AKIA[A-Z0-9]{16}/);
    const ids = [...keysPage.matchAll(/\b(AKIA[A-Z0-9]{16})\b/g)].map((m) => m[1]!);
    for (const id of ids) {
      first.write("d");
      await first.waitFor(new RegExp(`${id} Inactive`));
      first.write("x");
      await first.waitFor(t.standIn.keys.deleteConfirm(id));
      first.write(id);
      first.press("enter");
      await first.waitFor((screen: string) => !screen.includes(id));
    }
    first.press("esc");
    await first.waitFor(t.rootKeys.consoleIntro);
    first.write("q");
    expect((await first.waitForExit()).exitCode).toBe(EXIT.quit);

    const file = join(state, "rootlock", "demo-new-account.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Only the evidence reports in the working folder: the account is not kept there.
    expect(readdirSync(cwd).every((f) => /\.(md|json)$/.test(f) && !f.startsWith("demo-"))).toBe(true);

    // Second run: the keys are gone, so the step says so; and the run says it carries on.
    const second = run(["--demo"]);
    await second.waitFor(t.app.demoResumed);
    await second.waitFor(t.preflight.plan);
    second.press("enter");
    await second.waitFor(t.rootKeys.none, 15_000);
    second.write("q");
    await second.waitForExit();

    // --reset: the scenario from the start, root's keys back.
    const third = run(["--demo", "--reset"]);
    await third.waitFor(t.preflight.plan);
    expect(third.screen()).not.toContain(t.app.demoResumed);
    third.press("enter");
    await third.waitFor(t.rootKeys.consoleIntro);
    third.write("q");
    await third.waitForExit();
  });
});
