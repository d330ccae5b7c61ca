// Loaded with --import: on exit, writes the process's peak resident memory (kB) to $ROOTLOCK_BENCH_RSS.
import { writeFileSync } from "node:fs";
process.on("exit", () => {
  if (process.env.ROOTLOCK_BENCH_RSS) writeFileSync(process.env.ROOTLOCK_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
