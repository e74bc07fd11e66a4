/** The real mammograms as the viewer hangs them: whole in each quarter of common screens, chest wall at the middle. */
import { describe, expect, it } from 'vitest';
import { displayFitOfRealImages, HANGING_QUARTERS, type DisplayFitRow } from './display-fit.js';

describe('display fit of the real mammograms', () => {
  it('the GE right MLO is shown whole with its chest wall (found on the image) touching the middle, in every quarter', async () => {
    const all = await displayFitOfRealImages();
    const ge = all.filter((r): r is DisplayFitRow => r.file === 'ge-senographe-essential-rmlo.dcm' && 'screen' in r);
    expect(ge.map((r) => r.screen)).toEqual(HANGING_QUARTERS.map((q) => q.screen));
    for (const r of ge) {
      expect(r.shownFraction, r.screen).toBeCloseTo(1, 9);
      expect(r.chestWallTouchesMiddle, r.screen).toBe(true);
      expect(r.chestWallOnImage).toBe('right (image, confirmed by patient orientation)');
    }
    // Every file is accounted for: a row per quarter, or the reason it cannot be shown.
    for (const file of new Set(all.map((r) => r.file))) {
      const rows = all.filter((r) => r.file === file);
      const refused = rows.filter((r) => 'refused' in r);
      if (refused.length > 0) expect(rows.length).toBe(1);
      else expect(rows.length).toBe(HANGING_QUARTERS.length);
      for (const r of refused) expect('refused' in r && r.refused.length > 0).toBe(true);
    }
    expect(new Set(all.map((r) => r.file)).size).toBe(3);
  });
});
