/**
 * Several inputs in one run: the same input twice (same SHA-256: `a.csv a.csv`, a symlink, an identical copy) is
 * an error, and two different files that repeat one place × race × candidate key (overlapping county files, a
 * re-download with one vote changed) meet the same conflicting-row check as rows of one file: equal votes are
 * dropped as a duplicate with a warning, different votes are an error naming both files and lines. Only built
 * when there are two inputs or more, since it remembers every keyed row.
 */
import { DataError } from '../model/errors.js';
import type { InputSummary, Warning } from '../model/types.js';
import { thousands } from '../model/thousands.js';

interface Seen {
  file: string;
  line: number;
  votes: number;
}

export class CrossFileKeys {
  private readonly seen = new Map<string, Seen>();
  private readonly dropped = new Map<string, { n: number; first: string; from: string }>();

  /**
   * One counted row: true when an earlier input already counted this key with the same votes (drop it);
   * throws when the votes differ. `place` and `key` are the row's place and classification cells; `who` names it.
   */
  repeated(file: string, line: number, place: string, key: string, votes: number, who: () => string): boolean {
    const id = `${place}\u0000${key}`;
    const before = this.seen.get(id);
    if (!before) {
      this.seen.set(id, { file, line, votes });
      return false;
    }
    // The same file repeating a key is the per-file check's business (vote types, blocks), not this one's.
    if (before.file === file) return false;
    if (before.votes !== votes) {
      throw new DataError(
        `${who()} has ${thousands(before.votes)} votes in ${before.file}:${before.line} and ${thousands(votes)} here: the same candidate, race and place in two inputs, with different votes`,
        { file, line },
        'the inputs overlap: give each place once (one of them may be an older download)',
      );
    }
    const d = this.dropped.get(file) ?? { n: 0, first: `${line}`, from: `${before.file}:${before.line}` };
    d.n++;
    this.dropped.set(file, d);
    return true;
  }

  warnings(): Warning[] {
    return [...this.dropped].map(([file, d]) => ({
      code: 'duplicate-across-files',
      file,
      line: Number(d.first),
      message: `${d.n} row${d.n === 1 ? '' : 's'} repeat a place, race and candidate already counted from another input with the same votes (first: line ${d.first}, as ${d.from}); counted once`,
    }));
  }
}

/** The same bytes given twice (a repeated name, a symlink, a copy): an error naming both inputs. */
export function checkSameInput(inputs: readonly InputSummary[], latest: InputSummary): void {
  const twin = inputs.find((i) => i !== latest && i.sha256 === latest.sha256);
  if (!twin) return;
  const how = twin.name === latest.name ? 'this input was given twice' : `the same content (SHA-256 ${latest.sha256.slice(0, 12)}…) as ${twin.name}`;
  throw new DataError(`${how}: counting it again would double every vote`, { file: latest.name }, 'give each input once');
}
