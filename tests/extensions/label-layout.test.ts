import { describe, expect, it } from 'vitest';
import { LABEL_BOX, placeLabels } from '../../extensions/calcification/tools/label-layout.js';

const text = '0.42 × 0.31 mm (detector)';
const width = text.length * LABEL_BOX.charWidthPx + LABEL_BOX.paddingPx;

describe('placeLabels', () => {
  it('keeps labels that do not overlap', () => {
    const keep = placeLabels([
      { key: 'a', at: [0, 0], text, priority: false },
      { key: 'b', at: [0, LABEL_BOX.heightPx], text, priority: false },
      { key: 'c', at: [width, 0], text, priority: false },
    ]);
    expect([...keep].sort()).toEqual(['a', 'b', 'c']);
  });

  it('drops a label that would overlap one already placed, in order', () => {
    const keep = placeLabels([
      { key: 'a', at: [0, 0], text, priority: false },
      { key: 'b', at: [width - 1, LABEL_BOX.heightPx - 1], text, priority: false },
      { key: 'c', at: [10, 5], text, priority: false },
    ]);
    expect([...keep]).toEqual(['a']);
  });

  it('places the selected or hovered label first', () => {
    const keep = placeLabels([
      { key: 'a', at: [0, 0], text, priority: false },
      { key: 'b', at: [10, 5], text, priority: true },
    ]);
    expect([...keep]).toEqual(['b']);
  });
});

describe('placeLabels with the drawn width', () => {
  it('uses the measured box width when given instead of the estimate', () => {
    // A narrow measured label leaves room for the next one where the estimate would not.
    const keep = placeLabels([
      { key: 'a', at: [0, 0], text, priority: false, widthPx: 60 },
      { key: 'b', at: [61, 0], text, priority: false, widthPx: 60 },
    ]);
    expect([...keep].sort()).toEqual(['a', 'b']);
    const estimated = placeLabels([
      { key: 'a', at: [0, 0], text, priority: false },
      { key: 'b', at: [61, 0], text, priority: false },
    ]);
    expect([...estimated]).toEqual(['a']);
  });
});
