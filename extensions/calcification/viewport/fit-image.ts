/**
 * How a mammogram is fitted into its viewport: the whole image inside (a portrait MLO in a
 * landscape viewport too), at the largest size that allows it, with its chest-wall edge on the
 * viewport edge towards the middle of the screen (so a right and a left view meet back to back)
 * and centred vertically. Pure: no DOM, no Cornerstone; the viewer turns the result into a camera
 * and the evaluation calls it from Node.
 */
import { err, ok, type Result } from 'calcscribe/core';

/** A stored image's size and the physical spacing of its columns and rows (only their ratio matters). */
export interface ImageGeometry {
  readonly columns: number;
  readonly rows: number;
  /** Distance between neighbouring columns (mm or any unit shared with rowSpacing); 1 when unknown. */
  readonly columnSpacing: number;
  /** Distance between neighbouring rows, in the same unit as columnSpacing. */
  readonly rowSpacing: number;
}

/** A viewport's drawing area in CSS pixels. */
export interface ViewportSize {
  readonly width: number;
  readonly height: number;
}

/** A vertical edge of the viewport. */
export type ViewportEdge = 'left' | 'right';

/** A rectangle in a viewport, CSS pixels from its top-left corner. */
export interface ScreenRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface ImageFit {
  /** CSS pixels per stored column (horizontal scale) and per stored row (vertical scale). */
  readonly pxPerColumn: number;
  readonly pxPerRow: number;
  /** Where the whole image lies in the viewport (its outer pixel edges, not pixel centres). */
  readonly rect: ScreenRect;
}

/**
 * The fit of an image in a viewport. `chestWallEdge` is the viewport edge the chest wall goes to
 * (right for a right breast hung on the left of the screen, left for a left breast); null centres
 * the image. Fails for an empty image or a viewport without area (a view not laid out yet).
 */
export function fitImage(image: ImageGeometry, viewport: ViewportSize, chestWallEdge: ViewportEdge | null): Result<ImageFit> {
  const { columns, rows, columnSpacing, rowSpacing } = image;
  if (!(columns > 0 && rows > 0)) return err('bad-argument', `an image of ${columns} × ${rows} pixels cannot be fitted`);
  if (!(columnSpacing > 0 && rowSpacing > 0)) return err('bad-argument', `pixel spacing ${columnSpacing} × ${rowSpacing} cannot be fitted`);
  if (!(viewport.width > 0 && viewport.height > 0)) return err('bad-argument', `a viewport of ${viewport.width} × ${viewport.height} CSS pixels has no room for an image`);
  const width = columns * columnSpacing;
  const height = rows * rowSpacing;
  // CSS pixels per unit of physical length: the larger scale that keeps both sides inside.
  const scale = Math.min(viewport.width / width, viewport.height / height);
  const shownWidth = width * scale;
  const shownHeight = height * scale;
  const x0 = chestWallEdge === 'right' ? viewport.width - shownWidth : chestWallEdge === 'left' ? 0 : (viewport.width - shownWidth) / 2;
  const y0 = (viewport.height - shownHeight) / 2;
  return ok({ pxPerColumn: columnSpacing * scale, pxPerRow: rowSpacing * scale, rect: { x0, y0, x1: x0 + shownWidth, y1: y0 + shownHeight } });
}

/** The viewport edge a breast's chest wall is hung against: right breasts on the left of the screen, so their right edge. */
export function chestWallEdgeFor(laterality: string | null): ViewportEdge | null {
  return laterality === 'R' ? 'right' : laterality === 'L' ? 'left' : null;
}

/** The fraction (0–1) of an image's rectangle that lies inside the viewport. */
export function shownFraction(rect: ScreenRect, viewport: ViewportSize): number {
  const area = (rect.x1 - rect.x0) * (rect.y1 - rect.y0);
  if (!(area > 0)) return 0;
  const w = Math.max(0, Math.min(rect.x1, viewport.width) - Math.max(rect.x0, 0));
  const h = Math.max(0, Math.min(rect.y1, viewport.height) - Math.max(rect.y0, 0));
  return (w * h) / area;
}

/** Whether the image's edge on the given side lies on that viewport edge, within `tolerancePx`. */
export function touchesEdge(rect: ScreenRect, viewport: ViewportSize, edge: ViewportEdge, tolerancePx = 1): boolean {
  return edge === 'left' ? Math.abs(rect.x0) <= tolerancePx : Math.abs(rect.x1 - viewport.width) <= tolerancePx;
}
