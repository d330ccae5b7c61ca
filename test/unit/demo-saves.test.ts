// When the demo's saved account is written (src/aws/simulated/saved.ts, `keptBetweenRuns`): a change at once, a
// key's use (every call, reads included) with the next change or when the process exits. The preflight and
// `check --demo` make a dozen reads on the way to their first output; they must not write the file a dozen times.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openAccount } from "../../src/aws/open-account.js";
import { demoStateFile, loadSavedState, savePutOff } from "../../src/aws/simulated/saved.js";

const folders: string[] = [];
afterEach(() => {
  savePutOff();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
function freshFile(): string {
  const root = mkdtempSync(join(tmpdir(), "rootlock-demo-saves-"));
  folders.push(root);
  return demoStateFile("new-account", join(root, "rootlock"));
}
/** The last use of the key the scenario's caller signs with (new-account: the admin user's), as saved. */
function savedLastUse(file: string): Date | undefined {
  const state = loadSavedState(file, "new-account");
  return state?.users.flatMap((u) => u.keys).find((k) => k.lastUsed && k.lastUsed.at.getTime() > Date.now() - 60_000)?.lastUsed?.at;
}

describe("the demo's saved account is written on changes, not on reads", () => {
  it("reads write nothing; their key's last use is written when the process exits", async () => {
    const file = freshFile();
    const started = new Date();
    const { account } = await openAccount({ kind: "simulated", scenario: "new-account", stateFile: file }, { audit: true });
    await Promise.all([account.getCaller(), account.getRootSummary(), account.getPasswordPolicy(), account.listVirtualMfaDevices("Any")]);
    expect(existsSync(file)).toBe(false);
    savePutOff(); // what the process's exit does
    expect(savedLastUse(file)!.getTime()).toBeGreaterThanOrEqual(started.getTime());
  });

  it("a change is written at once, with the last use of the reads before it", async () => {
    const file = freshFile();
    const started = new Date();
    const { account, standIn } = await openAccount({ kind: "simulated", scenario: "new-account", stateFile: file }, { audit: true });
    await account.getCaller();
    await standIn!.setAccessKeyStatus("AKIA4ROOTKEYS3APNE2X", "Inactive");
    expect(loadSavedState(file, "new-account")!.rootKeys.find((k) => k.id === "AKIA4ROOTKEYS3APNE2X")!.status).toBe("Inactive");
    expect(savedLastUse(file)!.getTime()).toBeGreaterThanOrEqual(started.getTime());
    // Nothing was left for the exit: the change wrote it.
    rmSync(file);
    savePutOff();
    expect(existsSync(file)).toBe(false);
  });
});
