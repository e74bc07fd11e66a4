/**
 * The label beside an outline reads the same after the click that made it and after undo / redo
 * brought it back from the draft, for every calibration kind: both come from the core's one table
 * (calcificationSize over CALIBRATION_WORDS).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measurementStats } from '../../extensions/calcification/annotation-mapping.js';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import { sizeLabel, type MeasuredCalcification } from '../../extensions/calcification/tools/types.js';
import { analyseCalcifications } from '../../src/core/analyze.js';
import { CALIBRATION_WORDS } from '../../src/core/calibration-words.js';
import type { CalibrationKind } from '../../src/core/image.js';
import { loadSampleImage, sampleDraft, type SampleImage } from '../core/draft/sample-exam.js';

let lcc: SampleImage;

beforeAll(async () => {
  lcc = await loadSampleImage('LCC');
});

describe('the size label beside an outline', () => {
  it('is the same after a click and after undo and redo, for every calibration kind', () => {
    const seed = lcc.truth.find((t) => t.groupId === 'L2')?.centre;
    if (seed === undefined) throw new Error('no L2 calcification in the sample truth');
    const r = analyseCalcifications(lcc.image, { seeds: [seed] });
    if (!r.ok) throw new Error(r.error.message);
    const clicked = r.value.calcifications[0];
    if (clicked === undefined) throw new Error('nothing outlined');
    for (const kind of Object.keys(CALIBRATION_WORDS) as CalibrationKind[]) {
      // The same calcification as measured on an image of this calibration kind (millimetres dropped when uncalibrated).
      const measurements = kind === 'uncalibrated'
        ? { ...clicked.measurements, calibration: kind, longAxis: { ...clicked.measurements.longAxis, mm: null }, shortAxis: { ...clicked.measurements.shortAxis, mm: null }, area: { ...clicked.measurements.area, mm2: null } }
        : { ...clicked.measurements, calibration: kind };
      const measured: MeasuredCalcification = { ...clicked, measurements, calibrationKind: kind };
      const afterClick = sizeLabel(measured);
      const store = createDraftStore(sampleDraft([lcc]));
      expect(store.dispatch({ type: 'addCalcifications', imageId: 'LCC', items: [{ seed, contour: clicked.outline.contour, measurements }] }).ok).toBe(true);
      store.undo();
      store.redo();
      const restored = store.getState().calcifications[0];
      if (restored === undefined) throw new Error('redo lost the calcification');
      expect(measurementStats(restored.measurements).label, kind).toBe(afterClick);
      expect(afterClick.endsWith(` ${CALIBRATION_WORDS[kind].unit}`), kind).toBe(true);
    }
    expect(sizeLabel({ ...clicked, calibrationKind: 'geometry', measurements: { ...clicked.measurements, calibration: 'geometry' } })).toMatch(/^\d+\.\d\d × \d+\.\d\d mm \(geometry-calibrated\)$/);
  });
});
