/**
 * An uncalibrated image's scan pitch range: 0.042–0.2 mm per pixel, its upper end lowered to what
 * the image's size allows (a film is at most 43 cm long). A whole film scanned finely is thousands
 * of pixels long: its pitch cannot be 0.2 mm, and sizes the wide range leaves open are decided.
 */
import { describe, expect, it } from 'vitest';
import { describeCalcifications, uncalibratedEvidence } from '../../src/core/describe/index.js';
import { filmPitchOr } from '../../src/core/describe/film-pitch.js';
import { FILM_SCAN_PITCH_MM, filmScanPitchOf, LARGEST_FILM_SIDE_MM, type FilmPitchRange } from '../../src/core/film-scan-pitch.js';
import { measureCalcification } from '../../src/core/measure/measure-calcification.js';
import { vesselSearchPitch } from '../../src/core/measure/vessel-evidence.js';
import { segmentAtSeed } from '../../src/core/segment/segment-at-seed.js';
import { renderScene, type Shape } from './segment/synthetic.js';

describe('the scan pitch range of an uncalibrated image', () => {
  it('ends at what the longest side allows, rounded up so that it still holds the true pitch', () => {
    // The WG04 digitised film (3064 × 4664, no spacing): at most 430 / 4664 = 0.0922 mm per pixel.
    expect(filmScanPitchOf({ rows: 4664, columns: 3064 })).toEqual({ min: 0.042, max: 0.093, longestSidePx: 4664 });
    expect(filmScanPitchOf({ rows: 3064, columns: 4664 }).max).toBe(0.093);
    // A 24 × 30 cm film scanned at the finest pitch (0.042 mm) is 7143 px long: still inside its range.
    const finest = filmScanPitchOf({ rows: Math.round(300 / 0.042), columns: Math.round(240 / 0.042) });
    expect(finest.min).toBeLessThanOrEqual(0.042);
    expect(finest.max).toBeGreaterThanOrEqual(0.042);
    expect(LARGEST_FILM_SIDE_MM).toBe(430);
  });

  it('keeps the whole range for an image small enough to be a coarse scan or a crop, and for one longer than any film scan', () => {
    expect(filmScanPitchOf({ rows: 1024, columns: 1024 })).toBe(FILM_SCAN_PITCH_MM); // mini-MIAS: 0.2 mm
    expect(filmScanPitchOf({ rows: 2150, columns: 1700 })).toBe(FILM_SCAN_PITCH_MM); // 430 / 2150 = 0.2 exactly
    expect(filmScanPitchOf({ rows: 400, columns: 300 })).toBe(FILM_SCAN_PITCH_MM);
    expect(filmScanPitchOf({ rows: 12000, columns: 9000 })).toBe(FILM_SCAN_PITCH_MM); // finer than 0.042 mm: unknown ground
  });

  it('reads a range saved in a file that is not one as the whole film range', () => {
    for (const odd of [{ min: 0.1, max: 0.05 }, { min: 0, max: 0.1 }, { min: Number.NaN, max: 0.1 }, { min: '0.042', max: 0.1 }, null, undefined] as unknown[]) {
      expect(filmPitchOr(odd as FilmPitchRange | undefined)).toBe(FILM_SCAN_PITCH_MM);
    }
    const own = { min: 0.042, max: 0.093 };
    expect(filmPitchOr(own)).toBe(own);
  });

  it('bounds the vessel search within its own range', () => {
    expect(vesselSearchPitch({ rows: 4664, columns: 3064 })).toEqual({ min: 0.042, max: 0.093 });
    expect(vesselSearchPitch({ rows: 1024, columns: 1024 })).toEqual({ min: 0.042, max: 0.1 });
  });

  it('says why the range ends where it does', () => {
    expect(uncalibratedEvidence(FILM_SCAN_PITCH_MM)).toBe(
      'image uncalibrated: a size threshold is applied only where it holds, or fails, at every film scan pitch (0.042–0.2 mm per pixel)',
    );
    expect(uncalibratedEvidence(filmScanPitchOf({ rows: 4664, columns: 3064 }))).toBe(
      "image uncalibrated: a size threshold is applied only where it holds, or fails, at every film scan pitch (0.042–0.093 mm per pixel: the image's 4664 px long side spans at most 43 cm, the longest film)",
    );
  });
});

describe('dots 0.2 mm across on film without a pixel spacing, scanned at 0.05 mm', () => {
  const SP = 0.05;
  // Four dense, round dots 4 px across, 2 mm apart, near the top of the image.
  const dots: Shape[] = [0, 1, 2, 3].map((i) => ({ kind: 'disc', cx: 4 + 2 * i, cy: 4, r: 0.1, contrast: 900 }));
  const described = (rows: number) => {
    const image = renderScene({
      rows, columns: 300, rowSpacingMm: SP, columnSpacingMm: SP, uncalibrated: true, shapes: dots,
      level: 2000, texture: 10, textureScalePx: 12, noise: 12, blurPx: 0.6, seed: 5,
    });
    const ms = dots.map((d) => {
      if (d.kind !== 'disc') throw new Error('disc expected');
      const r = segmentAtSeed(image, { x: Math.round(d.cx / SP), y: Math.round(d.cy / SP) });
      if (!r.ok) throw new Error(r.error.message);
      return measureCalcification(image, r.value);
    });
    return { ms, set: describeCalcifications(ms) };
  };

  it('on the whole film (4664 px long) are under 0.5 mm at every pitch it may have: punctate with its size applied', () => {
    const { ms, set } = described(4664);
    for (const m of ms) expect(m.filmPitchMm).toEqual({ min: 0.042, max: 0.093, longestSidePx: 4664 });
    expect(set.terms[0]?.term).toBe('punctate');
    expect(set.evidence.join(' | ')).toMatch(/median long axis \d px \(0\.\d+–0\.[34]\d mm at a film scan pitch of 0\.042–0\.093 mm per pixel, uncalibrated\) < 0\.5 mm/);
    expect(set.caveats).toContain(uncalibratedEvidence(filmScanPitchOf({ rows: 4664, columns: 300 })));
    // Against the same dots on a crop, where the pitch may be 0.2 mm: the size is not applied, the confidence is lower.
    const crop = described(400);
    for (const m of crop.ms) expect(m.filmPitchMm).toBe(FILM_SCAN_PITCH_MM);
    expect(crop.set.evidence.join(' | ')).not.toMatch(/< 0\.5 mm/);
    expect(set.terms[0]?.confidence ?? 0).toBeGreaterThan(crop.set.terms.find((t) => t.term === 'punctate')?.confidence ?? 0);
  });

  it('on a calibrated image carry no film pitch range', () => {
    const image = renderScene({ rows: 400, columns: 300, rowSpacingMm: SP, columnSpacingMm: SP, shapes: dots, level: 2000, noise: 12, blurPx: 0.6, seed: 5 });
    const r = segmentAtSeed(image, { x: 80, y: 80 });
    if (!r.ok) throw new Error(r.error.message);
    expect(measureCalcification(image, r.value).filmPitchMm).toBeUndefined();
  });
});
