/** Lines of a counted warning: the count and the first few places. */
export class LineSample {
  count = 0;
  readonly first: number[] = [];

  note(line: number): void {
    this.count++;
    if (this.first.length < 5) this.first.push(line);
  }

  describe(): string {
    return `line${this.first.length > 1 ? 's' : ''} ${this.first.join(', ')}${this.count > this.first.length ? ', …' : ''}`;
  }
}

/** The plural `s` of a count. */
export function plural(n: number): string {
  return n === 1 ? '' : 's';
}
