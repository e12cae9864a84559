// The hot path's cost in instructions, which valgrind counts the same from run to run (wall time on a shared
// virtual machine drifts by a third): reads a CSV file into memory, then counts its rows `--reps` times in one
// process through the byte scanner and the row reader (no start-up, no output), under callgrind.
//
//   node scripts/count-instructions.mjs file.csv [--reps 3] [--top 12]
//
// Prints the instructions of the whole run and the JavaScript functions that took the most. Needs valgrind. Use
// a file of about 10 MB (valgrind runs code about fifty times slower), and compare two builds on the same file.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) throw new Error('usage: node scripts/count-instructions.mjs file.csv [--reps 3] [--top 12]');
const reps = option('--reps', 3);
const top = option('--top', 12);

const src = new URL('../src/', import.meta.url).pathname;
const entry = `
import { readFileSync } from 'node:fs';
import { scanRecords } from '${src}read/parse-fast.ts';
import { HeaderSearch } from '${src}layout/header.ts';
import { RowReader } from '${src}layout/rows/row-reader.ts';
import { Tally } from '${src}count/tally.ts';
const [file, reps] = [process.argv[2], Number(process.argv[3])];
const bytes = readFileSync(file);
const chunks = [];
for (let at = 0; at < bytes.length; at += 1 << 20) chunks.push(bytes.subarray(at, at + (1 << 20)));
for (let rep = 0; rep < reps; rep++) {
  const search = new HeaderSearch({ file, partyPrimary: null, names: null, family: null });
  let reader = null;
  await scanRecords(chunks, file, (rec) => {
    if (reader) return reader.record(rec);
    const found = search.offer(rec);
    if (found) reader = new RowReader(found.layout, new Tally(false), { file, skipBadRows: false, regionColumn: -1, crossFile: null, header: found.cells });
  });
  if (rep === 0) console.log('rows counted:', reader.rowsUsed);
}
`;
const dir = mkdtempSync(join(tmpdir(), 'runoff-count-'));
try {
  // Bundled and minified as the release is, so that the compiled code is the release's.
  await build({ stdin: { contents: entry, loader: 'ts', resolveDir: src }, bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, outfile: join(dir, 'loop.mjs'), logLevel: 'warning' });
  const out = join(dir, 'callgrind.out');
  // One thread for V8 (no background compiling) and a map of the compiled functions' addresses.
  const run = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', '--perf-basic-prof', join(dir, 'loop.mjs'), file, String(reps)], { encoding: 'utf8', cwd: dir });
  if (run.error || run.status !== 0) throw new Error(`valgrind failed: ${run.error?.message ?? run.stderr}`);
  process.stdout.write(run.stdout);
  // V8 writes the map to /tmp, named by the process id valgrind prints.
  const map = `/tmp/perf-${/==(\d+)==/.exec(run.stderr)?.[1]}.map`;
  const names = existsSync(map) ? readFileSync(map, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')).map(([at, size, ...name]) => ({ from: parseInt(at, 16), to: parseInt(at, 16) + parseInt(size, 16), name: name.join(' ').replace(/ file:\S+/, '') })) : [];
  const annotated = spawnSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const totals = new Map();
  let all = 0;
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+) \([^)]*\)\s+(.*)$/.exec(line);
    if (!m) continue;
    const n = Number(m[1].replaceAll(',', ''));
    if (m[2].includes('PROGRAM TOTALS')) {
      all = n;
      continue;
    }
    const at = /^\?\?\?:0x([0-9a-f]+)/.exec(m[2]);
    const address = at ? parseInt(at[1], 16) : -1;
    const name = names.find((f) => address >= f.from && address < f.to)?.name ?? m[2].replace(/ \[.*$/, '').slice(0, 80);
    totals.set(name, (totals.get(name) ?? 0) + n);
  }
  console.log(`instructions: ${(all / 1e6).toFixed(1)} M (${reps} reads of ${file})`);
  for (const [name, n] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(n / 1e6).toFixed(1).padStart(9)} M  ${name}`);
  rmSync(map, { force: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
