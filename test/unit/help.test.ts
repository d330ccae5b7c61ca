// rootlock --help fits an 80-column terminal in both languages (Korean counted by display width), and names every
// option the command line takes — --journal (rootlock org's journal) included.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { OPTIONS } from "../../src/options.js";

describe.each(["en", "ko"] as const)("rootlock --help (%s)", (lang) => {
  const usage = messages(lang).cli.usage;

  it("every line fits 80 columns", () => {
    const long = usage.split("\n").filter((line) => stringWidth(line) > 80);
    expect(long).toEqual([]);
  });

  it("names every option the command line accepts", () => {
    for (const name of Object.keys(OPTIONS)) expect(usage, `--${name}`).toContain(`--${name}`);
    expect(usage).toContain("--journal PATH");
  });
});
