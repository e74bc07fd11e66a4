/**
 * Working arrays kept between calls, one per named use. The core runs one analysis at a time on its
 * thread, and a click on a long vessel wall works on patches of a few hundred thousand pixels several
 * times over: new image-sized arrays each time kept the garbage collector busy. A caller takes its
 * array, is done with it before it asks for the same name again, and keeps nothing of its contents;
 * the arrays only grow (to the largest patch seen, about 23 MB in all on a full-field image).
 */
type WorkingArray = Float64Array | Float32Array | Int32Array;

const kept = new Map<string, WorkingArray>();

/** The first `n` values of the array kept under `name` (made, or made larger, with `make`); contents left as they were. */
export function workingArray<T extends WorkingArray>(name: string, n: number, make: (n: number) => T): T {
  let a = kept.get(name) as T | undefined;
  if (a === undefined || a.length < n) {
    a = make(n);
    kept.set(name, a);
  }
  return a.subarray(0, n) as T;
}
