// The step list at the top of every screen, on one line. Where the names of every step do not fit the terminal's
// width (nine steps at 80 columns), the steps done lose their names first (their marks stay, in their colour),
// then the last steps to come: the step at hand always keeps its name. Widths are measured with string-width
// (a Korean letter takes two columns).
import stringWidth from "string-width";

/** One step on the bar: its mark, and its name where it fits. */
export interface StepBarItem {
  mark: string;
  label?: string;
}

/** The bar's width: each step's mark and name, a space between steps. */
export const stepBarWidth = (items: readonly StepBarItem[]): number =>
  items.reduce((sum, { mark, label }, i) => sum + (i > 0 ? 1 : 0) + stringWidth(mark) + (label === undefined ? 0 : 1 + stringWidth(label)), 0);

/** The bar for `width` columns: names dropped (done steps first, then the last ones to come) until it fits. */
export function fitStepBar(items: readonly StepBarItem[], current: number, width: number): StepBarItem[] {
  const bar = items.map((item) => ({ ...item }));
  const order = [...bar.keys()].filter((i) => i < current).concat([...bar.keys()].filter((i) => i > current).reverse());
  for (const i of order) {
    if (stepBarWidth(bar) <= width) break;
    bar[i] = { mark: bar[i]!.mark };
  }
  return bar;
}
