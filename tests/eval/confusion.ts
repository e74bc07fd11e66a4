/** A confusion matrix of truth × predicted labels. */
export interface Confusion<L extends string> {
  add(truth: L, predicted: L): void;
  count(truth: L, predicted: L): number;
  rowTotal(truth: L): number;
}

export function confusion<L extends string>(): Confusion<L> {
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  return {
    add(truth, predicted) {
      const k = `${truth}\u0000${predicted}`;
      cells.set(k, (cells.get(k) ?? 0) + 1);
      rows.set(truth, (rows.get(truth) ?? 0) + 1);
    },
    count: (truth, predicted) => cells.get(`${truth}\u0000${predicted}`) ?? 0,
    rowTotal: (truth) => rows.get(truth) ?? 0,
  };
}

/** Mean over the given classes of the per-class recall (correct / total of that truth class). */
export function macroAccuracy<L extends string>(c: Confusion<L>, classes: readonly L[]): number {
  const recalls = classes.filter((k) => c.rowTotal(k) > 0).map((k) => c.count(k, k) / c.rowTotal(k));
  return recalls.length === 0 ? NaN : recalls.reduce((a, b) => a + b, 0) / recalls.length;
}

/** A Markdown table: one row per truth class, one column per predicted class, plus recall. */
export function renderMatrix<L extends string>(c: Confusion<L>, rows: readonly L[], columns: readonly L[]): string {
  const head = `| truth \\ suggested | ${columns.join(' | ')} | recall |`;
  const sep = `| --- | ${columns.map(() => '---').join(' | ')} | --- |`;
  const body = rows.map((r) => {
    const total = c.rowTotal(r);
    const recall = total === 0 ? '—' : `${Math.round((c.count(r, r) / total) * 100)} %`;
    return `| ${r} | ${columns.map((k) => (c.count(r, k) === 0 ? '·' : String(c.count(r, k)))).join(' | ')} | ${recall} |`;
  });
  return [head, sep, ...body].join('\n');
}
