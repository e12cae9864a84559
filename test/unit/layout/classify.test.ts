import { describe, expect, it } from 'vitest';
import { ballotKind, excludedBy, isGeographyTotal, normalizeDistrict, primaryParty, raceId } from '../../../src/layout/classify.js';

describe('non-candidate rows', () => {
  it.each([
    ['Voters', 'Registered', 'turnout'], ['Registration', 'Ballots Cast', 'turnout'], ['REGISTERED VOTERS - TOTAL', 'x', 'turnout'],
    ['Straight Party', 'Republican', 'straight-party'], ['U.S. House', '', 'blank-candidate'], ['Governor', 'Total', 'candidate-total'],
    ['Governor', 'Total Votes', 'candidate-total'], ['Governor', 'Overvotes', 'over-under-votes'], ['Governor', 'under votes', 'over-under-votes'],
    ['Governor', 'Over Votes', 'over-under-votes'],
  ])('%s / %j → %s', (office, candidate, reason) => expect(excludedBy(office, candidate)).toBe(reason));

  it('keeps real candidates, including ones named like object keys', () => {
    for (const name of ['Jon Ossoff', 'constructor', '__proto__', 'Totally Real', 'Overton']) expect(excludedBy('U.S. House', name)).toBeNull();
  });

  it('spots geography pseudo-rows', () => {
    for (const v of ['TOTAL', 'Total', 'Total Votes', ' total ']) expect(isGeographyTotal(v)).toBe(true);
    for (const v of ['Totten', 'Fulton', '', 'Total Precinct 4']) expect(isGeographyTotal(v)).toBe(false);
  });

  it('separates blank, invalid and write-in rows from candidates', () => {
    expect(ballotKind('Votos en blanco')).toBe('blank');
    expect(ballotKind('Blancs')).toBe('blank');
    expect(ballotKind('Nuls')).toBe('invalid');
    expect(ballotKind('Spoiled ballots')).toBe('invalid');
    expect(ballotKind('Write-ins')).toBe('write-in');
    expect(ballotKind('Scattering')).toBe('write-in');
    expect(ballotKind('Blanca Rodriguez')).toBe('candidate');
    // Italian and German result sheets: schede bianche / nulle, ungültige Stimmen; a surname like Bianchi stays a candidate
    expect(['Schede bianche', 'Bianche', 'Schede nulle', 'Nulle', 'Ungültige Stimmen', 'ungültig'].map(ballotKind)).toEqual(['blank', 'blank', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(['Bianchi', 'Nullo Rossi', 'Ungerer'].map(ballotKind)).toEqual(['candidate', 'candidate', 'candidate']);
  });
});

describe('race identity', () => {
  it('normalises districts', () => {
    expect(['6', '006', 'District 6', 'district 006'].map(normalizeDistrict)).toEqual(['6', '6', '6', '6']);
    expect(normalizeDistrict('STATEWIDE')).toBe('');
    expect(normalizeDistrict('Unexpired Term')).toBe('Unexpired Term');
  });

  it('spells primary parties one way', () => {
    expect(['DEM', 'Dem', 'D', 'Democrat'].map(primaryParty)).toEqual(Array(4).fill('Democratic'));
    expect(primaryParty('Working Families')).toBe('Working Families');
  });

  it('keys by office, district and party, case-insensitively', () => {
    expect(raceId('U.S. House', '006', null).key).toBe(raceId('u.s.  house', 'District 6', null).key);
    expect(raceId('Governor', '', 'Republican').key).not.toBe(raceId('Governor', '', 'Democratic').key);
    expect(raceId('Railroad Commissioner', '', null).key).not.toBe(raceId('Railroad Commissioner', 'unexpired', null).key);
  });
});
