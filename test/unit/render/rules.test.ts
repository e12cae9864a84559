import { describe, expect, it } from 'vitest';
import { renderRules, wrap } from '../../../src/render/rules.js';
import { ruleSchema } from '../../../src/render/schema.js';
import { presets } from '../../../src/count/rules/presets.js';
import { IRV_PRESETS } from '../../../src/count/irv/presets.js';
import { find, parseRulesDoc } from '../../support/doc.js';

describe('renderRules', () => {
  it('table: one block per preset with id, label, definition and source; plain text', () => {
    const text = renderRules('table');
    expect(text).not.toContain('\u001b[');
    expect(text.split('\n')[0]).toBe(`${presets.length} rules; the default is majority. Choose one with --rule <id>; adjust it with`);
    for (const p of presets) expect(text).toMatch(new RegExp(`^${p.id} +\\S`, 'm'));
    expect(text).toContain('source: O.C.G.A. § 21-2-501');
    expect(text).toContain('Ukraine: President — UNVERIFIED');
    expect(text).toContain('note: UNVERIFIED: no primary source was checked for this preset.');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('json: every preset as rule data with its definition, valid against the schema', () => {
    const doc = parseRulesDoc(renderRules('json'));
    expect(doc.default).toBe('majority');
    expect(doc.rules.map((r) => r.id)).toEqual(presets.map((p) => p.id));
    for (const r of doc.rules) {
      expect(() => ruleSchema.parse(r)).not.toThrow();
      expect(r.definition.length).toBeGreaterThan(20);
    }
    expect(find(doc.rules, (r) => r.id === 'ke', 'rule ke').wins).toEqual([{ share: '1/2', strict: true, regional: { share: '1/4', strict: false, regions: 24 } }]);
  });

  it('instant-runoff presets: the verified ones with the page their law was read on; one of them alone by id', () => {
    const text = renderRules('table');
    for (const p of IRV_PRESETS) expect(text).toMatch(new RegExp(`^${p.id} +${p.verified ? '\\S' : '.* — UNVERIFIED$'}`, 'm'));
    expect(text).toMatch(/^ +https:\/\/github.com\/FreeAndFair\/Tabulator\/blob\/3dbf4dc\/statutes\/Minneapolis.md$/m);
    expect(renderRules('table', { id: 'oakland-rcv' })).toContain('url: https://github.com/FreeAndFair/Tabulator/blob/3dbf4dc/statutes/oakland.txt');
    const one = renderRules('table', { id: 'nyc-rcv' });
    expect(one.split('\n')[0]).toBe('nyc-rcv  New York City: ranked-choice primaries and specials');
    expect(one).toContain('source: New York City Charter § 1057-g');
    expect(one).not.toContain('us-ga');
    expect(renderRules('table', { id: 'us-ga' })).not.toContain('Instant-runoff');
    const doc = JSON.parse(renderRules('json', { id: 'sf-rcv' }));
    expect(doc.rules).toEqual([]);
    expect(doc.irvRules.map((p: { id: string; verified: boolean }) => [p.id, p.verified])).toEqual([['sf-rcv', true]]);
  });

  it('wraps words, never splitting one', () => {
    expect(wrap('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
