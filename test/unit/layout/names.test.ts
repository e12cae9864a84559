import { raceKey } from '../../../src/model/race-key.js';
/** Near-duplicate candidate names within a race: reported always, merged only on request. */
import { describe, expect, it } from 'vitest';
import { checkNames, editDistance, variantKey } from '../../../src/layout/names.js';
import type { RaceTally } from '../../../src/model/types.js';
import fc from 'fast-check';
import { runs } from '../../support/runs.js';

const SUFFIX_OF_TEST = /\s*\((?:i|inc|incumbent|d|r|l|g|dem|rep|lib|lbt|grn|ind|gop|np|npa|con|democrat|democratic|republican|libertarian|green|independent|nonpartisan)\)\s*$/i;

function race(votes: Record<string, number>, office = 'U.S. Senate'): RaceTally {
  const candidates = new Map(Object.entries(votes).map(([name, v]) => [name, { name, party: '', votes: v, writeIn: name === 'Write-ins', rows: 1 }]));
  return { key: raceKey(office, '', null), office, district: '', party: null, candidates, blank: 0, invalid: 0, regions: null, rows: 0, firstSeen: { file: 'f.csv', line: 2 } };
}

describe('variant keys and edit distance', () => {
  it('ignores case, spacing and party or incumbent suffixes, nothing else', () => {
    expect(variantKey('Raphael Warnock (I) (Dem)')).toBe('raphael warnock');
    expect(variantKey('Gary VanDeaver(I)')).toBe('gary vandeaver');
    expect(variantKey('Donald J. Trump (Rep)')).toBe('donald j. trump');
    expect(variantKey('  Chris   Mcdaniel ')).toBe('chris mcdaniel');
    expect(variantKey('Raul (Roy) Barrera')).toBe('raul (roy) barrera');
  });

  it('gives plain ASCII names the same key as the full rule (NFKC, case, spaces, suffixes), on random names', () => {
    const full = (name: string): string => {
      let n = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
      for (let m = SUFFIX_OF_TEST.exec(n); m; m = SUFFIX_OF_TEST.exec(n)) n = n.slice(0, m.index).trim();
      return n;
    };
    const part = fc.constantFrom('Ann', 'LEE', 'o\'brien', 'Jr.', '(I)', '(Dem)', '(Roy)', 'rep)', '(', ')', ' ', '  ', '\t', '\u00a0', 'Ｊｏｅ', 'José', 'e\u0301', 'ﬁ', 'Ⅳ', '~', '!', '*', '/', '-');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const name = parts.join('');
        expect(variantKey(name)).toBe(full(name));
        const spaced = parts.join(' ');
        expect(variantKey(spaced)).toBe(full(spaced));
      }),
      { numRuns: runs(2000) },
    );
    expect(variantKey('Ann O\'Brien-Lee Jr.')).toBe("ann o'brien-lee jr.");
  });

  it('measures edit distance up to a limit', () => {
    expect(editDistance('danny bedweil', 'danny bedwell')).toBe(1);
    expect(editDistance('david baria', 'david batia')).toBe(1);
    expect(editDistance('jon ossoff', 'karen handel')).toBe(3);
    expect(editDistance('abc', 'abcdef')).toBe(3);
  });
});

describe('checkNames', () => {
  it('names both spellings and their votes, and merges only with --merge-names', () => {
    const r = race({ 'Raphael Warnock': 1815984, 'Raphael Warnock (I) (Dem)': 4649, 'Herschel Walker': 1717041 });
    expect(checkNames([r], false)).toEqual([
      { code: 'near-duplicate-name', file: 'f.csv', message: 'U.S. Senate: "Raphael Warnock" (1,815,984 votes) and "Raphael Warnock (I) (Dem)" (4,649 votes) differ only in case, spaces or a (party)/(I) suffix; --merge-names merges them' },
    ]);
    expect(r.candidates.size).toBe(3);
    expect(checkNames([r], true).map((w) => w.message)).toEqual(['U.S. Senate: merged "Raphael Warnock (I) (Dem)" (4,649 votes) into "Raphael Warnock" (1,815,984 votes) (--merge-names)']);
    expect(r.candidates.get('Raphael Warnock')).toMatchObject({ votes: 1820633, rows: 2 });
    expect(r.candidates.has('Raphael Warnock (I) (Dem)')).toBe(false);
  });

  it('reports one-letter slips but never merges them', () => {
    const r = race({ 'Danny Bedwell': 12941, 'Danny BedweIl': 29 });
    expect(checkNames([r], true)).toEqual([
      { code: 'near-duplicate-name', file: 'f.csv', message: 'U.S. Senate: "Danny Bedwell" (12,941 votes) and "Danny BedweIl" (29 votes) differ by 1 letter: one person misspelled? (not merged; check the source)' },
    ]);
    expect(r.candidates.size).toBe(2);
  });

  it('leaves short names, single tokens and write-in aggregates alone', () => {
    expect(checkNames([race({ A: 1, B: 2, Yes: 3, No: 4, G22USSDWAR: 5, G22USSRWAL: 6, 'Write-ins': 7, 'write-ins': 1 })], true)).toEqual([]);
  });
});
