/**
 * A race's candidates by name, first seen first (a CandidateMap: what the tally and its readers need of a
 * Map). Most races have a few candidates, so the first two are held in fields and the rest in an
 * array, found by a scan: about 56 bytes a race where a Map and its table took some 180, which is most of a
 * race's cost in a file of 300,000 races. Past INDEX_FROM candidates a Map index is kept beside them, so a
 * race of 130,000 candidates is not scanned per new key.
 */
import type { CandidateMap, CandidateTally } from './types.js';

const INDEX_FROM = 16;

export class Candidates implements CandidateMap {
  size = 0;
  private a: CandidateTally | null = null;
  private b: CandidateTally | null = null;
  private more: CandidateTally[] | null = null;
  private index: Map<string, CandidateTally> | null = null;

  get(name: string): CandidateTally | undefined {
    if (this.a?.name === name) return this.a;
    if (this.b?.name === name) return this.b;
    if (this.index) return this.index.get(name);
    if (this.more) for (const c of this.more) if (c.name === name) return c;
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, candidate: CandidateTally): this {
    const known = this.get(name);
    if (known === candidate) return this;
    if (known) {
      // Replacing a candidate keeps its place, as Map.set does.
      this.rebuild([...this.values()].map((c) => (c === known ? candidate : c)));
      return this;
    }
    this.size++;
    if (this.a === null) this.a = candidate;
    else if (this.b === null) this.b = candidate;
    else {
      (this.more ??= []).push(candidate);
      if (this.index) this.index.set(name, candidate);
      else if (this.size > INDEX_FROM) this.index = new Map([...this.values()].map((c) => [c.name, c]));
    }
    return this;
  }

  delete(name: string): boolean {
    const known = this.get(name);
    if (!known) return false;
    this.rebuild([...this.values()].filter((c) => c !== known));
    return true;
  }

  *values(): IterableIterator<CandidateTally> {
    if (this.a) yield this.a;
    if (this.b) yield this.b;
    if (this.more) yield* this.more;
  }

  private rebuild(list: CandidateTally[]): void {
    this.a = this.b = this.more = this.index = null;
    this.size = 0;
    for (const c of list) this.set(c.name, c);
  }
}
