// Seeded pseudo-random numbers for the synthetic 903 data: the same seed always gives the same files.

// Weight tables are constants; their running totals are worked out once.
const compiledTables = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();

/** sfc32 (Chris Doty-Humphrey's small fast chaotic generator): 128 bits of state, fast and well mixed. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    // Spread the seed over the state with a string hash so nearby seeds give unrelated streams.
    let h = 1779033703 ^ String(seed).length;
    const s = String(seed);
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    const next = (): number => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A whole number from lo to hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** One item, equally likely. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One key of a weight table, in proportion to its weight. */
  weighted<T extends Readonly<Record<string, number>>>(table: T): keyof T & string {
    let compiled = compiledTables.get(table);
    if (compiled === undefined) {
      const keys = Object.keys(table);
      const cumulative: number[] = [];
      let total = 0;
      for (const k of keys) cumulative.push((total += table[k] ?? 0));
      compiled = { keys, cumulative, total };
      compiledTables.set(table, compiled);
    }
    const r = this.next() * compiled.total;
    const { keys, cumulative } = compiled;
    for (let i = 0; i < keys.length; i++) if (r < (cumulative[i] as number)) return keys[i] as keyof T & string;
    return keys[keys.length - 1] as keyof T & string;
  }

  /** Exponentially distributed with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
