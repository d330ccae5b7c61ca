// `rootlock org`'s engine through the real adapter (src/aws/live/org.ts) and the real SDK against the launcher's
// AWS Organizations and centralized root access (launcher_org.py): 250 member accounts, moto's state read after
// the remediation, an SCP's denial named with its document, throttled AssumeRoot, and readiness fixed and read back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LiveOrg } from "../../src/aws/live/org.js";
import { selectAccounts } from "../../src/steps/org/accounts.js";
import { auditAccounts } from "../../src/steps/org/audit.js";
import { applyFix, readiness } from "../../src/steps/org/readiness.js";
import { deleteTaskDocument, plansFor, remediateAccounts } from "../../src/steps/org/remediate.js";
import type { OrgDeps } from "../../src/steps/org/types.js";
import { systemNow, systemSleep } from "../../src/lib/clock.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { credentialsOf, IAM_PRINCIPAL, type OrgWorld, orgWorld, type SeededOrg } from "../helpers/org-world.js";

const available = requireMoto("the rootlock org integration tests");
const REGION = "eu-west-1";

describe.runIf(available)("rootlock org against the launcher, through the real SDK", () => {
  let moto: MotoServer;
  let world: OrgWorld;
  let savedEndpoint: string | undefined;

  const depsFor = (org: SeededOrg): OrgDeps => ({
    org: new LiveOrg({ region: REGION, credentials: credentialsOf(org.management), maxAttempts: 1 }),
    now: systemNow,
    sleep: systemSleep,
    random: Math.random,
  });

  beforeAll(async () => {
    moto = await startMoto();
    world = orgWorld(moto);
    savedEndpoint = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
  });
  beforeEach(async () => moto.reset());
  afterAll(async () => {
    if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = savedEndpoint;
    await moto?.stop();
  });

  it("audits 250 member accounts, names an SCP's denial, removes every root credential and moto shows none after", { timeout: 180_000 }, async () => {
    const org = await world.seed({
      ous: ["Prod", "Sandbox"],
      accounts: Array.from({ length: 250 }, (_, i) => ({ ou: i >= 245 ? "Sandbox" : "Prod", state: i === 100 ? ("SUSPENDED" as const) : ("ACTIVE" as const) })),
      trusted_access: [IAM_PRINCIPAL],
      features: ["RootCredentialsManagement", "RootSessions"],
    });
    await world.emptyPageEvery(3);
    // Every 10th account's root holds one of everything; every 25th only a password.
    const holders = org.accounts.filter((_, i) => i < 245 && i !== 100 && (i % 10 === 0 || i % 25 === 0));
    for (const [i, a] of org.accounts.entries()) {
      if (i >= 245 || i === 100) continue;
      if (i % 10 === 0)
        await world.giveRoot(a.id, {
          password: true,
          access_keys: [{ status: "Active", last_used: { date: "2026-11-01T10:00:00Z", service: "s3", region: "us-east-1" } }, { status: "Inactive" }],
          mfa: [{ type: "virtual" }, { type: "hardware" }],
          signing_certificates: [{}],
        });
      else if (i % 25 === 0) await world.giveRoot(a.id, { password: true });
    }
    const scp = await world.attachScp({ target: "Sandbox", name: "DenyRootUser", deny: ["*"], root_only: true });

    const deps = depsFor(org);
    const ready = await readiness(deps);
    expect(ready).toMatchObject({ ready: true, role: "management", missing: [] });
    const selected = await selectAccounts(deps.org, {});
    expect(selected.accounts).toHaveLength(251);
    const audit = await auditAccounts(deps, selected.accounts, org.management.id);
    const state = (id: string) => audit.results.find((r) => r.account.id === id);
    expect(state(org.management.id)).toMatchObject({ state: "skipped", skip: "management" });
    expect(state(org.accounts[100]!.id)).toMatchObject({ state: "skipped", skip: "not-active" });
    for (const a of org.accounts.slice(245)) {
      const failure = state(a.id)?.failure;
      expect(failure).toMatchObject({ reason: "scp", code: "AccessDenied" });
      // AWS attaches FullAWSAccess everywhere by default: shown too, as "does not concern the root user".
      expect(failure?.scps).toContainEqual(expect.objectContaining({ id: scp.policy_id, name: "DenyRootUser", effect: "blocks-assume-root" }));
      expect(failure?.scps?.find((p) => p.id === scp.policy_id)?.document).toContain("arn:aws:iam::*:root");
    }
    expect(
      audit.results
        .filter((r) => r.state === "holds")
        .map((r) => r.account.id)
        .sort(),
    ).toEqual(holders.map((a) => a.id).sort());
    const tenth = state(org.accounts[10]!.id)!;
    expect(tenth.credentials).toMatchObject({ password: true });
    expect(tenth.credentials?.accessKeys.map((k) => [k.status, k.lastUsed?.service])).toEqual([
      ["Active", "s3"],
      ["Inactive", undefined],
    ]);
    expect(tenth.credentials?.mfaDevices.map((d) => d.virtual).sort()).toEqual([false, true]);
    expect(audit.results.filter((r) => r.state === "credential-less")).toHaveLength(251 - 2 - 5 - holders.length);

    const plans = plansFor(audit.results, await deleteTaskDocument(deps));
    // AWS's IAMDeleteRootUserCredentials (moto's copy) denies DeleteVirtualMFADevice on a device's ARN: not planned.
    expect(plans[0]!.writes.map((w) => w.op)).toEqual([
      "deleteAccessKey",
      "deleteAccessKey",
      "deleteSigningCertificate",
      "deactivateMfaDevice",
      "deactivateMfaDevice",
      "deleteLoginProfile",
    ]);
    const done = await remediateAccounts(deps, plans);
    expect(
      done.results.map((r) => r.state),
      JSON.stringify(done.results.find((r) => r.state === "failed")),
    ).toEqual(holders.map(() => "verified"));
    for (const a of holders) {
      const root = await world.rootOf(a.id);
      expect({ ...root, mfa_devices: root.mfa_devices.filter((d) => d.enabled) }, a.id).toEqual({
        login_profile: null,
        access_keys: [],
        mfa_devices: [],
        signing_certificates: [],
      });
    }
    // Every session: a short duration, the task policy it needed, never the management account.
    const sessions = (await world.state()).sessions;
    expect(sessions.some((s) => s.account === org.management.id)).toBe(false);
    expect(new Set(sessions.map((s) => s.task_policy))).toEqual(new Set(["IAMAuditRootUserCredentials", "IAMDeleteRootUserCredentials"]));
  });

  it("throttled above 5 AssumeRoot calls a second, the pool halves and still audits every account", { timeout: 120_000 }, async () => {
    const org = await world.seed({ accounts: 40, trusted_access: [IAM_PRINCIPAL], features: ["RootCredentialsManagement", "RootSessions"] });
    await world.throttle(5);
    const deps = depsFor(org);
    const audit = await auditAccounts(deps, (await selectAccounts(deps.org, {})).accounts, org.management.id);
    expect(audit.results.filter((r) => r.state === "failed")).toEqual([]);
    expect(audit.results.filter((r) => r.state === "credential-less")).toHaveLength(40);
    expect(audit.poolSizes[1]).toBe(4);
    expect((await world.state()).assume_root.throttled).toBeGreaterThan(0);
  });

  it("readiness: names what is missing, sends each fix and reads it back; a disabled region is named per account", { timeout: 60_000 }, async () => {
    const org = await world.seed({ accounts: 2 });
    const deps = depsFor(org);
    const before = await readiness(deps);
    expect(before.missing.map((m) => m.what)).toEqual(["trusted-access", "RootCredentialsManagement", "RootSessions"]);
    for (const item of before.missing) expect(await applyFix(deps, item)).toMatchObject({ verified: true });
    expect((await readiness(deps)).ready).toBe(true);
    await world.disableRegions([REGION]);
    const audit = await auditAccounts(
      deps,
      [org.accounts[0]!].map((a) => ({ ...a, state: "ACTIVE" as const })),
      org.management.id,
    );
    expect(audit.results[0]).toMatchObject({ state: "failed", failure: { reason: "region-disabled", code: "RegionDisabled", action: "sts:AssumeRoot" } });
  });
});
