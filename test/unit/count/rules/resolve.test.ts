import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/model/errors.js';
import { editDistance, resolveRule, suggestRules, type RuleFlags } from '../../../../src/count/rules/resolve.js';

function usage(flags: RuleFlags): UsageError {
  try {
    resolveRule(flags);
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error('expected a UsageError');
}

describe('resolveRule', () => {
  it('defaults to majority with no registered voters and no seats', () => {
    const r = resolveRule({});
    expect(r.rule.id).toBe('majority');
    expect(r.rule.overrides).toBeUndefined();
    expect(r).toMatchObject({ registered: null, seats: null });
  });

  it('finds presets case-insensitively', () => {
    expect(resolveRule({ rule: 'US-GA' }).rule.id).toBe('us-ga');
  });

  it('parses --threshold to an exact fraction, strictly more than unless --at-least', () => {
    expect(resolveRule({ threshold: '40' }).rule.wins).toEqual([{ share: { num: 2, den: 5 } }]);
    expect(resolveRule({ threshold: '40%', atLeast: true }).rule.wins).toEqual([{ share: { num: 2, den: 5 }, atLeast: true }]);
    expect(resolveRule({ threshold: '12.5' }).rule.wins).toEqual([{ share: { num: 1, den: 8 } }]);
    expect(resolveRule({ rule: 'ar', threshold: '50' }).rule).toMatchObject({ id: 'ar', overrides: ['--threshold 50'], wins: [{ share: { num: 1, den: 2 } }] });
  });

  it('turns plurality with a threshold into a runoff between the top two', () => {
    expect(resolveRule({ rule: 'plurality', threshold: '40' }).rule.advance).toBe(2);
  });

  it('applies --advance, --denominator, --registered and --seats on top of the preset', () => {
    const r = resolveRule({ rule: 'us-ga', advance: '3', denominator: 'cast', registered: '1,234,567', seats: '2' });
    expect(r.rule).toMatchObject({ id: 'us-ga', advance: 3, denominator: 'cast', overrides: ['--advance 3', '--denominator cast'] });
    expect(r.registered).toBe(1234567);
    expect(r.seats).toBe(2);
    expect(resolveRule({ rule: 'fr-legislative', registered: '1000', advance: '3' }).rule.advance).toEqual({ registeredShare: { num: 1, den: 8 }, min: 3 });
  });

  it('needs --registered for a rule with a registered-voter floor, unless the input has it', () => {
    const err = usage({ rule: 'fr-legislative' });
    expect(err.message).toBe('--rule fr-legislative needs the number of registered voters');
    expect(err.hint).toContain('--registered');
    expect(resolveRule({ rule: 'fr-legislative' }, { registeredFromInput: true }).registered).toBeNull();
    expect(resolveRule({ rule: 'fr-legislative', registered: '48747876' }).registered).toBe(48747876);
  });

  it('suggests the closest ids for an unknown rule', () => {
    const err = usage({ rule: 'us-gaa' });
    expect(err.message).toBe('unknown rule "us-gaa"');
    expect(err.hint).toMatch(/^did you mean us-ga\b/);
    expect(err.hint).toContain('runoff rules');
    expect(usage({ rule: 'georgia' }).hint).toContain('us-ga');
    expect(usage({ rule: 'us-ca' }).hint).toContain('us-ca-top-two');
    expect(usage({ rule: 'zzzzzzzz' }).hint).toBe('run `runoff rules` to list every preset with its definition and source');
  });

  it.each<[RuleFlags, RegExp]>([
    [{ threshold: 'abc' }, /--threshold must be a percentage above 0 and at most 100, got "abc"/],
    [{ threshold: '0' }, /--threshold must be a percentage/],
    [{ threshold: '150' }, /--threshold must be a percentage/],
    [{ threshold: '0.5e2' }, /--threshold must be a percentage/],
    [{ atLeast: true }, /--at-least needs --threshold/],
    [{ rule: 'us-ca-top-two', threshold: '50' }, /--threshold has no effect with --rule us-ca-top-two: the top 2 always advance/],
    [{ advance: '1' }, /--advance must be a whole number from 2 to 1,000, got "1"/],
    [{ advance: 'two' }, /--advance must be a whole number/],
    [{ denominator: 'all' }, /--denominator must be one of valid, valid\+blank, cast, got "all"/],
    [{ registered: '-5' }, /--registered must be a whole number from 1 up, got "-5"/],
    [{ registered: '12,34' }, /--registered must be a whole number/],
    [{ seats: '0' }, /--seats must be a whole number from 1/],
  ])('rejects %o', (flags, message) => {
    expect(usage(flags).message).toMatch(message);
  });
});

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('us-ga', 'us-ga')).toBe(0);
  });

  it('ranks near misses first and stays short', () => {
    expect(suggestRules('us-tz')[0]).toBe('us-tx');
    expect(suggestRules('fr')).toEqual(expect.arrayContaining(['fr-president', 'fr-legislative']));
    expect(suggestRules('majoritty')).toEqual(['majority']);
    expect(suggestRules('us').length).toBeLessThanOrEqual(3);
  });
});
