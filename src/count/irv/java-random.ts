/**
 * RCTab breaks random ties with java.util.Random seeded from the config, and shuffles candidate permutations
 * with Collections.shuffle. Reproducing its draws exactly is what lets a seeded count here match RCTab's report,
 * so this is Java's 48-bit linear congruential generator, bit for bit (BigInt keeps the 48-bit products exact).
 */

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    // new Random(seed) scrambles the seed before the first draw
    this.seed = (BigInt.asIntN(64, seed) ^ MULTIPLIER) & MASK;
  }

  /** Java's protected next(bits): the top `bits` bits of the next state, as a signed 32-bit int. */
  next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** nextDouble(): 53 random bits over [0, 1). */
  nextDouble(): number {
    const high = BigInt(this.next(26)) << 27n;
    const low = BigInt(this.next(27));
    return Number(high + low) / 2 ** 53;
  }

  /** nextInt(bound), including Java's rejection loop that keeps the draw unbiased. */
  nextInt(bound: number): number {
    if (bound <= 0) throw new RangeError('bound must be positive');
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const val = bits % bound;
      // Java retries when `bits - val + (bound - 1)` overflows 32 bits: that draw would be biased
      if (((bits - val + (bound - 1)) | 0) >= 0) return val;
    }
  }
}

/** Collections.shuffle(list, random): swaps from the end, the same draws in the same order. */
export function javaShuffle<T>(list: T[], random: JavaRandom): void {
  for (let i = list.length; i > 1; i--) {
    const j = random.nextInt(i);
    const a = list[i - 1] as T;
    list[i - 1] = list[j] as T;
    list[j] = a;
  }
}

/** String.hashCode(): s[0]*31^(n-1) + … over UTF-16 code units, in 32-bit arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The iteration order of `new HashSet<>(names)`: RCTab's "previous round counts" tie-break walks such a set, and
 * the order of the candidates still tied afterwards decides which one a random draw picks. Buckets in index
 * order (the hash spread by h ^ h>>>16, as HashMap does), insertion order within a bucket.
 */
export function javaHashSetOrder(names: readonly string[]): string[] {
  let capacity = 1;
  const wanted = Math.max(Math.floor(names.length / 0.75) + 1, 16);
  while (capacity < wanted) capacity *= 2;
  const buckets = new Map<number, string[]>();
  for (const name of names) {
    const h = javaStringHash(name);
    const index = (h ^ (h >>> 16)) & (capacity - 1);
    const bucket = buckets.get(index);
    if (!bucket) buckets.set(index, [name]);
    else if (!bucket.includes(name)) bucket.push(name);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, bucket]) => bucket);
}
