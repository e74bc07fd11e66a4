/** One line of a comparison between the suggested report and the radiologist's text. */
export interface LineChange {
  /** 'same': in both; 'added': only in the radiologist's text; 'removed': only in the suggestion. */
  readonly kind: 'same' | 'added' | 'removed';
  readonly line: string;
}

/**
 * A line-by-line comparison (longest common subsequence) of the suggested text with the
 * radiologist's text, in the radiologist's order: what they removed, what they added.
 * @example lineDiff('a\nb', 'a\nc') // [same a, removed b, added c]
 */
export function lineDiff(suggested: string, edited: string): LineChange[] {
  const a = suggested.split('\n');
  const b = edited.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', line: a[i] as string });
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      out.push({ kind: 'removed', line: a[i++] as string });
    } else {
      out.push({ kind: 'added', line: b[j++] as string });
    }
  }
  while (i < n) out.push({ kind: 'removed', line: a[i++] as string });
  while (j < m) out.push({ kind: 'added', line: b[j++] as string });
  return out;
}
