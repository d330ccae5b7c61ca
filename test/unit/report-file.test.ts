import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultReportBase, reportBaseFor } from "../../src/report-file.js";

const dir = mkdtempSync(join(tmpdir(), "rootlock-report-base-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = new Date("2026-03-01T12:34:56Z");

describe("reportBaseFor: where --report puts the wizard's report", () => {
  it("the current folder by default, a folder's default-named file, or the path as given", () => {
    expect(reportBaseFor(undefined, at)).toBe("rootlock-report-20260301-123456");
    expect(reportBaseFor(dir, at)).toBe(join(dir, defaultReportBase(at)));
    expect(reportBaseFor(join(dir, "new-folder") + "/", at)).toBe(join(dir, "new-folder", defaultReportBase(at)));
    expect(reportBaseFor(join(dir, "evidence"), at)).toBe(join(dir, "evidence"));
  });
});
