// Member root sessions in flight at once never sign with each other's credentials (src/aws/live/iam-query.ts: one
// signer per session, one HTTP handler for all). Through the real adapter against the launcher, which knows the
// account of every session key it issued: its request log names, for each IAM request, the member account whose
// session key signed it (`root_session`), and for GetAccessKeyLastUsed the key asked about (`target`). Every root
// is seeded with keys of its own, so a request signed by the wrong session shows up three ways: a read that
// returns another account's keys, a GetAccessKeyLastUsed for a key that is not the signer's account's, and a
// session with more or fewer calls than its own account's reads.
import { describe, expect, it } from "vitest";
import { LiveOrg } from "../../src/aws/live/org.js";
import type { RootCredentials } from "../../src/aws/org.js";
import { auditAccounts } from "../../src/steps/org/audit.js";
import { AdaptiveLimit } from "../../src/steps/org/pool.js";
import { systemNow, systemSleep } from "../../src/lib/clock.js";
import { requireMoto, type SeenRequest } from "../helpers/moto-server.js";
import { credentialsOf, IAM_PRINCIPAL, orgSuite, type SeededOrg } from "../helpers/org-world.js";

const available = requireMoto("the rootlock org session-signing tests");
const READS = ["GetLoginProfile", "ListAccessKeys", "ListMFADevices", "ListSigningCertificates"];

describe.runIf(available)("member root sessions in flight together, through the real adapter", () => {
  const suite = orgSuite();

  const ready = (accounts: number) => suite.world.seed({ accounts, trusted_access: [IAM_PRINCIPAL], features: ["RootCredentialsManagement", "RootSessions"] });
  const live = (org: SeededOrg, maxAttempts = 1) => new LiveOrg({ region: "us-east-1", credentials: credentialsOf(org.management), maxAttempts });
  const keyIds = (c: RootCredentials) => c.accessKeys.map((k) => k.id).sort();

  /** Each IAM request of a root session: signed by the session of the account it concerns (the launcher's log). */
  function expectOwnSigner(requests: SeenRequest[], keysOf: Map<string, string[]>) {
    const iam = requests.filter((r) => r.service === "iam");
    expect(iam.length).toBeGreaterThan(0);
    for (const r of iam) {
      // GetLoginProfile answers NoSuchEntity (404) for a root with no password.
      expect(r.status === 200 || (r.action === "GetLoginProfile" && r.status === 404), JSON.stringify(r)).toBe(true);
      expect(keysOf.has(r.root_session ?? ""), JSON.stringify(r)).toBe(true);
      if (r.action === "GetAccessKeyLastUsed") expect(keysOf.get(r.root_session!), JSON.stringify(r)).toContain(r.target);
    }
  }

  it("two sessions reading at once, 20 times over: each read is its own account's, signed by its own session", { timeout: 60_000 }, async () => {
    const org = await ready(2);
    const [a, b] = org.accounts.map((x) => x.id) as [string, string];
    const seededA = await suite.world.giveRoot(a, { password: true, access_keys: [{}, { status: "Inactive" }], signing_certificates: [{}] });
    const seededB = await suite.world.giveRoot(b, {
      access_keys: [{ last_used: { date: "2026-11-01T10:00:00Z", service: "s3", region: "us-east-1" } }],
      mfa: [{ type: "virtual" }],
    });
    // A little latency so that the two sessions' requests are on the wire together, not one after the other.
    await suite.world.latency(15);
    const org$ = live(org);
    const [rootA, rootB] = await Promise.all([org$.assumeRoot(a, "IAMAuditRootUserCredentials", 900), org$.assumeRoot(b, "IAMAuditRootUserCredentials", 900)]);
    await suite.moto.clearRequests();

    const rounds = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? rootA : rootB).credentials().then((c) => [i % 2 ? a : b, c] as const)));
    for (const [account, c] of rounds) {
      // IAM's dates, read from its XML: the keys were made during this test.
      for (const k of c.accessKeys) expect(Math.abs(k.createdAt.getTime() - Date.now()), account).toBeLessThan(10 * 60_000);
      if (account === a) {
        expect(keyIds(c)).toEqual([...seededA.access_key_ids].sort());
        expect(c).toMatchObject({ password: true, mfaDevices: [], certificates: [{ id: seededA.certificate_ids[0] }] });
      } else {
        expect(keyIds(c)).toEqual(seededB.access_key_ids);
        expect(c).toMatchObject({ password: false, certificates: [], mfaDevices: [{ serialNumber: seededB.mfa_serials[0], virtual: true }] });
        expect(c.accessKeys[0]?.lastUsed).toEqual({ at: new Date("2026-11-01T10:00:00Z"), service: "s3", region: "us-east-1" });
      }
    }
    const requests = await suite.moto.requests();
    expectOwnSigner(
      requests,
      new Map([
        [a, seededA.access_key_ids],
        [b, seededB.access_key_ids],
      ]),
    );
    // Ten reads each: one of each call per read, the last-used lookups one per key.
    for (const [account, keys] of [
      [a, 2],
      [b, 1],
    ] as const) {
      const mine = requests.filter((r) => r.root_session === account);
      for (const action of READS)
        expect(
          mine.filter((r) => r.action === action),
          `${account} ${action}`,
        ).toHaveLength(10);
      expect(mine.filter((r) => r.action === "GetAccessKeyLastUsed")).toHaveLength(10 * keys);
    }
  });

  it("an audit of 40 accounts with 16 sessions in flight: every account's reads signed by that account's session", { timeout: 120_000 }, async () => {
    const org = await ready(40);
    const keysOf = new Map<string, string[]>();
    for (const [i, account] of org.accounts.entries()) {
      const seeded = await suite.world.giveRoot(account.id, { password: i % 3 === 0, access_keys: i % 4 === 0 ? [{}, {}] : [{}] });
      keysOf.set(account.id, seeded.access_key_ids);
    }
    await suite.world.latency(10);
    await suite.moto.clearRequests();
    const deps = { org: live(org), now: systemNow, sleep: systemSleep, random: Math.random };
    const run = await auditAccounts(
      deps,
      org.accounts.map((x) => ({ id: x.id, name: x.name, email: x.email, state: "ACTIVE" as const })),
      org.management.id,
      { limit: new AdaptiveLimit({ initial: 16, min: 16, max: 16 }) },
    );

    expect(run.results.map((r) => r.state)).toEqual(org.accounts.map(() => "holds"));
    for (const [i, r] of run.results.entries()) {
      expect(keyIds(r.credentials!), r.account.id).toEqual([...keysOf.get(r.account.id)!].sort());
      expect(r.credentials!.password, r.account.id).toBe(i % 3 === 0);
    }
    const requests = await suite.moto.requests();
    expectOwnSigner(requests, keysOf);
    for (const account of org.accounts) {
      const mine = requests.filter((r) => r.root_session === account.id);
      expect(mine.map((r) => r.action).sort(), account.id).toEqual([...READS, ...keysOf.get(account.id)!.map(() => "GetAccessKeyLastUsed")].sort());
    }
  });

  it("a session expired on the launcher fails its next call as ExpiredToken, named on that IAM action", { timeout: 30_000 }, async () => {
    const org = await ready(1);
    const root = await live(org).assumeRoot(org.accounts[0]!.id, "IAMAuditRootUserCredentials", 900);
    await suite.world.expireSessions(org.accounts[0]!.id);
    await expect(root.credentials()).rejects.toMatchObject({ code: "ExpiredToken", action: "iam:GetLoginProfile" });
  });

  it(
    "a connection the launcher resets and a Throttling answer are retried up to maxAttempts, as the SDK retried them; AccessDenied is not",
    { timeout: 30_000 },
    async () => {
      const org = await ready(1);
      const account = org.accounts[0]!.id;
      const seeded = await suite.world.giveRoot(account, { access_keys: [{}] });
      const { moto } = suite;
      await moto.fault({ action: "ListAccessKeys", kind: "reset", times: 1 });
      await moto.fault({ action: "ListMFADevices", code: "Throttling", status: 400, times: 2 });
      await moto.clearRequests();
      const root = await live(org, 3).assumeRoot(account, "IAMAuditRootUserCredentials", 900);
      expect(keyIds(await root.credentials())).toEqual(seeded.access_key_ids);
      const calls = (await moto.requests()).filter((r) => r.service === "iam").map((r) => `${r.action}:${r.fault ?? r.status}`);
      expect(calls).toEqual([
        "GetLoginProfile:404",
        "ListAccessKeys:reset",
        "ListAccessKeys:200",
        "GetAccessKeyLastUsed:200",
        "ListMFADevices:error",
        "ListMFADevices:error",
        "ListMFADevices:200",
        "ListSigningCertificates:200",
      ]);

      // One attempt: the Throttling answer is the read's failure, named on its action (the engine retries it then).
      await moto.fault({ action: "ListMFADevices", code: "Throttling", status: 400, times: 1 });
      await expect((await live(org, 1).assumeRoot(account, "IAMAuditRootUserCredentials", 900)).credentials()).rejects.toMatchObject({
        code: "Throttling",
        action: "iam:ListMFADevices",
      });
      // AccessDenied is not retried, whatever maxAttempts.
      await moto.clearRequests();
      await moto.fault({ action: "ListSigningCertificates", deny: true });
      await expect(root.credentials()).rejects.toMatchObject({ code: "AccessDenied", action: "iam:ListSigningCertificates" });
      expect((await moto.requests()).filter((r) => r.action === "ListSigningCertificates")).toHaveLength(1);
    },
  );
});
