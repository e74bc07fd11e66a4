/**
 * The case end to end on the real GE Senographe Essential right MLO
 * (test-data/real-mg/ge-senographe-essential-rmlo.dcm): a solitary, dense, smooth, round
 * calcification of 1.7 × 1.4 mm at (1824, 1709). A breast radiologist calls it round, BI-RADS 2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFinding, ingestDicom } from '../../../src/core/index.js';

const FILE = new URL('../../../test-data/real-mg/ge-senographe-essential-rmlo.dcm', import.meta.url);

describe('real GE image: a solitary round calcification', () => {
  it('ingest → segment at (1824, 1709) → describe → assess → word: round, BI-RADS 2, a single round calcification', async () => {
    const image = await ingestDicom(new Uint8Array(readFileSync(FILE)));
    if (!image.ok) throw new Error(image.error.message);
    const r = analyzeFinding(image.value, { seeds: [{ x: 1824, y: 1709 }] });
    if (!r.ok) throw new Error(r.error.message);
    const a = r.value;
    expect(a.calcifications).toHaveLength(1);
    const c = a.calcifications[0];
    expect(c?.longAxisMm).toBeCloseTo(1.7, 1);
    expect(c?.shortAxisMm).toBeCloseTo(1.4, 1);
    expect(c?.morphology[0]).toBe('round');
    expect(a.group.morphology).toEqual(['round']);
    expect(a.group.distribution).toEqual([]);
    expect(a.suggestion.assessment).toBe('2');
    expect(a.suggestion.ruleIds).toContain('solitary-typically-benign');
    expect(a.wording).toContain('a single round calcification measuring up to 1.7 mm');
    expect(a.wording).toContain('BI-RADS 2 — benign');
    expect(a.wording).not.toMatch(/group|not characterised|uncharacterised/);
    // Caveats for the finding are stated once, and not in the calcification's own evidence.
    expect(c?.evidence.join(' | ')).not.toContain('tangential view');
    expect(a.group.morphologyDescription.evidence.filter((e) => e.includes('tangential view'))).toHaveLength(1);
  });

  it('says the nipple is not in profile on this RMLO (reading.json), once, in the location and the report', async () => {
    const image = await ingestDicom(new Uint8Array(readFileSync(FILE)));
    if (!image.ok) throw new Error(image.error.message);
    // Two calcifications of one finding: the caveat belongs to the view, not to each calcification.
    const r = analyzeFinding(image.value, { seeds: [{ x: 1824, y: 1709 }, { x: 1790, y: 1956 }] });
    if (!r.ok) throw new Error(r.error.message);
    const caveat = 'nipple not in profile on the RMLO: depth, clock position and distance are measured from the most anterior skin point';
    expect(r.value.location?.caveats).toEqual([caveat]);
    expect(r.value.location?.evidence.filter((e) => e === caveat)).toHaveLength(1);
    expect(r.value.wording.split('Nipple not in profile')).toHaveLength(2);
    expect(r.value.wording).toContain(
      'comparison. Nipple not in profile on the RMLO: depth, clock position and distance are measured from the most anterior skin point. Suggested assessment',
    );
  });

  it('three round calcifications clicked together, centimetres apart, are scattered: not a linear distribution, BI-RADS 2', async () => {
    const image = await ingestDicom(new Uint8Array(readFileSync(FILE)));
    if (!image.ok) throw new Error(image.error.message);
    // ge-1, ge-2 and ge-3 of reading.json: round, 1.7, 1.6 and 0.6 mm, 2–3 cm apart, nearly on a line.
    const r = analyzeFinding(image.value, { seeds: [{ x: 1824, y: 1709 }, { x: 1790, y: 1956 }, { x: 1986, y: 1487 }] });
    if (!r.ok) throw new Error(r.error.message);
    const a = r.value;
    expect(a.group.measurements.linearity).toBeGreaterThanOrEqual(0.8);
    expect(a.group.measurements.largestNeighbourStep.mm).toBeGreaterThan(20);
    expect(a.group.morphology).toEqual(['round']);
    expect(a.group.distribution).not.toContain('linear');
    expect(a.group.distribution).toEqual(['regional']);
    expect(a.group.distributionDescription?.evidence.join(' | ')).toMatch(/not ductal: largest step between neighbouring calcifications 2\.\d cm > 1 cm/);
    expect(a.suggestion.assessment).toBe('2');
    expect(a.suggestion.ruleIds).not.toContain('punctate-ductal');
    expect(a.wording).toContain('BI-RADS 2 — benign');
    expect(a.wording).not.toMatch(/linear|biopsy|tissue diagnosis/i);
  });
});
