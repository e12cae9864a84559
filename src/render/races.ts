/**
 * `runoff races FILE…`: what the files hold, before any rule — every race key with its candidates and row
 * counts, and per file the layout found, the encoding, the delimiter and the rows left out, per reason.
 * For checking a new file (is the race key right? are there name variants?) rather than for results.
 */
import { raceTitle, type Election } from '../count/election.js';
import type { InputSummary } from '../model/types.js';
import { escapeJsonText, sanitizeForTerminal as safe } from './sanitize.js';
import { thousands } from '../model/thousands.js';

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
    candidates: { name: string; party: string; votes: number; rows: number; writeIn: boolean }[];
  }[];
  warnings: Election['warnings'];
}

/** Pure: the races of an election as data, candidates by votes then name, races in the order first seen. */
export function racesDoc(election: Election): RacesDoc {
  return {
    inputs: election.inputs,
    races: election.races.map(({ race, decision }) => ({
      id: race.key,
      title: raceTitle(race),
      office: race.office,
      district: race.district,
      party: race.party,
      seats: race.seats ?? null,
      rows: race.rows,
      candidates: decision.candidates.map((c) => ({ name: c.name, party: c.party, votes: c.votes, rows: c.rows ?? 0, writeIn: c.writeIn })),
    })),
    warnings: election.warnings,
  };
}

export function renderRacesText(doc: RacesDoc): string {
  const out: string[] = [];
  for (const input of doc.inputs) {
    const excluded = Object.entries(input.rowsExcluded).map(([reason, n]) => `${thousands(n)} ${reason}`);
    out.push(
      `${safe(input.name)} · layout ${input.layout} · ${input.encoding} · delimiter ${JSON.stringify(input.delimiter)} · ` +
      `${thousands(input.rows)} rows, ${thousands(input.rowsUsed)} counted` +
      (excluded.length > 0 ? ` · left out: ${excluded.join(', ')}` : ''),
    );
  }
  out.push(`${doc.races.length} race${doc.races.length === 1 ? '' : 's'}`);
  for (const race of doc.races) {
    const seats = race.seats !== null && race.seats > 1 ? ` · ${race.seats} seats` : '';
    out.push('', `${safe(race.id)}  ${safe(race.title)} · ${thousands(race.rows)} rows${seats}`);
    const width = Math.min(40, Math.max(...race.candidates.map((c) => safe(c.name).length), 9));
    for (const c of race.candidates) {
      const name = safe(c.name).padEnd(width);
      const party = safe(c.party).padEnd(12);
      out.push(`  ${name}  ${party} ${thousands(c.rows).padStart(9)} rows ${thousands(c.votes).padStart(13)} votes${c.writeIn ? '  (write-ins)' : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

/** `--json` gives the document; any other format the text listing. */
export function racesRenderer(format: string): (election: Election) => string {
  return format === 'json'
    ? (election) => escapeJsonText(JSON.stringify(racesDoc(election), null, 2)) + '\n'
    : (election) => renderRacesText(racesDoc(election));
}
