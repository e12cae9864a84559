import { describe, expect, it } from 'vitest';
import { StringRecord, type RecordView } from '../../../src/read/record-view.js';
import { SpanRecord } from '../../../src/read/span-record.js';
import { BAD, isCount, MISSING } from '../../../src/read/votes.js';
import { eachRecord } from './spans.js';

/** Each record of `text` through a SpanRecord and, for the same cells, a StringRecord: `ask` must answer alike. */
function both<T>(text: string, ask: (rec: RecordView) => T): T[] {
  const span = new SpanRecord();
  const string = new StringRecord();
  const out: T[] = [];
  eachRecord(text, (r) => {
    span.r = r;
    const fromBytes = ask(span);
    const cells = Array.from({ length: r.count }, (_, i) => span.text(i));
    expect(ask(string.set(cells, r.line))).toEqual(fromBytes);
    out.push(fromBytes);
  });
  return out;
}

describe('lastCells on one column (LastCell)', () => {
  const county = [0];
  const same = (text: string): boolean[] => both(text, (rec) => rec.lastCells(county).same());

  it('is false the first time, then true while the cell stays the same', () => {
    expect(same('Cobb,1\nCobb,2\nCobb,3\n')).toEqual([false, true, true]);
  });

  it('is false when the cell changes, also to one of the same length, and remembers the new cell', () => {
    expect(same('Cobb,1\nBibb,2\nBibb,3\nCobb,4\nCobbs,5\n,6\n,7\n')).toEqual([false, false, true, false, false, false, true]);
  });

  it('tells a quoted cell whose "" is one quote from the same bytes unquoted', () => {
    expect(same('"a""b",1\na""b,2\n"a""b",3\n"a""b",4\n')).toEqual([false, false, false, true]);
  });

  it('keeps cells longer than its first buffer', () => {
    const long = 'x'.repeat(500);
    expect(same(`${long},1\n${long},2\n${long}y,3\n`)).toEqual([false, true, false]);
  });
});

describe('lastCells on several columns (LastCells)', () => {
  const place = [0, 1];
  const same = (text: string): boolean[] => both(text, (rec) => rec.lastCells(place).same());

  it('is true only when every cell is the same', () => {
    expect(same('W1,P1,5\nW1,P1,6\nW1,P2,7\nW2,P2,8\nW2,P2,9\n')).toEqual([false, true, false, false, true]);
  });

  it('tells cells apart when bytes move from one cell to the next', () => {
    expect(same('ab,c\na,bc\na,bc\n')).toEqual([false, false, true]);
  });
});

describe('lastCells trackers', () => {
  it('hands out one tracker per columns array, each with a memory of its own', () => {
    const county = [0];
    const alsoCounty = [0];
    const answers = both('Cobb\nCobb\n', (rec) => [rec.lastCells(county).same(), rec.lastCells(alsoCounty).same(), rec.lastCells(county) === rec.lastCells(county)]);
    expect(answers).toEqual([
      [false, false, true],
      [true, true, true],
    ]);
  });

  it('refuses an array made per record (its memory would never match)', () => {
    expect(() => both('a\n'.repeat(40), (rec) => rec.lastCells([0]).same())).toThrow(/same array/);
  });
});

describe('votes', () => {
  const votes = (text: string): unknown[] => both(text, (rec) => rec.votes(0));

  it('reads plain digits from bytes as the string view reads them', () => {
    expect(votes('0\n7\n123456789012345\n')).toEqual([0, 7, 123456789012345]);
  });

  it('sends everything else through parseVotes: grouped, missing, bad, too long for the byte path', () => {
    expect(votes('"1,234"\n\n  \nabc\n-5\n1234567890123456\n99999999999999999999\n')).toEqual([1234, MISSING, MISSING, BAD, BAD, 1234567890123456, BAD]);
  });

  it('says which values are counts', () => {
    expect([0, 5].map((n) => isCount(votes(`${n}\n`)[0] as never))).toEqual([true, true]);
    expect(isCount(MISSING) || isCount(BAD)).toBe(false);
  });
});
