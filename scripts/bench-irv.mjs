#!/usr/bin/env node
/**
 * Instant-runoff speed: writes 1,000,000 ballots × 5 ranks as a rank-column CSV (about 29 MB, a fixed-seed
 * PRNG, so every run counts the same election) to a temporary folder, then times, each in a fresh process,
 * (1) runoff reading and counting it and (2) a plain Python count that also groups identical ballots.
 * Prints wall and user seconds, ballots per second, peak RSS and the ratio; then the whole command line on the same
 * file (start-up, detection and rendering included), and every single-winner case of RCTab's regression suite
 * through `runoff --rctab` when the real-data folder is beside the clone, the slowest named.
 * Usage: node scripts/bench-irv.mjs [ballots]   (also `npm run bench -- --irv`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { batchWriter, best, mulberry32, timed } from './bench-lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// `--write PATH` only writes the ballots file (to profile the count on it with node --cpu-prof)
const WRITE_ONLY = process.argv[2] === '--write' ? process.argv[3] : undefined;
const BALLOTS = Number((WRITE_ONLY === undefined ? process.argv[2] : process.argv[4]) ?? 1_000_000);
if (!Number.isSafeInteger(BALLOTS) || BALLOTS < 1) {
  console.error('usage: node scripts/bench-irv.mjs [ballots]   (default 1000000; --write PATH [ballots] only writes the file)');
  process.exit(2);
}
const NAMES = ['Alvarez', 'Brooks', 'Chen', 'Diallo', 'Evans', 'Fischer', 'Garcia', 'Haddad'];
// first-choice popularity: uneven, so the count runs several rounds
const WEIGHTS = [30, 24, 16, 12, 8, 5, 3, 2];

async function writeBallots(path) {
  const random = mulberry32(20240611);
  const out = batchWriter(path);
  await out.write('Ballot ID,1st Choice,2nd Choice,3rd Choice,4th Choice,5th Choice\n');
  for (let i = 1; i <= BALLOTS; i++) {
    const left = NAMES.map((_, k) => k);
    const row = [];
    const depth = 1 + Math.floor(random() * 5);
    for (let r = 0; r < 5; r++) {
      if (r >= depth) {
        row.push('');
        continue;
      }
      let x = random() * left.reduce((s, k) => s + (WEIGHTS[k] ?? 1), 0);
      let pick = 0;
      while (x >= (WEIGHTS[left[pick]] ?? 1) && pick < left.length - 1) x -= WEIGHTS[left[pick++]] ?? 1;
      row.push(NAMES[left[pick]]);
      left.splice(pick, 1);
    }
    await out.write(`${i},${row.join(',')}\n`);
  }
  await out.end();
}

const RUNNER = `
import { scanRankColumns, RANK_COLUMN_LABELS } from '${ROOT}src/read/cvr/rank-columns.ts';
import { BallotPool, tabulatePool, irvDefaults } from '${ROOT}src/count/irv/index.ts';
const names = ${JSON.stringify(NAMES)};
const start = performance.now();
const pool = new BallotPool({ ...irvDefaults(names.map((name) => ({ name }))), maxSkippedRanksAllowed: 'unlimited' });
await scanRankColumns({ path: process.argv[2], format: 'rank-columns' }, (vote) => pool.add(vote, RANK_COLUMN_LABELS));
const result = tabulatePool(pool);
const seconds = (performance.now() - start) / 1000;
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds, userSeconds: usage.userCPUTime / 1e6, maxRssMiB: usage.maxRSS / 1024, winner: result.outcome.winner, rounds: result.rounds.length, groups: pool.groups.size }));
`;

const PYTHON = `
import csv, sys, time, resource, json
start = time.perf_counter()
groups = {}
with open(sys.argv[1], newline='') as f:
    reader = csv.reader(f)
    next(reader)
    for row in reader:
        key = tuple(c for c in row[1:6] if c)
        groups[key] = groups.get(key, 0) + 1
out = set()
rounds = 0
while True:
    rounds += 1
    tally = {}
    for key, n in groups.items():
        for c in key:
            if c not in out:
                tally[c] = tally.get(c, 0) + n
                break
    names = set(c for key in groups for c in key) - out
    for c in names: tally.setdefault(c, 0)
    total = sum(tally.values())
    top = max(tally, key=lambda c: tally[c])
    if tally[top] * 2 > total or len(tally) <= 2:
        break
    out.add(min(tally, key=lambda c: (tally[c], c)))
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({'seconds': seconds, 'userSeconds': usage.ru_utime, 'maxRssMiB': usage.ru_maxrss / 1024, 'winner': top, 'rounds': rounds, 'groups': len(groups)}))
`;

if (WRITE_ONLY !== undefined) {
  await writeBallots(WRITE_ONLY);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'runoff-bench-irv-'));
try {
  const csvPath = join(dir, 'ballots.csv');
  console.log(`writing ${BALLOTS.toLocaleString('en-US')} ballots …`);
  await writeBallots(csvPath);
  writeFileSync(join(dir, 'runner.ts'), RUNNER);
  await build({ entryPoints: [join(dir, 'runner.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(dir, 'runner.mjs'), logLevel: 'error' });
  writeFileSync(join(dir, 'count.py'), PYTHON);
  const ours = JSON.parse(spawnSync(process.execPath, [join(dir, 'runner.mjs'), csvPath], { encoding: 'utf8' }).stdout);
  const python = JSON.parse(spawnSync('python3', [join(dir, 'count.py'), csvPath], { encoding: 'utf8' }).stdout);
  // user CPU time is printed beside wall time: on a shared machine it moves less with the load
  const row = (label, r) =>
    `${label.padEnd(8)} ${r.seconds.toFixed(2)} s wall  ${r.userSeconds.toFixed(2)} s user  ${Math.round(BALLOTS / r.seconds).toLocaleString('en-US')} ballots/s  ` +
    `${r.maxRssMiB.toFixed(0)} MiB peak RSS  winner ${r.winner} in ${r.rounds} rounds, ${r.groups} distinct ballots`;
  console.log(row('runoff', ours));
  console.log(row('python', python));
  console.log(`ratio    ${(python.seconds / ours.seconds).toFixed(1)}× faster than the Python count (${(python.userSeconds / ours.userSeconds).toFixed(1)}× in user time)`);
  const cli = best(process.execPath, [join(ROOT, 'bin/runoff.js'), '--json', csvPath], 3);
  console.log(`runoff --json ${csvPath.split('/').pop()} (the command line, best of 3): ${cli.secs.toFixed(2)} s wall  ${cli.userSecs.toFixed(2)} s user  ${cli.rssMiB.toFixed(0)} MiB peak RSS`);
  rctabSuite();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Every RCTab single-winner case with an expected report, through the CLI: the total and the slowest case. */
function rctabSuite() {
  const suite = join(ROOT, '../shared/data/rctab');
  if (!existsSync(suite)) return console.log(`RCTab suite: ${suite} is absent, not timed`);
  const cases = readdirSync(suite).filter((name) => existsSync(join(suite, name, `${name}_config.json`)) && existsSync(join(suite, name, `${name}_expected_detailed_report.json`)));
  let total = 0;
  let slowest = { name: '', secs: 0, rssMiB: 0 };
  let counted = 0;
  const refused = [];
  for (const name of cases) {
    const r = timed(process.execPath, [join(ROOT, 'bin/runoff.js'), '--json', '--rctab', join(suite, name, `${name}_config.json`)], { discard: true });
    // multi-winner and sequential cases are refused by design: named below, never timed
    if (r.status !== 0) {
      refused.push(`${name} (exit ${r.status})`);
      continue;
    }
    counted++;
    total += r.secs;
    if (r.secs > slowest.secs) slowest = { name, secs: r.secs, rssMiB: r.rssMiB };
  }
  console.log(`RCTab suite: ${counted} cases counted through runoff --rctab in ${total.toFixed(2)} s (start-up included); slowest ${slowest.name} ${slowest.secs.toFixed(2)} s, ${slowest.rssMiB.toFixed(0)} MiB peak RSS`);
  if (refused.length > 0) console.log(`RCTab suite: ${refused.length} refused: ${refused.join(', ')}`);
}
