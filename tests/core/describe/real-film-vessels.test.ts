/**
 * The calcified vessels of the real digitised film (test-data/real-mg, reading.json: film-1 …
 * film-5, all read as vascular): a click on each, in the JPEG and the JPEG 2000 copy, must not be
 * given a suspicious term (a needless biopsy); the clicks where it still is are listed with the
 * reason (STILL_OPEN). A check on real images, not a tuning target: the vessel rules were set on
 * drawn tram tracks and phantoms.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFinding } from '../../../src/core/analyze.js';
import { SUSPICIOUS_MORPHOLOGY } from '../../../src/core/lexicon.js';
import { FILM_LMLO, FILM_LMLO_J2K, loadRealImage, readingOf } from '../locate/real-mammograms.js';

const suspicious = new Set<string>(SUSPICIOUS_MORPHOLOGY);

/**
 * Clicks still given a suspicious term, and why (kept here so that the test says when they are
 * fixed: a listed click must still be given a suspicious term, for the reason stated):
 * - bead: film-5's click outlines one 32 px bead of a beaded wall (elongation 2.5); the other wall
 *   is seen beside it over only 14 px at about 46 px, far under the 3 × its distance that partial
 *   evidence needs (the phantoms show neighbouring duct casts reaching 2–3 ×).
 * It stays coarse heterogeneous at half confidence: its 0.5–1 mm size cannot be applied uncalibrated.
 */
const STILL_OPEN: Readonly<Record<string, Readonly<Record<string, 'bead'>>>> = {
  [FILM_LMLO]: { 'film-5': 'bead' },
  [FILM_LMLO_J2K]: { 'film-5': 'bead' },
};

describe('vessels on the real digitised film', () => {
  for (const file of [FILM_LMLO, FILM_LMLO_J2K]) {
    it(`gives no suspicious term to a click on a calcified vessel's wall, but for the cases still open (${file})`, async () => {
      const image = await loadRealImage(file);
      const vessels = readingOf(file).calcifications.filter((c) => c.term === 'vascular');
      expect(vessels.map((c) => c.id)).toEqual(['film-1', 'film-2', 'film-3', 'film-4', 'film-5']);
      for (const c of vessels) {
        const r = analyzeFinding(image, { seeds: [c.centre] });
        // A click that outlines nothing gives no term at all (the failure is reported in the eval).
        if (!r.ok) continue;
        const a = r.value.calcifications[0];
        const open = STILL_OPEN[file]?.[c.id];
        // What is suggested: the calcification's best term and the finding's chosen terms (the
        // ones the assessment reads); weaker alternatives stay in the evidence as "also consistent with".
        const given = [a?.morphology[0], ...r.value.group.morphology].filter((t) => t !== undefined);
        if (open === 'bead') {
          const bead = (a?.longAxisPx ?? 0) < 40 && (a?.measurements.elongation ?? 0) < 3;
          expect({ id: c.id, bead, stillSuspicious: given.some((t) => suspicious.has(t)) }).toEqual({ id: c.id, bead: true, stillSuspicious: true });
          continue;
        }
        expect({ id: c.id, suspicious: given.filter((t) => suspicious.has(t)) }).toEqual({ id: c.id, suspicious: [] });
      }
    }, 120_000);
  }
});
