/**
 * Two general classifiers over a set's summary features, to check how much of the separation
 * between terms the features hold beyond what the describe rules take from them: a multinomial
 * logistic regression (linear boundaries) and k nearest neighbours (any boundary). Both on
 * features standardised over the training rows. Deterministic: the same rows give the same answers.
 * Used by set-separability.ts; diagnostic only, never by the product.
 */

export interface Labelled {
  readonly x: readonly number[];
  /** The class, 0 … classes − 1. */
  readonly y: number;
}

export type Classify = (x: readonly number[]) => number;

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((v) => (v - m) ** 2)));
};

/** z-scores with the training rows' mean and SD (a constant feature is left centred). */
function standardiser(rows: readonly Labelled[]): (x: readonly number[]) => number[] {
  const d = rows[0]?.x.length ?? 0;
  const mu = Array.from({ length: d }, (_, j) => mean(rows.map((r) => r.x[j] ?? 0)));
  const sigma = Array.from({ length: d }, (_, j) => sd(rows.map((r) => r.x[j] ?? 0)) || 1);
  return (x) => x.map((v, j) => (v - (mu[j] ?? 0)) / (sigma[j] ?? 1));
}

const argmax = (xs: readonly number[]): number => xs.reduce((best, v, i) => (v > (xs[best] ?? -Infinity) ? i : best), 0);

/**
 * Multinomial logistic regression by full-batch gradient descent (step 0.1, L2 weight 0.01 on the
 * slopes, `iterations` steps from zero weights).
 */
export function logisticRegression(rows: readonly Labelled[], classes: number, iterations = 2000): Classify {
  const z = standardiser(rows);
  const zs = rows.map((r) => [1, ...z(r.x)]);
  const d = (zs[0]?.length ?? 1);
  const w = Array.from({ length: classes }, () => new Array<number>(d).fill(0));
  const scores = (v: readonly number[]): number[] => w.map((wc) => wc.reduce((a, wi, i) => a + wi * (v[i] ?? 0), 0));
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((wc) => wc.map(() => 0));
    rows.forEach((r, n) => {
      const v = zs[n] as number[];
      const s = scores(v);
      const top = Math.max(...s);
      const e = s.map((x) => Math.exp(x - top));
      const total = e.reduce((a, b) => a + b, 0);
      for (let c = 0; c < classes; c++) {
        const g = (e[c] ?? 0) / total - (c === r.y ? 1 : 0);
        const gc = grad[c] as number[];
        for (let i = 0; i < d; i++) gc[i] = (gc[i] ?? 0) + g * (v[i] ?? 0);
      }
    });
    for (let c = 0; c < classes; c++) {
      const wc = w[c] as number[];
      const gc = grad[c] as number[];
      for (let i = 0; i < d; i++) wc[i] = (wc[i] ?? 0) - 0.1 * ((gc[i] ?? 0) / rows.length + (i > 0 ? 0.01 * (wc[i] ?? 0) : 0));
    }
  }
  return (x) => argmax(scores([1, ...z(x)]));
}

/** k nearest neighbours (Euclidean, standardised features); ties go to the nearer neighbour's class. */
export function nearestNeighbours(rows: readonly Labelled[], classes: number, k = 9): Classify {
  const z = standardiser(rows);
  const zs = rows.map((r) => ({ y: r.y, v: z(r.x) }));
  return (x) => {
    const v = z(x);
    const near = zs
      .map((r) => ({ y: r.y, d: r.v.reduce((a, xi, i) => a + (xi - (v[i] ?? 0)) ** 2, 0) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, k);
    const votes = new Array<number>(classes).fill(0);
    for (const n of near) votes[n.y] = (votes[n.y] ?? 0) + 1;
    const most = Math.max(...votes);
    return near.find((n) => votes[n.y] === most)?.y ?? 0;
  };
}
