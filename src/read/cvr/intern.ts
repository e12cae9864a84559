/**
 * Field text without a string per cell: CVR columns repeat a few dozen names millions of times, so a cell's
 * bytes are hashed and looked up, and decoded only the first time they are seen.
 */
import { fieldText, type FieldSpans } from '../fast-scan.js';

interface Entry {
  bytes: Uint8Array;
  text: string;
}

export class FieldInterner {
  private readonly table = new Map<number, Entry[]>();
  /** Stop remembering past this many distinct values (a column of ids, not names): decode instead. */
  private size = 0;

  constructor(private readonly limit = 10_000) {}

  text(r: FieldSpans, i: number): string {
    const buf = r.buf;
    const s = r.start[i] as number;
    const e = r.end[i] as number;
    if (r.escaped[i] === 1 || e - s > 64) return fieldText(r, i);
    let h = 0x811c9dc5;
    for (let k = s; k < e; k++) h = Math.imul(h ^ (buf[k] as number), 0x01000193);
    const bucket = this.table.get(h);
    if (bucket) {
      outer: for (const entry of bucket) {
        const bytes = entry.bytes;
        if (bytes.length !== e - s) continue;
        for (let k = 0; k < bytes.length; k++) if (bytes[k] !== buf[s + k]) continue outer;
        return entry.text;
      }
    }
    const text = fieldText(r, i);
    if (this.size < this.limit) {
      const entry = { bytes: buf.slice(s, e), text };
      if (bucket) bucket.push(entry);
      else this.table.set(h, [entry]);
      this.size++;
    }
    return text;
  }
}
