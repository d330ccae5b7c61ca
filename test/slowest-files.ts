// A vitest reporter that ends a run with where its time went: the ten slowest test files, then each project's
// (tier's) total. A file's time is its import plus its tests and hooks, as that file's worker spent it; files run
// side by side, so the totals add up to more than the run's wall time. Added beside the default reporter in
// vitest.config.ts (and so also in .ci/run, which names its reporters).
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";

const SHOWN = 10;

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    if (modules.length === 0) return;
    const files = modules.map((m) => {
      const d = m.diagnostic();
      return { tier: m.project.name, file: path.relative(process.cwd(), m.moduleId), ms: d.collectDuration + d.duration, tests: [...m.children.allTests()].length };
    });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const lines = ["", `Slowest ${Math.min(SHOWN, files.length)} test files:`];
    for (const f of [...files].sort((a, b) => b.ms - a.ms).slice(0, SHOWN)) {
      lines.push(`${seconds(f.ms)}  ${f.file} (${f.tests} tests)`);
    }
    const tiers = new Map<string, { ms: number; files: number }>();
    for (const f of files) {
      const tier = tiers.get(f.tier) ?? { ms: 0, files: 0 };
      tiers.set(f.tier, { ms: tier.ms + f.ms, files: tier.files + 1 });
    }
    lines.push("Time spent per project (summed over its files):");
    for (const [tier, { ms, files: count }] of tiers) lines.push(`${seconds(ms)}  ${tier} (${count} files)`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}
