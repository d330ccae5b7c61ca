// The one list of AWS calls (src/aws/permissions.ts) against what the live adapter can actually send, the policy
// `rootlock policy` prints, and the README's table generated from the list.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AWS_CALLS,
  actionsFor,
  ORG_CALLS,
  ORG_TABLE_END,
  ORG_TABLE_START,
  orgPermissionsTable,
  permissionsTable,
  policyFor,
  TABLE_END,
  TABLE_START,
} from "../../src/aws/permissions.js";
import { type OpName, OPS } from "../../src/aws/operations.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
// Every file of the live adapter, the only place the SDK is imported.
const ADAPTER = readdirSync(new URL("../../src/aws/live/", import.meta.url))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `src/aws/live/${f}`);

// The IAM service prefix of each SDK client the adapter imports.
const PREFIX: Record<string, string> = {
  "client-account": "account",
  "client-cloudtrail": "cloudtrail",
  "client-eventbridge": "events",
  "client-iam": "iam",
  "client-organizations": "organizations",
  "client-s3": "s3",
  "client-sns": "sns",
  "client-sts": "sts",
};

/** Every action the adapter can send, found two ways: the action names it gives its calls and errors (a write names
 * its action through the operations table, `OPS.<op>.action`), and the SDK commands and paginators it imports (a call
 * sent without `call`/`write`, like GetAlternateContact, still counts). */
function adapterActions(): { named: Set<string>; commands: Set<string> } {
  const named = new Set<string>();
  const commands = new Set<string>();
  for (const file of ADAPTER) {
    const text = read(file);
    for (const m of text.matchAll(/["'`]([a-z0-9-]+):([A-Z][A-Za-z0-9]+)["'`]/g)) named.add(`${m[1]}:${m[2]}`);
    // A member root session's IAM calls go out as IAM's query protocol, by their action's name (live/iam-query.ts).
    for (const m of text.matchAll(/\biamCall\(\s*"([A-Z][A-Za-z0-9]+)"/g)) commands.add(`iam:${m[1]}`);
    for (const m of text.matchAll(/\bOPS\.(\w+)\.action\b/g)) {
      expect(m[1]! in OPS, `${file} names an op the table does not have: ${m[1]}`).toBe(true);
      named.add(OPS[m[1] as OpName].action);
    }
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"@aws-sdk\/(client-[a-z0-9-]+)"/g)) {
      const prefix = PREFIX[m[2]!];
      expect(prefix, `a new SDK client in ${file}: add its IAM prefix here`).toBeDefined();
      for (const name of m[1]!.split(",").map((n) => n.trim().replace(/^type\s+/, ""))) {
        const command = /^(\w+)Command$/.exec(name) ?? /^paginate(\w+)$/.exec(name);
        if (command) commands.add(`${prefix}:${command[1]}`);
      }
    }
  }
  return { named, commands };
}

describe("the one list of AWS calls", () => {
  // The wizard's calls and `rootlock org`'s (its own list: the principal that makes each call differs).
  const listed = new Set([...AWS_CALLS, ...ORG_CALLS].map((c) => c.action));

  it("holds every call the live adapter can send, by the name it gives it and by the SDK command it imports", () => {
    const { named, commands } = adapterActions();
    expect(named.size).toBeGreaterThan(30);
    expect([...named].filter((a) => !listed.has(a))).toEqual([]);
    expect([...commands].filter((a) => !listed.has(a))).toEqual([]);
  });

  it("holds nothing the adapter never sends (least privilege), each action once", () => {
    const { named, commands } = adapterActions();
    expect([...listed].filter((a) => !named.has(a) && !commands.has(a))).toEqual([]);
    expect(AWS_CALLS.length).toBe(new Set(AWS_CALLS.map((c) => c.action)).size);
    expect(ORG_CALLS.length).toBe(new Set(ORG_CALLS.map((c) => c.action)).size);
  });

  it("gives check reads only, and every call to a mode", () => {
    expect(AWS_CALLS.filter((c) => c.modes.includes("check") && c.access === "write")).toEqual([]);
    expect([...new Set([...actionsFor("check"), ...actionsFor("wizard")])].sort()).toEqual([...new Set(AWS_CALLS.map((c) => c.action))].sort());
    // `rootlock org`: the delegated administrator never enables (only the management account can).
    expect(ORG_CALLS.filter((c) => c.by.includes("delegated-admin") && c.action.includes("Enable"))).toEqual([]);
  });

  it("prints a valid IAM policy: version, sorted actions, Resource *", () => {
    for (const mode of ["check", "wizard"] as const) {
      const policy = JSON.parse(JSON.stringify(policyFor(mode))) as ReturnType<typeof policyFor>;
      expect(policy.Version).toBe("2012-10-17");
      for (const s of policy.Statement) {
        expect(s).toMatchObject({ Effect: "Allow", Resource: "*" });
        expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
        expect(s.Action).toEqual([...new Set(s.Action)].sort());
        for (const a of s.Action) expect(a).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
      }
      expect(policy.Statement.flatMap((s) => s.Action).sort()).toEqual(actionsFor(mode));
    }
  });

  it("is the README's permission table (run `npm run docs:permissions` after changing the list)", () => {
    const readme = read("README.md");
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(permissionsTable());
    const orgStart = readme.indexOf(ORG_TABLE_START);
    expect(orgStart).toBeGreaterThan(0);
    expect(readme.slice(orgStart + ORG_TABLE_START.length, readme.indexOf(ORG_TABLE_END)).trim()).toBe(orgPermissionsTable());
  });
});
