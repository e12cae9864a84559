/**
 * Header → Layout. Each layout family has its own module; this tries them in order, most specific first:
 * the long families are told apart by their column names, and the wide one only matches when no candidate
 * column exists (it has none: candidates are columns).
 */
import { DataError } from '../model/errors.js';
import { detectCivicfs } from './families/civicfs.js';
import { detectClarity } from './families/clarity.js';
import { detectClerk } from './families/clerk.js';
import { findBallotsColumn, findFirstNameColumn, normalizeHeader } from './columns.js';
import type { Layout, LayoutContext, LayoutFamily } from './layout.js';
import { detectLong, LONG_LOOKED_FOR } from './families/long.js';
import { detectMedsl } from './families/medsl.js';
import { detectWide, WIDE_LOOKED_FOR } from './families/wide.js';

type Detect = (headers: readonly string[], ctx: LayoutContext, raw: readonly string[]) => Layout | null;

/** The families in the order they are tried, most specific first. */
const FAMILIES: { id: LayoutFamily; detect: Detect; lookedFor: string }[] = [
  { id: 'medsl', detect: detectMedsl, lookedFor: 'candidate, office, and candidatevotes (or votes beside magnitude and mode), as MEDSL writes them' },
  { id: 'civicfs', detect: detectCivicfs, lookedFor: 'contest, candidate_name, vote_count and vote_type' },
  { id: 'clarity', detect: detectClarity, lookedFor: 'contest name, choice name and total votes' },
  { id: 'clerk', detect: detectClerk, lookedFor: 'contest title, choice name and total votes' },
  { id: 'long', detect: detectLong, lookedFor: LONG_LOOKED_FOR },
  { id: 'wide', detect: detectWide, lookedFor: WIDE_LOOKED_FOR },
];

export function detectLayout(rawHeader: readonly string[], ctx: LayoutContext, line: number): Layout {
  const headers = rawHeader.map(normalizeHeader);
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const first = seen.get(h);
    if (h !== '' && first !== undefined) {
      throw new DataError(`duplicate column "${rawHeader[i]?.trim()}" (columns ${first + 1} and ${i + 1})`, { file: ctx.file, line }, 'rename or remove one of them');
    }
    seen.set(h, i);
  });
  // --layout: that family alone, so a header two families could read is read by the one the user names.
  const tried = ctx.family ? FAMILIES.filter((f) => f.id === ctx.family) : FAMILIES;
  for (const family of tried) {
    const layout = family.detect(headers, ctx, rawHeader);
    // One part per row (long layouts): a ballots-cast column beside the votes is the contest's turnout.
    if (!layout) continue;
    if (layout.parts.length === 1) layout.ballotsColumn = findBallotsColumn(headers);
    return joinFirstName(layout, headers);
  }
  const found = rawHeader.map((h) => JSON.stringify(h.trim())).join(', ');
  if (ctx.family) {
    throw new DataError(`the header does not fit --layout ${ctx.family}: found ${found}`, { file: ctx.file, line }, `that layout needs ${tried[0]?.lookedFor}; leave out --layout to detect the layout`);
  }
  throw new DataError(
    `unrecognised header: found ${found}`,
    { file: ctx.file, line },
    `looked for ${LONG_LOOKED_FOR}; or ${WIDE_LOOKED_FOR}`,
  );
}

/**
 * `Nom` + `Prénom` (or `last_name` + `first_name`): one candidate, `Prénom Nom`. The long families all put the
 * candidate column first in their key, so the first name is added last to the key and joined before classifying.
 */
function joinFirstName(layout: Layout, headers: readonly string[]): Layout {
  const candidate = layout.keyColumns.candidate;
  if (layout.parts.length !== 1 || candidate < 0) return layout;
  const first = findFirstNameColumn(headers, candidate);
  if (first === -1) return layout;
  const classify = layout.classify.bind(layout);
  return {
    ...layout,
    // Last in the classify order, so the wrapper below finds it at the end of the values.
    keyColumns: { ...layout.keyColumns, more: { ...layout.keyColumns.more, firstName: first } },
    classify: (values) => {
      const given = (values[values.length - 1] ?? '').trim();
      const surname = values[0] ?? '';
      const rest = values.slice(1, -1);
      return classify([given === '' ? surname : `${given} ${surname.trim()}`, ...rest]);
    },
  };
}
