/**
 * Locate on the real mammograms of test-data/real-mg against their reading (reading.json): the
 * chest wall, the nipple, the pectoral line and the skin line of a GE full-field right MLO and of
 * a digitised left MLO film with burned-in letters, a redaction box and film edges (in its JPEG
 * and its JPEG 2000 copy). Tolerances
 * are the reading's own (toleranceMm per landmark, with the reason beside it in reading.json).
 */
import { describe, it, expect } from 'vitest';
import { findBreast } from '../../../src/core/locate/find-breast.js';
import { FILM_LMLO, FILM_LMLO_J2K, GE_RMLO, landmarkErrors, loadRealImage, readingOf, spacingMm } from './real-mammograms.js';

/** The skin line is read at a stated level on a soft edge: median distance allowed, mm. */
const SKIN_MEDIAN_TOLERANCE_MM = 3;

const CASES = [
  { file: GE_RMLO, chestWall: 'right' },
  { file: FILM_LMLO, chestWall: 'left' },
  { file: FILM_LMLO_J2K, chestWall: 'left' },
] as const;

describe('locate on real MLOs', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      it('finds the chest wall, agreeing with Patient Orientation, and no pectoral warning', async () => {
        const image = await loadRealImage(c.file);
        const g = findBreast(image);
        if (!g.ok) throw new Error(g.error.message);
        expect(g.value.chestWallEdge).toBe(c.chestWall);
        expect(g.value.source.chestWall).toBe('image, confirmed by patient orientation');
        expect(g.value.warnings.filter((w) => w.includes('pectoral'))).toEqual([]);
        expect(g.value.warnings.filter((w) => w.includes('nipple may be cut off'))).toEqual([]);
      });

      it('finds the pectoral line, the nipple and the skin line within the reading’s tolerances', async () => {
        const image = await loadRealImage(c.file);
        const reading = readingOf(c.file);
        const g = findBreast(image);
        if (!g.ok) throw new Error(g.error.message);
        const e = landmarkErrors(g.value, reading, spacingMm(image, reading));
        expect(e.pectoralMm).not.toBeNull();
        expect(e.pectoralMm ?? Infinity).toBeLessThanOrEqual(reading.pectoralLine.toleranceMm);
        expect(e.nippleMm).toBeLessThanOrEqual(reading.nipple.toleranceMm);
        expect(e.skinMedianMm ?? Infinity).toBeLessThanOrEqual(SKIN_MEDIAN_TOLERANCE_MM);
      });
    });
  }

  it('puts the film’s nipple on its lobe below the notch, not on the breast’s curve above it', async () => {
    const g = findBreast(await loadRealImage(FILM_LMLO));
    if (!g.ok) throw new Error(g.error.message);
    // The notch between the breast's own curve and the nipple lobe is at about row 3100.
    expect(g.value.nipple.y).toBeGreaterThan(3100);
    expect(g.value.nipple.y).toBeLessThan(3420);
  });
});
