import { describe, expect, it } from 'vitest';
import { logisticRegression, nearestNeighbours, type Labelled } from './set-classifiers.js';
import { makeRandom } from '../../test-data/generator/random.js';

/** Three classes around three centres in 4 features (spread `noise`), `n` rows each; the 4th feature is noise only. */
function clouds(seed: number, n: number, noise: number): Labelled[] {
  const r = makeRandom(seed);
  const centres = [
    [0, 0, 0],
    [3, 0, 1],
    [0, 3, -1],
  ];
  const rows: Labelled[] = [];
  for (let y = 0; y < 3; y++) {
    for (let i = 0; i < n; i++) {
      const c = centres[y] as number[];
      rows.push({ y, x: [...c.map((v) => v + noise * r.normal()), 10 * r.normal()] });
    }
  }
  return rows;
}

const accuracy = (f: (x: readonly number[]) => number, rows: readonly Labelled[]): number => rows.filter((r) => f(r.x) === r.y).length / rows.length;

describe('set classifiers (diagnostic)', () => {
  it('separate well-separated classes on rows they were not fitted on', () => {
    const train = clouds(1, 40, 0.5);
    const test = clouds(2, 40, 0.5);
    expect(accuracy(logisticRegression(train, 3), test)).toBeGreaterThan(0.95);
    expect(accuracy(nearestNeighbours(train, 3, 9), test)).toBeGreaterThan(0.95);
  });

  it('find nothing where the labels carry nothing: near chance (1 in 3) on new rows', () => {
    const shuffle = (rows: Labelled[], seed: number): Labelled[] => {
      const r = makeRandom(seed);
      return rows.map((row) => ({ ...row, y: r.int(0, 2) }));
    };
    const train = shuffle(clouds(3, 60, 0.5), 4);
    const test = shuffle(clouds(5, 60, 0.5), 6);
    for (const f of [logisticRegression(train, 3), nearestNeighbours(train, 3, 9)]) {
      const a = accuracy(f, test);
      expect(a).toBeGreaterThan(0.15);
      expect(a).toBeLessThan(0.5);
    }
  });

  it('fall between the two when the classes overlap', () => {
    const train = clouds(7, 60, 2);
    const test = clouds(8, 60, 2);
    for (const f of [logisticRegression(train, 3), nearestNeighbours(train, 3, 9)]) {
      const a = accuracy(f, test);
      expect(a).toBeGreaterThan(0.45);
      expect(a).toBeLessThan(0.9);
    }
  });
});
