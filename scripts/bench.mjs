#!/usr/bin/env node
// npm run bench [-- --size 1g] [-- --with-duckdb] — generate two deterministic OpenElections-layout precinct
// files (6 races at --size, and 200 races × 4 candidates with quoted names at 100 MB), check runoff's totals
// against the generator's, and time runoff beside wc -l, node -e 0 and (when installed) DuckDB, Miller and
// Python's csv module, all in one run. Prints MB/s, rows/s, peak RSS and ratios. Never part of `npm test`.
// npm run bench -- --limits runs the size limits instead (scripts/bench-limits.mjs), -- --irv the instant-runoff
// bench (scripts/bench-irv.mjs).
// --with-duckdb installs @duckdb/node-api into ~/.cache/runoff-bench (never into the project's dependencies).
// --node PATH also times runoff's default --json under another Node.js binary (a newer major, say), in the same
// alternating rounds, and its start-up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir, loadavg } from 'node:os';
import { batchWriter, best as bestOf, bestAlternating, has, mulberry32, timed } from './bench-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const sizeArg = args[args.indexOf('--size') + 1] ?? '100m';
const size = parseSize(args.includes('--size') ? sizeArg : '100m');
const runs = Number(args[args.indexOf('--runs') + 1]) || (size > 500e6 ? 2 : 3);
if (args.includes('--irv')) {
  process.argv = [process.argv[0], fileURLToPath(new URL('./bench-irv.mjs', import.meta.url))];
  await import('./bench-irv.mjs');
  process.exit(0);
}
if (args.includes('--limits')) {
  await (await import('./bench-limits.mjs')).benchLimits(root);
  process.exit(0);
}
const dir = `${root}bench-data/`;
/** --node: another Node.js binary to time runoff under, and its version (null without the flag). */
const other = args.includes('--node') ? otherNode(args[args.indexOf('--node') + 1]) : null;

function otherNode(path) {
  const r = spawnSync(path ?? '', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--node: ${path} did not run (${r.error?.message ?? r.stderr.trim()})`);
  return { path, version: r.stdout.trim() };
}
mkdirSync(dir, { recursive: true });

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(s);
  if (!m) throw new Error(`--size: expected e.g. 100m or 1g, got ${s}`);
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase()]);
}

// ---- deterministic generator -------------------------------------------------------------------------
const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const RACES = [
  { office: 'U.S. Senate', district: '', cands: [['Raphael Warnock', 'DEM'], ['Herschel Walker', 'REP'], ['Chase Oliver', 'LIB']] },
  { office: 'Governor', district: '', cands: [['Stacey Abrams', 'DEM'], ['Brian Kemp', 'REP'], ['Shane Hazel', 'LIB']] },
  { office: 'U.S. House', district: '6', cands: [['Jon Ossoff', 'DEM'], ['Karen Handel', 'REP'], ['Bob "B" Gray', 'REP'], ['Dan Moody', 'REP']] },
  { office: 'U.S. House', district: '5', cands: [['Kwanza Hall', 'DEM'], ['Robert M. Franklin', 'DEM'], ['Able Mable Thomas', 'DEM']] },
  { office: 'State Senate', district: '14', cands: [['Walter Howard Zinn, Jr.', 'REP'], ['José Núñez', 'DEM'], ['Zoë Ångström', 'IND']] },
  { office: 'Secretary of State', district: '', cands: [['Brad Raffensperger', 'REP'], ['Bee Nguyễn', 'DEM'], ['Ted Metz', 'LIB']] },
];
// The many-races file: 200 contests of 4 candidates, every name quoted (a comma in it), as statewide files have.
const MANY = Array.from({ length: 200 }, (_, i) => ({
  office: i < 100 ? 'State House' : i < 180 ? 'County Commission' : 'Judge, Superior Court',
  district: String(i + 1),
  cands: [0, 1, 2, 3].map((k) => [`${['Smith', 'Núñez', 'O"Brien', 'Lee'][k]}, ${['Ann', 'Bo', 'Cy', 'Di'][(i + k) % 4]} ${i}`, ['DEM', 'REP', 'LIB', 'GRN'][k]]),
}));
const COUNTIES = ['Appling', 'Baldwin', 'Cobb', 'DeKalb', 'Fulton', 'Gwinnett', 'Chatham', 'Clarke', 'Dougherty', 'Richmond', 'Muscogee', 'Bibb'];

async function generate(path, target, RACES) {
  const rand = mulberry32(20170418);
  const totals = new Map(); // "office|district" → Map(candidate → votes)
  for (const r of RACES) totals.set(`${r.office}|${r.district}`, new Map(r.cands.map(([n]) => [n, 0])));
  const out = batchWriter(path);
  await out.write('county,precinct,office,district,party,candidate,votes\n');
  let bytes = 0;
  let rows = 0;
  let precinct = 0;
  while (bytes < target) {
    precinct++;
    const county = COUNTIES[precinct % COUNTIES.length];
    const name = q(precinct % 7 === 0 ? `Precinct ${precinct}, North` : `P${precinct}`);
    for (const r of RACES) {
      const t = totals.get(`${r.office}|${r.district}`);
      for (const [cand, party] of r.cands) {
        const votes = Math.floor(rand() * 900);
        t.set(cand, t.get(cand) + votes);
        const line = `${county},${name},${q(r.office)},${r.district},${party},${q(cand)},${votes}\n`;
        await out.write(line);
        bytes += Buffer.byteLength(line);
        rows++;
      }
    }
  }
  await out.end();
  return { rows, totals };
}

// ---- timing ----------------------------------------------------------------------------------------------
const best = (cmd, argv, n = runs) => bestOf(cmd, argv, n);

const DUCK = `${homedir()}/.cache/runoff-bench`;
const DUCK_API = `${DUCK}/node_modules/@duckdb/node-api/package.json`;
if (args.includes('--with-duckdb') && !existsSync(DUCK_API)) {
  // Pinned: prebuilt Node-API binaries in the npm package (no compiler), any Node from 20 up.
  mkdirSync(DUCK, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', DUCK, '--no-audit', '--no-fund', '@duckdb/node-api@1.5.6-r.1'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm install @duckdb/node-api failed');
}
// The same group-by sum in DuckDB with 2 threads, start-up included as runoff's is; prints the number of groups.
const DUCK_SCRIPT = `
const { createRequire } = await import('node:module');
const api = createRequire(${JSON.stringify(DUCK_API)})('@duckdb/node-api');
const db = await api.DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const sql = "select office, district, candidate, sum(votes) from read_csv(?, header = true, all_varchar = true, types = {'votes': 'BIGINT'}) group by all";
const rows = (await con.runAndReadAll(sql.replace('?', "'" + process.argv[1].replaceAll("'", "''") + "'"))).getRows();
console.log(rows.length);
`;

async function prepare(name, target, races) {
  const label = target >= 1e9 ? `${target / 1e9}g` : `${Math.round(target / 1e6)}m`;
  const file = `${dir}${name}-${label}.csv`;
  const meta = `${file}.totals.json`;
  if (existsSync(file) && existsSync(meta)) return { file, expected: JSON.parse(await (await import('node:fs/promises')).readFile(meta, 'utf8')) };
  process.stderr.write(`generating ${file} …\n`);
  const { rows, totals } = await generate(file, target, races);
  const expected = { rows, totals: Object.fromEntries([...totals].map(([k, m]) => [k, Object.fromEntries(m)])) };
  writeFileSync(meta, JSON.stringify(expected));
  return { file, expected };
}

// Correctness first: runoff's totals must equal the generator's.
function check(file, expected) {
  const run = timed(process.execPath, [`${root}bin/runoff.js`, '--json', file]);
  if (run.status !== 0) throw new Error(`runoff failed:\n${run.stderr}`);
  const doc = JSON.parse(run.stdout);
  for (const race of doc.races) {
    const want = expected.totals[`${race.office}|${race.district}`];
    for (const c of race.candidates) {
      if (want?.[c.name] !== c.votes) throw new Error(`total mismatch in ${race.id} for ${c.name}: runoff ${c.votes}, generator ${want?.[c.name]}`);
    }
  }
  if (doc.races.length !== Object.keys(expected.totals).length) throw new Error('race count mismatch');
}

async function bench(name, target, races) {
  const { file, expected } = await prepare(name, target, races);
  check(file, expected);
  const mb = statSync(file).size / 1e6;
  // The default reads a precinct file of 192 MiB or more on both cores, a smaller one on one thread (split.ts).
  const split = statSync(file).size >= 192 * 2 ** 20;
  // runoff and DuckDB in alternating rounds (at least 3): their ratio, less at the mercy of drift.
  const duckRun = existsSync(DUCK_API) ? [process.execPath, ['--input-type=module', '-e', DUCK_SCRIPT, file]] : null;
  // Also the table, which shows no SHA-256, so none is made (JSON's inputs[].sha256 costs a hashing thread on a large file).
  const otherRun = other ? [other.path, [`${root}bin/runoff.js`, '--json', file]] : null;
  const [own, table, ...peers] = bestAlternating([[process.execPath, [`${root}bin/runoff.js`, '--json', file]], [process.execPath, [`${root}bin/runoff.js`, file]], ...(duckRun ? [duckRun] : []), ...(otherRun ? [otherRun] : [])], Math.max(runs, 3));
  const duck = duckRun ? peers.shift() : null;
  const results = [{ tool: `runoff --json (${split ? 'both cores' : 'one thread'})`, ...own }];
  results.push({ tool: 'runoff, the table (no SHA-256 to make)', ...table });
  if (otherRun) results.push({ tool: `runoff --json on Node ${other.version}`, ...peers.shift() });
  // The same count the other ways, in this run: what the default gains over them.
  if (split) results.push({ tool: 'runoff --json, one thread', ...best(process.execPath, [`${root}bin/runoff.js`, '--json', '--parser', 'fast', file]) });
  else results.push({ tool: 'runoff --json, both cores (--parser split)', ...best(process.execPath, [`${root}bin/runoff.js`, '--json', '--parser', 'split', file]) });
  results.push({ tool: 'runoff --json, scan worker only', ...best(process.execPath, [`${root}bin/runoff.js`, '--json', '--parser', 'threaded', file]) });
  if (duck) {
    const groups = races.reduce((k, r) => k + r.cands.length, 0);
    if (Number(duck.stdout.trim()) !== groups) throw new Error(`DuckDB found ${duck.stdout.trim()} groups, expected ${groups}`);
    results.push({ tool: 'DuckDB 1.5 (read_csv, group by, 2 threads)', ...duck });
  }
  results.push({ tool: 'wc -l', ...best('wc', ['-l', file]) });
  if (has('mlr')) results.push({ tool: 'Miller (stats1 sum by race, candidate)', ...best('mlr', ['--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', 'votes', '-g', 'office,district,candidate', file], 1) });
  if (has('python3')) {
    const py = 'import csv,sys,collections\nt=collections.Counter()\nwith open(sys.argv[1],newline="",encoding="utf-8") as f:\n r=csv.reader(f);next(r)\n for row in r: t[(row[2],row[3],row[5])]+=int(row[6])\nprint(len(t))';
    results.push({ tool: 'Python csv (sum by race, candidate)', ...best('python3', ['-c', py, file], 1) });
  }
  const runoff = results[0];
  console.log(`\n| ${mb.toFixed(0)} MB, ${races.length} races, ${(expected.rows / 1e6).toFixed(1)} M rows (totals checked ✓) | seconds | median | MB/s | rows/s | peak RSS MiB | runoff is × faster |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const ratio = r === runoff ? '—' : `${(r.secs / runoff.secs).toFixed(2)}×`;
    console.log(`| ${r.tool} | ${r.secs.toFixed(2)} | ${r.medianSecs.toFixed(2)} | ${(mb / r.secs).toFixed(0)} | ${Math.round(expected.rows / r.secs).toLocaleString('en-US')} | ${r.rssMiB.toFixed(0)} | ${ratio} |`);
  }
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');
// Node 20 reads the file named by NODE_EXTRA_CA_CERTS at every start, before any script runs (tens of ms).
const caNote = process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS set)' : '';
console.log(`machine: ${(await import('node:os')).cpus().length} vCPU, Node ${process.version}${caNote}${other ? ` and ${other.version}` : ''}; ${new Date().toISOString().slice(0, 16)} UTC; best of ${runs} runs (runoff and DuckDB: best of ${Math.max(runs, 3)}, alternating), warm cache; load average before: ${load()}`);
await bench('openelections', size, RACES);
await bench('many-races', 100e6, MANY);
console.log(`\nload average after: ${load()}`);

// Start-up: median of 15 runs each.
function median(cmd, argv, n = 15) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    spawnSync(cmd, argv);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return t.sort((a, b) => a - b)[Math.floor(n / 2)];
}
const nodeZero = median(process.execPath, ['-e', '0']);
const version = median(process.execPath, [`${root}bin/runoff.js`, '--version']);
const small = median(process.execPath, [`${root}bin/runoff.js`, `${root}fixtures/ga-06-2017-04-18-special-jungle.csv`]);
console.log('\n| start-up (median of 15) | ms | × node -e 0 |');
console.log('|---|---:|---:|');
console.log(`| node -e 0 | ${nodeZero.toFixed(0)} | 1.00 |`);
console.log(`| runoff --version | ${version.toFixed(0)} | ${(version / nodeZero).toFixed(2)} |`);
console.log(`| runoff fixtures/ga-06-2017-04-18-special-jungle.csv | ${small.toFixed(0)} | ${(small / nodeZero).toFixed(2)} |`);
if (other) {
  const otherZero = median(other.path, ['-e', '0']);
  const otherSmall = median(other.path, [`${root}bin/runoff.js`, `${root}fixtures/ga-06-2017-04-18-special-jungle.csv`]);
  console.log(`| node -e 0 on Node ${other.version} | ${otherZero.toFixed(0)} | ${(otherZero / nodeZero).toFixed(2)} |`);
  console.log(`| runoff fixtures/ga-06-2017-04-18-special-jungle.csv on Node ${other.version} | ${otherSmall.toFixed(0)} | ${(otherSmall / nodeZero).toFixed(2)} |`);
}
