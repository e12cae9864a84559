// npm run bench -- --limits — the size limits: peak RSS and seconds beside the line count for the four shapes
// that used to break or balloon (4 M rows without a precinct column, 300 k races with --json, one race with
// 130 k candidates, --by precinct with 125 k areas). Files are generated once into bench-data/limits/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { batchWriter, timed } from './bench-lib.mjs';

async function write(path, header, count, line) {
  const out = batchWriter(path);
  await out.write(`${header}\n`);
  for (let i = 0; i < count; i++) await out.write(line(i));
  await out.end();
}

const CASES = [
  // Rows without a precinct column are de-duplicated by a 96-bit digest per row: memory grows with rows here.
  { name: '4 M rows, no precinct column', file: 'rows-4m.csv', argv: ['--json'], make: (p) => write(p, 'county,office,candidate,votes', 4_000_000, (i) => `County ${i >> 3},Mayor,Cand ${i & 7},${(i % 997) + 1}\n`) },
  { name: '300 k races, --json', file: 'races-300k.csv', argv: ['--json'], make: (p) => write(p, 'office,district,candidate,votes', 300_000, (i) => `State House,${i},Alice ${i % 97},${(i % 1000) + 10}\nState House,${i},Bob ${i % 89},${(i % 777) + 5}\n`) },
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
