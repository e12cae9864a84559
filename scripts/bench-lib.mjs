// What the benchmark scripts (bench.mjs, bench-irv.mjs, bench-limits.mjs) share: a fixed-seed PRNG, so every
// run generates the same election; a batched file writer that waits on back-pressure, so gigabyte files are
// written without being held in memory; and timing with peak RSS, one process at a time.
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small 32-bit PRNG; the same seed gives the same numbers on every machine. */
export function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Appends text to a new file in batches of about 1 MiB. `write` returns a promise only when the stream asked
 * to wait ('drain'), so a generator can `await` it per line at almost no cost.
 */
export function batchWriter(path) {
  const out = createWriteStream(path);
  let batch = '';
  return {
    write(text) {
      batch += text;
      if (batch.length <= 1 << 20) return undefined;
      const full = out.write(batch);
      batch = '';
      return full ? undefined : once(out, 'drain');
    },
    async end() {
      out.end(batch);
      batch = '';
      await once(out, 'finish');
    },
  };
}

/**
 * One run of a command under GNU time: wall seconds from hrtime (time's %e has 10 ms steps), user CPU seconds
 * and peak RSS from %U and %M. `discard` sends stdout to /dev/null, for outputs larger than a pipe buffer.
 */
export function timed(cmd, argv, { discard = false } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %M', cmd, ...argv], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(discard ? { stdio: ['ignore', 'ignore', 'pipe'] } : {}),
  });
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  // time's line is the last of stderr, after anything the command wrote there
  const [user = 'NaN', kib = 'NaN'] = (r.stderr.trim().split('\n').pop() ?? '').trim().split(' ');
  return { secs, userSecs: Number(user), rssMiB: Number(kib) / 1024, stdout: r.stdout ?? '', status: r.status, stderr: r.stderr };
}

/** The fastest of n runs (wall time); a failed run stops the benchmark with its stderr. */
export function best(cmd, argv, n) {
  return bestAlternating([[cmd, argv]], n)[0];
}

/**
 * The fastest run of each of several commands ([cmd, argv] pairs) over n rounds, each round running every
 * command once in turn: a machine whose speed drifts over minutes (a shared virtual machine) then slows them
 * alike, and the ratio between them holds better than between blocks of runs minutes apart. Each result also
 * has the median wall time of its runs (`medianSecs`), since one lucky run can make a best.
 */
export function bestAlternating(commands, n) {
  const fastest = commands.map(() => null);
  const all = commands.map(() => []);
  for (let i = 0; i < n; i++) {
    commands.forEach(([cmd, argv], k) => {
      const r = timed(cmd, argv);
      if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
      all[k].push(r.secs);
      if (!fastest[k] || r.secs < fastest[k].secs) fastest[k] = r;
    });
  }
  return fastest.map((r, k) => ({ ...r, medianSecs: all[k].sort((a, b) => a - b)[Math.floor(n / 2)] }));
}

/** Whether a command is on the PATH (the optional comparisons run only when it is). */
export const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
