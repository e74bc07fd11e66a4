/**
 * Otsu's threshold: the level that best separates values into two classes (maximum
 * between-class variance), from a 256-bin histogram. Returns null when all values are equal.
 * Values above the threshold form the upper class.
 */
export function otsuThreshold(values: ArrayLike<number>, count = values.length): number | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return null;
  const bins = 256;
  const hist = new Float64Array(bins);
  const scale = (bins - 1) / (hi - lo);
  for (let i = 0; i < count; i++) {
    const b = Math.round(((values[i] as number) - lo) * scale);
    hist[b] = (hist[b] as number) + 1;
  }
  let total = 0;
  let sumAll = 0;
  for (let b = 0; b < bins; b++) {
    total += hist[b] as number;
    sumAll += b * (hist[b] as number);
  }
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let bestBin = 0;
  for (let b = 0; b < bins - 1; b++) {
    wB += hist[b] as number;
    sumB += b * (hist[b] as number);
    const wF = total - wB;
    if (wB === 0 || wF === 0) continue;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      bestBin = b;
    }
  }
  return lo + (bestBin + 0.5) / scale;
}
