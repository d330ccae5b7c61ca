// Per-account evidence in a Korean run: the Markdown report says each call's answer in Korean (as the wizard's
// `said` phrases do), and the JSON keeps the English text (with the phrase beside it), the same in every language.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memberId, SimulatedOrg } from "../../src/aws/simulated/org.js";
import { orgEn } from "../../src/i18n/org-en.js";
import { orgKo } from "../../src/i18n/org-ko.js";
import { runOrgCommand } from "../../src/org-command.js";

describe("org evidence in Korean", () => {
  it("the Markdown report says each answer in Korean; the JSON keeps English", async () => {
    let t = Date.parse("2026-12-07T10:00:00Z");
    const now = () => new Date(t);
    const sleep = async (ms: number) => void (t += ms);
    const dir = mkdtempSync(join(tmpdir(), "rootlock-org-ko-"));
    await runOrgCommand({
      sub: "check",
      target: { kind: "simulated" },
      lang: "ko",
      json: false,
      resume: false,
      version: "test",
      accounts: [memberId(5), memberId(6)],
      journal: join(dir, "journal.jsonl"),
      report: join(dir, "report"),
      org: new SimulatedOrg({ now, sleep }),
      deps: { now, sleep, random: () => 0.5 },
      out: () => {},
      err: () => {},
    });
    const md = readFileSync(join(dir, "report.md"), "utf8");
    expect(md).toContain(`→ ${orgKo.evidence.ok}`);
    expect(md).toContain(orgKo.evidence.found(true, 0, 0, 0));
    expect(md).not.toContain(orgEn.evidence.found(true, 0, 0, 0));
    expect(md).not.toMatch(/→ ok$/m);
    const json = readFileSync(join(dir, "report.json"), "utf8");
    expect(json).toContain(orgEn.evidence.found(true, 0, 0, 0));
    expect(json).not.toContain(orgKo.evidence.found(true, 0, 0, 0));
  });
});
