/**
 * Small synthetic mammogram patches for segmentation and measurement tests: a background with a
 * smooth gradient, correlated texture and Gaussian noise, plus calcification shapes of known
 * sub-pixel size rendered with supersampled partial-volume coverage and a slight Gaussian blur.
 * Shapes are given in millimetres from the centre of pixel (0, 0).
 */
import { makeMammoImage } from '../../../src/core/image.js';
import type { Calibration, MammoImage } from '../../../src/core/image.js';
import { mm } from '../../../src/core/units.js';
import { makeRandom } from '../../../test-data/generator/random.js';

export type Shape =
  | { kind: 'disc'; cx: number; cy: number; r: number; contrast: number }
  | { kind: 'ellipse'; cx: number; cy: number; a: number; b: number; angleDeg: number; contrast: number }
  | { kind: 'ring'; cx: number; cy: number; rOuter: number; rInner: number; contrast: number }
  | { kind: 'lines'; segments: readonly { x0: number; y0: number; x1: number; y1: number }[]; width: number; contrast: number }
  /** Solid sphere of radius r seen in projection: density ∝ its thickness √(1 − d²/r²) (a round calcium deposit). */
  | { kind: 'sphere'; cx: number; cy: number; r: number; contrast: number }
  /** Smooth bump of tissue: a Gaussian of this full width at half maximum (mm), truncated at 3 σ. */
  | { kind: 'bump'; cx: number; cy: number; fwhm: number; contrast: number }
  /** Smooth ridge of tissue (a strand) centred on (cx, cy): a Gaussian profile of this full width at half maximum across a segment. */
  | { kind: 'ridge'; cx: number; cy: number; length: number; angleDeg: number; fwhm: number; contrast: number };

export interface SceneSpec {
  readonly rows: number;
  readonly columns: number;
  /** Spacing used to place shapes (mm per pixel); also the image calibration unless uncalibrated. */
  readonly rowSpacingMm: number;
  readonly columnSpacingMm: number;
  readonly uncalibrated?: boolean;
  readonly shapes: readonly Shape[];
  readonly level?: number;
  /** Density change per pixel along x and y. */
  readonly gradient?: readonly [number, number];
  /** Standard deviation of the correlated texture and its correlation length (px). */
  readonly texture?: number;
  readonly textureScalePx?: number;
  readonly noise?: number;
  /** Gaussian blur (px) applied to the shapes: the system's sharpness. */
  readonly blurPx?: number;
  readonly seed?: number;
  readonly supersample?: number;
}

/** Deterministic pseudo-random numbers in [0, 1): the phantom generator's mulberry32. */
export function rng(seed: number): () => number {
  return makeRandom(seed).next;
}

/** Standard normal deviates from a uniform generator (Box–Muller). */
export function gaussian(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

function segmentDistance(px: number, py: number, s: { x0: number; y0: number; x1: number; y1: number }): number {
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x0) * dx + (py - s.y0) * dy) / len2));
  return Math.hypot(px - s.x0 - t * dx, py - s.y0 - t * dy);
}

/** Inside test of a shape at (x, y) mm, and its bounding box in mm. */
export function shapeGeometry(s: Shape): { inside: (x: number, y: number) => number; box: [number, number, number, number] } {
  switch (s.kind) {
    case 'disc':
      return {
        inside: (x, y) => ((x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r * s.r ? 1 : 0),
        box: [s.cx - s.r, s.cy - s.r, s.cx + s.r, s.cy + s.r],
      };
    case 'ellipse': {
      const t = (s.angleDeg * Math.PI) / 180;
      const c = Math.cos(t);
      const n = Math.sin(t);
      return {
        inside: (x, y) => {
          const u = (x - s.cx) * c + (y - s.cy) * n;
          const v = -(x - s.cx) * n + (y - s.cy) * c;
          return (u / s.a) ** 2 + (v / s.b) ** 2 <= 1 ? 1 : 0;
        },
        box: [s.cx - s.a, s.cy - s.a, s.cx + s.a, s.cy + s.a],
      };
    }
    case 'ring':
      return {
        inside: (x, y) => {
          const d2 = (x - s.cx) ** 2 + (y - s.cy) ** 2;
          return d2 <= s.rOuter ** 2 && d2 >= s.rInner ** 2 ? 1 : 0;
        },
        box: [s.cx - s.rOuter, s.cy - s.rOuter, s.cx + s.rOuter, s.cy + s.rOuter],
      };
    case 'sphere':
      return {
        inside: (x, y) => Math.sqrt(Math.max(0, 1 - ((x - s.cx) ** 2 + (y - s.cy) ** 2) / (s.r * s.r))),
        box: [s.cx - s.r, s.cy - s.r, s.cx + s.r, s.cy + s.r],
      };
    case 'bump': {
      const sigma = s.fwhm / 2.3548;
      const r = 3 * sigma;
      return {
        inside: (x, y) => Math.exp(-((x - s.cx) ** 2 + (y - s.cy) ** 2) / (2 * sigma * sigma)),
        box: [s.cx - r, s.cy - r, s.cx + r, s.cy + r],
      };
    }
    case 'ridge': {
      const sigma = s.fwhm / 2.3548;
      const r = 3 * sigma;
      const t = (s.angleDeg * Math.PI) / 180;
      const hx = (Math.cos(t) * s.length) / 2;
      const hy = (Math.sin(t) * s.length) / 2;
      const seg = { x0: s.cx - hx, y0: s.cy - hy, x1: s.cx + hx, y1: s.cy + hy };
      return {
        inside: (x, y) => Math.exp(-(segmentDistance(x, y, seg) ** 2) / (2 * sigma * sigma)),
        box: [s.cx - Math.abs(hx) - r, s.cy - Math.abs(hy) - r, s.cx + Math.abs(hx) + r, s.cy + Math.abs(hy) + r],
      };
    }
    case 'lines': {
      const h = s.width / 2;
      const xs = s.segments.flatMap((g) => [g.x0, g.x1]);
      const ys = s.segments.flatMap((g) => [g.y0, g.y1]);
      return {
        inside: (x, y) => (s.segments.some((g) => segmentDistance(x, y, g) <= h) ? 1 : 0),
        box: [Math.min(...xs) - h, Math.min(...ys) - h, Math.max(...xs) + h, Math.max(...ys) + h],
      };
    }
  }
}

function blurSeparable(a: Float64Array, w: number, h: number, sigma: number): void {
  if (!(sigma > 0)) return;
  const r = Math.ceil(3 * sigma);
  const k: number[] = [];
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k.push(v);
    sum += v;
  }
  const kn = k.map((v) => v / sum);
  const tmp = new Float64Array(a.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += (kn[i + r] as number) * (a[y * w + Math.min(w - 1, Math.max(0, x + i))] as number);
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += (kn[i + r] as number) * (tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x] as number);
      a[y * w + x] = s;
    }
  }
}

/** Box blur (running sum) along rows then columns, in place. */
function boxBlur(a: Float64Array, w: number, h: number, r: number): void {
  const tmp = new Float64Array(Math.max(w, h));
  for (let y = 0; y < h; y++) {
    let s = 0;
    for (let x = -r; x <= r; x++) s += a[y * w + Math.min(w - 1, Math.max(0, x))] as number;
    for (let x = 0; x < w; x++) {
      tmp[x] = s / (2 * r + 1);
      s += (a[y * w + Math.min(w - 1, x + r + 1)] as number) - (a[y * w + Math.max(0, x - r)] as number);
    }
    for (let x = 0; x < w; x++) a[y * w + x] = tmp[x] as number;
  }
  for (let x = 0; x < w; x++) {
    let s = 0;
    for (let y = -r; y <= r; y++) s += a[Math.min(h - 1, Math.max(0, y)) * w + x] as number;
    for (let y = 0; y < h; y++) {
      tmp[y] = s / (2 * r + 1);
      s += (a[Math.min(h - 1, y + r + 1) * w + x] as number) - (a[Math.max(0, y - r) * w + x] as number);
    }
    for (let y = 0; y < h; y++) a[y * w + x] = tmp[y] as number;
  }
}

/** Adds the shapes' partial-volume density (supersampled, then blurred) to a layer. */
export function renderShapes(layer: Float64Array | Float32Array, spec: Pick<SceneSpec, 'rows' | 'columns' | 'rowSpacingMm' | 'columnSpacingMm' | 'shapes' | 'supersample' | 'blurPx'>): void {
  const { rows, columns, rowSpacingMm: sy, columnSpacingMm: sx } = spec;
  const ss = spec.supersample ?? 8;
  const blur = spec.blurPx ?? 0.5;
  const pad = Math.ceil(3 * blur) + 2;
  for (const shape of spec.shapes) {
    const g = shapeGeometry(shape);
    const bx0 = Math.max(0, Math.floor(g.box[0] / sx) - pad);
    const by0 = Math.max(0, Math.floor(g.box[1] / sy) - pad);
    const bx1 = Math.min(columns - 1, Math.ceil(g.box[2] / sx) + pad);
    const by1 = Math.min(rows - 1, Math.ceil(g.box[3] / sy) + pad);
    const w = bx1 - bx0 + 1;
    const h = by1 - by0 + 1;
    if (w <= 0 || h <= 0) continue;
    const local = new Float64Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let n = 0;
        for (let j = 0; j < ss; j++) {
          const ym = (by0 + y - 0.5 + (j + 0.5) / ss) * sy;
          for (let i = 0; i < ss; i++) n += g.inside((bx0 + x - 0.5 + (i + 0.5) / ss) * sx, ym);
        }
        local[y * w + x] = (shape.contrast * n) / (ss * ss);
      }
    }
    blurSeparable(local, w, h, blur);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (by0 + y) * columns + bx0 + x;
        layer[i] = (layer[i] as number) + (local[y * w + x] as number);
      }
    }
  }
}

/** Renders a scene to a 16-bit MammoImage (density convention: MONOCHROME2, higher = denser). */
export function renderScene(spec: SceneSpec): MammoImage {
  const { rows, columns } = spec;
  const n = rows * columns;
  const layer = new Float64Array(n);
  const normal = gaussian(rng(spec.seed ?? 1));
  const texture = spec.texture ?? 0;
  if (texture > 0) {
    // Rendered on a larger canvas and cropped, so the texture is as strong at the edges as inside.
    const r = Math.max(1, Math.round(spec.textureScalePx ?? 6));
    const pad = 3 * r;
    const tw = columns + 2 * pad;
    const th = rows + 2 * pad;
    const tex = new Float64Array(tw * th);
    for (let i = 0; i < tex.length; i++) tex[i] = normal();
    boxBlur(tex, tw, th, r);
    boxBlur(tex, tw, th, r);
    let s2 = 0;
    for (let y = 0; y < rows; y++) for (let x = 0; x < columns; x++) s2 += (tex[(y + pad) * tw + x + pad] as number) ** 2;
    const scale = texture / Math.sqrt(s2 / n);
    for (let y = 0; y < rows; y++) for (let x = 0; x < columns; x++) layer[y * columns + x] = (tex[(y + pad) * tw + x + pad] as number) * scale;
  }
  renderShapes(layer, spec);
  const level = spec.level ?? 2000;
  const [gx, gy] = spec.gradient ?? [0, 0];
  const noise = spec.noise ?? 0;
  const stored = new Uint16Array(n);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const i = y * columns + x;
      const v = level + gx * x + gy * y + (layer[i] as number) + (noise > 0 ? noise * normal() : 0);
      stored[i] = Math.max(0, Math.min(65535, Math.round(v)));
    }
  }
  return makeMammoImage({ rows, columns, stored, calibration: calibrationFor(spec) });
}

export function calibrationFor(spec: Pick<SceneSpec, 'rowSpacingMm' | 'columnSpacingMm' | 'uncalibrated'>): Calibration {
  return spec.uncalibrated === true
    ? { kind: 'uncalibrated', rowSpacingMm: null, columnSpacingMm: null, source: 'synthetic' }
    : {
        kind: 'detector',
        rowSpacingMm: mm(spec.rowSpacingMm),
        columnSpacingMm: mm(spec.columnSpacingMm),
        source: 'synthetic phantom',
      };
}
