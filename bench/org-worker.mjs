// One audit run of `rootlock org`'s engine against the launcher, in a process of its own (so its peak memory is its
// own). bench/org.mjs bundles this file with esbuild (it imports the engine's TypeScript) and runs it:
//
//   node org-worker.mjs MODE COUNT [POOL_MAX]   MODE: "pool" (the engine's adaptive pool) or "sequential" (one
//                                       account at a time); COUNT: how many member accounts to audit (the first
//                                       ones listed); POOL_MAX: the pool's maximum (the engine's default otherwise)
//
// AWS is found as the SDK finds it (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, …: the management account's key). Prints
// one line of JSON: what was audited, in how long, the retries, the pool's sizes and the process's peak memory.
import { auditAccounts } from "../src/steps/org/audit.js";
import { AdaptiveLimit } from "../src/steps/org/pool.js";
import { LiveOrg } from "../src/aws/live/org.js";

const [mode, countText, poolMaxText] = process.argv.slice(2);
const org = new LiveOrg(); // the product's live adapter: the SDK's default chain, adaptive retry mode
const deps = { org, now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };

const listStarted = performance.now();
const organization = await org.organization();
const listed = [];
let next;
do {
  const page = await org.accountsPage(next);
  listed.push(...page.accounts);
  next = page.next;
} while (next);
const listMs = performance.now() - listStarted;

const members = listed.filter((a) => a.id !== organization.managementAccountId && a.state === "ACTIVE").slice(0, Number(countText));
const limit = mode === "sequential" ? new AdaptiveLimit({ initial: 1, min: 1, max: 1 }) : new AdaptiveLimit(poolMaxText ? { max: Number(poolMaxText) } : {});
const started = performance.now();
const run = await auditAccounts(deps, members, organization.managementAccountId, { limit });
const auditMs = performance.now() - started;

const states = {};
for (const result of run.results) states[result.state] = (states[result.state] ?? 0) + 1;
const failures = {};
for (const result of run.results.filter((r) => r.failure)) failures[result.failure.code] = (failures[result.failure.code] ?? 0) + 1;
console.log(
  JSON.stringify({
    mode,
    listed: listed.length,
    list_ms: Math.round(listMs),
    audited: run.results.length,
    audit_ms: Math.round(auditMs),
    states,
    failures,
    engine_retries: run.results.reduce((sum, r) => sum + r.retries, 0),
    pool_sizes: { first: run.poolSizes[0], last: run.poolSizes.at(-1), max: Math.max(...run.poolSizes), changes: run.poolSizes.length - 1 },
    peak_rss_kb: process.resourceUsage().maxRSS,
  }),
);
