/**
 * The ranges of a file counted on two cores (pipeline/ranges.ts, count-range.ts), in one thread: a range cut
 * from another's unread bytes starts at a change of place; a cut never lands where the owner has read; ranges
 * counted apart and folded in file order give the state of one count of the whole; a range cut inside a record
 * is not taken in.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerIn } from '../../../src/pipeline/head.js';
import { countRange, type RangeJob } from '../../../src/pipeline/count-range.js';
import { fold, MAIN, placeBoundary, RangeControl, steal, WORKER, type RangeEnd } from '../../../src/pipeline/ranges.js';
import type { Header } from '../../../src/layout/header.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-ranges-'));
const path = join(dir, 'precincts.csv');
const HEADER = 'county,precinct,office,candidate,votes\n';
const rows: string[] = [];
for (let p = 0; p < 3000; p++) {
  const county = p < 1000 ? 'Cobb' : p < 2000 ? 'Fulton' : 'DeKalb';
  rows.push(`${county},P${p},Gov,Ann,${p % 97}\n${county},P${p},Gov,"Zinn, Jr.",${p % 89}\n`);
  // A race first seen late, a missing vote and a county total row: first lines, notes and checks to fold.
  if (p === 2500) rows.push(`${county},P${p},Mayor,Bo,5\n`);
  if (p === 1700) rows.push(`${county},P${p},Mayor,Bo,\n`);
  if (p === 2999) rows.push('DeKalb,P2999,Gov,Total,1\n');
}
const text = HEADER + rows.join('');
const size = Buffer.byteLength(text);
const B = Buffer.byteLength(HEADER) + Buffer.byteLength(rows.slice(0, 1000).join(''));
let handle: FileHandle;
let header: Header;

beforeAll(async () => {
  writeFileSync(path, text);
  handle = await open(path, 'r');
  header = (await headerIn(Buffer.from(text.slice(0, 4096)), { file: path, partyPrimary: null })) as Header;
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const job = (control: RangeControl): RangeJob => ({
  path, file: path, from: B, to: size, control: control.shared, minimumCut: 256, header: header.cells, headerLine: header.line, partyPrimary: null,
  family: null, names: null, skipBadRows: false, regionColumn: -1, regionParents: [], tracksRegions: false,
});

/** Counts `from`..`to` as `slot`'s range. */
async function count(from: number, to: number, slot = WORKER): Promise<RangeEnd> {
  const control = new RangeControl();
  control.set(slot, from, to);
  return countRange(job(control), handle, control, slot, from, () => undefined);
}

describe('ranges', () => {
  it('a thread done first takes the second half of the other\'s unread bytes, from a change of place', async () => {
    const control = new RangeControl();
    control.set(WORKER, B, size);
    const taken = await steal(control, WORKER, MAIN, handle, header, 256);
    expect(taken).not.toBeNull();
    const cut = (taken as { from: number }).from;
    expect(cut).toBeGreaterThanOrEqual(B + (size - B) / 2);
    expect(text[cut - 1]).toBe('\n');
    expect(text.slice(cut, cut + 40).split(',').slice(0, 2)).not.toEqual(text.slice(text.lastIndexOf('\n', cut - 2) + 1, cut).split(',').slice(0, 2));
    expect(control.unread(WORKER)).toEqual([B, cut]);
    expect(control.unread(MAIN)).toEqual([cut, size]);
  });

  it('never cuts where the owner has started reading, nor a range too short to share', async () => {
    const control = new RangeControl();
    control.set(WORKER, B, size);
    expect(control.limit(WORKER)(B, size)).toBe(size - B); // the owner reserves every byte left
    expect(await steal(control, WORKER, MAIN, handle, header, 256)).toBeNull();
    control.set(WORKER, B, B + 400);
    expect(await steal(control, WORKER, MAIN, handle, header, 256)).toBeNull();
    // A cut is taken only past the bytes reserved, and against the end it was worked out from.
    control.set(WORKER, B, size);
    expect(control.limit(WORKER)(B, 1000)).toBe(1000);
    expect(control.cut(WORKER, B + 500, size, MAIN)).toBe(false);
    expect(control.cut(WORKER, B + 2000, size - 1, MAIN)).toBe(false);
    expect(control.cut(WORKER, B + 2000, size, MAIN)).toBe(true);
    expect(control.limit(WORKER)(B + 1000, 5000)).toBe(1000); // the owner's next read stops at the cut
  });

  it('ranges counted apart and folded in file order give the state of one count', async () => {
    const whole = await count(B, size);
    const c1 = (await placeBoundary(handle, B + 20_000, size, header)) as number;
    const c2 = (await placeBoundary(handle, c1 + 20_000, size, header)) as number;
    const parts = [await count(B, c1), await count(c1, c2, MAIN), await count(c2, size)];
    expect(parts.map((p) => p.blocker)).toEqual([null, null, null]);
    const folded = fold(parts, header.layout, path, false) as RangeEnd;
    expect(typeof folded).toBe('object');
    expect({ ...folded, state: { ...folded.state, keys: 0 } }).toEqual({ ...whole, state: { ...whole.state, keys: 0 } });
    // Keys are summed (a key in two ranges is two): an upper bound, for the limit on keys.
    expect(folded.state?.keys).toBe(parts.reduce((n, p) => n + (p.state?.keys ?? 0), 0));
    expect(folded.state?.keys).toBeGreaterThan(whole.state?.keys ?? 0);
  });

  it('does not take in ranges that leave a gap, or a place on both sides of a cut', async () => {
    const c1 = (await placeBoundary(handle, B + 20_000, size, header)) as number;
    const a = await count(B, c1);
    const b = await count(c1, size);
    expect(fold([a, { ...b, from: c1 + 1 }], header.layout, path, false)).toBe('the ranges do not meet');
    expect(fold([{ ...a, last: b.first }, b], header.layout, path, false)).toBe('one place on both sides of a cut');
  });

  it('a range cut inside a record (a quoted cell) is not taken in', async () => {
    const quoted = join(dir, 'quoted.csv');
    const body = `${HEADER}Cobb,P1,Gov,Ann,1\nCobb,"P2\nNorth",Gov,Ann,2\nCobb,P3,Gov,Ann,3\n`;
    writeFileSync(quoted, body);
    const h = await open(quoted, 'r');
    try {
      const control = new RangeControl();
      const from = Buffer.byteLength(`${HEADER}Cobb,P1,Gov,Ann,1\n`);
      const cut = body.indexOf('North'); // after the line break inside the quoted cell
      control.set(WORKER, from, cut);
      const end = await countRange({ ...job(control), path: quoted, file: quoted, to: body.length }, h, control, WORKER, from, () => undefined);
      expect(end.blocker).toBe('a cut inside a record');
      expect(end.state).toBeNull();
    } finally {
      await h.close();
    }
  });
});
