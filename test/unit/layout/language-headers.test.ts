/** Column names in the languages of the presets, and a name split over Nom + Prénom. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../src/layout/detect.js';
import { firstRace } from '../../support/doc.js';
import { fixture, json } from '../../support/run.js';

const ctx = { file: 'x.csv', partyPrimary: null };

describe('headers in other languages', () => {
  it('France 2022, first round (official): Nom + Prénom joined, Blancs and Nuls not candidates, runoff Macron–Le Pen', async () => {
    const { code, doc } = await json(['--rule', 'fr-president', fixture('fr-2022-president-first-round-nom-prenom.csv')]);
    expect(code).toBe(0);
    const president = firstRace(doc);
    expect(president.totalVotes).toBe(35132947);
    expect(president.blankVotes).toBe(543609);
    expect(president.invalidVotes).toBe(247151);
    expect(president.candidates.slice(0, 3).map((c) => [c.name, c.votes])).toEqual([
      ['Emmanuel MACRON', 9783058], ['Marine LE PEN', 8133828], ['Jean-Luc MÉLENCHON', 7712520],
    ]);
    expect(president.outcome.runoff).toEqual(['Emmanuel MACRON', 'Marine LE PEN']);
  });

  it.each([
    // Peru (ONPE-style district file): places, candidato, partido, total_votos.
    [['ubigeo', 'departamento', 'provincia', 'distrito', 'candidato', 'partido', 'total_votos'], 4, 6, 5, [1, 2, 3]],
    [['Département', 'Commune', 'Candidat', 'Nuance', 'Voix'], 2, 4, 3, [0, 1]],
    [['Município', 'Zona', 'Seção', 'Candidato', 'Partido', 'Votos'], 3, 5, 4, [0, 1, 2]],
    [['Comune', 'Candidato', 'Lista', 'Voti'], 1, 3, 2, [0]],
    [['Gemeinde', 'Kandidat', 'Partei', 'Stimmen'], 1, 3, 2, [0]],
    // Austria's official term for a candidate is Wahlwerber; results are published per Bundesland and Bezirk
    [['Bundesland', 'Bezirk', 'Wahlwerber', 'Partei', 'Stimmen'], 2, 4, 3, [0, 1]],
    [['Comune', 'Sezione', 'Cognome', 'Lista', 'Voti'], 2, 4, 3, [0, 1]],
    [['Región', 'Comuna', 'Candidata', 'Partido Político', 'Votos Válidos'], 2, 4, 3, [0, 1]],
  ])('%j reads: candidate, votes, party and places found', (header, candidate, votes, party, places) => {
    const layout = detectLayout(header, ctx, 1);
    expect(layout.keyColumns.candidate).toBe(candidate);
    expect(layout.parts[0]?.voteColumns).toEqual([votes]);
    expect(Object.values(layout.keyColumns)).toContain(party);
    for (const p of places) expect(layout.geoColumns).toContain(p);
  });

  it('Cognome + Nome are one candidate name, as Nom + Prénom are', () => {
    const layout = detectLayout(['Comune', 'Cognome', 'Nome', 'Voti'], ctx, 1);
    expect(layout.keyColumns.candidate).toBe(1);
    expect(layout.parts[0]?.voteColumns).toEqual([3]);
    expect(layout.keyColumns.more?.firstName).toBe(2);
  });

  it('last_name + first_name are one candidate name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-lang-'));
    const f = join(dir, 'names.csv');
    writeFileSync(f, 'last_name,first_name,votes\nOssoff,Jon,92673\nHandel,Karen,38071\n');
    const { doc } = await json([f]);
    expect(firstRace(doc).candidates.map((c) => c.name)).toEqual(['Jon Ossoff', 'Karen Handel']);
  });
});
