// npm run bench -- --limits — the size limits: peak RSS and seconds beside the line count for the shapes that
// used to break or balloon (4 M rows without a precinct column, with and without counties; 300 k races in
// --json, NDJSON and the table; one race with 130 k candidates; --by precinct with 125 k areas). Files are
// generated once into bench-data/limits/ (a file whose generator changed is renamed, so no stale file is read).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { batchWriter, timed } from './bench-lib.mjs';

async function write(path, header, count, line) {
  const out = batchWriter(path);
  await out.write(`${header}\n`);
  for (let i = 0; i < count; i++) await out.write(line(i));
  await out.end();
}

/** Eight names far enough apart that the near-duplicate check has nothing to say about them. */
const NAMES = ['Ann Lee', 'Bo Diaz', 'Cy Park', 'Di Ross', 'Ed Kim', 'Flo Cruz', 'Gus Hall', 'Hal Wynn'];

const CASES = [
  // A county-level file: 250 counties × 2,000 races × 8 candidates, one row each, no precinct column. Every row
  // is a distinct (county, race, candidate) key, so memory grows with those keys (about 50 bytes each, kept for
  // the per-county checks) and with the rows' 96-bit digests (de-duplication, 16 bytes each and 2–4 of heads).
  { name: '4 M rows, 250 counties × 16,000 race × candidate keys, no precinct column', file: 'counties-4m.csv', argv: ['--json'], make: (p) => write(p, 'county,office,district,candidate,votes', 4_000_000, (i) => `County ${i % 250},State House,${(i / 250) >> 3},${NAMES[(i / 250) & 7]},${((i * 7919) % 997) + 1}\n`) },
  // Rows without county or precinct: partial counts of 2,000 races × 8 candidates, added up. The keys are few;
  // only the row digests grow with the file.
  { name: '4 M rows, no county or precinct column, 16,000 keys', file: 'rows-4m-partial.csv', argv: ['--json'], make: (p) => write(p, 'office,district,candidate,votes', 4_000_000, (i) => `State House,${(i >> 3) % 2000},${NAMES[i & 7]},${((i * 7919) % 99_991) + 1}\n`) },
  // 300,000 races of two candidates: the per-race cost, in each streamed format.
  ...[['--json'], ['--format', 'ndjson'], []].map((argv) => ({ name: `300 k races, ${argv.length ? argv.join(' ') : 'table'}`, file: 'races-300k.csv', argv, make: (p) => write(p, 'office,district,candidate,votes', 300_000, (i) => `State House,${i},Alice ${i % 97},${(i % 1000) + 10}\nState House,${i},Bob ${i % 89},${(i % 777) + 5}\n`) })),
  { name: '130 k candidates in one race', file: 'candidates-130k.csv', argv: [], make: (p) => write(p, 'office,candidate,votes', 130_000, (i) => `Mayor,Cand ${i},${(i % 1000) + 1}\n`) },
  { name: '--by precinct, 125 k areas', file: 'areas-125k.csv', argv: ['--by', 'precinct'], make: (p) => write(p, 'office,precinct,candidate,votes', 125_000, (i) => `Mayor,P${i},Alice,${(i % 7) + 1}\nMayor,P${i},Bob,${(i % 5) + 1}\n`) },
];

export async function benchLimits(root) {
  const dir = `${root}bench-data/limits/`;
  mkdirSync(dir, { recursive: true });
  console.log(`limits: Node ${process.version}, one run each, output to /dev/null\n`);
  console.log('| input | lines | seconds | peak RSS MiB | exit |');
  console.log('|---|---:|---:|---:|---:|');
  for (const c of CASES) {
    const path = dir + c.file;
    if (!existsSync(path)) {
      process.stderr.write(`generating ${path} …\n`);
      await c.make(path);
    }
    const lines = spawnSync('wc', ['-l', path], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0];
    const r = timed(process.execPath, [`${root}bin/runoff.js`, ...c.argv, path], { discard: true });
    console.log(`| ${c.name} (\`runoff ${[...c.argv, c.file].join(' ')}\`) | ${Number(lines).toLocaleString('en-US')} | ${r.secs.toFixed(2)} | ${r.rssMiB.toFixed(0)} | ${r.status} |`);
  }
}
