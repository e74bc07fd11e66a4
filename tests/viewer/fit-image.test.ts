/** Fitting a mammogram whole into its viewport, chest wall against the edge towards the middle of the screen. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chestWallEdgeFor, fitImage, shownFraction, touchesEdge, type ImageFit } from '../../extensions/calcification/viewport/fit-image.js';

function fitted(r: ReturnType<typeof fitImage>): ImageFit {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('fitImage', () => {
  it('the GE right MLO (2394 × 3062, square pixels) in a 960 × 540 quarter: full height, chest wall on the right edge', () => {
    const f = fitted(fitImage({ columns: 2394, rows: 3062, columnSpacing: 0.0941, rowSpacing: 0.0941 }, { width: 960, height: 540 }, 'right'));
    expect(f.rect.y0).toBeCloseTo(0, 9);
    expect(f.rect.y1).toBeCloseTo(540, 9);
    expect(f.rect.x1).toBeCloseTo(960, 9);
    expect(f.rect.x1 - f.rect.x0).toBeCloseTo((2394 / 3062) * 540, 9);
    expect(f.pxPerColumn).toBeCloseTo(540 / 3062, 12);
    expect(f.pxPerRow).toBeCloseTo(540 / 3062, 12);
    expect(shownFraction(f.rect, { width: 960, height: 540 })).toBeCloseTo(1, 12);
  });

  it('a landscape image in a portrait viewport fills the width and is centred vertically; a left breast goes against the left edge', () => {
    const f = fitted(fitImage({ columns: 1200, rows: 800, columnSpacing: 1, rowSpacing: 1 }, { width: 300, height: 900 }, 'left'));
    expect(f.rect).toEqual({ x0: 0, y0: 350, x1: 300, y1: 550 });
  });

  it('keeps the physical proportions of non-square pixels (rows 0.2 mm apart, columns 0.1 mm)', () => {
    const f = fitted(fitImage({ columns: 1000, rows: 1000, columnSpacing: 0.1, rowSpacing: 0.2 }, { width: 1000, height: 1000 }, null));
    expect(f.rect.y1 - f.rect.y0).toBeCloseTo(1000, 9);
    expect(f.rect.x1 - f.rect.x0).toBeCloseTo(500, 9);
    expect(f.rect.x0).toBeCloseTo(250, 9);
    expect(f.pxPerRow / f.pxPerColumn).toBeCloseTo(2, 12);
  });

  it('refuses an empty image, zero spacing and a viewport without area, saying which', () => {
    const image = { columns: 10, rows: 10, columnSpacing: 1, rowSpacing: 1 };
    const refused = [
      fitImage({ ...image, columns: 0 }, { width: 10, height: 10 }, 'right'),
      fitImage({ ...image, rowSpacing: 0 }, { width: 10, height: 10 }, 'right'),
      fitImage(image, { width: 10, height: 0 }, 'right'),
    ];
    expect(refused.map((r) => (r.ok ? 'fitted' : r.error.message))).toEqual([
      'an image of 0 × 10 pixels cannot be fitted',
      'pixel spacing 1 × 0 cannot be fitted',
      'a viewport of 10 × 0 CSS pixels has no room for an image',
    ]);
  });

  it('for any image and viewport: the whole image is inside, one side fills the viewport, the chest wall touches its edge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 6000 }),
        fc.integer({ min: 16, max: 6000 }),
        fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: 40, max: 3000 }),
        fc.integer({ min: 40, max: 3000 }),
        fc.constantFrom('left' as const, 'right' as const),
        (columns, rows, spacing, aspect, width, height, edge) => {
          const viewport = { width, height };
          const f = fitted(fitImage({ columns, rows, columnSpacing: spacing, rowSpacing: spacing * aspect }, viewport, edge));
          const eps = 1e-6;
          expect(f.rect.x0).toBeGreaterThanOrEqual(-eps);
          expect(f.rect.y0).toBeGreaterThanOrEqual(-eps);
          expect(f.rect.x1).toBeLessThanOrEqual(width + eps);
          expect(f.rect.y1).toBeLessThanOrEqual(height + eps);
          expect(Math.max((f.rect.x1 - f.rect.x0) / width, (f.rect.y1 - f.rect.y0) / height)).toBeCloseTo(1, 9);
          expect(shownFraction(f.rect, viewport)).toBeCloseTo(1, 9);
          expect(touchesEdge(f.rect, viewport, edge)).toBe(true);
          expect(touchesEdge(f.rect, viewport, edge === 'left' ? 'right' : 'left')).toBe(Math.abs(f.rect.x1 - f.rect.x0 - width) <= 1);
        },
      ),
    );
  });
});

describe('what a displayed rectangle shows', () => {
  it('the fraction inside the viewport: a quarter cut off at the bottom shows 0.75', () => {
    expect(shownFraction({ x0: 0, y0: 0, x1: 100, y1: 400 }, { width: 100, height: 300 })).toBeCloseTo(0.75, 12);
    expect(shownFraction({ x0: -50, y0: 0, x1: 50, y1: 100 }, { width: 100, height: 100 })).toBeCloseTo(0.5, 12);
    expect(shownFraction({ x0: 200, y0: 0, x1: 300, y1: 100 }, { width: 100, height: 100 })).toBe(0);
  });

  it('the chest-wall edge touches within a pixel, not beyond', () => {
    const viewport = { width: 500, height: 400 };
    expect(touchesEdge({ x0: 100, y0: 0, x1: 499.2, y1: 400 }, viewport, 'right')).toBe(true);
    expect(touchesEdge({ x0: 100, y0: 0, x1: 480, y1: 400 }, viewport, 'right')).toBe(false);
    expect(touchesEdge({ x0: 0.5, y0: 0, x1: 300, y1: 400 }, viewport, 'left')).toBe(true);
    expect(touchesEdge({ x0: 76, y0: 0, x1: 442, y1: 400 }, viewport, 'left')).toBe(false);
  });

  it('right breasts go against the right edge of their viewport, left breasts the left, others centred', () => {
    expect(chestWallEdgeFor('R')).toBe('right');
    expect(chestWallEdgeFor('L')).toBe('left');
    expect(chestWallEdgeFor('B')).toBeNull();
    expect(chestWallEdgeFor(null)).toBeNull();
  });
});
