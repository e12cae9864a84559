/**
 * Every real published result file of the optional data folder (DATA), read with no option but those the file
 * needs. Totals are exact, checked against the official record or an independent sum of the file (noted per test).
 * core-files.test.ts already asserts GA-6 2017, GA-5 2020, GA 2018 primary, TX 2018 primary, LA 2015, MS-1 2015.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { at, codes, firstInput, firstRace, parseRacesDoc, present, warning, type AnyRaceDoc, type ElectionDoc } from '../support/doc.js';
import { DATA, hasData, json, run, votesOf } from '../support/run.js';

if (!hasData) console.warn(`notice: ${DATA} is absent; the real-data tests of every layout are skipped`);
const data = (name: string) => `${DATA}${name}`;
const byTitle = (doc: ElectionDoc, office: RegExp | string, extra: (r: AnyRaceDoc) => boolean = () => true) =>
  doc.races.filter((r) => (typeof office === 'string' ? r.office === office : office.test(r.office)) && extra(r));
const one = (doc: ElectionDoc, office: RegExp | string, extra?: (r: AnyRaceDoc) => boolean): AnyRaceDoc => {
  const found = byTitle(doc, office, extra);
  expect(found).toHaveLength(1);
  return at(found, 0, 'race');
};

/** The options each file needs: none but --names, --merge-names, --skip-bad-rows, --all-party. */
const NEEDS: Record<string, string[]> = {
  'la_2015-10-24_primary-jungle_county.csv': ['--all-party'],
  'tx_2018-03-06_primary_statewide_both-parties.csv': ['--skip-bad-rows'],
  'ga_2022-12-06_runoff_us-senate_precinct_votetypes.csv': ['--merge-names'],
  'rdh_ga_2022-11-08_general_precinct_WIDE.csv': ['--names', data('rdh_ga_2022-11-08_general_precinct_WIDE_README.txt')],
  'rdh_ga_2022-12-06_runoff_precinct_WIDE.csv': ['--names', data('rdh_ga_2022-11-08_general_precinct_WIDE_README.txt')],
};

const LAYOUTS: [string, string, string][] = [
  ['civicfs_ga_2024-11-05_general_president_3counties_long-votetype_TRIMMED.csv', 'civicfs', 'utf-8'],
  ['co-boulder_2024-11-05_general_statement-of-votes_precinct_MULTILINE-HEADER_TRIMMED.csv', 'clerk-statement', 'utf-8'],
  ['co-boulder_2025-11-04_coordinated_statement-of-votes_precinct.csv', 'clerk-statement', 'utf-8'],
  ['co-boulder_2025-11-04_coordinated_summary-of-votes.csv', 'clerk-summary', 'utf-8'],
  ['co_2024-11-05_general_statewide_clarity-summary_CP1252.csv', 'clarity-summary', 'windows-1252'],
  ['ga_2017-06-20_special-runoff_us-house-6_cobb_precinct.csv', 'openelections', 'utf-8'],
  ['ga_2017-06-20_special-runoff_us-house-6_dekalb_precinct.csv', 'openelections', 'utf-8'],
  ['ga_2017-06-20_special-runoff_us-house-6_fulton_precinct.csv', 'openelections', 'utf-8'],
  ['ga_2018-05-22_primary_county_TRIMMED.csv', 'openelections', 'utf-8'],
  ['ga_2020-09-29_special-jungle_us-house-5_precinct_votetypes.csv', 'openelections+vote-types', 'utf-8'],
  ['ga_2021-01-05_runoff_us-senate-both_precinct_votetypes_TRIMMED.csv', 'openelections+vote-types', 'utf-8'],
  ['ga_2022-12-06_runoff_us-senate_precinct_votetypes.csv', 'openelections+vote-types', 'utf-8'],
  ['la_2015-10-24_primary-jungle_county.csv', 'openelections', 'utf-8'],
  ['la_2016-11-08_general-jungle_county_has-TotalVotes-rows.csv', 'openelections', 'utf-8'],
  ['la_2016-12-10_runoff_county.csv', 'openelections', 'utf-8'],
  ['medsl_2018-11-06_us-house_district_overall.csv', 'medsl-constituency', 'utf-8'],
  ['medsl_ga_2018-11-06_general_us-house-6_precinct_modes_TRIMMED.csv', 'medsl-precinct', 'utf-8'],
  ['ms_2015-05-12_special-jungle_us-house-1_county.csv', 'openelections', 'utf-8'],
  ['ms_2015-06-02_special-runoff_us-house-1_county.csv', 'openelections', 'utf-8'],
  ['ms_2018-11-06_general_us-senate-both_precinct_TRIMMED.csv', 'openelections', 'utf-8'],
  ['rdh_ga_2022-11-08_general_precinct_WIDE.csv', 'wide-vest', 'utf-8'],
  ['rdh_ga_2022-12-06_runoff_precinct_WIDE.csv', 'wide-vest', 'utf-8'],
  ['tx_2012-11-06_general_foard_precinct_BOM-CRLF.csv', 'openelections', 'utf-8'],
  ['tx_2018-03-06_primary_aransas_precinct_votetypes.csv', 'openelections', 'utf-8'],
  ['tx_2018-03-06_primary_statewide_both-parties.csv', 'openelections', 'utf-8'],
  ['tx_2018-05-22_democratic_primary-runoff_county.csv', 'openelections', 'utf-8'],
  ['tx_2020-03-03_primary_county_us-senate-rrc_TRIMMED.csv', 'openelections', 'utf-8'],
];

describe.skipIf(!hasData)('every real file is read from its header alone', () => {
  it.each(LAYOUTS)('%s → %s, %s', async (file, layout, encoding) => {
    const { code, doc, stderr } = await json([...(NEEDS[file] ?? []), data(file)]);
    expect(stderr).not.toContain('error');
    expect(code).toBe(0);
    expect(firstInput(doc)).toMatchObject({ layout, encoding, delimiter: ',' });
    expect(doc.races.length).toBeGreaterThan(0);
    const { documentSchema } = await import('../../src/render/schema.js');
    expect(documentSchema.safeParse(doc).error).toBeUndefined();
  });

  it.each(LAYOUTS.filter(([, , encoding]) => encoding === 'utf-8'))('the byte scanner and csv-parse agree on %s', async (file) => {
    const argv = ['--json', ...(NEEDS[file] ?? []), data(file)];
    const fast = await run(['--parser', 'fast', ...argv]);
    expect(fast.code).toBe(0);
    expect(fast).toEqual(await run(['--parser', 'csv-parse', ...argv]));
  });

  it('covers all 27 files', () => {
    expect(LAYOUTS).toHaveLength(27);
  });
});

describe.skipIf(!hasData)('MEDSL', () => {
  it('GA-6 2018 precinct × mode rows: McBath 160,139 beats Handel 156,875 (certified)', async () => {
    const { doc } = await json([data('medsl_ga_2018-11-06_general_us-house-6_precinct_modes_TRIMMED.csv')]);
    expect(doc.races).toHaveLength(1);
    expect(firstRace(doc)).toMatchObject({ office: 'US HOUSE', district: 'GA-6', totalVotes: 317014 });
    expect(votesOf(firstRace(doc))).toEqual({ 'LUCY MCBATH': 160139, 'KAREN HANDEL': 156875 });
    expect(firstRace(doc).outcome).toMatchObject({ status: 'winner', winner: 'LUCY MCBATH' });
  });

  it('district_overall: 431 races keyed by state, Florida duplicates dropped, fusion lines summed', async () => {
    const { doc } = await json([data('medsl_2018-11-06_us-house_district_overall.csv')]);
    expect(doc.races).toHaveLength(431);
    expect(firstInput(doc).rowsExcluded).toEqual({ duplicate: 56 });
    expect(warning(doc, 'duplicate-rows').message).toMatch(/^56 exact duplicate records dropped: lines 748 \(same as 139\)/);
    const race = (d: string) => one(doc, 'U.S. Representative', (r) => r.district === d);
    // FL-7 once, not twice (certified: Murphy 183,113, Miller 134,285).
    expect(votesOf(race('FL-7'))).toEqual({ 'Stephanie Murphy': 183113, 'Mike Miller': 134285 });
    // NY-1: by party line Gershon's 124,213 beats Zeldin's 121,562; summed per candidate Zeldin wins (certified).
    const ny1 = race('NY-1');
    expect(votesOf(ny1)).toEqual({ 'Lee M. Zeldin': 139027, 'Perry Gershon': 127991, 'Kate M. Browning': 2988, 'Write-ins': 47 });
    expect(ny1.totalVotes).toBe(270053);
    expect(ny1.outcome).toMatchObject({ status: 'winner', winner: 'Lee M. Zeldin' });
    // At-large is District 0; write-ins count in the total but are never named.
    expect(votesOf(race('AK-AL'))).toEqual({ 'Don Young': 149779, 'Alyse S. Galvin': 131199, 'Write-ins': 1188 });
    const ga6 = race('GA-6');
    expect(ga6.totalVotes).toBe(317032);
    expect(votesOf(ga6)).toMatchObject({ 'Lucy McBath': 160139, 'Karen Handel': 156875, 'Write-ins': 18 });
    for (const r of doc.races) expect([...r.outcome.runoff, r.outcome.winner]).not.toContain('Write-ins');
  });
});

describe.skipIf(!hasData)('civicfs GA 2024', () => {
  const file = data('civicfs_ga_2024-11-05_general_president_3counties_long-votetype_TRIMMED.csv');
  const county = (name: string) => {
    const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
    return `${[header, ...rows.filter((r) => r.includes(`,${name} County,`))].join('\n')}\n`;
  };

  it('Candler: Trump 3,366, Harris 1,196, Oliver 3, Stein 3 (the OpenElections county file agrees)', async () => {
    const { doc } = await json(['-'], { stdin: county('Candler') });
    expect(votesOf(firstRace(doc))).toEqual({ 'Donald J. Trump (Rep)': 3366, 'Kamala D. Harris (Dem)': 1196, 'Chase Oliver (Lib)': 3, 'Jill Stein (Grn)': 3 });
  });

  it('Echols: every vote cell empty is "no data", never 0 votes or a tie', async () => {
    const { code, doc } = await json(['-'], { stdin: county('Echols') });
    expect(code).toBe(0);
    expect(doc.races).toEqual([]);
    expect(firstInput(doc).rowsExcluded).toEqual({ 'missing-votes': 16 });
    expect(warning(doc, 'no-data').message).toMatch(/^Echols County: no data/);
    const all = await json([file]);
    expect(warning(all.doc, 'no-data').message).toMatch(/^Echols County: no data — every vote cell of its 16 rows is empty/);
    expect(votesOf(firstRace(all.doc))).toEqual({ 'Donald J. Trump (Rep)': 8051, 'Kamala D. Harris (Dem)': 2535, 'Chase Oliver (Lib)': 16, 'Jill Stein (Grn)': 10 });
  });
});

describe.skipIf(!hasData)('Colorado', () => {
  it('Clarity summary: Windows-1252 named in a warning, Campaña decoded, seats from (Vote For N)', async () => {
    const file = data('co_2024-11-05_general_statewide_clarity-summary_CP1252.csv');
    const { doc } = await json([file]);
    expect(at(doc.warnings, 0, 'warning')).toMatchObject({ code: 'encoding', message: expect.stringContaining('Windows-1252') });
    const hd22 = one(doc, 'State Representative - District 22');
    expect(votesOf(hd22)).toEqual({ 'Ken deGraaf': 25890, 'Michael M. Pierson': 17665, 'Daniel Campaña': 2170 });
    const cd8 = one(doc, 'Representative to the 119th United States Congress - District 8');
    expect(votesOf(cd8)).toEqual({ 'Gabe Evans': 163320, 'Yadira Caraveo': 160871, 'Chris Baum': 5741, 'Susan Patricia Hall': 3677 });
    expect(cd8.outcome).toMatchObject({ status: 'runoff', runoff: ['Gabe Evans', 'Yadira Caraveo'] });
    const cd3 = one(doc, 'Representative to the 119th United States Congress - District 3');
    expect(votesOf(cd3)['Jeff Hurd']).toBe(201951);
    expect(cd3.outcome).toMatchObject({ status: 'winner', winner: 'Jeff Hurd' });
    const erie = one(doc, 'Town of Erie Council Member - District 2');
    expect(erie.outcome.status).toBe('not_applicable');
    expect(erie.outcome.explanation).toMatch(/2 seats/);
    const listed = await run(['races', '--json', file]);
    expect(at(parseRacesDoc(listed.stdout).races.filter((r) => r.office === erie.office), 0, `listed race ${erie.office}`).seats).toBe(2);
    // Under the plurality rule Colorado uses, Evans wins.
    const plural = await json(['--rule', 'plurality', '--race', 'District 8', file]);
    expect(one(plural.doc, cd8.office).outcome.winner).toBe('Gabe Evans');
  });

  it('Boulder 2025 summary: thousands separators, two footer rows, Longmont Mayor (official summary)', async () => {
    const { doc } = await json([data('co-boulder_2025-11-04_coordinated_summary-of-votes.csv')]);
    expect(firstInput(doc).rowsExcluded).toEqual({ footer: 2 });
    const mayor = one(doc, 'City of Longmont Mayor');
    expect(mayor.totalVotes).toBe(31844);
    expect(votesOf(mayor)).toEqual({ 'Susie Hidalgo-Fahring': 12444, 'Shakeel Dalal': 7757, 'Diane Crist': 6569, 'Sarah Levison': 5074 });
    expect(mayor.outcome.runoff).toEqual(['Susie Hidalgo-Fahring', 'Shakeel Dalal']);
  });

  it('Boulder 2025 statement: the precinct rows add up to the summary for all 80 choices', async () => {
    const summary = await json([data('co-boulder_2025-11-04_coordinated_summary-of-votes.csv')]);
    const statement = await json([data('co-boulder_2025-11-04_coordinated_statement-of-votes_precinct.csv')]);
    const choices = (doc: ElectionDoc) => Object.fromEntries(doc.races.flatMap((r) => r.candidates.map((c) => [`${r.id} ${c.name}`, c.votes])));
    expect(Object.keys(choices(summary.doc))).toHaveLength(80);
    expect(choices(statement.doc)).toEqual(choices(summary.doc));
    expect(statement.doc.races.reduce((n, r) => n + r.totalVotes, 0)).toBe(1122213);
  });

  it('Boulder 2024 statement: a header record over ten lines; CD-2 (Boulder County part) and Erie Mayor', async () => {
    const { doc } = await json([data('co-boulder_2024-11-05_general_statement-of-votes_precinct_MULTILINE-HEADER_TRIMMED.csv')]);
    const cd2 = one(doc, 'Representative to the 119th United States Congress - District 2');
    expect(votesOf(cd2)).toEqual({ 'Joe Neguse': 145762, 'Marshall Dawson': 39641, 'Gaylon Kent': 2066, 'Cynthia Munhos de Aquino Sirianni': 1865, 'Jan Kok': 1023, 'Mike Watson': 1 });
    expect(votesOf(one(doc, 'Town of Erie - Mayor'))).toEqual({ 'Justin Brooks': 4454, 'Andrew Moore': 4353 });
  });
});

describe.skipIf(!hasData)('Georgia', () => {
  it('GA 2022 runoff: four names until --merge-names, then the certified totals', async () => {
    const file = data('ga_2022-12-06_runoff_us-senate_precinct_votetypes.csv');
    const plain = await json([file]);
    expect(votesOf(firstRace(plain.doc))).toEqual({ 'Raphael Warnock': 1815984, 'Herschel Walker': 1717041, 'Raphael Warnock (I) (Dem)': 4649, 'Herschel Walker (Rep)': 4203 });
    const near = plain.doc.warnings.filter((w) => w.code === 'near-duplicate-name').map((w) => w.message);
    expect(near).toContain('U.S. Senate: "Raphael Warnock" (1,815,984 votes) and "Raphael Warnock (I) (Dem)" (4,649 votes) differ only in case, spaces or a (party)/(I) suffix; --merge-names merges them');
    const merged = await json(['--merge-names', file]);
    const senate = firstRace(merged.doc);
    expect(votesOf(senate)).toEqual({ 'Raphael Warnock': 1820633, 'Herschel Walker': 1721244 });
    expect(present(at(senate.candidates, 0, 'candidate').share, 'the share')).toBeCloseTo(0.514, 3);
    expect(senate.outcome).toMatchObject({ status: 'winner', winner: 'Raphael Warnock' });
    expect(merged.doc.warnings.filter((w) => w.code === 'merged-names')).toHaveLength(2);
  });

  it('RDH 2022 runoff (wide): the same certified totals, names from the README', async () => {
    const { doc } = await json(present(NEEDS['rdh_ga_2022-12-06_runoff_precinct_WIDE.csv'], 'the options of the RDH runoff file').concat(data('rdh_ga_2022-12-06_runoff_precinct_WIDE.csv')));
    expect(doc.races).toHaveLength(1);
    expect(votesOf(firstRace(doc))).toEqual({ 'Raphael Warnock': 1820633, 'Herschel Junior Walker': 1721244 });
    expect(firstRace(doc).outcome).toMatchObject({ status: 'winner', winner: 'Raphael Warnock' });
  });

  it('RDH 2022 general (wide): 263 races; only the Senate goes to a runoff (certified)', async () => {
    const file = data('rdh_ga_2022-11-08_general_precinct_WIDE.csv');
    const { doc } = await json(present(NEEDS['rdh_ga_2022-11-08_general_precinct_WIDE.csv'], 'the options of the RDH general file').concat(file));
    expect(doc.races).toHaveLength(263);
    const senate = one(doc, 'U.S. Senate');
    expect(votesOf(senate)).toEqual({ 'Raphael Warnock': 1946117, 'Herschel Junior Walker': 1908442, 'Chase Oliver': 81365 });
    expect(senate.outcome.runoff).toEqual(['Raphael Warnock', 'Herschel Junior Walker']);
    expect(doc.races.filter((r) => r.outcome.status === 'runoff' || r.outcome.status === 'tie')).toHaveLength(1);
    const gov = one(doc, 'Governor');
    expect(votesOf(gov)).toEqual({ 'Brian Kemp': 2111572, 'Stacey Abrams': 1813673, 'Shane Hazel': 28163 });
    expect(one(doc, 'U.S. House', (r) => r.district === '6').outcome.winner).toBe('Rich McCormick');
    expect(one(doc, 'Constitutional Amendment 1').outcome.status).toBe('not_applicable');
    // Without --names the codes stand in, and a warning says so.
    const bare = await json([file]);
    expect(at(bare.doc.warnings, 0, 'warning')).toMatchObject({ code: 'wide-codes-as-names' });
    expect(votesOf(one(bare.doc, 'U.S. Senate'))).toMatchObject({ G22USSDWAR: 1946117 });
  });

  it('GA 2021 runoffs: two Senate races told apart by the office string (155 of 159 counties in the file)', async () => {
    const { doc } = await json([data('ga_2021-01-05_runoff_us-senate-both_precinct_votetypes_TRIMMED.csv')]);
    expect(votesOf(one(doc, 'U.S. Senate'))).toEqual({ 'Jon Ossoff': 2254592, 'David A. Perdue': 2182260 });
    expect(votesOf(one(doc, 'U.S. Senate (Special)'))).toEqual({ 'Raphael Warnock': 2273760, 'Kelly Loeffler': 2163147 });
    expect(one(doc, 'U.S. Senate (Special)').outcome.winner).toBe('Raphael Warnock');
  });
});

describe.skipIf(!hasData)('Louisiana and Mississippi', () => {
  it('LA 2016 Senate jungle: Total Votes rows left out; runoff Kennedy vs Campbell (certified)', async () => {
    const { doc } = await json([data('la_2016-11-08_general-jungle_county_has-TotalVotes-rows.csv')]);
    const senate = one(doc, 'U.S. Senate');
    expect(senate.candidates).toHaveLength(24);
    expect(senate.totalVotes).toBe(1933635);
    expect(votesOf(senate)).toMatchObject({ 'John Kennedy': 482591, 'Foster Campbell': 337833, 'Charles Boustany': 298008 });
    expect(senate.outcome.runoff).toEqual(['John Kennedy', 'Foster Campbell']);
  });

  it('LA 2016 runoff: Kennedy 536,191 beats Campbell 347,816; two House runoffs', async () => {
    const { doc } = await json([data('la_2016-12-10_runoff_county.csv')]);
    expect(votesOf(one(doc, 'U.S. Senate'))).toEqual({ 'John Kennedy': 536191, 'Foster Campbell': 347816 });
    expect(one(doc, 'U.S. Senate').outcome.winner).toBe('John Kennedy');
    expect(votesOf(one(doc, 'U.S. House', (r) => r.district === '3'))).toEqual({ 'Clay Higgins': 77671, 'Scott A. Angelle': 60762 });
    expect(votesOf(one(doc, 'U.S. House', (r) => r.district === '4'))).toEqual({ 'Mike Johnson': 87370, 'Marshall Jones': 46579 });
  });

  it('MS-1 2015: the Choctaw total row that disagrees is warned; the runoff Kelly 69,516 vs Zinn 29,831', async () => {
    const first = await json([data('ms_2015-05-12_special-jungle_us-house-1_county.csv')]);
    const mismatch = first.doc.warnings.filter((w) => w.code === 'total-mismatch');
    expect(mismatch).toEqual([expect.objectContaining({ line: 71, message: 'Choctaw: the total row says 1,295 votes for U.S. House District 1, but its candidate rows add up to 1,370; the candidate rows are counted' })]);
    const runoff = await json([data('ms_2015-06-02_special-runoff_us-house-1_county.csv')]);
    expect(codes(runoff.doc)).not.toContain('total-mismatch');
    expect(votesOf(firstRace(runoff.doc))).toEqual({ 'Trent Kelly': 69516, 'Walter Howard Zinn, Jr.': 29831 });
    expect(firstRace(runoff.doc).outcome.winner).toBe('Trent Kelly');
  });

  it('MS 2018: Wicker wins, the special goes to Hyde-Smith vs Espy; Oktibbeha and name slips warned', async () => {
    const { doc } = await json([data('ms_2018-11-06_general_us-senate-both_precinct_TRIMMED.csv')]);
    const regular = one(doc, 'U.S. Senate', (r) => r.district === '');
    expect(votesOf(regular)).toEqual({ 'Roger F. Wicker': 547569, 'David Baria': 367692, 'Danny Bedwell': 12941, "Shawn O'Hara": 6056, 'David Batia': 1458, 'Danny BedweIl': 29 });
    expect(regular.outcome.winner).toBe('Roger F. Wicker');
    const special = one(doc, 'U.S. Senate', (r) => r.district === 'Unexpired Term');
    expect(votesOf(special)).toMatchObject({ 'Cindy Hyde-Smith': 389767, 'Mike Espy': 386224, 'Chris McDaniel': 154939 });
    expect(special.outcome.runoff).toEqual(['Cindy Hyde-Smith', 'Mike Espy']);
    expect(warning(doc, 'one-county-race').message).toBe('U.S. Senate District 3 has rows only in Oktibbeha (51 rows), while another U.S. Senate race spans 82 of the file\'s 82 counties: mislabelled rows?');
    const near = doc.warnings.filter((w) => w.code === 'near-duplicate-name').map((w) => w.message).join('\n');
    expect(near).toContain('"David Baria" (367,692 votes) and "David Batia" (1,458 votes) differ by 1 letter');
    expect(near).toContain('"Danny Bedwell" (12,941 votes) and "Danny BedweIl" (29 votes)');
    expect(near).toContain('"Chris McDaniel" (154,939 votes) and "Chris Mcdaniel" (141 votes) differ only in case');
    // --merge-names merges the case variant, never the one-letter slips.
    const merged = await json(['--merge-names', data('ms_2018-11-06_general_us-senate-both_precinct_TRIMMED.csv')]);
    expect(votesOf(one(merged.doc, 'U.S. Senate', (r) => r.district === 'Unexpired Term'))['Chris McDaniel']).toBe(155080);
    expect(votesOf(one(merged.doc, 'U.S. Senate', (r) => r.district === ''))['David Batia']).toBe(1458);
  });
});

describe.skipIf(!hasData)('Texas', () => {
  it('TX 2020 primary: DEM Senate Hegar–West and DEM RRC Castañeda–Alonzo runoffs (certified)', async () => {
    const { doc } = await json([data('tx_2020-03-03_primary_county_us-senate-rrc_TRIMMED.csv')]);
    const senD = one(doc, 'U.S. Senate', (r) => r.party === 'Democratic');
    expect(senD.totalVotes).toBe(1869419);
    expect(votesOf(senD)).toMatchObject({ 'MARY "MJ" HEGAR': 417160, 'ROYCE WEST': 274074, 'CRISTINA TZINTZUN RAMIREZ': 246659 });
    expect(senD.outcome.runoff).toEqual(['MARY "MJ" HEGAR', 'ROYCE WEST']);
    const rrcD = one(doc, 'RAILROAD COMMISSIONER', (r) => r.party === 'Democratic');
    expect(votesOf(rrcD)).toEqual({ 'CHRYSTA CASTAÑEDA': 598638, 'ROBERTO R. "BETO" ALONZO': 506748, 'KELLY STONE': 383453, 'MARK WATSON': 279911 });
    expect(rrcD.outcome.runoff).toEqual(['CHRYSTA CASTAÑEDA', 'ROBERTO R. "BETO" ALONZO']);
    expect(one(doc, 'U.S. Senate', (r) => r.party === 'Republican').outcome).toMatchObject({ status: 'winner', winner: 'JOHN CORNYN' });
    expect(votesOf(one(doc, 'RAILROAD COMMISSIONER', (r) => r.party === 'Republican'))).toEqual({ 'JAMES "JIM" WRIGHT': 991593, 'RYAN SITTON': 801904 });
  });

  it('TX 2018 DEM runoff (county file, 243 of 254 counties): Valdez 213,318 vs White 191,640; Total rows left out', async () => {
    const { doc } = await json([data('tx_2018-05-22_democratic_primary-runoff_county.csv')]);
    expect(doc.races).toHaveLength(25);
    expect(firstInput(doc).rowsExcluded).toEqual({ 'candidate-total': 339 });
    expect(votesOf(one(doc, 'Governor'))).toEqual({ 'Lupe Valdez': 213318, 'Andrew White': 191640 });
    expect(codes(doc)).not.toContain('total-mismatch');
  });

  it('TX Foard 2012: BOM and CRLF; two Railroad Commissioner races; pseudo-contests left out', async () => {
    const { doc } = await json([data('tx_2012-11-06_general_foard_precinct_BOM-CRLF.csv')]);
    expect(firstInput(doc).rowsExcluded).toEqual({ 'over-under-votes': 56, 'straight-party': 24, turnout: 8 });
    expect(votesOf(one(doc, 'President'))).toEqual({ 'Mitt Romney': 348, 'Barack Obama': 140, 'Jill Stein': 4, 'Gary Johnson': 3 });
    expect(votesOf(one(doc, 'Railroad Commissioner', (r) => r.district === ''))).toEqual({ 'Christi Craddick': 263, 'Dale Henry': 180, 'Vik Wall': 6, 'Chris Kennedy': 1 });
    expect(votesOf(one(doc, 'Railroad Commissioner', (r) => r.district === 'unexpired'))).toEqual({ 'Barry Smitherman': 306, 'Jaime Perez': 30, 'Josh Wendel': 20 });
  });

  it('TX Aransas 2018: precinct TOTAL rows and over/under votes left out; Abbott 2,953', async () => {
    const { doc } = await json([data('tx_2018-03-06_primary_aransas_precinct_votetypes.csv')]);
    expect(firstInput(doc).rowsExcluded).toEqual({ 'over-under-votes': 240, 'total-row': 95 });
    expect(votesOf(one(doc, 'Governor', (r) => r.party === 'Republican'))).toEqual({ 'Greg Abbott': 2953, 'Barbara Krueger': 257, 'SECEDE Kilgore': 51 });
  });
});

describe.skipIf(!hasData)('runoff races', () => {
  it('lists race keys, candidates with row counts, and the layout and rows left out per file', async () => {
    const r = await run(['races', data('ga_2022-12-06_runoff_us-senate_precinct_votetypes.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('layout openelections+vote-types · utf-8 · delimiter "," · 5,422 rows, 5,422 counted');
    expect(r.stdout).toMatch(/u\.s\. senate\|\|  U\.S\. Senate · 5,422 rows/);
    expect(r.stdout).toMatch(/Raphael Warnock \(I\) \(Dem\) +Democrat +11 rows +4,649 votes/);
    const j = await run(['races', '--json', data('tx_2012-11-06_general_foard_precinct_BOM-CRLF.csv')]);
    const doc = parseRacesDoc(j.stdout);
    expect(at(doc.inputs, 0, 'input')).toMatchObject({ layout: 'openelections', rowsExcluded: { 'over-under-votes': 56, 'straight-party': 24, turnout: 8 } });
    expect(doc.races.map((x) => x.id)).toContain('railroad commissioner|unexpired|');
    expect(at(at(doc.races.filter((x) => x.id === 'president||'), 0, 'listed race president||').candidates, 0, 'candidate')).toEqual({ name: 'Mitt Romney', party: 'REP', votes: 348, rows: 4, writeIn: false });
  });
});
