// Every screen of the wizard fits an 80x24 terminal in English, with its ? help open too (the walk: fit-80x24.tsx).
import { describe, it } from "vitest";
import { expectAllFit } from "./fit-80x24.js";

describe("every screen fits 80x24 (en)", () => {
  it.each(["new-account", "clean", "hardened", "root-key"] as const)(
    "%s, with its ? help open too",
    // Known flaky under a loaded machine (the walk can stall on the codes' countdown; seen in 2 of 6 full runs):
    // retried, and named in the stop's note as the next thing to fix.
    { timeout: 90_000, retry: 2 },
    async (scenario) => void (await expectAllFit("en", scenario)),
  );
});
