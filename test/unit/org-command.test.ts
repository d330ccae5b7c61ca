// `rootlock org` and `rootlock org check` in-process, on the simulated organization with a fake clock: exit statuses,
// the JSON, the evidence report, the journal and --resume, the interactive run's confirmations, Korean.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memberId, SimulatedOrg, type SimulatedOrgOptions } from "../../src/aws/simulated/org.js";
import { runOrgCommand, type OrgCommandOptions } from "../../src/org-command.js";
import { parseOptions } from "../../src/options.js";
import stringWidth from "string-width";
import { orgEn } from "../../src/i18n/org-en.js";
import { orgKo } from "../../src/i18n/org-ko.js";

function setup(options: SimulatedOrgOptions = {}, answers: string[] = []) {
  let t = Date.parse("2026-12-07T10:00:00Z");
  const now = () => new Date(t);
  const sleep = async (ms: number) => {
    t += ms;
  };
  const org = new SimulatedOrg({ now, sleep, ...options });
  const dir = mkdtempSync(join(tmpdir(), "rootlock-org-"));
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const base = (o: Partial<OrgCommandOptions>): OrgCommandOptions => ({
    sub: "check",
    target: { kind: "simulated" },
    lang: "en",
    json: false,
    resume: false,
    version: "test",
    journal: join(dir, "journal.jsonl"),
    report: join(dir, "report"),
    org,
    deps: { now, sleep, random: () => 0.5 },
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    ask: async (q) => {
      asked.push(q);
      return answers.shift() ?? "n";
    },
    ...o,
  });
  return { org, dir, out, err, asked, run: (o: Partial<OrgCommandOptions> = {}) => runOrgCommand(base(o)) };
}

describe("rootlock org check", () => {
  it("exits 1 on findings, prints JSON with every account, and writes the evidence report per account", async () => {
    const s = setup();
    const code = await s.run({ json: true });
    expect(code).toBe(1);
    const json = JSON.parse(s.out.join("\n")) as { exitCode: number; results: { account: { id: string }; state: string; evidence: unknown[] }[] };
    expect(json.exitCode).toBe(1);
    expect(json.results).toHaveLength(61);
    const report = JSON.parse(readFileSync(join(s.dir, "report.json"), "utf8")) as typeof json;
    expect(report.results.find((r) => r.account.id === memberId(7))?.evidence.length).toBeGreaterThan(1);
    const md = readFileSync(join(s.dir, "report.md"), "utf8");
    expect(md).toContain(`## ${memberId(7)} team-07: holds credentials`);
    expect(s.err.join("\n")).toContain(orgEn.guard.protectedBy(24, 59));
    expect(md).toContain(
      "sts:AssumeRoot(TargetPrincipal=200000000007, TaskPolicyArn=arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials, DurationSeconds=120)",
    );
  });

  it("exits 0 when every selected root is credential-less, and 2 when one could not be audited", async () => {
    expect(await setup().run({ accounts: [memberId(1), memberId(2)] })).toBe(0);
    expect(await setup().run({ accounts: [memberId(1), memberId(52)] })).toBe(2);
    expect(await setup().run({ ous: ["ou-sim0-restricted"] })).toBe(2);
  });

  it("exits 2 and audits nothing when centralized root access is not ready", async () => {
    const s = setup({ features: [] });
    expect(await s.run()).toBe(2);
    expect(s.org.calls.some((c) => c.action === "sts:AssumeRoot")).toBe(false);
    expect(s.out.join("\n")).toContain(orgEn.readiness.cannotAudit);
  });

  it("--resume does not audit again the accounts the journal has done", async () => {
    const s = setup();
    await s.run({ accounts: [memberId(1), memberId(2), memberId(3)] });
    const first = s.org.calls.filter((c) => c.action === "sts:AssumeRoot").length;
    const code = await s.run({ accounts: [memberId(1), memberId(2), memberId(3), memberId(4)], resume: true });
    expect(code).toBe(0);
    const sessions = s.org.calls.filter((c) => c.action === "sts:AssumeRoot").slice(first);
    expect(sessions.map((c) => c.accountId)).toEqual([memberId(4)]);
    expect(s.out.join("\n")).toContain(orgEn.audit.resumed(3));
    const lines = readFileSync(join(s.dir, "journal.jsonl"), "utf8").trim().split("\n");
    expect(lines.every((l) => JSON.parse(l).account)).toBe(true);
  });

  it("speaks Korean with --lang ko", async () => {
    const s = setup();
    await s.run({ lang: "ko", accounts: [memberId(5)] });
    expect(s.out.join("\n")).toContain(orgKo.states.holds);
    expect(s.out.join("\n")).toContain("비밀번호");
  });

  it("lines the table's columns up by display width, Korean included", async () => {
    const s = setup();
    await s.run({ lang: "ko", accounts: [memberId(5), memberId(45), memberId(58)] });
    const rows = s.out
      .join("\n")
      .split("\n")
      .filter((l) => /^(계정\s{2}|2000)/.test(l));
    expect(rows).toHaveLength(4);
    // The detail column starts at the same display column on every row.
    const detailAt = rows.map((r) => stringWidth(r.slice(0, r.search(/(내용|비밀번호|SUSPENDED|iam:)/))));
    expect(new Set(detailAt).size).toBe(1);
  });
});

describe("rootlock org (interactive)", () => {
  it("offers readiness fixes, shows the plan, and after one confirmation removes everything and verifies it", async () => {
    const s = setup({ features: ["RootCredentialsManagement"] }, ["y", "a"]);
    const code = await s.run({ sub: "run", ous: ["ou-sim0-production"] });
    expect(s.asked[0]).toBe(orgEn.readiness.offer("iam:EnableOrganizationsRootSessions()"));
    expect(s.asked[1]).toBe(orgEn.plan.confirmAll);
    const text = s.out.join("\n");
    expect(text).toContain("    iam:DeleteAccessKey(AccessKeyId=AKIASIM0007A000001)");
    expect(text).toContain("    iam:DeactivateMFADevice(SerialNumber=arn:aws:iam::200000000009:mfa/root-account-mfa-device)");
    expect(text).not.toContain("iam:DeleteVirtualMFADevice");
    expect(code).toBe(0);
    for (const a of s.org.accounts.filter((x) => x.ou === "ou-sim0-production")) {
      expect(a.root.password || a.root.keys.length || a.root.mfa.length || a.root.certificates.length, a.id).toBeFalsy();
    }
    const report = JSON.parse(readFileSync(join(s.dir, "report.json"), "utf8")) as { results: { state: string }[] };
    expect(new Set(report.results.map((r) => r.state))).toEqual(new Set(["verified", "credential-less"]));
  });

  it("sends nothing when the plan is declined, and asks account by account on request", async () => {
    const declined = setup({}, ["n"]);
    await declined.run({ sub: "run", accounts: [memberId(5), memberId(7)] });
    expect(declined.org.calls.some((c) => c.task === "IAMDeleteRootUserCredentials")).toBe(false);
    const each = setup({}, ["e", "n", "y"]);
    await each.run({ sub: "run", accounts: [memberId(5), memberId(7)] });
    expect(each.asked.slice(1)).toEqual([orgEn.plan.confirmOne(memberId(5)), orgEn.plan.confirmOne(memberId(7))]);
    expect(each.org.calls.filter((c) => c.action === "sts:AssumeRoot" && c.task === "IAMDeleteRootUserCredentials").map((c) => c.accountId)).toEqual([memberId(7)]);
  });

  it("recover: a password no one knows, confirmed, read back, and the owner's Forgot-password steps", async () => {
    const s = setup({}, ["y"]);
    const code = await s.run({ sub: "recover", recoverAccount: memberId(1) });
    expect(code).toBe(0);
    expect(s.asked[0]).toBe(orgEn.recover.confirm("iam:CreateLoginProfile()", memberId(1)));
    expect(s.org.accounts[0]!.root.password).toBe(true);
    expect(s.out.join("\n")).toContain("Forgot password?");
    expect(readdirSync(s.dir)).not.toContain("report.json");
  });
});

describe("the org catalogues", () => {
  /** Every leaf, called with sample arguments when it is a sentence that takes some. */
  function leaves(o: unknown, path = ""): [string, string][] {
    if (typeof o === "string") return [[path, o]];
    if (typeof o === "function") return [[path, String((o as (...a: unknown[]) => unknown)("X", 2, 3, 4))]];
    return Object.entries(o as object).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  }
  it("has the same entries in English and Korean, each a non-empty sentence", () => {
    const en = leaves(orgEn);
    const ko = leaves(orgKo);
    expect(ko.map(([p]) => p)).toEqual(en.map(([p]) => p));
    for (const [p, text] of [...en, ...ko]) expect(text.trim(), p).not.toBe("");
    expect(ko.filter(([, text]) => /[가-힣]/.test(text)).length).toBeGreaterThan(en.length / 2);
  });
});

describe("rootlock org's arguments", () => {
  it("parses the subcommands and refuses bad ids with a way forward", () => {
    expect(parseOptions(["org", "check", "--json", "--demo"])).toMatchObject({ ok: true, options: { command: "org", org: { sub: "check" } } });
    expect(parseOptions(["org", "recover", "123456789012"])).toMatchObject({ ok: true, options: { org: { sub: "recover", account: "123456789012" } } });
    expect(parseOptions(["org", "recover"])).toMatchObject({ ok: false });
    expect(parseOptions(["org", "check", "--accounts", "12,34"])).toMatchObject({ ok: false });
    expect(parseOptions(["org", "--json"])).toMatchObject({ ok: false });
    expect(parseOptions(["check", "--resume"])).toMatchObject({ ok: false });
  });
});

describe("how a run ended, in the text run and the evidence report", () => {
  it("says which accounts are not done, why, what to fix and the command for them; check's report has no such section", async () => {
    const s = setup({}, ["a"]);
    const code = await s.run({ sub: "run", ous: ["ou-sim0-restricted", "ou-sim0-sandbox"] });
    expect(code).toBe(2);
    const out = s.out.join("\n");
    const ids = [58, 59, 60, 52].map(memberId).join(",");
    expect(out).toContain(orgEn.end.notDone(4, 12, orgEn.end.parts.failed(4, `${orgEn.end.reasons.scp(3)}, ${orgEn.end.reasons["region-disabled"](1)}`)));
    expect(out).toContain(orgEn.end.fixScp("DenyRootUser", "p-denyroot"));
    expect(out).toContain(orgEn.end.again(`rootlock org --demo --accounts ${ids}`));
    const md = readFileSync(join(s.dir, "report.md"), "utf8");
    expect(md).toContain(`## ${orgEn.end.heading}`);
    expect(md).toContain(orgEn.end.fixRegion);
    expect(md).toContain(`--accounts ${ids}`);

    const check = setup();
    await check.run({ sub: "check" });
    expect(readFileSync(join(check.dir, "report.md"), "utf8")).not.toContain(orgEn.end.heading);
  });
});
