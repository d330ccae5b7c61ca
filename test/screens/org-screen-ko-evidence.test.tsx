// The org screen in Korean: an account's row says its last answer in Korean (the evidence's phrase), never the
// English text the JSON keeps.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SimulatedOrg } from "../../src/aws/simulated/org.js";
import { ko } from "../../src/i18n/ko.js";
import { orgKo } from "../../src/i18n/org-ko.js";
import { OrgJournal } from "../../src/org-journal.js";
import { OrgScreen } from "../../src/screens/org/OrgScreen.js";
import { renderIn } from "../helpers/ink.js";

describe("the rootlock org screen's evidence in Korean", () => {
  it("rows say the last answer in Korean", async () => {
    const org = new SimulatedOrg({ latencyMs: 1 });
    const deps = { org, now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), random: () => 0.5 };
    const r = renderIn(
      "ko",
      <OrgScreen
        deps={deps}
        selection={{ ous: ["ou-sim0-production"] }}
        t={orgKo}
        keys={ko.app.keys}
        journal={OrgJournal.open(join(mkdtempSync(join(tmpdir(), "rootlock-org-ko-")), "journal.jsonl"), false)}
        onExit={() => {}}
      />,
    );
    const frame = await r.waitFor(orgKo.screen.confirmPlan, 8000);
    // Its beginning: a row is cut to the 80-column frame.
    expect(frame).toContain(orgKo.evidence.found(false, 0, 0, 0).slice(0, 16));
    expect(frame).not.toContain("password:");
  });
});
