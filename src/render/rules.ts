/** `runoff rules`: every preset with its definition and source, as plain text or JSON. Pure; no colour. */
import { listRules, type RuleListing } from '../count/rules/describe.js';
import { majority } from '../count/rules/presets.js';
import { ruleDoc } from './document.js';
import { describeIrvPreset, IRV_PRESETS, type IrvPreset } from '../count/irv/presets.js';

export type RulesFormat = 'table' | 'json';

export interface RulesOptions {
  /** Wrap the text column to fit this many columns (default 100; at least 60). */
  width?: number;
  /** One preset only (`runoff rules us-ga`), in full. */
  id?: string;
}

export function renderRules(format: RulesFormat, options: RulesOptions = {}): string {
  const rules = listRules().filter((r) => options.id === undefined || r.id === options.id);
  const irv = IRV_PRESETS.filter((p) => options.id === undefined || p.id === options.id);
  return format === 'json' ? rulesJson(rules, irv) : rulesTable(rules, irv, Math.max(60, options.width ?? 100), options.id !== undefined);
}

function rulesJson(rules: RuleListing[], irv: readonly IrvPreset[]): string {
  const doc = {
    schemaVersion: 1,
    default: majority.id,
    rules: rules.map((r) => ({ ...ruleDoc(r.rule), definition: r.definition })),
    // ranked-ballot presets: the same --rule flag, applied to cast-vote-record files
    irvRules: irv.map((p) => ({ ...p, definition: describeIrvPreset(p) })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function rulesTable(rules: RuleListing[], irv: readonly IrvPreset[], width: number, one: boolean): string {
  let idWidth = 0;
  for (const { id } of [...rules, ...irv]) idWidth = Math.max(idWidth, id.length + 2);
  const textWidth = width - idWidth;
  const indent = ' '.repeat(idWidth);
  const out = one || rules.length === 0 ? [] : [
    `${rules.length} rules; the default is ${majority.id}. Choose one with --rule <id>; adjust it with`,
    '--threshold <percent> [--at-least], --advance <n> and --denominator <valid|valid+blank|cast>;',
    'give --registered <n> or --seats <n> where a rule needs them.',
    '',
  ];
  for (const r of rules) {
    const lines = [
      ...wrap(r.verified ? r.label : `${r.label} — UNVERIFIED`, textWidth),
      ...wrap(r.definition, textWidth),
      ...wrap(`source: ${r.source}`, textWidth),
      ...(r.note ? wrap(`note: ${r.note}`, textWidth) : []),
    ];
    lines.forEach((line, i) => out.push(`${i === 0 ? r.id.padEnd(idWidth) : indent}${line}`.trimEnd()));
    out.push('');
  }
  if (irv.length > 0) out.push(...irvTable(irv, idWidth, textWidth, one));
  return out.join('\n');
}

/** The instant-runoff presets, after the two-round rules, in the same layout. */
function irvTable(irv: readonly IrvPreset[], idWidth: number, textWidth: number, one: boolean): string[] {
  const out = one ? [] : ['Instant-runoff presets, for cast-vote-record files (--rule <id>; each option also has its own flag):', ''];
  const indent = ' '.repeat(idWidth);
  for (const p of irv) {
    const lines = [
      ...wrap(p.verified ? p.name : `${p.name} — UNVERIFIED`, textWidth),
      ...wrap(describeIrvPreset(p), textWidth),
      ...wrap(`source: ${p.source}`, textWidth),
      // a URL cannot be wrapped: without its label when both do not fit on one line
      ...(p.url ? [`url: ${p.url}`.length <= textWidth ? `url: ${p.url}` : p.url] : []),
      ...(p.note ? wrap(`note: ${p.note}`, textWidth) : []),
    ];
    lines.forEach((line, i) => out.push(`${i === 0 ? p.id.padEnd(idWidth) : indent}${line}`.trimEnd()));
    out.push('');
  }
  return out;
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
