import { describe, expect, it } from 'vitest';
import { chosenTerms, describeCalcification, describeCalcifications, RESOLUTION_LIMITS } from '../../../src/core/describe/index.js';
import { atK, calc } from './fixtures.js';

const FILM = 0.2;

describe('resolution limits: what the pixel size lets the rules read', () => {
  it('every limit states its source (sampling: 2 pixels per detail)', () => {
    for (const l of RESOLUTION_LIMITS) expect(l.source).toMatch(/Nyquist/);
  });

  it('a calcification under 2 pixels across is not characterised, with the pixel size named', () => {
    const d = describeCalcification(calc({ longMm: 0.3, mmPerPx: FILM }));
    expect(d.terms).toEqual([]);
    expect(d.notCharacterised?.words).toBe('too small for the 0.20 mm pixel size');
    expect(d.evidence[0]).toBe(
      'not characterised: too small for the 0.20 mm pixel size (long axis 1.5 px < 2 px: a shape needs at least 2 pixels across)',
    );
    expect(chosenTerms(d)).toEqual([]);
  });

  it('the same 0.3 mm punctate calcification on a 0.1 mm detector (3 px) is characterised', () => {
    const d = describeCalcification(calc({ longMm: 0.3 }));
    expect(d.terms[0]?.term).toBe('punctate');
    expect(d.cannotSeparate).toEqual([]);
  });

  it('between 2 and 3 pixels across, punctate, amorphous and fine pleomorphic cannot be separated', () => {
    const d = describeCalcification(calc({ longMm: 0.5, elongation: 1.05, mmPerPx: FILM }));
    expect(d.cannotSeparate?.[0]?.terms).toEqual(['punctate', 'amorphous', 'fine pleomorphic']);
    expect(d.cannotSeparate?.[0]?.words).toBe('cannot be separated at the 0.20 mm pixel size');
    expect(d.evidence.join(' | ')).toContain(
      'punctate, amorphous and fine pleomorphic cannot be separated at the 0.20 mm pixel size: long axis 2.5 px < 3 px',
    );
    // The shape is not read: no rule that needs it fires at full confidence.
    expect(d.terms.every((t) => t.confidence <= 0.3)).toBe(true);
  });

  it('what cannot be separated is assessed as the most suspicious of them (chosen together)', () => {
    const d = describeCalcification(calc({ longMm: 0.45, elongation: 1.05, mmPerPx: FILM }));
    expect(d.terms[0]?.term).toBe('punctate');
    expect(chosenTerms(d)).toEqual(expect.arrayContaining(['punctate', 'amorphous', 'fine pleomorphic']));
  });

  it('a set of specks under 3 pixels says so once for the finding', () => {
    const ms = [0.45, 0.5, 0.48, 0.52, 0.46].map((longMm) => calc({ longMm, elongation: 1.05, mmPerPx: FILM }));
    const d = describeCalcifications(ms, { view: 'MLO' });
    const lines = d.evidence.filter((e) => e.includes('cannot be separated'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('(median of 5 calcifications)');
  });

  it('a line whose calibre is under 2 pixels, when 2 pixels reach past 0.5 mm, cannot be told fine linear or rod-like', () => {
    const line = { longMm: 4, elongation: 8, circularity: 0.3, calibreMm: 0.45, lengthMm: 4, cnr: 12, margin: 0.5 };
    const coarse = describeCalcification(calc({ ...line, mmPerPx: 0.3 }));
    expect(coarse.cannotSeparate?.[0]?.terms).toEqual(['fine linear', 'fine-linear branching', 'large rod-like']);
    expect(coarse.evidence.join(' | ')).toContain('calibre 1.5 px < 2 px, known only to be under 0.60 mm');
    // At 0.1 mm the same line is 4.5 px wide: its calibre is read.
    const fine = describeCalcification(calc({ ...line, mmPerPx: 0.1 }));
    expect(fine.cannotSeparate).toEqual([]);
    expect(fine.terms[0]?.term).toBe('fine linear');
  });

  it('a line under 2 pixels wide on a 0.2 mm film is still known to be under 0.5 mm: fine linear', () => {
    const d = describeCalcification(calc({ longMm: 6, elongation: 8, circularity: 0.3, calibreMm: 0.3, lengthMm: 4, cnr: 12, mmPerPx: FILM }));
    expect(d.cannotSeparate).toEqual([]);
    expect(d.terms[0]?.term).toBe('fine linear');
  });
});

describe('not characterised, with the concrete reason', () => {
  it('too faint to tell from noise (Rose criterion on the contrast-to-noise over its area)', () => {
    const d = describeCalcification(calc(atK({ longMm: 1.5, circularity: 0.7 }, 4)));
    expect(d.terms).toEqual([]);
    expect(d.notCharacterised?.words).toBe('too faint to characterise');
    expect(d.evidence[0]).toBe(
      'not characterised: too faint (contrast-to-noise over its area 4.0 < 5: below the Rose criterion a deposit cannot be told from noise)',
    );
    // A per-pixel contrast-to-noise of 3 over a 1.5 mm deposit (160 pixels) is k ≈ 38: well seen, the area decides.
    const seen = describeCalcification(calc({ longMm: 1.5, circularity: 0.7, cnr: 3 }));
    expect(seen.notCharacterised?.words).not.toBe('too faint to characterise');
  });

  it('too faint comes first: a faint line whose outline fits fine linear is not given that suspicious term', () => {
    const line = { longMm: 1.6, elongation: 5, circularity: 0.4, calibreMm: 0.2, lengthMm: 1.5 };
    // Seen (k 12): fine linear, as the outline reads.
    expect(describeCalcification(calc(atK(line, 12))).terms[0]?.term).toBe('fine linear');
    // At k 3.5 (a strand of tissue the rectangle found beside ge-2 on the real GE image measures so): no term.
    const faint = describeCalcification(calc(atK(line, 3.5)));
    expect(faint.terms).toEqual([]);
    expect(faint.notCharacterised?.words).toBe('too faint to characterise');
    expect(faint.evidence).toEqual([
      'not characterised: too faint (contrast-to-noise over its area 3.5 < 5: below the Rose criterion a deposit cannot be told from noise)',
    ]);
  });

  it('a small deposit that faint is still amorphous: the term for one whose shape cannot be determined', () => {
    const d = describeCalcification(calc(atK({ longMm: 0.4, elongation: 2, circularity: 0.6 }, 4)));
    expect(d.terms.map((t) => t.term)).toEqual(['amorphous']);
    expect(d.notCharacterised).toBeNull();
  });

  it('when no rule fits, the nearest term and the one condition it misses are stated', () => {
    // Irregular, > 1 mm, defined margin, but not dense: dystrophic's last condition fails.
    const d = describeCalcification(calc({ longMm: 1.5, circularity: 0.75, solidity: 0.95, cnr: 6 }));
    expect(d.terms).toEqual([]);
    expect(d.evidence.join(' | ')).toContain('nearest term dystrophic, not given: not dense: dense (contrast-to-noise per 0.1 mm pixel 6.0 < 8)');
  });
});

describe('a set whose calcifications do not agree', () => {
  it('is not characterised, and says how the votes split', () => {
    // Specks of 2–3 px read at half confidence, split across the 0.5 mm boundary: the two under it
    // punctate, the two over it not round (coarse heterogeneous fits them too, and their shape is
    // below the pixel size: neither given, describe/benign-undecided.ts).
    const ms = [0.45, 0.5, 0.48, 0.52].map((longMm) => calc({ longMm, elongation: 1.05, mmPerPx: FILM }));
    const d = describeCalcifications(ms, { view: 'MLO' });
    expect(chosenTerms(d)).toEqual([]);
    expect(d.notCharacterised?.words).toBe('the calcifications do not agree on a term');
    expect(d.evidence.join(' | ')).toContain('punctate 2 of 4; best confidence 0.15 < 0.2');
  });
});
