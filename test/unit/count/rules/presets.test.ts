import { describe, expect, it } from 'vitest';
import { listRules } from '../../../../src/count/rules/describe.js';
import { findPreset, presets } from '../../../../src/count/rules/presets.js';

const REQUIRED = ['majority', 'plurality', 'us-ga', 'us-tx', 'us-la', 'us-ms', 'us-al', 'us-ar', 'us-ok', 'us-sc', 'us-nc', 'us-sd', 'nyc-2013',
  'us-ca-top-two', 'us-wa-top-two', 'us-ak-top-four', 'chicago', 'fr-president', 'fr-legislative', 'br', 'ar', 'bo', 'ec', 'cr', 'ni', 'co', 'pe',
  'cl', 'gt', 'pl', 'pt', 'at', 'fi', 'ua', 'sl', 'zw', 'ke', 'ng'];

describe('presets are data with an id, a label and a source', () => {
  it('has at least 35 presets, every required one, majority first', () => {
    expect(presets.length).toBeGreaterThanOrEqual(35);
    expect(presets.map((p) => p.id)).toEqual(expect.arrayContaining(REQUIRED));
    expect(presets[0]?.id).toBe('majority');
  });

  it('ids are unique, lower-case and kebab-case', () => {
    const ids = presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(presets.map((p) => [p.id, p] as const))('%s is well formed', (_id, p) => {
    expect(p.name.length).toBeGreaterThan(5);
    expect(p.source.length).toBeGreaterThan(5);
    expect(p.wins.length > 0 || p.noShortcut).toBe(true);
    for (const c of p.wins) {
      for (const f of [c.share, c.lead?.share, c.registeredShare, c.regional?.share]) {
        if (!f) continue;
        expect(Number.isInteger(f.num) && Number.isInteger(f.den) && f.den > 0 && f.num >= 0 && f.num <= f.den).toBe(true);
      }
    }
    const k = typeof p.advance === 'number' ? p.advance : p.advance.min;
    expect(k).toBeGreaterThanOrEqual(p.id === 'plurality' ? 1 : 2);
  });

  it('every preset cites a statute, an official page or a peer-reviewed work, or is marked unverified', () => {
    // Austria and Finland now cite their constitutions; Ukraine's law was not checked.
    expect(findPreset('at')!.verified).toBeUndefined();
    expect(findPreset('fi')!.verified).toBeUndefined();
    expect(findPreset('ua')!.verified).toBe(false);
    expect(findPreset('ua')!.note).toMatch(/UNVERIFIED/);
    expect(findPreset('fr-legislative')!.source).toMatch(/Code électoral, art\. L126/);
    const primary = /§|\bart\.|Constitution|Code|Law|\bs\. \d|\.gov|Secretary of State|Charter|B-VG|\.gob|NCSL/;
    for (const p of presets) {
      if (p.id === 'plurality') continue; // a counting method, not a jurisdiction's rule
      if (p.verified !== false) expect(p.source, p.id).toMatch(primary);
      // Never a private document: only sources a reader can look up.
      expect(p.source, p.id).not.toMatch(/rules\.md|general knowledge|\[GK\]|r\/YUROP/);
    }
    expect(presets.filter((p) => p.verified === false).map((p) => p.id).sort()).toEqual(['chicago', 'ec', 'gt', 'ni', 'pe', 'sl', 'ua', 'us-ak-top-four', 'us-wa-top-two']);
  });

  it('encodes the researched operators and denominators', () => {
    expect(findPreset('nyc-2013')!.wins).toEqual([{ share: { num: 2, den: 5 }, atLeast: true }]);
    expect(findPreset('sl')!.wins).toEqual([{ share: { num: 11, den: 20 }, atLeast: true }]);
    expect(findPreset('cr')!.wins).toEqual([{ share: { num: 2, den: 5 } }]);
    expect(findPreset('us-nc')).toMatchObject({ wins: [{ share: { num: 3, den: 10 } }], onRequest: true });
    expect(findPreset('us-sd')).toMatchObject({ wins: [{ share: { num: 7, den: 20 } }], minCandidates: 3 });
    expect(findPreset('us-la')!.ties).toBe('all-advance');
    expect(findPreset('us-ak-top-four')).toMatchObject({ advance: 4, noShortcut: true });
    expect(findPreset('co')!.denominator).toBe('valid+blank');
    expect(findPreset('ua')!.denominator).toBe('cast');
    expect(findPreset('fr-legislative')).toMatchObject({ advance: { registeredShare: { num: 1, den: 8 }, min: 2 }, wins: [{ registeredShare: { num: 1, den: 4 } }] });
  });

  it('lists every rule with a definition', () => {
    const listing = listRules();
    expect(listing.map((r) => r.id)).toEqual(presets.map((p) => p.id));
    expect(listing.find((r) => r.id === 'ar')?.definition).toBe(
      'The leader wins outright with more than 45 %, or at least 40 % and a lead of more than 10 points over the runner-up. Otherwise the top 2 advance. ' +
        'A tie at the cut line is reported, never broken. Shares are of valid votes (candidate votes incl. write-ins; no blank or invalid ballots).',
    );
    expect(listing.find((r) => r.id === 'us-nc')?.definition).toContain('The runoff is held only if the runner-up requests it.');
    expect(listing.find((r) => r.id === 'us-sd')?.definition).toMatch(/^Applies only to races with 3 or more candidates/);
    expect(listing.find((r) => r.id === 'us-ca-top-two')?.definition).toBe('No outright win: the top 2 advance, even if one has a majority. A tie at the cut line is reported, never broken.');
  });
});
