/**
 * The calcified vessels of the real digitised film (test-data/real-mg, reading.json: film-1 …
 * film-5, all read as vascular): a click on each, in the JPEG and the JPEG 2000 copy, must not be
 * given a suspicious term (a needless biopsy). A check on real images, not a tuning target: the
 * vessel rules were set on drawn tram tracks and phantoms.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFinding } from '../../../src/core/analyze.js';
import { SUSPICIOUS_MORPHOLOGY } from '../../../src/core/lexicon.js';
import { FILM_LMLO, FILM_LMLO_J2K, loadRealImage, readingOf } from '../locate/real-mammograms.js';

const suspicious = new Set<string>(SUSPICIOUS_MORPHOLOGY);

/*
 * film-5's click outlines one 32 px bead of a beaded wall (elongation 2.5), whose other wall is seen
 * beside it over only 14 px: it was held as coarse heterogeneous (4B) while that term's 0.5–1 mm
 * could not be applied on uncalibrated film. 32 px is over 1 mm at every film scan pitch
 * (film-pitch.ts), so coarse heterogeneous no longer fits it; it is not characterised instead.
 */

describe('vessels on the real digitised film', () => {
  for (const file of [FILM_LMLO, FILM_LMLO_J2K]) {
    it(`gives no suspicious term to a click on a calcified vessel's wall (${file})`, async () => {
      const image = await loadRealImage(file);
      const vessels = readingOf(file).calcifications.filter((c) => c.term === 'vascular');
      expect(vessels.map((c) => c.id)).toEqual(['film-1', 'film-2', 'film-3', 'film-4', 'film-5']);
      for (const c of vessels) {
        const r = analyzeFinding(image, { seeds: [c.centre] });
        // A click that outlines nothing gives no term at all (the failure is reported in the eval).
        if (!r.ok) continue;
        const a = r.value.calcifications[0];
        // What is suggested: the calcification's best term and the finding's chosen terms (the
        // ones the assessment reads); weaker alternatives stay in the evidence as "also consistent with".
        const given = [a?.morphology[0], ...r.value.group.morphology].filter((t) => t !== undefined);
        expect({ id: c.id, suspicious: given.filter((t) => suspicious.has(t)) }).toEqual({ id: c.id, suspicious: [] });
      }
    }, 120_000);
  }
});
