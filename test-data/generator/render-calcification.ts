/**
 * Renders one calcification particle with partial volume: the shape is sampled S × S times per
 * pixel, X-ray transmission is averaged over each pixel, and the result is blurred by the
 * detector's MTF (a small Gaussian). The same fine grid gives the particle's true outline,
 * area and Feret diameters.
 */
import type { PointPx } from '../../src/core/units.js';
import { feretDiameters, largestFilledParticle, simplifyClosed, traceBoundary } from './outline-geometry.js';
import type { CalcificationShape } from './shape-primitives.js';
import { holeBounds, holeFactor, primitiveBounds, primitiveThickness, shapeBounds } from './shape-primitives.js';

/** Linear attenuation of calcium relative to breast tissue, per mm of thickness (display scale). */
export const CALCIUM_ATTENUATION_PER_MM = 3;
/** Detector MTF modelled as a Gaussian of this sigma, in pixels. */
export const DETECTOR_BLUR_SIGMA_PX = 0.6;

export interface RenderedParticle {
  /** Added density patch (0–1), top-left pixel (x0, y0). */
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
  readonly density: Float32Array;
  readonly outline: PointPx[];
  readonly centre: PointPx;
  readonly areaPx2: number;
  readonly longAxisPx: number;
  readonly shortAxisPx: number;
  readonly peakContrast: number;
  readonly lucentCentre: boolean;
}

export function gaussianKernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(sigma * 3));
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k[i + r] = v;
    sum += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = (k[i] as number) / sum;
  return k;
}

/** Separable Gaussian blur of a w × h patch (edges clamped). */
export function blurPatch(data: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) {
        const xx = Math.min(w - 1, Math.max(0, x + i));
        s += (k[i + r] as number) * (data[y * w + xx] as number);
      }
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) {
        const yy = Math.min(h - 1, Math.max(0, y + i));
        s += (k[i + r] as number) * (tmp[yy * w + x] as number);
      }
      out[y * w + x] = s;
    }
  }
  return out;
}

/** Sub-samples per pixel side so that one sub-sample is about 12 µm or finer (4–10). */
export function supersampleFactor(spacingMm: number): number {
  return Math.min(10, Math.max(4, Math.ceil(spacingMm / 0.012)));
}

/**
 * Renders `shape` centred at `centre` (stored-image pixels) on an image whose pixels are
 * `spacingMm` wide at the object plane, blurred by a Gaussian of `blurSigmaPx`.
 */
export function renderParticle(shape: CalcificationShape, centre: PointPx, spacingMm: number, blurSigmaPx: number = DETECTOR_BLUR_SIGMA_PX): RenderedParticle {
  const S = supersampleFactor(spacingMm);
  const b = shapeBounds(shape);
  // Room for the blur's tail: 3 px, or 3 σ + 1 for a wider blur.
  const margin = Math.max(3, Math.ceil(3 * blurSigmaPx) + 1);
  const x0 = Math.floor(centre.x + b.x0 / spacingMm) - margin;
  const y0 = Math.floor(centre.y + b.y0 / spacingMm) - margin;
  const x1 = Math.ceil(centre.x + b.x1 / spacingMm) + margin;
  const y1 = Math.ceil(centre.y + b.y1 / spacingMm) + margin;
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const W = width * S;
  const H = height * S;
  const thick = new Float32Array(W * H);
  // Sub-sample (i, j) centre in image pixels: x0 - 0.5 + (i + 0.5) / S.
  const toIndex = (mmCoord: number, c: number, origin: number): number => ((c + mmCoord / spacingMm) - (origin - 0.5)) * S - 0.5;
  const mmAt = (i: number, c: number, origin: number): number => (origin - 0.5 + (i + 0.5) / S - c) * spacingMm;
  for (const p of shape.primitives) {
    const pb = primitiveBounds(p);
    const i0 = Math.max(0, Math.floor(toIndex(pb.x0, centre.x, x0)));
    const i1 = Math.min(W - 1, Math.ceil(toIndex(pb.x1, centre.x, x0)));
    const j0 = Math.max(0, Math.floor(toIndex(pb.y0, centre.y, y0)));
    const j1 = Math.min(H - 1, Math.ceil(toIndex(pb.y1, centre.y, y0)));
    for (let j = j0; j <= j1; j++) {
      const ym = mmAt(j, centre.y, y0);
      for (let i = i0; i <= i1; i++) {
        const t = primitiveThickness(p, mmAt(i, centre.x, x0), ym);
        if (t > (thick[j * W + i] as number)) thick[j * W + i] = t;
      }
    }
  }
  let lucentCentre = shape.primitives.some((p) => p.kind === 'shell' || p.kind === 'polygon-shell');
  for (const hole of shape.holes) {
    lucentCentre = true;
    const hb = holeBounds(hole);
    const i0 = Math.max(0, Math.floor(toIndex(hb.x0, centre.x, x0)));
    const i1 = Math.min(W - 1, Math.ceil(toIndex(hb.x1, centre.x, x0)));
    const j0 = Math.max(0, Math.floor(toIndex(hb.y0, centre.y, y0)));
    const j1 = Math.min(H - 1, Math.ceil(toIndex(hb.y1, centre.y, y0)));
    for (let j = j0; j <= j1; j++) {
      const ym = mmAt(j, centre.y, y0);
      for (let i = i0; i <= i1; i++) thick[j * W + i] = (thick[j * W + i] as number) * holeFactor(hole, mmAt(i, centre.x, x0), ym);
    }
  }
  const mu = CALCIUM_ATTENUATION_PER_MM * shape.density;
  const absorbed = new Float32Array(width * height);
  const mask = new Uint8Array(W * H);
  let peak = 0;
  const inv = 1 / (S * S);
  for (let j = 0; j < H; j++) {
    const py = Math.floor(j / S);
    for (let i = 0; i < W; i++) {
      const t = thick[j * W + i] as number;
      if (t <= 0) continue;
      mask[j * W + i] = 1;
      const a = 1 - Math.exp(-mu * t);
      if (a > peak) peak = a;
      const idx = py * width + Math.floor(i / S);
      absorbed[idx] = (absorbed[idx] as number) + a * inv;
    }
  }
  const density = blurPatch(absorbed, width, height, blurSigmaPx);
  const particle = largestFilledParticle(mask, W, H);
  const corners = traceBoundary(particle.mask, W, H);
  const toPx = (p: PointPx): PointPx => ({ x: x0 - 0.5 + p.x / S, y: y0 - 0.5 + p.y / S });
  const fine = corners.map(toPx);
  const feret = feretDiameters(fine);
  let sx = 0;
  let sy = 0;
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      if (particle.mask[j * W + i]) { sx += i + 0.5; sy += j + 0.5; }
    }
  }
  const n = Math.max(particle.count, 1);
  const outline = simplifyClosed(corners, 0.75).map(toPx).map((p) => ({ x: round4(p.x), y: round4(p.y) }));
  return {
    x0, y0, width, height, density,
    outline,
    centre: { x: round4(x0 - 0.5 + sx / n / S), y: round4(y0 - 0.5 + sy / n / S) },
    areaPx2: particle.count / (S * S),
    longAxisPx: feret.max,
    shortAxisPx: feret.min,
    peakContrast: peak,
    lucentCentre,
  };
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
