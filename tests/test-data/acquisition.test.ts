import { describe, expect, it } from 'vitest';
import { ingestDicom } from '../../src/core/index.js';
import { acquisitionOptions, drawAcquisition, electronicNoiseSd, filmGrainSd, quantumNoiseSd, type AcquisitionOptions } from '../../test-data/generator/acquisition.js';
import { FFDM_BLUR_SIGMA_RANGE_MM, NOISE_REFERENCE_LEVEL } from '../../test-data/generator/acquisition-ranges.js';
import { generatePhantom, phantomOptions, type PhantomOptions } from '../../test-data/generator/index.js';
import { makeRandom } from '../../test-data/generator/random.js';
import { addAcquisitionNoise, boxBlur3, MARKER_LEVEL, OFF_FILM_LEVEL, TONE_SHOULDER_KNEE, toneShoulder } from '../../test-data/generator/render-acquisition.js';
import { renderParticle } from '../../test-data/generator/render-calcification.js';
import { renderPhantom } from '../../test-data/generator/render-phantom.js';
import { readPhantom } from './read-dicom.js';

const SMALL = { rows: 256, columns: 208 } as const;
const QUIET = { quantumNoiseSd: 0, electronicNoiseSd: 0, filmGrainSd: 0 } as const;

function sd(xs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += xs[i] as number;
  m /= xs.length;
  let v = 0;
  for (let i = 0; i < xs.length; i++) v += ((xs[i] as number) - m) ** 2;
  return Math.sqrt(v / xs.length);
}

function flatNoise(a: AcquisitionOptions, level: number, correlationPx: number, seed = 5): number {
  const n = 256;
  const img = new Float32Array(n * n).fill(level);
  addAcquisitionNoise(img, n, n, a, correlationPx, makeRandom(seed));
  // Interior only: the blur's clamped edges are not the stated figure.
  const inner: number[] = [];
  for (let y = 8; y < n - 8; y++) for (let x = 8; x < n - 8; x++) inner.push(img[y * n + x] as number);
  return sd(inner);
}

function phantom(over: Partial<PhantomOptions>, acq: Partial<AcquisitionOptions>): ReturnType<typeof generatePhantom> {
  return generatePhantom(phantomOptions({ seed: 31, size: SMALL, findings: [{ morphology: 'round', distribution: 'grouped', count: 4 }], ...over, acquisition: acquisitionOptions(acq) }));
}

describe('acquisition noise', () => {
  it('gives the requested σ at the reference level for each component, white or correlated', () => {
    const q = acquisitionOptions({ quantumNoiseSd: 0.03, electronicNoiseSd: 0, filmGrainSd: 0 });
    expect(flatNoise(q, NOISE_REFERENCE_LEVEL, 0)).toBeCloseTo(0.03, 2);
    expect(Math.abs(flatNoise(q, NOISE_REFERENCE_LEVEL, 1.2) / 0.03 - 1)).toBeLessThan(0.06);
    const e = acquisitionOptions({ quantumNoiseSd: 0, electronicNoiseSd: 0.01, filmGrainSd: 0 });
    expect(Math.abs(flatNoise(e, NOISE_REFERENCE_LEVEL, 1.2) / 0.01 - 1)).toBeLessThan(0.05);
    const g = acquisitionOptions({ detector: 'film', quantumNoiseSd: 0, electronicNoiseSd: 0, filmGrainSd: 0.02 });
    expect(Math.abs(flatNoise(g, NOISE_REFERENCE_LEVEL, 0.8) / 0.02 - 1)).toBeLessThan(0.06);
    const all = acquisitionOptions({ quantumNoiseSd: 0.03, electronicNoiseSd: 0.01, filmGrainSd: 0.02 });
    expect(Math.abs(flatNoise(all, NOISE_REFERENCE_LEVEL, 0.8) / Math.hypot(0.03, 0.01, 0.02) - 1)).toBeLessThan(0.06);
  });

  it('follows the signal: quantum σ grows as exp(Δv / 2) in denser tissue, grain σ falls', () => {
    const q = acquisitionOptions({ quantumNoiseSd: 0.02, electronicNoiseSd: 0, filmGrainSd: 0 });
    expect(Math.abs(flatNoise(q, NOISE_REFERENCE_LEVEL + 0.6, 0) / (0.02 * Math.exp(0.3)) - 1)).toBeLessThan(0.05);
    const g = acquisitionOptions({ detector: 'film', quantumNoiseSd: 0, filmGrainSd: 0.02 });
    expect(flatNoise(g, 0.8, 0)).toBeLessThan(0.6 * flatNoise(g, NOISE_REFERENCE_LEVEL, 0));
  });

  it('draws the same noise from the same seed and different noise from another', () => {
    const a = acquisitionOptions({ quantumNoiseSd: 0.02 });
    expect(flatNoise(a, 0.3, 1, 9)).toBe(flatNoise(a, 0.3, 1, 9));
    expect(flatNoise(a, 0.3, 1, 9)).not.toBe(flatNoise(a, 0.3, 1, 10));
  });

  it('in a whole phantom, the difference from the noiseless image has the requested σ on tissue near the reference level', () => {
    const base = phantomOptions({ seed: 32, size: { rows: 384, columns: 320 }, findings: [] });
    const noisy = renderPhantom({ ...base, acquisition: acquisitionOptions({ quantumNoiseSd: 0.025, electronicNoiseSd: 0, blurSigmaMm: 0.01 }) });
    const clean = renderPhantom({ ...base, acquisition: acquisitionOptions({ ...QUIET, blurSigmaMm: 0.01 }) });
    const diffs: number[] = [];
    for (let i = 0; i < clean.display.length; i++) {
      const v = clean.display[i] as number;
      if (Math.abs(v - NOISE_REFERENCE_LEVEL) < 0.03) diffs.push((noisy.display[i] as number) - v);
    }
    expect(diffs.length).toBeGreaterThan(2000);
    expect(Math.abs(sd(diffs) / 0.025 - 1)).toBeLessThan(0.06);
  });
});

describe('drawAcquisition', () => {
  it('is deterministic for a seed and keeps every figure inside its documented range', () => {
    const s = { detector: 'ffdm', pixelMm: 0.07, blur: 'soft', noise: 'high', processing: 'log+unsharp+sigmoid' } as const;
    const a = drawAcquisition(s, makeRandom(4), 'CC', 'R');
    expect(drawAcquisition(s, makeRandom(4), 'CC', 'R')).toEqual(a);
    expect(a.imagerPixelSpacingMm).toBe(0.07);
    expect(a.acquisition.blurSigmaMm).toBeGreaterThanOrEqual(FFDM_BLUR_SIGMA_RANGE_MM.max - (FFDM_BLUR_SIGMA_RANGE_MM.max - FFDM_BLUR_SIGMA_RANGE_MM.min) / 3);
    expect(a.acquisition.blurSigmaMm).toBeLessThanOrEqual(FFDM_BLUR_SIGMA_RANGE_MM.max);
    // High noise: at most the kerma and DQE of the low ends.
    expect(a.acquisition.quantumNoiseSd).toBeGreaterThanOrEqual(quantumNoiseSd(0.07, 100, 0.4667) - 1e-9);
    expect(a.acquisition.quantumNoiseSd).toBeLessThanOrEqual(quantumNoiseSd(0.07, 50, 0.4) + 1e-9);
    expect(a.acquisition.unsharp).not.toBeNull();
    expect(a.acquisition.voiFunction).toBe('SIGMOID');
    expect(a.acquisition.filmEdge).toBeNull();
    expect([10, 12, 14, 16]).toContain(a.bitsStored);
    const low = drawAcquisition({ ...s, noise: 'low', processing: 'log' }, makeRandom(4), 'CC', 'R');
    expect(low.acquisition.quantumNoiseSd).toBeLessThan(a.acquisition.quantumNoiseSd);
    expect(low.acquisition.unsharp).toBeNull();
    expect(low.acquisition.voiFunction).toBe('LINEAR');
  });

  it('gives a film its grain (falling with pitch by Selwyn\'s law), its edge and no electronic noise', () => {
    const f = drawAcquisition({ detector: 'film', pixelMm: 0.2, blur: 'soft', noise: 'high', processing: 'log' }, makeRandom(8), 'MLO', 'L');
    expect(f.acquisition.quantumNoiseSd).toBe(0);
    expect(f.acquisition.electronicNoiseSd).toBe(0);
    expect(f.acquisition.filmEdge).not.toBeNull();
    expect(f.acquisition.filmGrainSd).toBeLessThanOrEqual(filmGrainSd(0.04, 0.2));
    expect(filmGrainSd(0.03, 0.1)).toBeCloseTo(0.015, 10);
    expect([8, 10, 12, 16]).toContain(f.bitsStored);
    expect(electronicNoiseSd(0.02, 100, 1)).toBeCloseTo(0.002, 10);
  });
});

describe('acquisition in the image and its header', () => {
  it('writes the requested Imager Pixel Spacing, and Pixel Spacing = that / ERMF with GEOMETRY', async () => {
    const p = await phantom({ imagerPixelSpacingMm: 0.085, pixelSpacingGeometry: true }, {});
    const d = readPhantom(p.dicom).dataSet;
    expect(d.string('x00181164')).toBe('0.085\\0.085');
    expect(Number(d.string('x00280030')?.split('\\')[0])).toBeCloseTo(0.085 / 1.08, 6);
    expect(p.truth.calibration.spacingMm).toBeCloseTo(0.085 / 1.08, 6);
    expect(p.truth.imagerPixelSpacingMm).toBe(0.085);
  });

  it('MONOCHROME1 stores exactly max − the MONOCHROME2 value', async () => {
    const acq = drawAcquisition({ detector: 'ffdm', pixelMm: 0.1, blur: 'sharp', noise: 'low', processing: 'log+unsharp+sigmoid' }, makeRandom(2), 'CC', 'R').acquisition;
    const m2 = await generatePhantom(phantomOptions({ seed: 33, size: SMALL, bitsStored: 12, acquisition: acq }));
    const m1 = await generatePhantom(phantomOptions({ seed: 33, size: SMALL, bitsStored: 12, acquisition: acq, photometric: 'MONOCHROME1' }));
    expect(m1.pixels.length).toBe(m2.pixels.length);
    for (let i = 0; i < m1.pixels.length; i += 7) expect(m1.pixels[i]).toBe(4095 - (m2.pixels[i] as number));
    expect(readPhantom(m1.dicom).dataSet.string('x00280004')).toBe('MONOCHROME1');
  });

  it('keeps stored values within Bits Stored for 8, 10, 12, 14 and 16 bits, reaching the top with burned-in text', async () => {
    for (const bits of [8, 10, 12, 14, 16]) {
      const p = await phantom({ bitsStored: bits }, { burnedIn: [{ kind: 'text', text: '2026', heightMm: 3, corner: 'bottom' }] });
      let max = 0;
      for (const v of p.pixels) if (v > max) max = v;
      expect(max, `${bits} bits`).toBe(2 ** bits - 1);
      const d = readPhantom(p.dicom).dataSet;
      expect(d.uint16('x00280101')).toBe(bits);
      expect(d.uint16('x00280100')).toBe(bits <= 8 ? 8 : 16);
      const ingested = await ingestDicom(p.dicom);
      expect(ingested.ok, `${bits} bits ingests`).toBe(true);
    }
  });

  it('writes VOI LUT Function SIGMOID, Burned In Annotation YES and Detector Type FILM / Image Type DERIVED for a digitised film', async () => {
    const p = await phantom({}, { detector: 'film', voiFunction: 'SIGMOID', burnedIn: [{ kind: 'marker', text: 'R CC', heightMm: 5, corner: 'top' }] });
    const d = readPhantom(p.dicom).dataSet;
    expect(d.string('x00281056')).toBe('SIGMOID');
    expect(d.string('x00280301')).toBe('YES');
    expect(d.string('x00187004')).toBe('FILM');
    expect(d.string('x00080008')?.startsWith('DERIVED\\SECONDARY')).toBe(true);
    const plain = readPhantom((await phantom({}, {})).dicom).dataSet;
    expect(plain.string('x00280301')).toBe('NO');
    expect(plain.string('x00281056')).toBe('LINEAR');
  });

  it('draws letters and markers inside the boxes the truth states, on the side away from the chest wall', async () => {
    const p = await phantom({ size: { rows: 384, columns: 320 } }, {
      ...QUIET,
      burnedIn: [
        { kind: 'marker', text: 'R CC', heightMm: 6, corner: 'top' },
        { kind: 'text', text: '2026-03-10', heightMm: 3, corner: 'bottom' },
      ],
    });
    const t = p.truth;
    const burned = t.acquisition?.burnedIn ?? [];
    expect(burned.map((b) => b.kind).sort()).toEqual(['marker', 'text']);
    const max = 2 ** t.bitsStored - 1;
    for (const b of burned) {
      // The lead marker is in the beam, so it passes the tone curve's shoulder; text is burned in after it.
      const marker = Float32Array.of(MARKER_LEVEL);
      toneShoulder(marker);
      const level = b.kind === 'text' ? max : Math.round((marker[0] as number) * max);
      let ink = 0;
      for (let y = b.box.y0; y <= b.box.y1; y++) for (let x = b.box.x0; x <= b.box.x1; x++) if (p.pixels[y * t.columns + x] === level) ink++;
      const area = (b.box.x1 - b.box.x0 + 1) * (b.box.y1 - b.box.y0 + 1);
      expect(ink / area, b.text).toBeGreaterThan(0.2);
      // Just outside the box (one column beyond each side) there is no ink.
      for (let y = b.box.y0; y <= b.box.y1; y++) {
        for (const x of [b.box.x0 - 1, b.box.x1 + 1]) if (x >= 0 && x < t.columns) expect(p.pixels[y * t.columns + x]).not.toBe(level);
      }
      // Right breast: chest wall at the right edge, letters start at the left edge's 3 mm margin.
      expect(b.box.x0).toBeGreaterThanOrEqual(Math.floor(3 / t.calibration.spacingMm));
      expect(b.box.x0).toBeLessThan(t.columns / 4);
    }
    const marker = burned.find((b) => b.kind === 'marker');
    const text = burned.find((b) => b.kind === 'text');
    expect(marker?.box.y1 ?? Infinity).toBeLessThan(t.rows / 2);
    expect(text?.box.y0 ?? 0).toBeGreaterThan(t.rows / 2);
  });

  it('makes everything beyond the film edge the truth states clear film, and nothing a few pixels inside it', async () => {
    for (const edge of ['top', 'bottom', 'anterior'] as const) {
      const p = await phantom({ side: 'L' }, { detector: 'film', ...QUIET, filmGrainSd: 0.01, filmEdge: { edge, widthMm: 3, tiltDeg: 1 } });
      const t = p.truth;
      const fe = t.acquisition?.filmEdge;
      if (!fe) throw new Error('no film edge in the truth');
      const off = Math.round(OFF_FILM_LEVEL * (2 ** t.bitsStored - 1));
      // Signed side of the line from→to for a pixel; the image corner on the edge side gives the off-film sign.
      const side = (x: number, y: number): number => (fe.to.x - fe.from.x) * (y - fe.from.y) - (fe.to.y - fe.from.y) * (x - fe.from.x);
      const corner = edge === 'top' ? { x: t.columns / 2, y: 0 } : edge === 'bottom' ? { x: t.columns / 2, y: t.rows - 1 } : { x: t.columns - 1, y: t.rows / 2 };
      const offSign = Math.sign(side(corner.x, corner.y));
      const len = Math.hypot(fe.to.x - fe.from.x, fe.to.y - fe.from.y);
      let checkedOff = 0;
      let checkedOn = 0;
      for (let y = 0; y < t.rows; y++) {
        for (let x = 0; x < t.columns; x++) {
          const dist = side(x, y) / len;
          const v = p.pixels[y * t.columns + x];
          if (dist * offSign > 1) { expect(v).toBe(off); checkedOff++; }
          if (dist * offSign < -3) { if (v === off) throw new Error(`clear film inside the edge at ${x},${y}`); checkedOn++; }
        }
      }
      expect(checkedOff, edge).toBeGreaterThan(100);
      expect(checkedOn, edge).toBeGreaterThan(10000);
    }
  });

  it('draws the paddle edge at the column the truth states, only inside the breast', () => {
    const base = phantomOptions({ seed: 34, size: { rows: 384, columns: 320 }, findings: [] });
    const withEdge = renderPhantom({ ...base, acquisition: acquisitionOptions({ ...QUIET, paddleEdge: { fromChestWallMm: 6, widthMm: 1 } }) });
    const without = renderPhantom({ ...base, acquisition: acquisitionOptions({ ...QUIET }) });
    const pe = withEdge.acquisition?.paddleEdge;
    if (!pe) throw new Error('no paddle edge in the truth');
    const sp = withEdge.objectSpacingMm;
    expect(pe.x).toBeCloseTo(319 - 6 / sp, 3);
    const x = Math.round(pe.x);
    const y = Math.round(withEdge.nipple.y);
    const at = (img: Float32Array, xx: number, yy: number): number => img[yy * 320 + xx] as number;
    expect(at(withEdge.display, x, y) - at(without.display, x, y)).toBeGreaterThan(0.03);
    // Behind the line (chest-wall side, under the paddle) nothing changes; in the background nothing changes.
    expect(at(withEdge.display, x + 8, y)).toBe(at(without.display, x + 8, y));
    expect(at(withEdge.display, x, 0)).toBe(at(without.display, x, 0));
  });

  it('blurs calcifications by the stated detector blur without changing their truth', () => {
    const shape = { primitives: [{ kind: 'ellipsoid' as const, cx: 0, cy: 0, a: 0.2, b: 0.2, angle: 0, profile: 0.5 }], holes: [], density: 1 };
    const sharp = renderParticle(shape, { x: 20.3, y: 20.7 }, 0.1, 0.1);
    const soft = renderParticle(shape, { x: 20.3, y: 20.7 }, 0.1, 1.2);
    expect(Math.max(...soft.density)).toBeLessThan(0.75 * Math.max(...sharp.density));
    expect(soft.longAxisPx).toBe(sharp.longAxisPx);
    expect(soft.outline).toEqual(sharp.outline);
    // Total added density is kept by the blur (a normalised kernel, room for its tail).
    const sum = (d: Float32Array): number => d.reduce((s, v) => s + v, 0);
    expect(sum(soft.density)).toBeCloseTo(sum(sharp.density), 3);
  });

  it('compresses values above the shoulder smoothly below 1, keeping their order, and leaves the rest alone', () => {
    const v = Float32Array.of(0.2, TONE_SHOULDER_KNEE, 0.9, 1, 1.3, 2);
    toneShoulder(v);
    expect(v[0]).toBeCloseTo(0.2, 6);
    expect(v[1]).toBeCloseTo(TONE_SHOULDER_KNEE, 6);
    for (let i = 2; i < v.length; i++) {
      expect(v[i] as number).toBeLessThan(1);
      expect(v[i] as number).toBeGreaterThan(v[i - 1] as number);
    }
  });

  it('box blur approximates a Gaussian: a flat image stays flat and a point spreads with the requested σ', () => {
    const n = 101;
    const img = new Float32Array(n * n);
    img[50 * n + 50] = 1;
    const b = boxBlur3(img, n, n, 6);
    let m2 = 0;
    let total = 0;
    for (let x = 0; x < n; x++) { const v = b[50 * n + x] as number; total += v; m2 += v * (x - 50) ** 2; }
    expect(Math.sqrt(m2 / total)).toBeGreaterThan(5.4);
    expect(Math.sqrt(m2 / total)).toBeLessThan(6.6);
    const flat = boxBlur3(new Float32Array(n * n).fill(0.4), n, n, 6);
    for (const v of flat) expect(v).toBeCloseTo(0.4, 5);
  });

  it('leaves the truth without an acquisition section when no acquisition is asked for', async () => {
    const p = await generatePhantom(phantomOptions({ seed: 35, size: SMALL }));
    expect('acquisition' in p.truth).toBe(false);
    expect((await phantom({}, {})).truth.acquisition?.detector).toBe('ffdm');
  });
});
