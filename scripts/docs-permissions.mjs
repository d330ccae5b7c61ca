// Writes the README's permission table from src/aws/permissions.ts (the one list of AWS calls), between its markers.
// Usage: npm run docs:permissions. test/unit/permissions.test.ts fails when the README is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The list is TypeScript: compile it in memory (plain data, with the operations table it reads) and load it from the result.
const out = await build({ entryPoints: [path.join(root, "src/aws/permissions.ts")], bundle: true, format: "esm", platform: "node", write: false });
const { permissionsTable, TABLE_START, TABLE_END, orgPermissionsTable, ORG_TABLE_START, ORG_TABLE_END } = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`
);

const file = path.join(root, "README.md");
const readme = readFileSync(file, "utf8");
const start = readme.indexOf(TABLE_START);
const end = readme.indexOf(TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} markers`);
const first = `${readme.slice(0, start + TABLE_START.length)}\n${permissionsTable()}\n${readme.slice(end)}`;
// `rootlock org`'s table, between markers of its own.
const orgStart = first.indexOf(ORG_TABLE_START);
const orgEnd = first.indexOf(ORG_TABLE_END);
if (orgStart < 0 || orgEnd < orgStart) throw new Error(`README.md has no ${ORG_TABLE_START} … ${ORG_TABLE_END} markers`);
const next = `${first.slice(0, orgStart + ORG_TABLE_START.length)}\n${orgPermissionsTable()}\n${first.slice(orgEnd)}`;
if (next !== readme) writeFileSync(file, next);
console.log(next === readme ? "README.md: the permission table is up to date" : "README.md: permission table rewritten");
