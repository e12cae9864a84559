import { describe, expect, it } from 'vitest';
import { essLayout, essRankHeader, essRankOfHeader, looksLikeEssHeader } from '../../../../src/read/cvr/ess-header.js';

const row = (texts: string[], at = 1) => ({ row: at, cells: new Map(texts.flatMap((t, i) => (t === '' ? [] : [[i, t] as [number, string]]))) });

describe('ES&S header without a config', () => {
  it('reads the rank of a header, ES&S column ids in parentheses aside', () => {
    expect(essRankOfHeader('For Mayor Choice 1 (45)')).toBe(1);
    expect(essRankOfHeader('For Mayor Choice 12 (100)')).toBe(12);
    expect(essRankOfHeader('Mayor (2)')).toBe(2);
    expect(essRankOfHeader(' 4th Choice')).toBe(4);
    expect(essRankOfHeader('Ballot Style')).toBeNull();
    expect(essRankOfHeader('1')).toBeNull();
  });

  it('reads the contest named before the rank', () => {
    expect(essRankHeader('For Mayor Choice 1 (45)')).toEqual({ rank: 1, contest: 'For Mayor' });
    expect(essRankHeader('City Council 2nd choice')).toEqual({ rank: 2, contest: 'City Council' });
    expect(essRankHeader('Mayor (3)')).toEqual({ rank: 3, contest: 'Mayor' });
    expect(essRankHeader('Rank 4')).toEqual({ rank: 4, contest: '' });
  });

  it('picks the contest --contest names, and only its columns', () => {
    const header = row(['Cast Vote Record', 'Mayor Choice 1', 'Mayor Choice 2', 'Council Choice 1', 'Council Choice 2', 'Council Choice 3']);
    expect(essLayout(header, 'x.xlsx', 'council')).toEqual({ firstVoteColumnIndex: 4, firstVoteRowIndex: 2, maxRankings: 3 });
    expect(essLayout(header, 'x.xlsx', 'mayor')).toEqual({ firstVoteColumnIndex: 2, firstVoteRowIndex: 2, maxRankings: 2 });
    expect(() => essLayout(header, 'x.xlsx')).toThrow(/rank columns for 2 contests \("Mayor", "Council"\)/);
  });

  it('gives the source fields a config would: first rank column and row, ranks, precinct (1-based)', () => {
    const header = row(['Cast Vote Record', 'Precinct', 'Ballot Style', 'For Mayor Choice 1 (45)', 'For Mayor Choice 2 (50)', 'For Mayor Choice 3 (55)', 'Count'], 3);
    expect(looksLikeEssHeader(header)).toBe(true);
    expect(essLayout(header, 'x.xlsx')).toEqual({ firstVoteColumnIndex: 4, firstVoteRowIndex: 4, maxRankings: 3, precinctColumnIndex: 2 });
    expect(essLayout(row(['Ballot #', '1st Choice', '2nd Choice']), 'x.xlsx')).toEqual({ firstVoteColumnIndex: 2, firstVoteRowIndex: 2, maxRankings: 2 });
  });

  it('a header with neither rank columns nor "Cast Vote Record" is not a cast-vote record', () => {
    expect(looksLikeEssHeader(row(['', '1', '2', '3']))).toBe(false);
    expect(looksLikeEssHeader(row(['Candidate', 'Votes']))).toBe(false);
    expect(looksLikeEssHeader(row(['Cast Vote Record', 'A']))).toBe(true);
  });
});
