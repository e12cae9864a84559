/** Shares and axes for the charts. Bar lengths are floats (pixels); every number printed is exact. */
import type { Fraction } from '../../count/rules/fraction.js';
import type { ConditionDoc, RaceDoc } from '../schema.js';
import { maxOf } from '../../model/extent.js';

/** "1/2" (as the document writes shares) → 1/2; null for anything else. */
export function parseShare(text: string): Fraction | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return null;
  const num = Number(m[1]);
  const den = Number(m[2]);
  return den > 0 ? { num, den } : null;
}

export interface Threshold {
  share: Fraction;
  /** "> 50 %" or "≥ 40 %": the line's label. */
  label: string;
}

/** "50", "33.33": a share as a percentage for a label (the exact test is the rule's, never this). */
export function percentText(f: Fraction): string {
  return (f.num * 100) % f.den === 0 ? String((f.num * 100) / f.den) : ((f.num * 100) / f.den).toFixed(2);
}

/** The rule's share conditions as lines to draw; conditions on registered voters or regions are not lines. */
export function thresholdsOf(wins: readonly ConditionDoc[]): Threshold[] {
  const out: Threshold[] = [];
  for (const w of wins) {
    const share = parseShare(w.share);
    if (!share || share.num === 0) continue;
    const label = `${w.strict ? '>' : '≥'} ${percentText(share)} %`;
    if (!out.some((t) => t.label === label)) out.push({ share, label });
  }
  return out;
}

/** The axis runs to the next tenth above both the top share and the highest threshold, so neither is cut. */
export function axisMax(race: Pick<RaceDoc, 'candidates' | 'denominator'>, thresholds: readonly Threshold[]): number {
  const top = race.denominator === 0 ? 0 : maxOf(race.candidates.map((c) => c.votes), 0) / race.denominator;
  const highest = maxOf(thresholds.map((t) => t.share.num / t.share.den), top);
  return Math.min(1, Math.ceil(highest * 10 + 0.5) / 10);
}

/** Two decimals of a pixel: enough for any screen, and stable text for the goldens. */
export function px(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Rough width of text in the charts' font, for placing a label after another; never used for truncation. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.58;
}
