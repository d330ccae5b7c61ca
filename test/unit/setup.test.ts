// CI runs the suite with CI=true, and Ink (through is-in-ci, evaluated once at import) then draws nothing
// until exit. test/setup.ts deletes CI; this checks it ran before this file's imports were evaluated.
// (vt.test.ts checks the consequence: a real Ink render draws before unmount.)
import isInCi from "is-in-ci";
import { expect, it } from "vitest";

it("test/setup.ts removes CI before Ink's is-in-ci is evaluated", () => {
  expect(process.env.CI).toBeUndefined();
  expect(isInCi).toBe(false);
});
