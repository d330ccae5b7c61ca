// `check --demo` only reads: the demo's saved account is written once, as the process exits (simulated/saved.ts),
// and still holds what the reads changed (the last use of the key rootlock signs with), as before.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSavedState } from "../../src/aws/simulated/saved.js";
import { BUNDLE, childEnv, ROOT } from "../helpers/pty.js";

const state = mkdtempSync(join(tmpdir(), "rootlock-e2e-saves-"));
afterAll(() => rmSync(state, { recursive: true, force: true }));

describe("check --demo keeps the demo's account", () => {
  it("writes it on exit, with the key's last use from this run", () => {
    const check = () =>
      spawnSync(process.execPath, [BUNDLE, "check", "--demo", "--json"], { cwd: ROOT, env: childEnv({ XDG_STATE_HOME: state }), encoding: "utf8", input: "" });
    const file = join(state, "rootlock", "demo-new-account.json");
    const lastUse = () => Math.max(...loadSavedState(file, "new-account")!.users.flatMap((u) => u.keys.map((k) => k.lastUsed?.at.getTime() ?? 0)));
    // The first run generates the credential report (a change, written at once); the second only reads (the
    // report is less than 4 hours old): what it keeps is written by the exit alone.
    expect(check().status).toBe(1);
    const second = Date.now();
    expect(check().status).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lastUse()).toBeGreaterThanOrEqual(second);
  });
});
