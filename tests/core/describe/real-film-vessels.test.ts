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

  /*
   * film-1 is a small calcified artery seen whole in one outline: a tube 77 × 21 px whose walls are
   * calcified in rings, a lucent line between them down much of its length (measure/lumen.ts).
   */
  for (const file of [FILM_LMLO, FILM_LMLO_J2K]) {
    it(`reads the tube of film-1 vascular from its lumen, benign (${file})`, async () => {
      const image = await loadRealImage(file);
      const c = readingOf(file).calcifications.find((x) => x.id === 'film-1');
      if (c === undefined) throw new Error('reading.json has no film-1');
      const r = analyzeFinding(image, { seeds: [c.centre] });
      if (!r.ok) throw new Error(r.error.message);
      const a = r.value.calcifications[0];
      expect(a?.morphology[0]).toBe('vascular');
      expect(a?.evidence[0]).toMatch(/^vascular: .*a lumen between two walls seen along \d+ % of the middle of the track/);
      expect(r.value.suggestion.assessment).toBe('2');
      // A reader's click lands near the centre: 0.2 mm (4 px at the reading's 0.05 mm) around it, the same.
      for (let k = 0; k < 8; k++) {
        const at = { x: Math.round(c.centre.x + 4 * Math.cos((k * Math.PI) / 4)), y: Math.round(c.centre.y + 4 * Math.sin((k * Math.PI) / 4)) };
        const near = analyzeFinding(image, { seeds: [at] });
        expect({ at, term: near.ok ? near.value.calcifications[0]?.morphology[0] : near.error.message }).toEqual({ at, term: 'vascular' });
      }
    }, 120_000);
  }
});
