// Every screen of the wizard fits an 80x24 terminal in English, with its ? help open too (the walk: fit-80x24.tsx).
import { describe, it } from "vitest";
import { expectAllFit } from "./fit-80x24.js";

describe("every screen fits 80x24 (en)", () => {
  it.each(["new-account", "clean", "hardened", "root-key"] as const)(
    "%s, with its ? help open too",
    // A walk takes 1 to 10 s on a loaded machine (fit-80x24.tsx: the clock moves only while the wizard works).
    { timeout: 45_000 },
    async (scenario) => void (await expectAllFit("en", scenario)),
  );
});
