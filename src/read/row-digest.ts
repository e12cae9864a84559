/**
 * A 96-bit digest of one record's cells, for exact-duplicate detection without keeping the record. Both
 * record views feed it the same bytes — each cell's decoded text as UTF-8, then 0xFF (a byte UTF-8 never
 * uses, so `ab,c` and `a,bc` differ) — so the byte scanner and csv-parse reach the same duplicate decisions.
 *
 * Three 32-bit lanes, each a multiply-xorshift over the bytes with its own odd multiplier and seed, then a
 * murmur3 finaliser: fast (Math.imul, no allocation), and not cryptographic, which it need not be. Three,
 * not four: with a chain link, a table entry is 16 bytes, so 4 million distinct rows fit in about 70 MB;
 * 96 bits still make a false match among 16 million rows a 10⁻¹⁵ chance.
 */
export class RowDigest {
  a = 0;
  b = 0;
  c = 0;

  reset(): void {
    this.a = 0x811c9dc5 | 0;
    this.b = 0x9747b28c | 0;
    this.c = 0x2545f491 | 0;
  }

  byte(x: number): void {
    // The xorshift after each multiply carries high bits down, so the low bits depend on every byte too.
    let a = Math.imul(this.a ^ x, 0x01000193);
    let b = Math.imul(this.b ^ x, 0x5bd1e995);
    let c = Math.imul(this.c ^ x, 0x85ebca6b);
    a ^= a >>> 15;
    b ^= b >>> 13;
    c ^= c >>> 16;
    this.a = a;
    this.b = b;
    this.c = c;
  }

  /** The end of a cell. */
  cellEnd(): void {
    this.byte(0xff);
  }

  /** After the last cell: every lane through the murmur3 finaliser, as unsigned 32-bit numbers. */
  finish(): void {
    this.a = fmix(this.a);
    this.b = fmix(this.b);
    this.c = fmix(this.c);
  }

  /** A cell given as a string (the csv-parse path): its UTF-8 bytes, as TextEncoder would make them. */
  text(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      if (u < 0x80) {
        this.byte(u);
      } else if (u < 0x800) {
        this.byte(0xc0 | (u >> 6));
        this.byte(0x80 | (u & 0x3f));
      } else if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((u - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        this.byte(0xf0 | (cp >> 18));
        this.byte(0x80 | ((cp >> 12) & 0x3f));
        this.byte(0x80 | ((cp >> 6) & 0x3f));
        this.byte(0x80 | (cp & 0x3f));
      } else {
        // A lone surrogate is U+FFFD in UTF-8, as TextEncoder has it.
        const cp = u >= 0xd800 && u <= 0xdfff ? 0xfffd : u;
        this.byte(0xe0 | (cp >> 12));
        this.byte(0x80 | ((cp >> 6) & 0x3f));
        this.byte(0x80 | (cp & 0x3f));
      }
    }
    this.cellEnd();
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
