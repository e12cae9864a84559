/**
 * Cell bytes → a small integer id, each distinct cell decoded once. Rank columns hold a few dozen names
 * repeated millions of times, so a cell is hashed where it lies in the read buffer and looked up in an
 * open-addressed table; no string is made for a cell already seen. Id 0 is the empty cell.
 */
import { fieldText, type FieldSpans } from '../fast-scan.js';

export const EMPTY_CELL = 0;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** FNV-1a over the bytes of a cell, one byte at a time, so a scanner can fold it as it reads. */
export const HASH_START = 0x811c9dc5;
export const hashStep = (h: number, byte: number): number => Math.imul(h ^ byte, 0x01000193);

export class CellIds {
  /** Decoded text of each id. */
  readonly texts: string[] = [''];
  private readonly byText = new Map<string, number>([['', EMPTY_CELL]]);
  // the bytes of every id (unquoted cells only), end to end
  private bytes = new Uint8Array(4096);
  private used = 0;
  private offset: number[] = [0];
  private length: number[] = [0];
  /** Slot → id + 1 (0 is a free slot); a power of two, kept under half full. */
  private slots = new Int32Array(1024);
  private hashes: number[] = [0];
  private filled = 0;

  /** The id of field `i` of a scanned record. */
  id(r: FieldSpans, i: number): number {
    // a quoted cell with "" inside is unescaped first: rare, so it goes by its text
    if (r.escaped[i] === 1) return this.idOfText(fieldText(r, i));
    return this.idOfBytes(r.buf, r.start[i] as number, r.end[i] as number);
  }

  /** The id of the UTF-8 cell `buf[s] .. buf[e - 1]`, which needs no unescaping. */
  idOfBytes(buf: Uint8Array, s: number, e: number): number {
    let h = HASH_START;
    for (let k = s; k < e; k++) h = hashStep(h, buf[k] as number);
    return this.idOfHashed(buf, s, e, h);
  }

  /** As idOfBytes, with the hash of the bytes already folded by `hashStep` from HASH_START. */
  idOfHashed(buf: Uint8Array, s: number, e: number, h: number): number {
    if (s === e) return EMPTY_CELL;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] !== h || this.length[id] !== e - s) continue;
      const at = this.offset[id] as number;
      let k = 0;
      while (k < e - s && this.bytes[at + k] === buf[s + k]) k++;
      if (k === e - s) return id;
    }
    const id = this.idOfText(decoder.decode(buf.subarray(s, e)));
    if (this.hashes[id] === undefined) this.remember(id, h, buf, s, e);
    return id;
  }

  private idOfText(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, id);
    }
    return id;
  }

  /** Keep the bytes of `id` and index them (once per id: the same text quoted is looked up by text). */
  private remember(id: number, h: number, buf: Uint8Array, s: number, e: number): void {
    if (this.used + (e - s) > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + (e - s)));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.bytes.set(buf.subarray(s, e), this.used);
    this.offset[id] = this.used;
    this.length[id] = e - s;
    this.hashes[id] = h;
    this.used += e - s;
    if (++this.filled * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[id] as number) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 1; id < this.texts.length; id++) if ((this.length[id] ?? 0) > 0) this.place(id);
  }
}
