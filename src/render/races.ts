/**
 * `runoff races FILE…`: what the files hold, before any rule — every race key with its candidates and row
 * counts, and per file the layout found, the encoding, the delimiter and the rows left out, per reason.
 * For checking a new file (is the race key right? are there name variants?) rather than for results.
 */
import { raceTitle, type Election, type RankedRace } from '../count/election.js';
import type { InputSummary, RaceTally } from '../model/types.js';
import { escapeJsonText, sanitizeForTerminal as safe } from './sanitize.js';
import { thousands } from '../model/thousands.js';
import { maxOf } from '../model/extent.js';
import { UNDECLARED_WRITE_INS } from '../model/irv-options.js';

export interface RacesDoc {
  inputs: InputSummary[];
  races: {
    id: string;
    title: string;
    office: string;
    district: string;
    party: string | null;
    seats: number | null;
    rows: number;
    /** A ranked contest (a cast-vote-record file or --rctab): rows are its ballots, votes its first choices. */
    method?: 'instant-runoff';
    candidates: { name: string; party: string; votes: number; rows: number; writeIn: boolean }[];
  }[];
  warnings: Election['warnings'];
}

/** Office, then district in natural order (2 before 10), then party: how a reporter scans a long list. */
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function byOfficeThenDistrict(a: RaceTally, b: RaceTally): number {
  return natural.compare(a.office, b.office) || natural.compare(a.district, b.district) || natural.compare(a.party ?? '', b.party ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Pure: the races of an election as data, candidates by votes then name, races by office then district. */
export function racesDoc(election: Election): RacesDoc {
  const twoRound = [...election.races].sort((a, b) => byOfficeThenDistrict(a.race, b.race)).map(({ race, decision }): RacesDoc['races'][number] => ({
    id: race.key,
    title: raceTitle(race),
    office: race.office,
    district: race.district,
    party: race.party,
    seats: race.seats ?? null,
    rows: race.rows,
    candidates: decision.candidates.map((c) => ({ name: c.name, party: c.party, votes: c.votes, rows: c.rows ?? 0, writeIn: c.writeIn })),
  }));
  // ranked contests after the two-round races, as the count prints them
  return { inputs: election.inputs, races: [...twoRound, ...(election.ranked ?? []).map(rankedEntry)], warnings: election.warnings };
}

/** A ranked contest as --race finds it (id, and title: the file name or the config's contestName), by first choices. */
function rankedEntry({ id, office, result }: RankedRace): RacesDoc['races'][number] {
  const candidates = Object.entries(result.firstChoices.tally).map(([name, votes]) => ({ name, party: '', votes, rows: votes, writeIn: name === UNDECLARED_WRITE_INS }));
  return { id, title: office, office, district: '', party: null, seats: 1, rows: result.ballots, method: 'instant-runoff', candidates };
}

export function renderRacesText(doc: RacesDoc): string {
  const out: string[] = [];
  for (const input of doc.inputs) {
    const excluded = Object.entries(input.rowsExcluded).map(([reason, n]) => `${thousands(n)} ${reason}`);
    out.push(
      `${safe(input.name)} · layout ${input.layout} · ${input.encoding} · delimiter ${JSON.stringify(input.delimiter)} · ` +
      `${count(input.rows, 'row')}, ${thousands(input.rowsUsed)} counted` +
      (excluded.length > 0 ? ` · left out: ${excluded.join(', ')}` : ''),
    );
  }
  out.push(`${doc.races.length} race${doc.races.length === 1 ? '' : 's'}`);
  for (const race of doc.races) {
    const seats = race.seats !== null && race.seats > 1 ? ` · ${race.seats} seats` : '';
    const size = race.method === undefined ? count(race.rows, 'row') : `instant runoff · ${count(race.rows, 'ballot')}`;
    out.push('', `${safe(race.id)}  ${safe(race.title)} · ${size}${seats}`);
    // Each column as wide as its widest cell in the race; no party column when no candidate has a party.
    // a ballot is one row of a ranked contest: its candidates show their first choices only
    const ranked = race.method !== undefined;
    const cells = race.candidates.map((c) => ({ name: safe(c.name), party: safe(c.party), rows: ranked ? '' : count(c.rows, 'row'), votes: count(c.votes, ranked ? 'first choice' : 'vote') }));
    const width = (pick: (cell: (typeof cells)[number]) => string): number => maxOf(cells.map((cell) => [...pick(cell)].length), 0);
    const [name, party, rows, votes] = [width((x) => x.name), width((x) => x.party), width((x) => x.rows), width((x) => x.votes)];
    race.candidates.forEach((c, i) => {
      const cell = cells[i];
      if (!cell) return;
      const columns = [padEnd(cell.name, name), ...(party > 0 ? [padEnd(cell.party, party)] : []), ...(ranked ? [] : [padStart(cell.rows, rows)]), padStart(cell.votes, votes)];
      out.push(`  ${columns.join('  ')}${c.writeIn ? '  (write-ins)' : ''}`);
    });
  }
  return out.join('\n') + '\n';
}

/** "1 row", "2,081 rows". */
function count(n: number, noun: string): string {
  return `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Padding by code points, so that an accented name keeps the columns after it in place. */
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - [...text].length)) + text;
}

/** `--json` gives the document; any other format the text listing. */
export function racesRenderer(format: string): (election: Election) => string {
  return format === 'json'
    ? (election) => escapeJsonText(JSON.stringify(racesDoc(election), null, 2)) + '\n'
    : (election) => renderRacesText(racesDoc(election));
}
