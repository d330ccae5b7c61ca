// The operations table (src/aws/operations.ts): each write declared once, its secret kept out of everything that
// records it, and the journal and the dry run as generic wrappers over it.
import { describe, expect, it } from "vitest";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { JournalingAccount } from "../../src/aws/journal.js";
import { OPS, type OpName, PASSWORD_PLACEHOLDER, recorded, shownCall, write } from "../../src/aws/operations.js";
import { AWS_CALLS } from "../../src/aws/permissions.js";
import { SimulatedAccount } from "../../src/aws/simulated/index.js";
import { READ_BACKS } from "../../src/steps/read-backs.js";

const PASSWORD = "Xq7!correct-horse-battery-staple-42";

describe("the operations table", () => {
  it("names each AWS action once, and the permission list holds every one as a write", () => {
    const actions = Object.values(OPS).map((o) => o.action);
    // One action, one op — but for events:PutTargets, sent for the topic (putRuleTarget) and for the webhook
    // (putWebhookTarget, whose destination ARN the adapter reads at sending): one row, both uses.
    const shared = actions.filter((a, i) => actions.indexOf(a) !== i);
    expect(shared).toEqual(["events:PutTargets"]);
    expect(AWS_CALLS.find((c) => c.action === "events:PutTargets")?.usedBy).toBe(`${OPS.putRuleTarget.usedBy}; ${OPS.putWebhookTarget.usedBy}`);
    // Not a call but a permission the webhook's PutTargets needs (it passes the role).
    const writes = AWS_CALLS.filter((c) => c.access === "write" && c.action !== "iam:PassRole").map((c) => c.action);
    expect([...writes].sort()).toEqual([...new Set(actions)].sort());
  });

  it("declares a read-back (or says why there is none) for every op, under the same names", () => {
    expect(Object.keys(READ_BACKS).sort()).toEqual((Object.keys(OPS) as OpName[]).sort());
    expect(
      Object.entries(READ_BACKS)
        .filter(([, r]) => r === null)
        .map(([op]) => op),
    ).toEqual(["publish", "putTestEvent"]);
  });

  it("shows a placeholder where a secret goes, and records the call without it", () => {
    const profile = write("createLoginProfile", { userName: "alice", passwordResetRequired: true });
    expect(shownCall(profile)).toEqual({ call: "iam:CreateLoginProfile", params: { UserName: "alice", Password: PASSWORD_PLACEHOLDER, PasswordResetRequired: "true" } });
    expect(recorded(profile)).toEqual({ call: "iam:CreateLoginProfile", params: { UserName: "alice", PasswordResetRequired: "true" } });
    const enable = write("enableMfaDevice", { userName: "alice", serialNumber: "arn:aws:iam::123456789012:mfa/alice" });
    expect(shownCall(enable).params).toMatchObject({ AuthenticationCode1: "(first code)", AuthenticationCode2: "(next code)" });
    expect(recorded(enable).params).toEqual({ UserName: "alice", SerialNumber: "arn:aws:iam::123456789012:mfa/alice" });
  });

  it("the journal and the dry run record what the table shows, never the secret sent with it", async () => {
    const sim = new SimulatedAccount({ visibilityDelayMs: 0 });
    const journal = new JournalingAccount(sim);
    await journal.send({ op: "createUser", args: { userName: "alice" } });
    await journal.send({ op: "createLoginProfile", args: { userName: "alice", passwordResetRequired: true } }, { password: PASSWORD });
    expect(journal.entries.map((e) => [e.call, e.params, e.outcome])).toEqual([
      ["iam:CreateUser", { UserName: "alice" }, "sent"],
      ["iam:CreateLoginProfile", { UserName: "alice", PasswordResetRequired: "true" }, "sent"],
    ]);
    expect(await journal.getLoginProfile("alice")).toEqual({ passwordResetRequired: true });
    expect(JSON.stringify(journal.entries)).not.toContain(PASSWORD);

    const dry = new DryRunAccount(sim);
    await expect(dry.send({ op: "createLoginProfile", args: { userName: "bob", passwordResetRequired: true } }, { password: PASSWORD })).rejects.toThrow("dry run");
    expect(dry.recorded).toMatchObject([{ call: "iam:CreateLoginProfile", params: { UserName: "bob", PasswordResetRequired: "true" } }]);
    expect(JSON.stringify(dry.recorded)).not.toContain(PASSWORD);
    // Reads pass through both wrappers unchanged.
    expect(await dry.userExists("alice")).toBe(true);
    expect(await dry.userExists("bob")).toBe(false);
  });
});
