/** Rule flags → the Rule to apply: a preset (default `majority`) with --threshold, --advance… on top. Pure. */
import { UsageError } from '../../model/errors.js';
import { parsePercent, percentLabel } from './fraction.js';
import { findPreset, majority, presets } from './presets.js';
import { ruleNeedsRegistered, type Denominator, type Rule } from './rule.js';
import { wholeNumberOption } from '../../model/whole-number.js';

/** The raw flag values, as commander gives them (RawOptions can be passed as it is). */
export interface RuleFlags {
  rule?: string | undefined;
  threshold?: string | undefined;
  atLeast?: boolean | undefined;
  advance?: string | undefined;
  denominator?: string | undefined;
  registered?: string | undefined;
  seats?: string | undefined;
}

export interface ResolvedRule {
  rule: Rule;
  /** Registered voters from --registered, for every race; null when not given. */
  registered: number | null;
  /** Seats from --seats; more than one makes every race not applicable. */
  seats: number | null;
}

export interface ResolveOptions {
  /** The input carries registered voters per race, so a rule that needs them may run without --registered. */
  registeredFromInput?: boolean;
}

const DENOMINATORS: readonly Denominator[] = ['valid', 'valid+blank', 'cast'];
const RULES_HINT = 'run `runoff rules` to list every preset with its definition and source';

export function resolveRule(flags: RuleFlags, options: ResolveOptions = {}): ResolvedRule {
  const preset = flags.rule === undefined ? majority : lookup(flags.rule);
  const overrides: string[] = [];
  let rule: Rule = { ...preset };

  if (flags.atLeast && flags.threshold === undefined) {
    throw new UsageError('--at-least needs --threshold', undefined, 'for example --threshold 40 --at-least for "40 % or more"');
  }
  if (flags.threshold !== undefined) {
    const share = parsePercent(flags.threshold);
    if (!share || share.num === 0) {
      throw new UsageError(`--threshold must be a percentage above 0 and at most 100, got ${JSON.stringify(flags.threshold)}`, undefined, 'for example 50, 40%, 12.5');
    }
    if (rule.noShortcut) {
      throw new UsageError(`--threshold has no effect with --rule ${rule.id}: the top ${String(rule.advance)} always advance`, undefined, 'leave out --threshold, or use --rule majority --threshold N for a threshold of your own');
    }
    // One plain condition replaces the preset's: a lead, floor or regional part would no longer mean what it says.
    rule = { ...rule, wins: [{ share, ...(flags.atLeast ? { atLeast: true } : {}) }] };
    // A threshold that nobody clears must lead somewhere: plurality's single "advancer" becomes a runoff pair.
    if (rule.advance === 1) rule = { ...rule, advance: 2 };
    overrides.push(`--threshold ${percentLabel(share)}${flags.atLeast ? ' --at-least' : ''}`);
  }
  if (flags.advance !== undefined) {
    const k = wholeNumberOption('--advance', flags.advance, 2, 1000);
    rule = { ...rule, advance: typeof rule.advance === 'number' ? k : { ...rule.advance, min: k } };
    overrides.push(`--advance ${k}`);
  }
  if (flags.denominator !== undefined) {
    const d = flags.denominator.trim().toLowerCase() as Denominator;
    if (!DENOMINATORS.includes(d)) {
      throw new UsageError(`--denominator must be one of ${DENOMINATORS.join(', ')}, got ${JSON.stringify(flags.denominator)}`, undefined,
        'valid: candidate votes incl. write-ins; valid+blank: plus blank ballots; cast: plus blank and invalid ballots');
    }
    rule = { ...rule, denominator: d };
    overrides.push(`--denominator ${d}`);
  }
  if (overrides.length > 0) rule.overrides = overrides;

  const registered = flags.registered === undefined ? null : wholeNumberOption('--registered', flags.registered, 1, Number.MAX_SAFE_INTEGER);
  const seats = flags.seats === undefined ? null : wholeNumberOption('--seats', flags.seats, 1, 10_000);
  if (registered === null && ruleNeedsRegistered(rule) && !options.registeredFromInput) {
    throw new UsageError(`--rule ${rule.id} needs the number of registered voters`, undefined,
      'pass --registered <n>, e.g. --registered 48747876; the rule has a registered-voter floor');
  }
  return { rule, registered, seats };
}


function lookup(id: string): Rule {
  const preset = findPreset(id);
  if (preset) return preset;
  const close = suggestRules(id);
  const hint = close.length > 0 ? `did you mean ${close.join(', ')}? Or ${RULES_HINT}` : RULES_HINT;
  throw new UsageError(`unknown rule ${JSON.stringify(id)}`, undefined, hint);
}

/** Preset ids close to `input`: by prefix, by edit distance, or by a word of the label ("georgia" → us-ga). */
export function suggestRules(input: string, limit = 3): string[] {
  const wanted = input.trim().toLowerCase();
  if (wanted === '') return [];
  const scored: { id: string; score: number }[] = [];
  for (const p of presets) {
    const distance = editDistance(wanted, p.id);
    // What the user typed is the start of an id ("us-ca", "fr"): that beats a one-letter slip.
    const prefix = p.id.startsWith(wanted) || p.id.endsWith(`-${wanted}`);
    const labelWord = wanted.length >= 4 && p.name.toLowerCase().split(/[^a-z]+/).includes(wanted);
    if (prefix) scored.push({ id: p.id, score: 0.5 });
    else if (distance <= Math.max(1, Math.floor(wanted.length / 3))) scored.push({ id: p.id, score: distance });
    else if (wanted.startsWith(p.id)) scored.push({ id: p.id, score: 10 });
    else if (labelWord) scored.push({ id: p.id, score: 20 });
  }
  scored.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.id);
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
