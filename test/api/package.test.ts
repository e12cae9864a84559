/**
 * The library as a user gets it: `npm pack`, installed into a new project, a TypeScript file type-checked
 * against the published declarations and run. Needs the build (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';
import { fullDepthOnly } from '../support/runs.js';

const work = mkdtempSync(join(tmpdir(), 'runoff-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const USE = `import { count, toDocument, rules, type ElectionDoc, type RaceDoc } from 'runoff';

const election = await count(['${ROOT}fixtures/ga-06-2017-04-18-special-jungle.csv'], { rule: 'us-ga' });
const doc: ElectionDoc = toDocument(election);
const race: RaceDoc | undefined = doc.races[0];
if (race?.outcome.status === 'runoff') console.log(race.outcome.runoff.join(' vs '));
const bytes = new TextEncoder().encode('office,candidate,votes\\nMayor,A,3\\nMayor,B,1\\n');
const small = toDocument(await count([{ name: 'inline.csv', data: bytes }]));
const o = small.races[0]?.outcome;
console.log(o?.status === 'winner' ? o.winner : 'none', rules.length > 30);
`;

describe.skipIf(fullDepthOnly('the packed library'))('the packed library', () => {
  it('installs from its tarball, type-checks and runs', { timeout: 240_000 }, () => {
    // The quick build (`npm test`) skips the declarations: build them here, as `prepare` does before a publish.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true, dependencies: { runoff: `file:${join(work, tarball ?? '')}` } }));
    writeFileSync(join(app, 'use.ts'), USE);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, typeRoots: [join(ROOT, 'node_modules/@types')], types: ['node'] },
      files: ['use.ts'],
    }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, stdio: 'pipe' });
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, stdio: 'pipe' });
    const out = execFileSync(process.execPath, [join(app, 'out/use.js')], { cwd: app, encoding: 'utf8' });
    expect(out).toBe('Jon Ossoff vs Karen Handel\nA true\n');
  });
});
