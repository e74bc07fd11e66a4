/**
 * Puts fitImage's fit on a Cornerstone stack viewport: the camera's zoom (parallel scale) and
 * focal point are set so that the image's outer pixel edges land on the fitted rectangle. The
 * image's proportions on screen are read from the viewport itself (its world → canvas mapping),
 * so the pixel spacing Cornerstone draws with and the hanging flips are both respected.
 */
import type { Types } from '@cornerstonejs/core';
import type { Result } from 'calcscribe/core';
import { pixelToWorld } from '../tools/coordinates.js';
import { fitImage, type ImageFit, type ViewportEdge } from './fit-image.js';

const add = (a: Types.Point3, b: readonly number[]): Types.Point3 => [a[0] + (b[0] as number), a[1] + (b[1] as number), a[2] + (b[2] as number)];
const sub = (a: Types.Point3, b: Types.Point3): Types.Point3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

/**
 * Fits the image shown in `viewport` (stored size columns × rows) into a drawing area of `size`
 * CSS pixels, chest wall against `chestWallEdge`. Does not render.
 */
export function fitCamera(
  viewport: Types.IStackViewport,
  imageId: string,
  columns: number,
  rows: number,
  size: { readonly width: number; readonly height: number },
  chestWallEdge: ViewportEdge | null,
): Result<ImageFit> {
  const canvasAt = (x: number, y: number): Types.Point2 => viewport.worldToCanvas(pixelToWorld(imageId, { x, y }));
  const a = canvasAt(-0.5, -0.5);
  const b = canvasAt(columns - 0.5, rows - 0.5);
  const shownWidth = Math.abs(b[0] - a[0]);
  const shownHeight = Math.abs(b[1] - a[1]);
  // The current on-screen size of a column and a row: their ratio is the pixel aspect Cornerstone draws.
  const fit = fitImage({ columns, rows, columnSpacing: shownWidth / columns, rowSpacing: shownHeight / rows }, size, chestWallEdge);
  if (!fit.ok) return fit;
  const { rect } = fit.value;
  const camera = viewport.getCamera();
  const centre = pixelToWorld(imageId, { x: (columns - 1) / 2, y: (rows - 1) / 2 });
  const focalPoint = camera.focalPoint ?? centre;
  const position = camera.position ?? centre;
  const parallelScale = camera.parallelScale ?? 1;
  // Image centre at the canvas centre, scaled so its height is the fitted height.
  viewport.setCamera({ focalPoint: centre, position: add(position, sub(centre, focalPoint)), parallelScale: (parallelScale * shownHeight) / (rect.y1 - rect.y0) });
  // Then moved so its centre is at the fitted rectangle's centre.
  const cx = (rect.x0 + rect.x1) / 2;
  const cy = (rect.y0 + rect.y1) / 2;
  const target = viewport.canvasToWorld([size.width - cx, size.height - cy]);
  const moved = viewport.getCamera();
  const shift = sub(target, moved.focalPoint ?? centre);
  viewport.setCamera({ focalPoint: target, position: add(moved.position ?? centre, shift) });
  return fit;
}
