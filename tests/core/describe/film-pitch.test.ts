/**
 * Sizes on an uncalibrated image: a millimetre threshold is decided only when it holds, or fails,
 * at every film scan pitch (0.042–0.2 mm per pixel); else it is not applied.
 */
import { describe, expect, it } from 'vitest';
import { describeCalcification } from '../../../src/core/describe/index.js';
import { atEveryFilmPitch, FILM_SCAN_PITCH_MM } from '../../../src/core/describe/film-pitch.js';
import { calc } from './fixtures.js';

const band = (mm: number): boolean => mm >= 0.5 && mm < 1;

describe('a threshold read over the film scan pitches', () => {
  it('is decided where every pitch agrees', () => {
    expect(FILM_SCAN_PITCH_MM).toEqual({ min: 0.042, max: 0.2 });
    expect(atEveryFilmPitch(2, FILM_SCAN_PITCH_MM, (v) => v < 0.5)).toBe(true); // 0.08–0.40 mm
    expect(atEveryFilmPitch(32, FILM_SCAN_PITCH_MM, (v) => v > 1)).toBe(true); // 1.34–6.4 mm
    expect(atEveryFilmPitch(32, FILM_SCAN_PITCH_MM, band)).toBe(false);
    expect(atEveryFilmPitch(1, FILM_SCAN_PITCH_MM, band)).toBe(false); // 0.04–0.2 mm
  });

  it('is left open where the pitch decides, a band included whose ends both fall outside it', () => {
    expect(atEveryFilmPitch(3, FILM_SCAN_PITCH_MM, (v) => v < 0.5)).toBeNull(); // 0.13–0.6 mm
    // 10 px is 0.42 mm at the finest pitch and 2 mm at the coarsest, both outside 0.5–1 mm, yet 0.7 mm at 0.07 mm per pixel.
    expect(band(10 * 0.042) || band(10 * 0.2)).toBe(false);
    expect(atEveryFilmPitch(10, FILM_SCAN_PITCH_MM, band)).toBeNull();
  });
});

describe('describing on an uncalibrated image', () => {
  // An irregular, conspicuous deposit: coarse heterogeneous if it is 0.5–1 mm.
  const irregular = { elongation: 2.5, circularity: 0.4, solidity: 0.8, cnr: 12, calibration: 'uncalibrated' as const, mmPerPx: 0.1 };

  it('does not call a deposit coarse heterogeneous that is over 1 mm at every film pitch (a 32 px bead)', () => {
    const d = describeCalcification(calc({ ...irregular, longMm: 3.2 }));
    expect(d.terms.map((t) => t.term)).not.toContain('coarse heterogeneous');
    expect(d.sizeThresholdsApplied).toBe(false);
  });

  it('still names coarse heterogeneous where some pitch makes it 0.5–1 mm (a 10 px deposit), and gives no benign term over it', () => {
    const d = describeCalcification(calc({ ...irregular, longMm: 1 }));
    // The benign terms it also fits need a size (over 1 or 2 mm) no pitch decides: not characterised,
    // both named (describe/benign-undecided.ts).
    expect(d.terms).toEqual([]);
    expect(d.notCharacterised?.reason).toMatch(/^not characterised: \w+ or coarse heterogeneous — what separates them could not be measured \(the image has no pixel spacing: long axis 10 px \(0\.42–2\.0 mm/);
  });

  it('states a size read over the pitches in pixels with the millimetres it spans', () => {
    const d = describeCalcification(calc({ longMm: 3, elongation: 1.2, circularity: 0.7, solidity: 0.8, cnr: 20, calibration: 'uncalibrated', mmPerPx: 0.1 }));
    expect(d.evidence.join(' | ')).toContain('long axis 30 px (1.3–6.0 mm at a film scan pitch of 0.042–0.2 mm per pixel, uncalibrated) > 1 mm');
  });
});
