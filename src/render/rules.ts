/** `runoff rules`: every preset with its definition and source, as plain text or JSON. Pure; no colour. */
import { listRules, type RuleListing } from '../count/rules/describe.js';
import { majority } from '../count/rules/presets.js';
import { ruleDoc } from './document.js';
import { describeIrvPreset, IRV_PRESETS } from '../count/irv/presets.js';

export type RulesFormat = 'table' | 'json';

export interface RulesOptions {
  /** Wrap the text column to fit this many columns (default 100; at least 60). */
  width?: number;
  /** One preset only (`runoff rules us-ga`), in full. */
  id?: string;
}

export function renderRules(format: RulesFormat, options: RulesOptions = {}): string {
  const rules = listRules().filter((r) => options.id === undefined || r.id === options.id);
  return format === 'json' ? rulesJson(rules) : rulesTable(rules, Math.max(60, options.width ?? 100));
}

function rulesJson(rules: RuleListing[]): string {
  const doc = {
    schemaVersion: 1,
    default: majority.id,
    rules: rules.map((r) => ({ ...ruleDoc(r.rule), definition: r.definition })),
    // ranked-ballot presets: the same --rule flag, applied to cast-vote-record files
    irvRules: IRV_PRESETS.map((p) => ({ ...p, definition: describeIrvPreset(p) })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function rulesTable(rules: RuleListing[], width: number): string {
  let idWidth = 0;
  for (const r of rules) idWidth = Math.max(idWidth, r.id.length + 2);
  const textWidth = width - idWidth;
  const indent = ' '.repeat(idWidth);
  const out = rules.length === 1 ? [] : [
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
  out.push(...irvTable(idWidth, textWidth));
  return out.join('\n');
}

/** The instant-runoff presets, after the two-round rules, in the same layout. */
function irvTable(idWidth: number, textWidth: number): string[] {
  const out = ['Instant-runoff presets, for cast-vote-record files (--rule <id>; each option also has its own flag):', ''];
  const indent = ' '.repeat(idWidth);
  for (const p of IRV_PRESETS) {
    const lines = [...wrap(p.verified ? p.name : `${p.name} — UNVERIFIED`, textWidth), ...wrap(describeIrvPreset(p), textWidth), ...wrap(`source: ${p.source}`, textWidth), ...(p.note ? wrap(`note: ${p.note}`, textWidth) : [])];
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
