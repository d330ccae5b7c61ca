#!/usr/bin/env node
// Bundle the CLI with esbuild into dist/: the shipped form, and what the e2e tests run.
//
//   node scripts/build.mjs                 build src/cli.tsx -> dist/rootlock.js (+ dist/chunks/*)
//   node scripts/build.mjs --if-stale      skip when dist/rootlock.js is newer than src/**, package.json
//                                          and this script (so `npm start` is quick the second time)
//   node scripts/build.mjs [--outdir DIR] [ENTRY]   another entry/output (for checking this script)
//   node scripts/build.mjs --metafile FILE  also write esbuild's metafile of the CLI's build (which module went
//                                          into which chunk, and its size: what the first frame loads)
//
// Why a bundle: the first frame comes in ~0.3 s instead of ~0.7 s for plain tsc output (far fewer module
// loads). --splitting keeps lazy `import()`s (the AWS SDK) in separate chunks, so --help and the first screen
// do not pay for them.
import { chmod, mkdir, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const opts = { ifStale: false, outdir: path.join(root, "dist"), entry: path.join(root, "src/cli.tsx"), metafile: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--if-stale") opts.ifStale = true;
    else if (a === "--outdir") opts.outdir = path.resolve(argv[++i] ?? "");
    else if (a === "--metafile") opts.metafile = path.resolve(argv[++i] ?? "");
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else opts.entry = path.resolve(a);
  }
  return opts;
}

/** Newest modification time (ms) of the files under dir, recursively; 0 when there are none. */
async function newestUnder(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const { mtimeMs } = await stat(path.join(entry.parentPath ?? entry.path, entry.name));
    newest = Math.max(newest, mtimeMs);
  }
  return newest;
}

async function isStale(outfile) {
  const built = await stat(outfile).catch(() => undefined);
  if (!built) return true;
  const inputs = [await newestUnder(path.join(root, "src")), (await stat(path.join(root, "package.json"))).mtimeMs, (await stat(fileURLToPath(import.meta.url))).mtimeMs];
  return inputs.some((t) => t >= built.mtimeMs);
}

// Every output file starts with this. The shebang makes dist/rootlock.js runnable (Node accepts a hashbang
// in any module, so it is harmless in chunks). The `require` shim lets esbuild's ESM output load CommonJS
// dependencies (qrcode-terminal, parts of the AWS SDK) and Node built-ins they require().
const banner = [
  "#!/usr/bin/env node",
  'import { createRequire as __rootlockCreateRequire } from "node:module";',
  "const require = __rootlockCreateRequire(import.meta.url);",
].join("\n");

// Three fast paths patched into Ink's dependencies, for the first frames. Each skips work whose result it knows,
// so the output is the same; the build stops if the line a patch replaces is no longer there.
const sourcePatches = [
  {
    // string-width 8 (Ink's, for every line it lays out) tests each grapheme cluster of a non-ASCII line against
    // /^\p{RGI_Emoji}$/v, and V8 expands that set of thousands of strings the first time it runs: ~30 ms on the
    // first frame, for the wizard's ▸ · ✔. By Unicode's definition (UTS #51, fully-qualified emoji) every RGI
    // emoji has a code point with Emoji_Presentation or a U+FE0F (checked against V8's set for every code point,
    // and for pairs and ZWJ sequences of the text-style emoji), so a cluster with neither cannot match.
    file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    applies: (source) => source.includes("= /^\\p{RGI_Emoji}$/v;"), // older copies (wrap-ansi's, cli-table3's) use emoji-regex
    before: "if (rgiEmojiRegex.test(segment) ||",
    after: "if ((/[\\p{Emoji_Presentation}\\uFE0F]/u.test(segment) && rgiEmojiRegex.test(segment)) ||",
  },
  {
    // Ink writes a frame cell by cell, asking for each which styles change from the cell before: three Sets and
    // several arrays per cell, for ~2,000 cells in a frame of ours, most of them unstyled (~8 ms on the first
    // frames, with the garbage). Between two unstyled cells nothing changes.
    file: /[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/,
    applies: () => true,
    before: "export function diffAnsiCodes(from, to) {\n",
    after: "export function diffAnsiCodes(from, to) {\n    if (from.length === 0 && to.length === 0) return [];\n",
  },
  {
    // Yoga (Ink's layout engine) ships its WebAssembly as a base64 data: URL, and Emscripten's loader fetches it
    // with fetch() wherever fetch is a function: in Node that loads undici (Node's fetch) on the first frame's path
    // to decode a data: URL, ~35 ms of CPU before Ink can lay anything out. The loader's own fallback decodes the
    // same base64 (`wasmBinary`, `w`, is used as the module's bytes when set); Buffer decodes it natively.
    file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    applies: () => true,
    before: 'function ya(){return w||"function"!=typeof fetch?',
    after: 'function ya(){if(!w&&ua(H))w=Buffer.from(H.slice(37),"base64");return w||"function"!=typeof fetch?',
  },
];

const sourcePatchPlugin = {
  name: "source-patches",
  setup(b) {
    for (const { file, applies, before, after } of sourcePatches) {
      b.onLoad({ filter: file }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!applies(source)) return undefined;
        if (!source.includes(before)) throw new Error(`${args.path}: ${JSON.stringify(before)} not found; review sourcePatches in scripts/build.mjs`);
        return { contents: source.replace(before, after), loader: "js" };
      });
    }
  },
};

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const outfile = path.join(opts.outdir, "rootlock.js");
  if (opts.ifStale && !(await isStale(outfile))) return;

  const started = performance.now();
  const common = {
    outdir: opts.outdir,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Ink imports it only when DEV=true; it is not a dependency, so leave the import unresolved.
    external: ["react-devtools-core"],
    banner: { js: banner },
    // React and Ink drop their development checks (and warnings) in production.
    define: { "process.env.NODE_ENV": '"production"' },
    minify: false,
    keepNames: true,
    sourcemap: false,
    legalComments: "none",
    plugins: [sourcePatchPlugin],
    // The AWS SDK's packages ship a CommonJS build (`main`: one file of every command and shape of a service) and
    // an ES module build (`module`: a file per command, `sideEffects: false`). esbuild's default for Node takes
    // `main`, so `check` loaded 2.3 MB of SDK source, mostly commands it never sends; from `module` it keeps what
    // rootlock imports (1.2 MB) and runs ~27% fewer instructions (callgrind, check --json against moto).
    mainFields: ["module", "main"],
    write: false, // written below, each file atomically: tests or `npm start` may be running the old one
    logLevel: "warning",
  };
  const [cli, schema] = await Promise.all([
    build({ ...common, entryPoints: { rootlock: opts.entry }, chunkNames: "chunks/[name]-[hash]", splitting: true, metafile: opts.metafile !== undefined }),
    // The zod schema of `rootlock check --json` that the package exports for scripts: a separate build, in one
    // file. In the CLI's build it would share chunks with the CLI, and esbuild puts a module that both reach
    // in a shared chunk whole: the CLI's start would load all of zod (~730 kB) instead of zod/mini's few kB.
    build({ ...common, entryPoints: { "check-schema": path.join(root, "src/check-schema.ts") } }),
  ]);

  if (opts.metafile) await writeFile(opts.metafile, JSON.stringify(cli.metafile));
  await mkdir(path.join(opts.outdir, "chunks"), { recursive: true });
  // Chunks first, the entry last: a process started meanwhile sees either the old or the new entry, and the
  // chunks the new entry names already exist.
  const files = [...cli.outputFiles, ...schema.outputFiles].sort((a, b) => Number(a.path === outfile) - Number(b.path === outfile));
  for (const file of files) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    await writeFile(tmp, file.contents);
    if (file.path === outfile) await chmod(tmp, 0o755);
    await rename(tmp, file.path);
  }
  // Drop chunks an earlier build left behind (their names carry a content hash, so they pile up).
  const current = new Set(files.map((f) => f.path));
  const chunkDir = path.join(opts.outdir, "chunks");
  for (const name of await readdir(chunkDir)) {
    const p = path.join(chunkDir, name);
    if (!current.has(p) && !name.endsWith(".tmp")) await unlink(p).catch(() => {}); // .tmp: another build's
  }
  const ms = Math.round(performance.now() - started);
  const shown = outfile.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), outfile) : outfile;
  process.stderr.write(`built ${shown} (${files.length} files) in ${ms} ms\n`);
}

main().catch((err) => {
  // esbuild has already printed its diagnostics (logLevel "warning"); this adds the line that says we stopped.
  const esbuildErrors = Array.isArray(err?.errors) ? err.errors.length : 0;
  const why = esbuildErrors > 0 ? `${esbuildErrors} error(s), see above` : err instanceof Error ? err.message : String(err);
  process.stderr.write(`build failed: ${why}\n`);
  process.exit(1);
});
