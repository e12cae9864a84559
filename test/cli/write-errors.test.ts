/** A failed write is an error (exit 3); a reader that stops early is not; stderr's own failures change nothing. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, fixture, run } from '../support/run.js';
import { firstRace, outlook, parseDoc } from '../support/doc.js';

const full = existsSync('/dev/full');

function toDevFull(argv: string[]): { code: number | null; stderr: string } {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!full)('writing to a full disk (/dev/full)', () => {
  it.each([
    ['table', [fixture('ga-06-2017-04-18-special-jungle.csv')]],
    ['json', ['--json', fixture('ga-06-2017-04-18-special-jungle.csv')]],
    ['csv', ['--format', 'csv', fixture('ga-06-2017-04-18-special-jungle.csv')]],
    ['races', ['races', fixture('ga-06-2017-04-18-special-jungle.csv')]],
    ['rules', ['rules']],
    ['schema', ['schema']],
    ['completion', ['completion', 'bash']],
  ])('%s: one line on stderr and exit 3', (_name, argv) => {
    const r = toDevFull(argv);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/(^|\n)runoff: cannot write the output: ENOSPC\n  hint: /);
  });
});

/** Output of many 64 KB writes: 4,000 two-candidate races (votes made up; only the output's integrity is tested). */
const dir = mkdtempSync(join(tmpdir(), 'runoff-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const many = join(dir, 'many-races.csv');
writeFileSync(many, `office,district,candidate,votes\n${Array.from({ length: 4000 }, (_, i) => `State House,${i},Ann Lee,${i + 10}\nState House,${i},Bo Diaz,${2 * i + 7}\n`).join('')}`);

describe.skipIf(!full)('a large output to a full disk', () => {
  it('fails once: one error line, exit 3, nothing written after the first failed write', () => {
    const r = toDevFull(['--format', 'ndjson', many]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('runoff: cannot write the output: ENOSPC\n  hint: check free space on the output\'s disk, or write somewhere else\n');
  });
});

describe('a pipe to a slow reader', () => {
  it('gets the whole output, in order, as a file does: writes wait for the reader instead of queueing in memory', () => {
    const file = join(dir, 'out.ndjson');
    const direct = spawnSync(process.execPath, [BIN, '--format', 'ndjson', many], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    expect(direct.status).toBe(0);
    const slow = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" --format ndjson "${many}" | (sleep 0.5; cat > "${file}")`], { encoding: 'utf8' });
    expect(slow.status).toBe(0);
    const lines = direct.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4000);
    expect(JSON.parse(lines[3999] ?? '').totalVotes).toBe(3999 + 10 + 2 * 3999 + 7);
    expect(readFileSync(file, 'utf8')).toBe(direct.stdout);
  });
});

describe('a pipe closed by the reader', () => {
  it('a pending exit 1 stays 1 when stderr is a closed pipe', () => {
    const s = spawnSync('bash', ['-c', `set -o pipefail; printf 'a,b\\n' | "${process.execPath}" "${BIN}" 2>&1 | true; echo "exit \${PIPESTATUS[1]}"`], { encoding: 'utf8' });
    expect(s.stdout).toBe('exit 1\n');
  });
});

describe('option values', () => {
  it('--outstanding takes 1_000 and 1,000 like --registered does (one number parser)', async () => {
    const a = await run(['--json', '--outstanding', '10_000', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    const b = await run(['--json', '--outstanding', '10,000', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(outlook(firstRace(parseDoc(a.stdout))).outstanding).toBe(10000);
  });
  it('--json with another --format is a usage error, in either order', async () => {
    for (const argv of [['--json', '--format', 'csv'], ['--format', 'csv', '--json']]) {
      const r = await run([...argv, fixture('ga-06-2017-04-18-special-jungle.csv')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--json and --format csv ask for two output formats/);
    }
  });
  it('--delimiter given a line ending says so', async () => {
    const r = await run(['--delimiter', '\r', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a line ending, not a field delimiter/);
  });
});
