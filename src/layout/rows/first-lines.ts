/**
 * The line where each distinct row was first seen, for the digest table, without a number per row. Rows get
 * ids 0, 1, 2 … in file order, so line − id stays the same from one new row to the next, and changes only
 * where something between them was not a new distinct row: a duplicate, a blank line, an excluded row, a
 * record over several lines. Only those change points are kept, (id, line − id), in fixed pages; a line is
 * asked for only when a duplicate is found, and costs a binary search.
 *
 * A typical file has a few change points; the worst (a blank line after every row) has one per distinct row,
 * 12 bytes each.
 */

const PAGE_BITS = 12;
const PAGE_MASK = (1 << PAGE_BITS) - 1;

export class FirstLines {
  private readonly ids: Uint32Array[] = [];
  /** Float64: a line may pass 2³², where the ids (at most the distinct-row limit) cannot. */
  private readonly offsets: Float64Array[] = [];
  private count = 0;
  private last = Number.NaN;

  /** Change points kept. */
  get points(): number {
    return this.count;
  }

  /** Row `id` is on `line`. Ids come in order (0, 1, 2 …), as the digest table gives them. */
  add(id: number, line: number): void {
    const offset = line - id;
    if (offset === this.last) return;
    const k = this.count;
    if ((k & PAGE_MASK) === 0) {
      this.ids.push(new Uint32Array(PAGE_MASK + 1));
      this.offsets.push(new Float64Array(PAGE_MASK + 1));
    }
    (this.ids[k >>> PAGE_BITS] as Uint32Array)[k & PAGE_MASK] = id;
    (this.offsets[k >>> PAGE_BITS] as Float64Array)[k & PAGE_MASK] = offset;
    this.count = k + 1;
    this.last = offset;
  }

  /** The line of row `id` (one already added): from the last change point at or before it. */
  lineOf(id: number): number {
    // The first point is row 0's, so the one sought always exists: lo only moves to points at or before id.
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.idAt(mid) <= id) lo = mid;
      else hi = mid - 1;
    }
    return id + ((this.offsets[lo >>> PAGE_BITS] as Float64Array)[lo & PAGE_MASK] as number);
  }

  private idAt(k: number): number {
    return (this.ids[k >>> PAGE_BITS] as Uint32Array)[k & PAGE_MASK] as number;
  }
}
