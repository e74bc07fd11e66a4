/**
 * A measured annotation goes into the draft of the exam on screen; one measured on an image that
 * exam does not hold (the radiologist switched exams before the measurement came back) is not added
 * to the wrong exam, and the radiologist is told instead of the click vanishing.
 */
import type { Types as ToolTypes } from '@cornerstonejs/tools';
import { describe, expect, it } from 'vitest';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import { CalcificationTool } from '../../extensions/calcification/tools/index.js';
import { draftImageFrom, newExamDraft } from '../../src/core/draft/index.js';
import { measureCalcification, segmentAtSeed } from '../../src/core/index.js';
import { addRegionToDraft, addToDraft } from '../../src/viewer/draft/sync-annotations.js';
import type { ImageIds } from '../../src/viewer/draft/draft-ids.js';
import { GROUP, IMAGE_ID, SPACING_MM, syntheticImage } from '../extensions/panel-fixture.js';

const image = syntheticImage();
const ON_SCREEN = 'wadouri:on-screen-RCC';
const ids: ImageIds = {
  toDraft: (cs) => (cs === ON_SCREEN ? IMAGE_ID : null),
  toCornerstone: (d) => (d === IMAGE_ID ? ON_SCREEN : null),
};
const store = () => createDraftStore(newExamDraft('2.25.42', [draftImageFrom(image, IMAGE_ID, 'current', null)]));

/** A measured calcification annotation of the given Cornerstone image, at the group's k-th calcification. */
function measured(k: number, csImageId: string): ToolTypes.Annotation {
  const s = GROUP[k];
  if (s === undefined || s.kind === 'lines') throw new Error('no such calcification');
  const seed = { x: Math.round(s.cx / SPACING_MM), y: Math.round(s.cy / SPACING_MM) };
  const outline = segmentAtSeed(image, seed);
  if (!outline.ok) throw new Error(outline.error.message);
  return {
    annotationUID: `a-${k}-${csImageId}`,
    metadata: { toolName: CalcificationTool.toolName, referencedImageId: csImageId },
    data: { status: 'measured', seed, calcification: { outline: outline.value, measurements: measureCalcification(image, outline.value) }, message: null },
  } as unknown as ToolTypes.Annotation;
}

describe('a measured annotation and the draft of the exam on screen', () => {
  it('goes into the draft when its image is the exam\'s', () => {
    const s = store();
    expect(addToDraft(s, ids, measured(0, ON_SCREEN))).toBeNull();
    expect(s.getState().calcifications).toHaveLength(1);
  });

  it('is not added to another exam\'s draft, and the radiologist is told', () => {
    const s = store();
    const before = s.getState();
    expect(addToDraft(s, ids, measured(0, 'wadouri:previous-exam-LCC'))).toBe(
      "a calcification measured on an image that is not in the exam on screen (the exam changed before the measurement came back): not added; click it again on this exam's image",
    );
    expect(s.getState()).toBe(before);
  });

  it('in a region, adds those of the exam\'s image and counts the others', () => {
    const s = store();
    const message = addRegionToDraft(s, ids, [measured(0, ON_SCREEN), measured(1, 'wadouri:previous-exam-LCC'), measured(2, 'wadouri:previous-exam-LCC')]);
    expect(message).toMatch(/^2 calcifications measured on an image that is not in the exam on screen/);
    expect(s.getState().calcifications).toHaveLength(1);
  });

  it('says nothing for a click that measured nothing (the tool has said why)', () => {
    const s = store();
    const failed = { ...measured(0, 'wadouri:previous-exam-LCC') } as ToolTypes.Annotation;
    failed.data = { status: 'failed', seed: { x: 1, y: 1 }, calcification: null, message: 'no calcification here' } as unknown as ToolTypes.Annotation['data'];
    expect(addToDraft(s, ids, failed)).toBeNull();
    expect(s.getState().calcifications).toHaveLength(0);
  });
});
