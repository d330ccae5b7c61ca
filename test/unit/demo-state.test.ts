// The demo remembers (src/aws/simulated/saved.ts): the simulated account kept in a file between runs, as the
// last run left it, read back equal; the file is the user's alone; --reset's deletion starts the scenario over.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openAccount, type Target } from "../../src/aws/open-account.js";
import { demoStateFile, forgetSavedState, loadSavedState, parseState, savePutOff, serializeState, stateFolder } from "../../src/aws/simulated/saved.js";
import { scenario } from "../../src/aws/simulated/scenarios.js";
import { codeFor } from "../../src/lib/totp.js";

const folders: string[] = [];
afterEach(() => {
  // A key's use is saved on exit: write it now, before its folder goes, or the exit would make the folder again.
  savePutOff();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
/** A state folder of the test's own, one level down so that its creation (mode 0700) is tested too. */
function freshFile(name: Parameters<typeof demoStateFile>[0] = "new-account"): string {
  const root = mkdtempSync(join(tmpdir(), "rootlock-demo-state-"));
  folders.push(root);
  return demoStateFile(name, join(root, "rootlock"));
}
const target = (stateFile: string): Target => ({ kind: "simulated", scenario: "new-account", stateFile });

describe("the demo's saved account", () => {
  it("round-trips an account's data, its dates as dates", () => {
    const { state } = scenario("hardened", new Date("2026-01-05T10:00:00Z"));
    const back = parseState(serializeState("hardened", state, new Date()), "hardened");
    expect(back).toEqual(state);
    expect(back!.rootKeys.concat(back!.users.flatMap((u) => u.keys)).every((k) => k.createdAt instanceof Date)).toBe(true);
    expect(back!.signins[0]!.at).toBeInstanceOf(Date);
  });

  it("an account changed, then opened again from its file, is the account as it was left", async () => {
    const file = freshFile();
    const first = await openAccount(target(file), { audit: true });
    const console = first.standIn!;
    // Root's first key deactivated in the console, root's MFA enrolled there, a sign-in with it, and a write.
    await console.setAccessKeyStatus("AKIA4ROOTKEYS3APNE2X", "Inactive");
    const { secret } = await console.openMfaAssignment();
    const now = Date.now();
    await console.finishMfaAssignment("root-phone", secret, codeFor(secret, new Date(now - 30_000)), codeFor(secret, new Date(now)));
    expect(await console.signIn(codeFor(secret, new Date()))).toBe("success");
    await first.account.send({
      op: "updatePasswordPolicy",
      args: { policy: { ...(await first.account.getPasswordPolicy())!, minimumPasswordLength: 14, passwordReusePrevention: 24 } },
    });
    const report = await first.account.getRootCredentialReport();

    const saved = loadSavedState(file, "new-account");
    const second = await openAccount(target(file), { audit: true });
    expect(second.resumed).toBe(true);
    // Everything reads as it was left, at once (no visibility delay left over from the first run).
    expect((await second.standIn!.listAccessKeys()).find((k) => k.id === "AKIA4ROOTKEYS3APNE2X")?.status).toBe("Inactive");
    expect((await second.account.getRootSummary()).accountMfaEnabled).toBe(true);
    expect((await second.account.getPasswordPolicy())?.minimumPasswordLength).toBe(14);
    // The account's clock carries on: the credential report generated in the first run is the one AWS still
    // serves (at most one every 4 hours), and the enrolled device still signs root in (the trainee's phone has it).
    expect((await second.account.getRootCredentialReport()).generatedAt).toEqual(report.generatedAt);
    expect(await second.standIn!.signIn(codeFor(secret, new Date()))).toBe("success");
    expect(loadSavedState(file, "new-account")!.signins).toHaveLength(saved!.signins.length + 1);
  });

  it("keeps the file the user's alone: 0600, in a 0700 folder", async () => {
    const file = freshFile();
    const { standIn } = await openAccount(target(file), { audit: true });
    await standIn!.setAccessKeyStatus("AKIA4ROOTKEYS3APNE2X", "Inactive");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, "..")).mode & 0o777).toBe(0o700);
  });

  it("starts the scenario over once the file is deleted (--reset), or when it is not one it can read", async () => {
    const file = freshFile();
    const first = await openAccount(target(file), { audit: true });
    expect(first.resumed).toBe(false);
    await first.standIn!.setAccessKeyStatus("AKIA4ROOTKEYS3APNE2X", "Inactive");
    forgetSavedState(file);
    const reset = await openAccount(target(file), { audit: true });
    expect(reset.resumed).toBe(false);
    expect((await reset.standIn!.listAccessKeys()).every((k) => k.status === "Active")).toBe(true);

    writeFileSync(file, "{ half a file");
    const unreadable = await openAccount(target(file), { audit: true });
    expect(unreadable.resumed).toBe(false);
    await unreadable.standIn!.setAccessKeyStatus("AKIA4ROOTKEYS3APNE2X", "Inactive");
    expect(JSON.parse(readFileSync(file, "utf8")).format).toBe(1); // rewritten whole by the first change
    // Another scenario's file is not this one's account.
    expect(loadSavedState(file, "clean")).toBeUndefined();
  });

  it("lives in the user's state folder: XDG_STATE_HOME, else the platform's place", () => {
    expect(stateFolder({ XDG_STATE_HOME: "/x/state" }, "linux", "/home/a")).toBe("/x/state/rootlock");
    expect(stateFolder({}, "linux", "/home/a")).toBe("/home/a/.local/state/rootlock");
    expect(stateFolder({}, "darwin", "/Users/a")).toBe("/Users/a/Library/Application Support/rootlock");
    expect(demoStateFile("clean", "/s/rootlock")).toBe("/s/rootlock/demo-clean.json");
  });
});
