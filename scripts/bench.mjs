#!/usr/bin/env node
// npm run bench [-- --size 1g] — generate a deterministic OpenElections-layout precinct file, check runoff's
// totals against the generator's, and time runoff beside wc -l, node -e 0 and (when installed) Miller and
// Python's csv module, all in one run. Prints MB/s, rows/s, peak RSS and ratios. Never part of `npm test`.
// npm run bench -- --limits runs the size limits instead (scripts/bench-limits.mjs).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const sizeArg = args[args.indexOf('--size') + 1] ?? '100m';
const size = parseSize(args.includes('--size') ? sizeArg : '100m');
const runs = Number(args[args.indexOf('--runs') + 1]) || (size > 500e6 ? 2 : 3);
if (args.includes('--limits')) {
  await (await import('./bench-limits.mjs')).benchLimits(root);
  process.exit(0);
}
const dir = `${root}bench-data/`;
mkdirSync(dir, { recursive: true });

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(s);
  if (!m) throw new Error(`--size: expected e.g. 100m or 1g, got ${s}`);
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase()]);
}

// ---- deterministic generator -------------------------------------------------------------------------
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const RACES = [
  { office: 'U.S. Senate', district: '', cands: [['Raphael Warnock', 'DEM'], ['Herschel Walker', 'REP'], ['Chase Oliver', 'LIB']] },
  { office: 'Governor', district: '', cands: [['Stacey Abrams', 'DEM'], ['Brian Kemp', 'REP'], ['Shane Hazel', 'LIB']] },
  { office: 'U.S. House', district: '6', cands: [['Jon Ossoff', 'DEM'], ['Karen Handel', 'REP'], ['Bob "B" Gray', 'REP'], ['Dan Moody', 'REP']] },
  { office: 'U.S. House', district: '5', cands: [['Kwanza Hall', 'DEM'], ['Robert M. Franklin', 'DEM'], ['Able Mable Thomas', 'DEM']] },
  { office: 'State Senate', district: '14', cands: [['Walter Howard Zinn, Jr.', 'REP'], ['José Núñez', 'DEM'], ['Zoë Ångström', 'IND']] },
  { office: 'Secretary of State', district: '', cands: [['Brad Raffensperger', 'REP'], ['Bee Nguyễn', 'DEM'], ['Ted Metz', 'LIB']] },
];
const COUNTIES = ['Appling', 'Baldwin', 'Cobb', 'DeKalb', 'Fulton', 'Gwinnett', 'Chatham', 'Clarke', 'Dougherty', 'Richmond', 'Muscogee', 'Bibb'];

async function generate(path, target) {
  const rand = mulberry32(20170418);
  const totals = new Map(); // "office|district" → Map(candidate → votes)
  for (const r of RACES) totals.set(`${r.office}|${r.district}`, new Map(r.cands.map(([n]) => [n, 0])));
  const out = createWriteStream(path);
  out.write('county,precinct,office,district,party,candidate,votes\n');
  let bytes = 0;
  let rows = 0;
  let precinct = 0;
  let batch = '';
  while (bytes < target) {
    precinct++;
    const county = COUNTIES[precinct % COUNTIES.length];
    const name = q(precinct % 7 === 0 ? `Precinct ${precinct}, North` : `P${precinct}`);
    for (const r of RACES) {
      const t = totals.get(`${r.office}|${r.district}`);
      for (const [cand, party] of r.cands) {
        const votes = Math.floor(rand() * 900);
        t.set(cand, t.get(cand) + votes);
        const line = `${county},${name},${r.office},${r.district},${party},${q(cand)},${votes}\n`;
        batch += line;
        bytes += Buffer.byteLength(line);
        rows++;
      }
    }
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.write(batch);
  out.end();
  await once(out, 'finish');
  return { rows, totals };
}

// ---- timing ----------------------------------------------------------------------------------------------
// Wall time from hrtime (GNU time's %e has 10 ms steps); peak RSS from GNU time's %M.
function timed(cmd, argv, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number((r.stderr.trim().split('\n').pop() ?? '').trim());
  return { secs, rssMiB: kb / 1024, stdout: r.stdout, status: r.status, stderr: r.stderr };
}
function best(cmd, argv, n = runs) {
  let b = null;
  for (let i = 0; i < n; i++) {
    const r = timed(cmd, argv);
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
    if (!b || r.secs < b.secs) b = r;
  }
  return b;
}
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const label = size >= 1e9 ? `${size / 1e9}g` : `${Math.round(size / 1e6)}m`;
const file = `${dir}openelections-${label}.csv`;
const meta = `${file}.totals.json`;
let expected;
if (!existsSync(file) || !existsSync(meta)) {
  process.stderr.write(`generating ${file} …\n`);
  const { rows, totals } = await generate(file, size);
  expected = { rows, totals: Object.fromEntries([...totals].map(([k, m]) => [k, Object.fromEntries(m)])) };
  writeFileSync(meta, JSON.stringify(expected));
} else {
  expected = JSON.parse(await (await import('node:fs/promises')).readFile(meta, 'utf8'));
}
const bytes = statSync(file).size;
const mb = bytes / 1e6;

// Correctness first: runoff's totals must equal the generator's.
const check = timed(process.execPath, [`${root}bin/runoff.js`, '--json', file]);
if (check.status !== 0) throw new Error(`runoff failed:\n${check.stderr}`);
const doc = JSON.parse(check.stdout);
for (const race of doc.races) {
  const want = expected.totals[`${race.office}|${race.district}`];
  for (const c of race.candidates) {
    if (want?.[c.name] !== c.votes) throw new Error(`total mismatch in ${race.id} for ${c.name}: runoff ${c.votes}, generator ${want?.[c.name]}`);
  }
}
if (doc.races.length !== Object.keys(expected.totals).length) throw new Error('race count mismatch');
console.log(`file: ${file} — ${mb.toFixed(0)} MB, ${expected.rows.toLocaleString('en-US')} rows; totals checked against the generator ✓`);
console.log(`machine: ${(await import('node:os')).cpus().length} vCPU, Node ${process.version}; best of ${runs} runs, warm cache\n`);

const results = [];
results.push({ tool: 'runoff --json', ...best(process.execPath, [`${root}bin/runoff.js`, '--json', file]) });
results.push({ tool: 'wc -l', ...best('wc', ['-l', file]) });
if (has('mlr')) results.push({ tool: 'Miller (stats1 sum by race, candidate)', ...best('mlr', ['--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', 'votes', '-g', 'office,district,candidate', file], 1) });
if (has('python3')) {
  const py = 'import csv,sys,collections\nt=collections.Counter()\nwith open(sys.argv[1],newline="",encoding="utf-8") as f:\n r=csv.reader(f);next(r)\n for row in r: t[(row[2],row[3],row[5])]+=int(row[6])\nprint(len(t))';
  results.push({ tool: 'Python csv (sum by race, candidate)', ...best('python3', ['-c', py, file], 1) });
}
const runoff = results[0];
console.log('| tool | seconds | MB/s | rows/s | peak RSS MiB | runoff is × faster |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const ratio = r === runoff ? '—' : `${(r.secs / runoff.secs).toFixed(2)}×`;
  console.log(`| ${r.tool} | ${r.secs.toFixed(2)} | ${(mb / r.secs).toFixed(0)} | ${Math.round(expected.rows / r.secs).toLocaleString('en-US')} | ${r.rssMiB.toFixed(0)} | ${ratio} |`);
}

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
const small = median(process.execPath, [`${root}bin/runoff.js`, `${root}fixtures/ga-06-2017-04-18.csv`]);
console.log('\n| start-up (median of 15) | ms | × node -e 0 |');
console.log('|---|---:|---:|');
console.log(`| node -e 0 | ${nodeZero.toFixed(0)} | 1.00 |`);
console.log(`| runoff --version | ${version.toFixed(0)} | ${(version / nodeZero).toFixed(2)} |`);
console.log(`| runoff fixtures/ga-06-2017-04-18.csv | ${small.toFixed(0)} | ${(small / nodeZero).toFixed(2)} |`);
