/**
 * Counts identical rows of cell ids without an object per row: rows are paths in a trie whose nodes live in
 * typed arrays, and a row ending at a node adds one to that node's count. A million ballots over a few
 * candidates walk a few thousand nodes, so memory follows the number of distinct ballots, not of rows.
 */

export class PatternCounter {
  /** Node → its parent node and the cell id on the edge from it (the root, node 0, has neither). */
  private parent = new Int32Array(1024);
  private cell = new Int32Array(1024);
  /** Rows ending at the node, and the line of the first one. */
  private rows = new Float64Array(1024);
  private firstLine = new Float64Array(1024);
  private nodes = 1;
  /** Open-addressed (parent, cell) → child + 1; a power of two, kept under half full. */
  private slots = new Int32Array(2048);
  private node = 0;

  /** Start a row. */
  begin(): void {
    this.node = 0;
  }

  /** Step from the current node along `cell`, making the child if it is new. */
  step(cell: number): void {
    const from = this.node;
    const mask = this.slots.length - 1;
    let slot = (Math.imul(from, 0x9e3779b1) ^ Math.imul(cell, 0x85ebca6b)) & mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === 0) break;
      if (this.parent[entry - 1] === from && this.cell[entry - 1] === cell) {
        this.node = entry - 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const child = this.grow();
    this.parent[child] = from;
    this.cell[child] = cell;
    this.slots[slot] = child + 1;
    this.node = child;
    if (this.nodes * 2 > this.slots.length) this.rehash();
  }

  /** The node the current row has reached. */
  at(): number {
    return this.node;
  }

  /** Count one row, read on `line`, ending at `node`. */
  endAt(node: number, line: number): void {
    if (this.rows[node] === 0) this.firstLine[node] = line;
    this.rows[node] = (this.rows[node] as number) + 1;
  }

  /** Each distinct row once, in the order of its first line: its cells, its count and that line. */
  *patterns(): Iterable<{ cells: number[]; rows: number; line: number }> {
    const ends: number[] = [];
    for (let node = 0; node < this.nodes; node++) if ((this.rows[node] as number) > 0) ends.push(node);
    ends.sort((a, b) => (this.firstLine[a] as number) - (this.firstLine[b] as number));
    for (const node of ends) {
      const cells: number[] = [];
      for (let at = node; at !== 0; at = this.parent[at] as number) cells.push(this.cell[at] as number);
      yield { cells: cells.reverse(), rows: this.rows[node] as number, line: this.firstLine[node] as number };
    }
  }

  private grow(): number {
    if (this.nodes === this.parent.length) {
      const size = this.nodes * 2;
      this.parent = copy(new Int32Array(size), this.parent);
      this.cell = copy(new Int32Array(size), this.cell);
      this.rows = copy(new Float64Array(size), this.rows);
      this.firstLine = copy(new Float64Array(size), this.firstLine);
    }
    return this.nodes++;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let node = 1; node < this.nodes; node++) {
      let slot = (Math.imul(this.parent[node] as number, 0x9e3779b1) ^ Math.imul(this.cell[node] as number, 0x85ebca6b)) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = node + 1;
    }
  }
}

function copy<T extends Int32Array | Float64Array>(to: T, from: T): T {
  to.set(from);
  return to;
}
