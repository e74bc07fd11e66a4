/**
 * Applies an acquisition (acquisition.ts) to a phantom drawn on the 0–1 display scale, in the
 * order of the imaging chain: objects in the beam (paddle edge, lead marker), detector noise
 * (quantum noise correlated by the detector blur, white electronic noise, film grain), For
 * Presentation processing (unsharp masking), text burned in afterwards, and the strip beyond
 * the film's edge on a digitised film. Returns what was drawn, for the truth.
 */
import type { PointPx } from '../../src/core/units.js';
import type { AcquisitionOptions, BurnedInSpec, FilmEdgeSpec } from './acquisition.js';
import { NOISE_REFERENCE_LEVEL } from './acquisition-ranges.js';
import type { ViewGeometry } from './breast-model.js';
import type { LetterBox } from './burned-in-letters.js';
import { drawText, GLYPH_ROWS, textWidthPx } from './burned-in-letters.js';
import type { Random } from './random.js';
import { blurPatch, gaussianKernel } from './render-calcification.js';

/** Display level of a lead marker and of burned-in text (brightest, as on real images). */
export const MARKER_LEVEL = 0.97;
export const TEXT_LEVEL = 1;
/** Beyond the film's edge the digitiser sees clear film base: the brightest value. */
export const OFF_FILM_LEVEL = 0.99;
/** Added density of the paddle's wall, and of the thicker uncompressed tissue beyond it. */
export const PADDLE_WALL_DENSITY = 0.08;
export const BEYOND_PADDLE_DENSITY = 0.03;

export interface AcquisitionTruth {
  readonly detector: AcquisitionOptions['detector'];
  readonly blurSigmaMm: number;
  readonly quantumNoiseSd: number;
  readonly electronicNoiseSd: number;
  readonly filmGrainSd: number;
  /** Level (display scale) at which the three noise figures hold. */
  readonly noiseReferenceLevel: number;
  readonly unsharp: AcquisitionOptions['unsharp'];
  readonly voiFunction: AcquisitionOptions['voiFunction'];
  /** Letters drawn, with the box (stored-image pixels, inclusive) of their ink. */
  readonly burnedIn: readonly { readonly kind: BurnedInSpec['kind']; readonly text: string; readonly box: LetterBox }[];
  /** The film's edge: pixels on the image-border side of the line from `from` to `to` are off the film. */
  readonly filmEdge: { readonly edge: FilmEdgeSpec['edge']; readonly from: PointPx; readonly to: PointPx } | null;
  /** The paddle's wall: a band of `widthPx` centred on column `x`, inside the breast. */
  readonly paddleEdge: { readonly x: number; readonly widthPx: number } | null;
}

export interface AcquisitionFrame {
  readonly rows: number;
  readonly columns: number;
  /** Object-plane pixel spacing (mm). */
  readonly spacingMm: number;
  /** Detector pixel pitch (mm): blur is stated at the detector. */
  readonly imagerPixelSpacingMm: number;
  readonly geometry: ViewGeometry;
}

/** σ of the detector blur in pixels (the blur is stated in mm at the detector). */
export function blurSigmaPx(a: AcquisitionOptions, imagerPixelSpacingMm: number): number {
  return a.blurSigmaMm / imagerPixelSpacingMm;
}

/** Adds the beam's objects (paddle edge, lead markers): before noise. */
export function drawBeamObjects(img: Float32Array, f: AcquisitionFrame, a: AcquisitionOptions): Pick<AcquisitionTruth, 'paddleEdge'> & { markers: AcquisitionTruth['burnedIn'] } {
  let paddleEdge: AcquisitionTruth['paddleEdge'] = null;
  if (a.paddleEdge !== null) {
    const dir = f.geometry.chestWallEdge === 'right' ? -1 : 1;
    const chestX = f.geometry.chestWallEdge === 'right' ? f.columns - 1 : 0;
    const x = chestX + (dir * a.paddleEdge.fromChestWallMm) / f.spacingMm;
    const half = a.paddleEdge.widthMm / f.spacingMm / 2;
    for (let yy = 0; yy < f.rows; yy++) {
      for (let xx = 0; xx < f.columns; xx++) {
        if (f.geometry.radial(xx, yy).q >= 1) continue;
        const i = yy * f.columns + xx;
        const v = img[i] as number;
        if (Math.abs(xx - x) <= half) img[i] = v + (1 - v) * PADDLE_WALL_DENSITY;
        else if ((xx - x) * dir > 0) img[i] = v + (1 - v) * BEYOND_PADDLE_DENSITY;
      }
    }
    paddleEdge = { x: round4(x), widthPx: round4(2 * half) };
  }
  const markers = placeLetters(img, f, a, 'marker', MARKER_LEVEL);
  return { paddleEdge, markers };
}

/** Margin (px) from the image's edges for letters, clear of a film edge strip. */
function letterMargins(f: AcquisitionFrame, a: AcquisitionOptions): { anterior: number; top: number; bottom: number } {
  const base = 3 / f.spacingMm;
  const strip = a.filmEdge === null ? 0 : (a.filmEdge.widthMm + 2) / f.spacingMm;
  return {
    anterior: base + (a.filmEdge?.edge === 'anterior' ? strip : 0),
    top: base + (a.filmEdge?.edge === 'top' ? strip : 0),
    bottom: base + (a.filmEdge?.edge === 'bottom' ? strip : 0),
  };
}

function placeLetters(img: Float32Array, f: AcquisitionFrame, a: AcquisitionOptions, kind: BurnedInSpec['kind'], level: number): AcquisitionTruth['burnedIn'] {
  const m = letterMargins(f, a);
  const out: { kind: BurnedInSpec['kind']; text: string; box: LetterBox }[] = [];
  for (const b of a.burnedIn) {
    if (b.kind !== kind) continue;
    const cell = Math.max(1, Math.round(b.heightMm / GLYPH_ROWS / f.spacingMm));
    const width = textWidthPx(b.text, cell);
    const height = GLYPH_ROWS * cell;
    const x0 = Math.round(f.geometry.chestWallEdge === 'right' ? m.anterior : f.columns - 1 - m.anterior - width);
    const y0 = Math.round(b.corner === 'top' ? m.top : f.rows - 1 - m.bottom - height);
    const box = drawText(img, f.rows, f.columns, b.text, x0, y0, cell, level);
    if (box !== null) out.push({ kind, text: b.text, box });
  }
  return out;
}

/**
 * Detector noise. Each component's σ is stated at NOISE_REFERENCE_LEVEL and follows the signal:
 * quantum σ ∝ 1/√N and electronic σ ∝ 1/N, with N ∝ exp(−(v − v_ref)) on the display scale
 * (1 display unit ≈ 1 ln unit of transmission); film grain σ ∝ √(optical density), with density
 * falling as the display level rises. Quantum noise and grain are correlated by the blur of
 * `correlationSigmaPx` and rescaled so that their σ stays the stated figure.
 */
export function addAcquisitionNoise(img: Float32Array, rows: number, columns: number, a: AcquisitionOptions, correlationSigmaPx: number, random: Random): void {
  const n = rows * columns;
  const field = (sd: number, sigma: number, r: Random): Float32Array | null => {
    if (sd <= 0) return null;
    const white = new Float32Array(n);
    for (let i = 0; i < n; i++) white[i] = r.normal();
    if (sigma < 0.05) return white;
    const k = gaussianKernel(sigma);
    const gain = 1 / k.reduce((s, v) => s + v * v, 0);
    const blurred = blurPatch(white, columns, rows, sigma);
    for (let i = 0; i < n; i++) blurred[i] = (blurred[i] as number) * gain;
    return blurred;
  };
  const quantum = field(a.quantumNoiseSd, a.detector === 'ffdm' ? correlationSigmaPx : 0, random.fork('quantum'));
  const electronic = field(a.electronicNoiseSd, 0, random.fork('electronic'));
  const grain = field(a.filmGrainSd, correlationSigmaPx, random.fork('grain'));
  for (let i = 0; i < n; i++) {
    const v = img[i] as number;
    const dv = v - NOISE_REFERENCE_LEVEL;
    let add = 0;
    if (quantum) add += a.quantumNoiseSd * Math.exp(dv / 2) * (quantum[i] as number);
    if (electronic) add += a.electronicNoiseSd * Math.exp(dv) * (electronic[i] as number);
    if (grain) add += a.filmGrainSd * Math.sqrt(Math.max(0, 1 - v) / (1 - NOISE_REFERENCE_LEVEL)) * (grain[i] as number);
    img[i] = v + add;
  }
}

/** Three passes of a box blur of radius r (≈ Gaussian), edges clamped; O(n) whatever the radius. */
export function boxBlur3(src: Float32Array, rows: number, columns: number, sigmaPx: number): Float32Array {
  const r = Math.max(1, Math.round((Math.sqrt(4 * sigmaPx * sigmaPx + 1) - 1) / 2));
  let a = Float32Array.from(src);
  let b = new Float32Array(src.length);
  const pass = (from: Float32Array, to: Float32Array, len: number, lines: number, stride: number, step: number): void => {
    const w = 2 * r + 1;
    for (let l = 0; l < lines; l++) {
      const base = l * stride;
      const at = (k: number): number => from[base + Math.min(len - 1, Math.max(0, k)) * step] as number;
      let s = 0;
      for (let k = -r; k <= r; k++) s += at(k);
      for (let k = 0; k < len; k++) {
        to[base + k * step] = s / w;
        s += at(k + r + 1) - at(k - r);
      }
    }
  };
  for (let p = 0; p < 3; p++) {
    pass(a, b, columns, rows, columns, 1);
    [a, b] = [b, a];
    pass(a, b, rows, columns, 1, columns);
    [a, b] = [b, a];
  }
  return a;
}

/**
 * Unsharp masking, v + amount · (v − low-pass(v)), with the result divided by (1 + amount): the
 * output is renormalised to the stored range, as processing does, so that enhanced calcium is not
 * pushed past the top and clipped flat (the renormalisation is this project's choice).
 */
export function unsharpMask(img: Float32Array, rows: number, columns: number, sigmaPx: number, amount: number): void {
  const low = boxBlur3(img, rows, columns, sigmaPx);
  const norm = 1 / (1 + amount);
  for (let i = 0; i < img.length; i++) img[i] = ((img[i] as number) + amount * ((img[i] as number) - (low[i] as number))) * norm;
}

/**
 * Where the tone curve's shoulder starts: above it values are compressed smoothly toward 1
 * (v' = k + (1 − k)·tanh((v − k)/(1 − k))) instead of being clipped flat.
 * Vendors' For Presentation tone curves keep enhanced calcium inside the stored range this way;
 * the knee is this project's choice, not a published figure. A clipped calcification would be a
 * flat plateau whose lucent centre and margin are lost.
 */
export const TONE_SHOULDER_KNEE = 0.85;

export function toneShoulder(img: Float32Array, knee: number = TONE_SHOULDER_KNEE): void {
  const top = 1 - knee;
  for (let i = 0; i < img.length; i++) {
    const v = img[i] as number;
    if (v > knee) img[i] = knee + top * Math.tanh((v - knee) / top);
  }
}

/** Text burned in after processing, then the strip beyond the film's edge. */
export function drawOverlays(img: Float32Array, f: AcquisitionFrame, a: AcquisitionOptions): Pick<AcquisitionTruth, 'filmEdge'> & { text: AcquisitionTruth['burnedIn'] } {
  const text = placeLetters(img, f, a, 'text', TEXT_LEVEL);
  let filmEdge: AcquisitionTruth['filmEdge'] = null;
  const e = a.filmEdge;
  if (e !== null) {
    const w = e.widthMm / f.spacingMm;
    const t = Math.tan((e.tiltDeg * Math.PI) / 180);
    const { rows, columns } = f;
    const anteriorLeft = f.geometry.chestWallEdge === 'right';
    // Depth of the off-film strip (px from its image edge) along that edge.
    const depthAt = (along: number, length: number): number => w + t * (along - (length - 1) / 2);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < columns; x++) {
        let off: boolean;
        if (e.edge === 'top') off = y < depthAt(x, columns);
        else if (e.edge === 'bottom') off = rows - 1 - y < depthAt(x, columns);
        else off = (anteriorLeft ? x : columns - 1 - x) < depthAt(y, rows);
        if (off) img[y * columns + x] = OFF_FILM_LEVEL;
      }
    }
    const p = (x: number, y: number): PointPx => ({ x: round4(x), y: round4(y) });
    if (e.edge === 'top') filmEdge = { edge: e.edge, from: p(0, depthAt(0, columns)), to: p(columns - 1, depthAt(columns - 1, columns)) };
    else if (e.edge === 'bottom') filmEdge = { edge: e.edge, from: p(0, rows - 1 - depthAt(0, columns)), to: p(columns - 1, rows - 1 - depthAt(columns - 1, columns)) };
    else {
      const xAt = (y: number): number => (anteriorLeft ? depthAt(y, rows) : columns - 1 - depthAt(y, rows));
      filmEdge = { edge: e.edge, from: p(xAt(0), 0), to: p(xAt(rows - 1), rows - 1) };
    }
  }
  return { filmEdge, text };
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
