/**
 * Wide precinct files (the Redistricting Data Hub / VEST): one column per candidate, named by a code such as
 * `G22USSDWAR` — election type (G general, P primary, S special, R runoff), year, office (`USS`, `CON06`,
 * `SL123`, `SU45`), party letter, and the first letters of the name; measures end in YES / NO. A record
 * contributes to every candidate column: one part per column. The race is the code without its party and
 * name; real names come only from a side file (`--names`), else the code is the name, with a warning.
 */
import { raceId } from '../classify.js';
import { DataError } from '../../model/errors.js';
import { findAll, findCountyColumn, findPrecinctColumns, findUnnamedColumns, hasPrecinctColumn } from '../columns.js';
import { NO_KEY_COLUMNS, type Classified, type Layout, type LayoutContext } from '../layout.js';

/** Type, then year + office, or (10-character limit) a legislative office without the year; then YES/NO, or party + name. */
const CODE = /^([GPSR])(?:\d\d(A\d\d|RF[A-Z0-9]|[A-Z]{3})|(CON\d\d|SL\d{3}|SU\d\d))(?:(YES|NO)|([A-Z])([A-Z0-9]{1,3}))$/;

/** VEST office codes; a README's "Office Codes Used" (through --names) names the others. */
const OFFICES: Record<string, string> = {
  PRE: 'President', USS: 'U.S. Senate', GOV: 'Governor', LTG: 'Lieutenant Governor', ATG: 'Attorney General',
  SOS: 'Secretary of State', TRE: 'Treasurer', AUD: 'Auditor', AGR: 'Commissioner of Agriculture',
  INS: 'Commissioner of Insurance', LAB: 'Commissioner of Labor', SUP: 'State School Superintendent',
  SPI: 'Superintendent of Public Instruction', COM: 'Comptroller', CFO: 'Chief Financial Officer',
  PSC: 'Public Service Commission', LND: 'Land Commissioner', RRC: 'Railroad Commissioner',
  CON: 'U.S. House', SL: 'State House', SU: 'State Senate', A: 'Constitutional Amendment', RF: 'Referendum',
};

const PARTIES: Record<string, string> = {
  D: 'Democratic', R: 'Republican', L: 'Libertarian', G: 'Green', I: 'Independent', C: 'Constitution',
  N: 'Nonpartisan', O: 'Other', W: 'Write-in',
};

interface Column {
  index: number;
  code: string;
  kind: string;
  office: string;
  /** Office code without digits: `USS`, `CON`, `SL`, `A`, `RF`. */
  officeCode: string;
  number: string;
  choice: 'YES' | 'NO' | null;
  party: string;
}

function parseCode(code: string, index: number): Column | null {
  const m = CODE.exec(code.trim());
  if (!m) return null;
  const [, kind = '', yearOffice, legislative, choice, party = ''] = m;
  const office = yearOffice ?? legislative ?? '';
  const split = /^(CON|SL|SU|A)(\d+)$|^(RF)([A-Z0-9])$/.exec(office);
  const officeCode = split?.[1] ?? split?.[3] ?? office;
  const number = split?.[2] ?? split?.[4] ?? '';
  return { index, code: m[0], kind, office, officeCode, number, choice: (choice as 'YES' | 'NO' | undefined) ?? null, party };
}

export function detectWide(headers: readonly string[], ctx: LayoutContext, raw: readonly string[]): Layout | null {
  const columns = raw.flatMap((h, i) => parseCode(h, i) ?? []);
  // Besides the code columns only a few id and geography columns (UNIQUE_ID, COUNTYFP, county, precinct).
  if (columns.length === 0 || raw.length - columns.length > 12) return null;
  const names = ctx.names ?? null;
  const classified = columns.map((c): Classified => classifyColumn(c, ctx));
  if (names) refuseSharedNames(columns, classified, ctx.file);
  const notes: Layout['notes'] = [];
  const unnamed = columns.filter((c) => c.choice === null && nameOf(c.code, ctx) === null);
  if (unnamed.length > 0) {
    const shown = unnamed.slice(0, 3).map((c) => c.code).join(', ');
    notes.push({
      code: 'wide-codes-as-names', file: ctx.file,
      message: names
        ? `${unnamed.length} candidate column${unnamed.length === 1 ? ' has' : 's have'} no name in --names (${shown}${unnamed.length > 3 ? ', …' : ''}): the code is shown instead`
        : `candidates are shown by their column codes (${shown}${unnamed.length > 3 ? ', …' : ''}): pass --names with the file's README or a code,name CSV for real names`,
    });
  }
  return {
    name: 'wide-vest',
    headerLength: headers.length,
    keyColumns: NO_KEY_COLUMNS,
    geoColumns: findAll(headers, 'geography'),
    countyColumn: findCountyColumn(headers),
    dedup: !hasPrecinctColumn(headers),
    precinctColumns: findPrecinctColumns(headers),
    unnamedColumns: findUnnamedColumns(headers),
    typeCheck: null,
    parts: columns.map((c) => ({ voteColumns: [c.index] })),
    classify: () => classified,
    notes,
  };
}

function classifyColumn(c: Column, ctx: LayoutContext): Classified {
  const offices = ctx.names?.offices;
  const officeName = OFFICES[c.officeCode] ?? offices?.get(c.officeCode) ?? c.officeCode;
  const numbered = c.officeCode === 'A' || c.officeCode === 'RF';
  const suffix = c.kind === 'S' ? ' (Special)' : c.kind === 'R' ? ' (Runoff)' : '';
  const office = (numbered ? `${officeName} ${c.number.replace(/^0+(?=\d)/, '')}` : officeName) + suffix;
  const district = numbered ? '' : c.number;
  const partyName = c.choice ? '' : PARTIES[c.party] ?? c.party;
  const primary = c.kind === 'P' && ctx.partyPrimary !== false;
  const race = raceId(office, district, primary && !c.choice ? partyName : null);
  if (c.choice) return { kind: 'vote', race, candidate: c.choice === 'YES' ? 'Yes' : 'No', party: '', ballot: 'candidate' };
  const name = nameOf(c.code, ctx) ?? c.code;
  return { kind: 'vote', race, candidate: name, party: partyName, ballot: c.party === 'W' ? 'write-in' : 'candidate' };
}

/**
 * Two columns of one race named alike by --names would be summed as one candidate (the Democratic and Republican
 * columns under one name): refused, naming both codes, since each column is a different line on the ballot.
 */
function refuseSharedNames(columns: readonly Column[], classified: readonly Classified[], file: string): void {
  const seen = new Map<string, string>();
  columns.forEach((c, i) => {
    const cl = classified[i];
    if (!cl || cl.kind !== 'vote' || c.choice !== null) return;
    const id = `${cl.race.key}\u0000${cl.candidate}`;
    const first = seen.get(id);
    if (first === undefined) return void seen.set(id, c.code);
    throw new DataError(
      `--names gives ${first} and ${c.code} the same name, ${JSON.stringify(cl.candidate)}, in one race: their votes would be summed as one candidate`,
      { file, line: 1 },
      'give each code its own name in the --names file (one line per column code)',
    );
  });
}

/** The name for a code; a runoff's `R22USSDWAR` finds the general election's `G22USSDWAR` in the same README. */
function nameOf(code: string, ctx: LayoutContext): string | null {
  const columns = ctx.names?.columns;
  if (!columns) return null;
  for (const type of [code[0], 'G', 'P', 'S', 'R']) {
    const name = columns.get(type + code.slice(1));
    if (name !== undefined) return name;
  }
  return null;
}

export const WIDE_LOOKED_FOR = 'wide candidate columns coded like G22USSDWAR (RDH / VEST)';
