// `rootlock org recover`'s read-back decides, not the write's answer: on the simulated organization, a
// CreateLoginProfile whose answer is lost (done, but the caller sees a failure) is found done by the read-back, and
// one answered "ok" but not done is not called done. Without the read-back, both would be reported wrongly.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memberId, SimulatedOrg, type WriteFault } from "../../src/aws/simulated/org.js";
import { EXIT } from "../../src/exit-codes.js";
import { orgEn } from "../../src/i18n/org-en.js";
import { runOrgCommand } from "../../src/org-command.js";

async function recoverWith(fault: WriteFault) {
  let t = Date.parse("2026-12-07T10:00:00Z");
  const now = () => new Date(t);
  const sleep = async (ms: number) => void (t += ms);
  const org = new SimulatedOrg({ now, sleep });
  const id = memberId(1);
  org.failNextWrite(id, "createLoginProfile", fault);
  const out: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "rootlock-org-recover-"));
  const code = await runOrgCommand({
    sub: "recover",
    recoverAccount: id,
    target: { kind: "simulated" },
    lang: "en",
    json: false,
    resume: false,
    version: "test",
    journal: join(dir, "journal.jsonl"),
    org,
    deps: { now, sleep, random: () => 0.5 },
    out: (s) => out.push(s),
    err: (s) => out.push(s),
    ask: async () => "y",
  });
  const account = org.accounts.find((a) => a.id === id);
  return { code, text: out.join("\n"), password: account?.root.password, reads: org.calls.filter((c) => c.action === "iam:GetLoginProfile").length };
}

describe("rootlock org recover's read-back", () => {
  it("a write whose answer was lost is found done by the read-back: the owner's steps, exit 0", async () => {
    const r = await recoverWith("answer-lost");
    expect(r.password).toBe(true);
    expect(r.code).toBe(0);
    expect(r.text).toContain("Forgot password?");
    expect(r.reads).toBe(2);
  });

  it("a write answered ok but not done is not called done: the read-back says so, exit 1", async () => {
    const r = await recoverWith("not-done");
    expect(r.password).toBe(false);
    expect(r.code).toBe(EXIT.notAllVerified);
    expect(r.text).toContain(orgEn.recover.notVerified(memberId(1)));
    expect(r.text).not.toContain("Forgot password?");
  });
});
