// The step bar fits one line of an 80-column terminal in English and Korean (widths measured with string-width,
// a Korean letter taking two columns), wherever the run is; the step at hand always keeps its name.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { fitStepBar, stepBarWidth } from "../../src/screens/step-bar.js";

const STEPS = ["preflight", "root-access-keys", "root-mfa", "operator-mfa", "password-policy", "admin-identity", "root-alerts", "root-signin", "summary"] as const;
/** 80 columns less the frame's padding, a column each side. */
const WIDTH = 78;

describe.each(["en", "ko"] as const)("the step bar at 80 columns (%s)", (lang) => {
  const t = messages(lang);
  const items = (current: number) => STEPS.map((step, i) => ({ mark: i < current ? "✔" : i === current ? "▸" : "·", label: t.stepsShort[step] }));

  it("would not fit with every name (what this is about)", () => {
    expect(stepBarWidth(items(0))).toBeGreaterThan(WIDTH);
  });

  it.each(STEPS.map((_, i) => i))("fits one line at step %i, naming the step at hand", (current) => {
    const bar = fitStepBar(items(current), current, WIDTH);
    const line = bar.map(({ mark, label }) => (label === undefined ? mark : `${mark} ${label}`)).join(" ");
    expect(stringWidth(line)).toBeLessThanOrEqual(WIDTH);
    expect(stepBarWidth(bar)).toBe(stringWidth(line));
    expect(bar[current]!.label).toBe(t.stepsShort[STEPS[current]!]);
    // Only as many names left out as needed: one more name would not fit.
    const dropped = bar.map((b, i) => (b.label === undefined ? i : -1)).filter((i) => i >= 0);
    if (dropped.length > 0) {
      // The name dropped last: the first to come after the step at hand, else the last done.
      const after = dropped.filter((i) => i > current);
      const last = after.length > 0 ? Math.min(...after) : Math.max(...dropped);
      const withOneMore = bar.map((b, i) => (i === last ? items(current)[i]! : b));
      expect(stepBarWidth(withOneMore)).toBeGreaterThan(WIDTH);
    }
  });

  it("keeps every name where the terminal is wide enough (120 columns)", () => {
    expect(fitStepBar(items(4), 4, 118).every((b) => b.label !== undefined)).toBe(true);
  });
});
