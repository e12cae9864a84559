// Rewrite the output under every `$ runoff …` example in README.md with what the built binary prints now
// (after `npm run build`). test/cli/readme.test.ts checks the same examples; review the diff before committing.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = mkdtempSync(join(tmpdir(), 'runoff-readme-'));
writeFileSync(join(bin, 'runoff'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin/runoff.js')}" "$@"\n`);
chmodSync(join(bin, 'runoff'), 0o755);

const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
const out = [];
let inFence = false;
for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  if (line.startsWith('```')) inFence = !inFence;
  out.push(line);
  if (!inFence || !line.startsWith('$ ') || !/(^|\|\s*|&&\s*)runoff\b/.test(line.slice(2))) continue;
  // Skip the old output: up to the next command, a blank line followed by a command, or the fence's end.
  let j = i + 1;
  while (j < lines.length && !lines[j].startsWith('$ ') && !lines[j].startsWith('```')) j++;
  const trailingBlank = j < lines.length && lines[j].startsWith('$ ') && lines[j - 1] === '';
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', line.slice(2)], { cwd: root, env: { PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
  const text = r.stdout.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  if (text !== '') out.push(...text.split('\n'));
  if (trailingBlank) out.push('');
  i = j - 1;
}
writeFileSync(join(root, 'README.md'), out.join('\n'));
