/**
 * MIT Election Data + Science Lab files: precinct files with the vote mode as a row
 * dimension (`mode`, `votes`, `magnitude`), and constituency files (`candidatevotes`, with a `totalvotes`
 * that is a race total repeated on every row — never a candidate, never summed).
 *
 * One row per candidate and party line, so a fusion candidate (NY) has several rows: the tally sums them by
 * name. `magnitude` 0 marks statistics rows (registered voters, overvotes), and is the seat count otherwise;
 * `special` TRUE is a separate race; `stage` PRI keys by party; write-ins (`writein` TRUE, candidate `NA`)
 * count but never advance. The state is part of every race: these files often hold every state.
 */
import { ballotKind, cleanName, excludedBy, isPrimaryStage, isTrue, normalizeDistrict, primaryParty, raceId, seatsFromContest } from '../classify.js';
import { findColumn } from '../columns.js';
import type { Classified, Layout, LayoutContext } from '../layout.js';
import { longLayout } from './long.js';

export function detectMedsl(headers: readonly string[], ctx: LayoutContext): Layout | null {
  const col = (name: string): number => headers.indexOf(name);
  const constituency = col('candidatevotes');
  const precinct = col('magnitude') !== -1 && col('mode') !== -1 ? col('votes') : -1;
  const candidate = col('candidate');
  const office = col('office');
  if ((constituency === -1 && precinct === -1) || candidate === -1 || office === -1) return null;
  const state = col('state_po') !== -1 ? col('state_po') : col('state');
  const party = findColumn(headers, 'party');
  const mode = col('mode');
  const modes = new ModeMix();
  const layout = longLayout(headers, {
    name: constituency !== -1 ? 'medsl-constituency' : 'medsl-precinct',
    keyColumns: { candidate, office, district: col('district'), party, stage: col('stage'), more: { special: col('special'), writein: col('writein'), state, magnitude: col('magnitude'), mode } },
    voteColumns: [constituency !== -1 ? constituency : precinct],
    classify: (values) => {
      const c = classifyMedsl(values, ctx);
      if (c.race && mode !== -1) modes.note(c.race.key, values[9] ?? '', layout.notes, ctx.file);
      return c;
    },
  });
  if (mode !== -1) layout.ordered = true;
  return layout;
}

function classifyMedsl(values: readonly string[], ctx: LayoutContext): Classified {
  const [candidate = '', office = '', district = '', party = '', stage = '', special = '', writein = '', state = '', magnitude = ''] = values;
  const contest = seatsFromContest(office);
  const seats = magnitude.trim() === '' ? contest.seats : Number.parseFloat(magnitude);
  let name = cleanName(candidate);
  const writeIn = isTrue(writein) || name === 'NA';
  if (writeIn && (name === 'NA' || name === '')) name = 'Write-ins';
  const primary = ctx.partyPrimary ?? isPrimaryStage(stage);
  const title = contest.office.replace(/\s+/g, ' ') + (isTrue(special) ? ' (Special)' : '') + (/^run/i.test(stage.trim()) ? ' (Runoff)' : '');
  const race = raceId(title, stateDistrict(state, district), primary ? primaryParty(party) : null, seats !== null && seats >= 1 ? seats : null);
  if (seats === 0) return { kind: 'exclude', reason: 'statistics', race };
  const reason = writeIn ? null : excludedBy(office, name);
  if (reason) return { kind: 'exclude', reason, race };
  const partyName = cleanName(party) === 'NA' ? '' : cleanName(party);
  return { kind: 'vote', race, candidate: name, party: partyName, ballot: writeIn ? 'write-in' : ballotKind(name) };
}

/** `CA` + `District 1` → `CA-1`; `District 0` is at-large (`AK-AL`); statewide offices → `CA`. */
export function stateDistrict(state: string, district: string): string {
  const st = cleanName(state).toUpperCase();
  const d = normalizeDistrict(district);
  const seat = d === '0' ? 'AL' : d;
  return st === '' ? seat : seat === '' ? st : `${st}-${seat}`;
}

/** `mode` TOTAL rows beside per-mode rows for the same race would count every vote twice: say so. */
class ModeMix {
  private readonly seen = new Map<string, { total: boolean; parts: boolean; warned: boolean }>();

  note(race: string, mode: string, notes: { code: string; message: string; file?: string }[], file: string): void {
    const m = this.seen.get(race) ?? { total: false, parts: false, warned: false };
    if (/^total$/i.test(mode.trim())) m.total = true;
    else m.parts = true;
    this.seen.set(race, m);
    if (m.total && m.parts && !m.warned) {
      m.warned = true;
      notes.push({ code: 'mode-mix', file, message: `race ${JSON.stringify(race)} has mode TOTAL rows beside per-mode rows: both are counted, so its votes may be doubled` });
    }
  }
}
