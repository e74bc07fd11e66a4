/**
 * Locate on the real mammograms of test-data/real-mg against their reading (reading.json): the
 * chest wall, the nipple, the pectoral line and the skin line of a GE full-field right MLO and of
 * a digitised left MLO film with burned-in letters, a redaction box and film edges (in its JPEG
 * and its JPEG 2000 copy). Tolerances
 * are the reading's own (toleranceMm per landmark, with the reason beside it in reading.json).
 */
import { describe, it, expect } from 'vitest';
import { findBreast } from '../../../src/core/locate/find-breast.js';
import { locateFinding } from '../../../src/core/locate/locate-finding.js';
import { FILM_LMLO, FILM_LMLO_J2K, GE_RMLO, landmarkErrors, loadRealImage, readingOf, spacingMm } from './real-mammograms.js';

/** The skin line is read at a stated level on a soft edge: median distance allowed, mm. */
const SKIN_MEDIAN_TOLERANCE_MM = 3;

function locateAt(image: Awaited<ReturnType<typeof loadRealImage>>, at: { x: number; y: number } | undefined) {
  if (at === undefined) throw new Error('the reading has no calcification on this image');
  const g = findBreast(image);
  if (!g.ok) throw new Error(g.error.message);
  const r = locateFinding(at, g.value, image);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

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

  it('tells whether the nipple is in profile as the reading does: not on the GE RMLO, yes on the film', async () => {
    for (const c of CASES) {
      const g = findBreast(await loadRealImage(c.file));
      if (!g.ok) throw new Error(g.error.message);
      expect(g.value.nippleInProfile, c.file).toBe(readingOf(c.file).nipple.inProfile);
    }
    expect(readingOf(GE_RMLO).nipple.inProfile).toBe(false);
    expect(readingOf(FILM_LMLO).nipple.inProfile).toBe(true);
  });

  it('puts the not-in-profile caveat on a location on the GE RMLO, not on the film', async () => {
    const ge = await loadRealImage(GE_RMLO);
    const film = await loadRealImage(FILM_LMLO);
    const onGe = locateAt(ge, readingOf(GE_RMLO).calcifications[0]?.centre);
    const onFilm = locateAt(film, readingOf(FILM_LMLO).calcifications[0]?.centre);
    expect(onGe.caveats).toEqual(['nipple not in profile on the RMLO: depth, clock position and distance are measured from the most anterior skin point']);
    expect(onFilm.caveats).toEqual([]);
    expect(onFilm.evidence.join(' ')).not.toContain('not in profile');
  });

  it('puts the film’s nipple on its lobe below the notch, not on the breast’s curve above it', async () => {
    const g = findBreast(await loadRealImage(FILM_LMLO));
    if (!g.ok) throw new Error(g.error.message);
    // The notch between the breast's own curve and the nipple lobe is at about row 3100.
    expect(g.value.nipple.y).toBeGreaterThan(3100);
    expect(g.value.nipple.y).toBeLessThan(3420);
  });
});
