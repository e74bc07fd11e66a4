/**
 * The outline at the scale it is known: a sub-pixel contour traced on a noisy image wanders
 * about the true edge by the noise over the edge's slope (σ_noise / |∇I|, in pixels). That
 * wander barely moves a diameter but lengthens the perimeter — and circularity, 4πA / P², falls
 * with the square of it: a 2 mm round calcification at 0.05 mm pixels and low dose measured 0.4
 * to 0.6. Detail of the outline finer than its own position uncertainty is not information about
 * the calcification, so shape ratios built on the perimeter are measured on the contour smoothed
 * along its length at that scale.
 */
import type { DensityPatch } from '../image.js';
import { sampleBilinear } from './intensity.js';
import { polygonArea, polygonPerimeter } from './polygon.js';
import type { Point2 } from './polygon.js';

export const OUTLINE_SMOOTHING = {
  /**
   * Arc-length σ in units of the contour's position uncertainty. The wander of neighbouring
   * vertices is correlated over about a pixel (the detector blur); averaging over ± 2 uncertainty
   * widths of arc brings the residual wander well below the uncertainty itself.
   */
  sigmaPerUncertainty: 2,
  /**
   * Largest σ as a fraction of the equivalent radius: Gaussian smoothing of a closed curve keeps a
   * circle a circle and keeps lobes wider than σ, so σ ≤ R / 3 leaves a lobulated or irregular
   * outline (lobes a third of the radius across and more) irregular.
   */
  maxSigmaOfRadius: 1 / 3,
  /** Below this σ (px) the contour is used as traced (the wander is under a tenth of a pixel's arc). */
  minSigmaPx: 0.25,
  /** Arc-length step (px) at which the contour is resampled before smoothing. */
  stepPx: 0.25,
} as const;

/**
 * Position uncertainty (px) of a contour traced on `patch` against a background of noise σ
 * `noise`: the median over the vertices of σ / |∇I|, with the gradient by central differences
 * of bilinear samples (as marginSharpness). 0 when the noise is 0 or no gradient is found.
 */
export function contourUncertaintyPx(patch: DensityPatch, contour: readonly Point2[], noise: number): number {
  if (!(noise > 0) || contour.length === 0) return 0;
  const u: number[] = [];
  for (const q of contour) {
    const gx = (sampleBilinear(patch, q.x + 1, q.y) - sampleBilinear(patch, q.x - 1, q.y)) / 2;
    const gy = (sampleBilinear(patch, q.x, q.y + 1) - sampleBilinear(patch, q.x, q.y - 1)) / 2;
    const g = Math.hypot(gx, gy);
    u.push(g > 0 ? noise / g : Infinity);
  }
  u.sort((a, b) => a - b);
  const m = u[u.length >> 1] as number;
  return Number.isFinite(m) ? m : 0;
}

/** Arc-length σ (px) for a contour of this uncertainty and area (px²); 0 = use it as traced. */
export function outlineSmoothingSigmaPx(uncertaintyPx: number, areaPx2: number): number {
  const r = Math.sqrt(Math.max(0, areaPx2) / Math.PI);
  const s = Math.min(OUTLINE_SMOOTHING.sigmaPerUncertainty * uncertaintyPx, OUTLINE_SMOOTHING.maxSigmaOfRadius * r);
  return s >= OUTLINE_SMOOTHING.minSigmaPx ? s : 0;
}

/**
 * A closed contour resampled every `stepPx` of arc and smoothed by a circular Gaussian of
 * `sigmaPx` of arc (coordinates in the contour's own unit, pixels). The contour as given when
 * σ is 0 or it has fewer than 3 points.
 */
export function smoothClosedContour(contour: readonly Point2[], sigmaPx: number, stepPx: number = OUTLINE_SMOOTHING.stepPx): Point2[] {
  if (!(sigmaPx > 0) || contour.length < 3) return [...contour];
  const perimeter = polygonPerimeter(contour);
  const n = Math.max(8, Math.round(perimeter / stepPx));
  const step = perimeter / n;
  // Resample at equal arc length.
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let seg = 0;
  let segStart = 0;
  for (let k = 0; k < n; k++) {
    const s = k * step;
    for (;;) {
      const a = contour[seg % contour.length] as Point2;
      const b = contour[(seg + 1) % contour.length] as Point2;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      if (s <= segStart + len || seg >= contour.length - 1) {
        const t = len > 0 ? Math.min(1, Math.max(0, (s - segStart) / len)) : 0;
        xs[k] = a.x + t * (b.x - a.x);
        ys[k] = a.y + t * (b.y - a.y);
        break;
      }
      segStart += len;
      seg++;
    }
  }
  // Circular Gaussian along the arc, truncated at 3 σ (and at half the loop).
  const sigmaSamples = sigmaPx / step;
  const r = Math.min(Math.floor((n - 1) / 2), Math.ceil(3 * sigmaSamples));
  const w = new Float64Array(2 * r + 1);
  let ws = 0;
  for (let i = -r; i <= r; i++) {
    w[i + r] = Math.exp(-(i * i) / (2 * sigmaSamples * sigmaSamples));
    ws += w[i + r] as number;
  }
  const out: Point2[] = [];
  for (let k = 0; k < n; k++) {
    let x = 0;
    let y = 0;
    for (let i = -r; i <= r; i++) {
      const j = (((k + i) % n) + n) % n;
      x += (w[i + r] as number) * (xs[j] as number);
      y += (w[i + r] as number) * (ys[j] as number);
    }
    out.push({ x: x / ws, y: y / ws });
  }
  return out;
}

/** Circularity 4πA / P² of a closed contour, at most 1; 0 for a degenerate one. */
export function circularityOf(contour: readonly Point2[]): number {
  const p = polygonPerimeter(contour);
  return p > 0 ? Math.min(1, (4 * Math.PI * polygonArea(contour)) / (p * p)) : 0;
}
