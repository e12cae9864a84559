// Bundle src/ into dist/: the CLI (runoff.js) and the library (index.js) with shared chunks, for a fast start; zod and iconv-lite split out and loaded only when a run needs them. Then the library's type declarations (unless --no-types).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { runoff: 'src/cli/entry.ts', index: 'src/index.ts', 'scan-worker': 'src/read/scan-worker.ts', 'range-worker': 'src/pipeline/range-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true, // less to parse at every start
  define: { __RUNOFF_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  metafile: process.env.RUNOFF_METAFILE === '1',
});

// The library's types (package.json `exports` → types): declarations only, from the same sources. `npm test` passes
// --no-types: it type-checks the sources already, and the packed-library test builds the declarations it needs.
if (!process.argv.includes('--no-types')) execFileSync(process.execPath, [new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname, '-p', new URL('../tsconfig.build.json', import.meta.url).pathname], { stdio: 'inherit' });
