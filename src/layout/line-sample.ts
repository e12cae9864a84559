/** Lines of a counted warning: the count and the first few places. */
export class LineSample {
  count = 0;
  readonly first: number[] = [];

  note(line: number): void {
    this.count++;
    if (this.first.length < 5) this.first.push(line);
  }

  /** The lines of a later byte range, whose line 1 is line `base + 1`: what noting them one by one gives. */
  absorb(later: { count: number; first: readonly number[] }, base: number): void {
    for (const line of later.first) if (this.first.length < 5) this.first.push(line + base);
    this.count += later.count;
  }

  describe(): string {
    return `line${this.first.length > 1 ? 's' : ''} ${this.first.join(', ')}${this.count > this.first.length ? ', …' : ''}`;
  }
}

/** The plural `s` of a count. */
export function plural(n: number): string {
  return n === 1 ? '' : 's';
}
