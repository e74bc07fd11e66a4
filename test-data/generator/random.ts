/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the phantom needs.
 * Everything in a phantom comes from one of these, so the same seed gives the same bytes.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A new independent generator derived from this one and a label. */
  fork(label: string): Random;
}

/** 32-bit FNV-1a hash of a string: used to derive child seeds from labels. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Makes a generator from a 32-bit seed.
 * @example const r = makeRandom(42); r.uniform(0, 1); // always the same first value for 42
 */
export function makeRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Random = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: () => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick: empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    fork: (label) => makeRandom(hashString(label, (seed ^ 0x9e3779b9) >>> 0)),
  };
  return r;
}
