// The evidence report and the journal behind it: complete, and free of secrets by construction.
import { describe, expect, it } from "vitest";
import { DryRunAccount } from "../../src/aws/dry-run.js";
import { JournalingAccount } from "../../src/aws/journal.js";
import { SimulatedAccount } from "../../src/aws/simulated/index.js";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import { buildReport, renderMarkdown } from "../../src/steps/report.js";

describe("journal", () => {
  it("records each change with its request id, and never the seed or the codes", async () => {
    const account = new JournalingAccount(new SimulatedAccount({ visibilityDelayMs: 0 }));
    const device = await account.send({ op: "createVirtualMfaDevice", args: { name: "ops-admin" } });
    const step = timeStepOf(new Date());
    const codes = [codeAt(device.secret, step - 1), codeAt(device.secret, step)] as const;
    await account.send({ op: "enableMfaDevice", args: { userName: "ops-admin", serialNumber: device.serialNumber } }, { code1: codes[0], code2: codes[1] });
    await expect(account.send({ op: "deleteVirtualMfaDevice", args: { serialNumber: "arn:aws:iam::123456789012:mfa/nope" } })).rejects.toMatchObject({
      code: "NoSuchEntity",
    });
    expect(account.entries.map((e) => `${e.call} ${e.outcome}`)).toEqual([
      "iam:CreateVirtualMFADevice sent",
      "iam:EnableMFADevice sent",
      "iam:DeleteVirtualMFADevice failed: NoSuchEntity",
    ]);
    expect(account.entries[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const text = JSON.stringify(account.entries);
    for (const secret of [device.secret, ...codes]) expect(text).not.toContain(secret);
  });

  it("records a dry run's writes as not sent", async () => {
    const account = new JournalingAccount(new DryRunAccount(new SimulatedAccount({ scenario: "root-key" })));
    await expect(account.send({ op: "deleteRootAccessKey", args: { keyId: "AKIA4ROOTKEYNEVERUSD" } })).rejects.toThrow("dry run");
    expect(account.entries).toMatchObject([{ call: "iam:DeleteAccessKey", params: { AccessKeyId: "AKIA4ROOTKEYNEVERUSD" }, outcome: "not-sent (dry run)" }]);
  });
});

describe("report", () => {
  it("names the run, each control with its ids and evidence, every change, and what is not verified", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    const report = buildReport({
      version: "0.1.0",
      mode: "live",
      simulated: false,
      caller: { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/ops-admin", kind: "iam-user", userName: "ops-admin" },
      startedAt: at,
      endedAt: new Date(at.getTime() + 60_000),
      ending: "quit",
      results: {
        "root-access-keys": { state: "verified", reason: "read-back-confirms", evidence: [{ source: "iam:GetAccountSummary", read: "AccountAccessKeysPresent=0", at }] },
        "root-mfa": { state: "unverified", reason: "not-visible-yet", evidence: [] },
      },
      changes: [{ call: "iam:DeleteVirtualMFADevice", params: { SerialNumber: "arn:aws:iam::123456789012:mfa/x" }, at, outcome: "sent", requestId: "req-1" }],
      leftBehind: [],
    });
    // The steps the run never reached are "not reached", not the operator's skip.
    expect(report.notVerified).toEqual([
      { control: "root-mfa", state: "unverified", reason: "not-visible-yet" },
      { control: "operator-mfa", state: "skipped", reason: "not-reached" },
      { control: "password-policy", state: "skipped", reason: "not-reached" },
      { control: "admin-identity", state: "skipped", reason: "not-reached" },
      { control: "root-alerts", state: "skipped", reason: "not-reached" },
      { control: "root-signin", state: "skipped", reason: "not-reached" },
    ]);
    const md = renderMarkdown(report);
    expect(md).toContain("| root-access-keys | 1.4 | IAM.4 | verified | read-back-confirms |");
    expect(md).toContain("iam:GetAccountSummary: AccountAccessKeysPresent=0");
    expect(md).toContain("| 2026-11-22T10:00:00.000Z | iam:DeleteVirtualMFADevice | SerialNumber=arn:aws:iam::123456789012:mfa/x | sent | req-1 |");
    expect(md).toContain("quit by the operator before the end");
  });

  it("for `rootlock alerts`, holds the alerts control alone, with the operator's fire-drill answer as theirs", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    const report = buildReport({
      version: "0.1.0",
      mode: "simulated",
      simulated: true,
      startedAt: at,
      endedAt: at,
      ending: "finished",
      results: {
        "root-alerts": {
          state: "unverified",
          reason: "subscription-pending",
          evidence: [{ source: "operator (after the sign-in test)", read: "no alert email arrived (reported by the operator)", at }],
        },
      },
      changes: [],
      leftBehind: [],
      controls: ["root-alerts"],
    });
    expect(report.controls.map((c) => [c.control, c.cis, c.securityHub, c.state])).toEqual([["root-alerts", "4.3", "—", "unverified"]]);
    expect(renderMarkdown(report)).toContain("- root-alerts: unverified — subscription-pending");
  });

  it("lists what a declined plan left in the account, and what an undo could not remove", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    const report = buildReport({
      version: "0.1.0",
      mode: "simulated",
      simulated: true,
      startedAt: at,
      endedAt: at,
      ending: "finished",
      results: {
        "root-alerts": {
          state: "skipped",
          reason: "declined",
          evidence: [{ source: "rootlock", read: "declined by the operator: sns:SetTopicAttributes(TopicArn=arn:aws:sns:us-east-1:123456789012:t, …)", at }],
          leftBehind: ["sns:CreateTopic(Name=t)"],
        },
      },
      changes: [],
      leftBehind: ["arn:aws:iam::123456789012:mfa/ops-admin"],
      controls: ["root-alerts"],
    });
    expect(report.leftBehind).toEqual(["sns:CreateTopic(Name=t)", "arn:aws:iam::123456789012:mfa/ops-admin"]);
    const md = renderMarkdown(report);
    expect(md).toContain("| root-alerts | 4.3 | — (CloudWatch.1, related) | skipped | declined |");
    expect(md).toContain("## Left behind in the account\n\n- sns:CreateTopic(Name=t)");
  });
});
