// `rootlock org`'s engine on the simulated organization: listing, readiness, the adaptive pool, the audit, the
// remediation and its read-back. A fake clock: sleeps advance it at once, so no test waits for real.
import { describe, expect, it } from "vitest";
import { memberId, SIM_MANAGEMENT_ID, SimulatedOrg, type SimulatedOrgOptions } from "../../src/aws/simulated/org.js";
import { holdsNothing } from "../../src/aws/org.js";
import { scpEffectOnRoot, protectiveScp } from "../../src/aws/scp.js";
import { DENY_ROOT_SCP, TASK_POLICY_ACTIONS } from "../../src/aws/simulated/org.js";
import { taskPolicyDocumentOf } from "../../src/aws/task-policy.js";
import { listAllAccounts, selectAccounts } from "../../src/steps/org/accounts.js";
import { auditAccounts } from "../../src/steps/org/audit.js";
import { AdaptiveLimit, runPool } from "../../src/steps/org/pool.js";
import { applyFix, readiness } from "../../src/steps/org/readiness.js";
import { deleteTaskDocument, planFor, plansFor, remediateAccounts } from "../../src/steps/org/remediate.js";
import { MAX_ATTEMPTS } from "../../src/steps/org/session.js";
import { guardRails } from "../../src/steps/org/guard-rails.js";
import type { OrgDeps } from "../../src/steps/org/types.js";

function world(options: SimulatedOrgOptions = {}): { org: SimulatedOrg; deps: OrgDeps; slept: number[] } {
  let t = Date.parse("2026-12-07T10:00:00Z");
  const slept: number[] = [];
  const now = () => new Date(t);
  const sleep = async (ms: number) => {
    slept.push(ms);
    t += ms;
  };
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const org = new SimulatedOrg({ now, sleep, ...options });
  return { org, deps: { org, now, sleep, random }, slept };
}

const n = (id: string) => Number(id) - 200000000000;

describe("the organization's accounts", () => {
  it("pages through ListAccounts at 20 a page, past an empty page that has a NextToken", async () => {
    const { org } = world();
    const accounts = await listAllAccounts(org);
    expect(accounts).toHaveLength(61);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(61);
    const pages = org.calls.filter((c) => c.action === "organizations:ListAccounts");
    expect(pages.length).toBe(5); // 20, empty, 20, 20, 1
  });

  it("selects by --accounts and --ou, and names the ids the organization does not have", async () => {
    const { org } = world();
    const picked = await selectAccounts(org, { accounts: [memberId(3), "999999999999"], ous: ["ou-sim0-restricted"] });
    expect(picked.accounts.map((a) => n(a.id))).toEqual([3, 58, 59, 60]);
    expect(picked.unknown).toEqual(["999999999999"]);
  });
});

describe("readiness", () => {
  it("names what is missing, offers the management account's fixes, and reads each back", async () => {
    const { deps } = world({ trustedAccess: false, features: [] });
    const before = await readiness(deps);
    expect(before.ready).toBe(false);
    expect(before.role).toBe("management");
    expect(before.missing.map((m) => m.what)).toEqual(["trusted-access", "RootCredentialsManagement", "RootSessions"]);
    const outcomes = [];
    for (const item of before.missing) outcomes.push(await applyFix(deps, item));
    expect(outcomes.map((o) => [o.call, o.verified])).toEqual([
      ["organizations:EnableAWSServiceAccess(ServicePrincipal=iam.amazonaws.com)", true],
      ["iam:EnableOrganizationsRootCredentialsManagement()", true],
      ["iam:EnableOrganizationsRootSessions()", true],
    ]);
    const after = await readiness(deps);
    expect(after.ready).toBe(true);
    expect(after.missing).toEqual([]);
  });

  it("a delegated administrator is told the management account must enable, and is offered no fix", async () => {
    const { deps } = world({ caller: "delegated-admin", features: ["RootCredentialsManagement"] });
    const r = await readiness(deps);
    expect(r.role).toBe("delegated-admin");
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual([{ what: "RootSessions", fixBy: "management-account" }]);
    // And AWS refuses it if tried anyway.
    const refused = await applyFix(deps, { what: "RootCredentialsManagement", fixBy: "management-account", fix: { op: "enableRootCredentialsManagement", args: {} } });
    expect(refused.failure?.code).toBe("CallerIsNotManagementAccount");
  });
});

describe("the adaptive pool", () => {
  it("halves once per window on throttling and grows by one after a window of successes", () => {
    const limit = new AdaptiveLimit();
    const a = limit.ticket();
    const b = limit.ticket();
    limit.throttled(a);
    limit.throttled(b); // started under the old size: says nothing new
    expect(limit.current).toBe(4);
    for (let i = 0; i < 4; i++) limit.succeeded();
    expect(limit.current).toBe(5);
    expect(limit.history).toEqual([8, 4, 5]);
  });

  it("never runs more than the limit at once, and stops starting work when asked", async () => {
    const limit = new AdaptiveLimit({ initial: 3 });
    let active = 0;
    let peak = 0;
    let done = 0;
    const run = await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      async (i) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setImmediate(r));
        active--;
        done++;
        return i;
      },
      limit,
      () => done >= 6,
    );
    expect(peak).toBe(3);
    expect(run.stopped).toBe(true);
    expect(run.results.filter((r) => r !== undefined).length).toBeLessThan(20);
    expect(run.results.filter((r) => r !== undefined).length).toBeGreaterThanOrEqual(6);
  });
});

describe("the audit", () => {
  it("gives every member a state, skips the management account and the suspended one, and names each failure", async () => {
    const { org, deps } = world();
    const accounts = await listAllAccounts(org);
    const run = await auditAccounts(deps, accounts, SIM_MANAGEMENT_ID);
    const byN = new Map(run.results.map((r) => [r.account.id === SIM_MANAGEMENT_ID ? 0 : n(r.account.id), r]));
    expect(run.results).toHaveLength(61);
    expect(byN.get(0)).toMatchObject({ state: "skipped", skip: "management" });
    expect(byN.get(45)).toMatchObject({ state: "skipped", skip: "not-active" });
    expect(byN.get(52)?.failure).toMatchObject({ reason: "region-disabled", code: "RegionDisabled", action: "sts:AssumeRoot" });
    for (const k of [58, 59, 60]) {
      const f = byN.get(k)?.failure;
      expect(f).toMatchObject({ reason: "scp", code: "AccessDenied", action: "iam:GetLoginProfile" });
      expect(f?.scps).toEqual([expect.objectContaining({ name: "DenyRootUser", effect: "blocks-assume-root", document: DENY_ROOT_SCP })]);
    }
    // Account 30's first session expired before use: minted again once, then audited.
    expect(byN.get(30)?.state).not.toBe("failed");
    expect(byN.get(30)?.evidence.some((e) => e.result.startsWith("ExpiredToken"))).toBe(true);
    const holds = (k: number) => k % 5 === 0 || k % 7 === 0 || k % 9 === 0 || k % 11 === 0 || k % 13 === 0;
    for (let k = 1; k <= 57; k++) {
      if (k === 45 || k === 52) continue;
      expect(byN.get(k)?.state, `account ${k}`).toBe(holds(k) ? "holds" : "credential-less");
    }
    expect(byN.get(14)?.credentials?.accessKeys.map((key) => key.status)).toEqual(["Active", "Inactive"]);
    // Every session: the audit policy, a short duration, never the management account.
    const sessions = org.calls.filter((c) => c.action === "sts:AssumeRoot");
    expect(sessions.every((c) => c.task === "IAMAuditRootUserCredentials" && (c.durationSeconds ?? 901) <= 900)).toBe(true);
    expect(sessions.some((c) => c.accountId === SIM_MANAGEMENT_ID)).toBe(false);
  });

  it("adapts to throttling: the pool halves, calls are retried with backoff, and every account is still audited", async () => {
    const { org, deps, slept } = world({ assumeRootPerSecond: 3 });
    const run = await auditAccounts(deps, await listAllAccounts(org), SIM_MANAGEMENT_ID);
    expect(run.results.filter((r) => r.failure?.reason === "throttled")).toEqual([]);
    expect(run.poolSizes[1]).toBe(4);
    expect(Math.min(...run.poolSizes)).toBeLessThan(4);
    expect(run.results.reduce((s, r) => s + r.retries, 0)).toBeGreaterThan(0);
    expect(slept.length).toBeGreaterThan(0);
    expect(new Set(slept).size).toBeGreaterThan(1); // jittered, not one fixed delay
  });

  it("names throttling after retries when AWS never lets a call through", async () => {
    const { org, deps } = world({ assumeRootPerSecond: 0 });
    const run = await auditAccounts(deps, [(await listAllAccounts(org))[1]!], SIM_MANAGEMENT_ID);
    expect(run.results[0]).toMatchObject({ state: "failed", failure: { reason: "throttled", code: "Throttling", action: "sts:AssumeRoot" } });
    expect(run.results[0]!.retries).toBe(MAX_ATTEMPTS - 1);
  });

  it("stops cleanly: nothing new starts once asked, and the accounts not started are named", async () => {
    const { org, deps } = world();
    let finished = 0;
    const run = await auditAccounts(deps, await listAllAccounts(org), SIM_MANAGEMENT_ID, { onResult: () => finished++, stopped: () => finished >= 10 });
    expect(run.results.length).toBeGreaterThanOrEqual(10);
    expect(run.results.length + run.notStarted.length).toBe(61);
    expect(run.notStarted.length).toBeGreaterThan(0);
  });
});

describe("remediation", () => {
  it("plans the exact deletions, deletes a virtual MFA device only where the task policy's document allows it on the device", () => {
    const creds = {
      password: true,
      accessKeys: [{ id: "AKIA1", status: "Active" as const, createdAt: new Date(0) }],
      certificates: [{ id: "CERT1", status: "Active" as const }],
      mfaDevices: [
        { serialNumber: "arn:aws:iam::200000000009:mfa/root-account-mfa-device", virtual: true },
        { serialNumber: "GAHT1", virtual: false },
      ],
    };
    const anyResource = JSON.stringify({ Statement: [{ Effect: "Deny", NotAction: TASK_POLICY_ACTIONS.IAMDeleteRootUserCredentials, Resource: "*" }] });
    expect(planFor(creds, anyResource).map((w) => w.op)).toEqual([
      "deleteAccessKey",
      "deleteSigningCertificate",
      "deactivateMfaDevice",
      "deleteVirtualMfaDevice",
      "deactivateMfaDevice",
      "deleteLoginProfile",
    ]);
    // AWS's own document denies the listed actions on any resource but root's: not on the device's ARN.
    const awsDocument = taskPolicyDocumentOf(TASK_POLICY_ACTIONS.IAMDeleteRootUserCredentials);
    expect(planFor(creds, awsDocument).map((w) => w.op)).toEqual([
      "deleteAccessKey",
      "deleteSigningCertificate",
      "deactivateMfaDevice",
      "deactivateMfaDevice",
      "deleteLoginProfile",
    ]);
  });

  it("removes every credential, reads each account back with the audit policy, and calls it verified only then", async () => {
    const { org, deps } = world();
    const audit = await auditAccounts(deps, await listAllAccounts(org), SIM_MANAGEMENT_ID);
    const plans = plansFor(audit.results, await deleteTaskDocument(deps));
    expect(plans.length).toBeGreaterThan(10);
    // One key already gone (deleted by someone else since the audit): NoSuchEntity is "already gone".
    const seven = org.accounts.find((a) => n(a.id) === 7)!;
    seven.root.keys = [];
    const run = await remediateAccounts(deps, plans);
    expect(run.results.every((r) => r.state === "verified")).toBe(true);
    expect(run.results.find((r) => n(r.account.id) === 7)?.evidence.find((e) => e.kind === "write")?.result).toBe("already gone (NoSuchEntity)");
    for (const p of plans) {
      const root = org.accounts.find((a) => a.id === p.result.account.id)!.root;
      expect(holdsNothing({ password: root.password, accessKeys: root.keys, mfaDevices: root.mfa, certificates: root.certificates })).toBe(true);
      // Deactivated, unassigned, kept: the task policy does not allow deleting it (no one can sign in with it).
      expect(root.virtualDevices.size).toBe(n(p.result.account.id) % 9 === 0 ? 1 : 0);
    }
    const deletes = org.calls.filter((c) => c.action === "sts:AssumeRoot" && c.task === "IAMDeleteRootUserCredentials");
    expect(new Set(deletes.map((c) => c.accountId)).size).toBe(plans.length);
    const r18 = run.results.find((r) => n(r.account.id) === 18)!;
    expect(r18.evidence.map((e) => e.kind)).toEqual(["read", "read", "read", "write", "read", "read-back"]);
  });

  it("is not verified when the read-back still shows a credential", async () => {
    const { org, deps } = world();
    const audit = await auditAccounts(deps, await listAllAccounts(org), SIM_MANAGEMENT_ID);
    const plans = plansFor(audit.results, await deleteTaskDocument(deps)).filter((p) => n(p.result.account.id) === 5);
    // The plan misses a key created after the audit.
    org.accounts.find((a) => n(a.id) === 5)!.root.keys.push({ id: "AKIANEW", status: "Active", createdAt: new Date() });
    const run = await remediateAccounts(deps, plans);
    expect(run.results[0]).toMatchObject({ state: "still-holds" });
    expect(run.results[0]!.credentials?.accessKeys.map((k) => k.id)).toEqual(["AKIANEW"]);
  });
});

describe("SCPs and member roots", () => {
  it("guard rails: counts the accounts under an SCP that protects member roots (Production's), and skips none audited", async () => {
    const { org, deps } = world();
    const audit = await auditAccounts(deps, await listAllAccounts(org), SIM_MANAGEMENT_ID);
    const rails = await guardRails(deps, audit.results);
    expect(rails.checked).toBe(59);
    expect(rails.protectedAccounts).toEqual(Array.from({ length: 24 }, (_, i) => memberId(i + 1)));
    expect(rails.unreadable).toEqual([]);
  });

  it("tells an SCP that protects member roots from one that blocks AssumeRoot's work", () => {
    expect(scpEffectOnRoot(JSON.stringify(protectiveScp()), "200000000001")).toBe("protects");
    expect(scpEffectOnRoot(DENY_ROOT_SCP, "200000000001")).toBe("blocks-assume-root");
    expect(scpEffectOnRoot(JSON.stringify({ Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] }), "200000000001")).toBe("neutral");
    const other = { Statement: [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }] };
    expect(scpEffectOnRoot(JSON.stringify(other), "200000000001")).toBe("unknown");
  });
});
