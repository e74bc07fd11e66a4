/**
 * How one mammogram is put on screen: the stack, the hanging flips and the VOI window and function
 * from the header (set explicitly after setStack: the loader can lose the window when the file has
 * a VOI LUT Function), and MONOCHROME1 shown inverted (set explicitly too, see applyHeaderWindow).
 */
import { Enums, utilities, type Types } from '@cornerstonejs/core';
import type { ImageMetadata } from '../../core/image.js';
import type { Flips } from '../hanging/hanging.js';

/** The VOI LUT function Cornerstone should use for the header's VOI LUT Function. */
export function voiFunctionFor(meta: Pick<ImageMetadata, 'voiLutFunction'>): Enums.VOILUTFunctionType {
  const f = (meta.voiLutFunction ?? '').trim().toUpperCase();
  if (f === 'SIGMOID') return Enums.VOILUTFunctionType.SAMPLED_SIGMOID;
  if (f === 'LINEAR_EXACT') return Enums.VOILUTFunctionType.LINEAR_EXACT;
  return Enums.VOILUTFunctionType.LINEAR;
}

/**
 * Shows one image in a stack viewport, hung and windowed as its header says. `stillWanted` is asked
 * after the image has loaded: a viewport given up meanwhile (disabled, re-created) is left alone.
 */
export async function displayImage(viewport: Types.IStackViewport, imageId: string, meta: ImageMetadata, flips: Flips, stillWanted: () => boolean = () => true): Promise<void> {
  await viewport.setStack([imageId]);
  if (!stillWanted()) return;
  viewport.setCamera({ flipHorizontal: flips.flipHorizontal, flipVertical: flips.flipVertical });
  applyHeaderWindow(viewport, meta);
  viewport.render();
}

/**
 * Sets the first window of the header (or leaves Cornerstone's own when the header has none), its
 * VOI LUT function, and the MONOCHROME1 inversion: low stored values white. Cornerstone's own
 * inversion is not applied when a new viewport gets its first image (seen with 5.x: the viewport
 * comes up with invert false), so it is set here from the header every time.
 */
export function applyHeaderWindow(viewport: Types.IStackViewport, meta: ImageMetadata): void {
  const w = meta.windows[0];
  const VOILUTFunction = voiFunctionFor(meta);
  const invert = meta.photometric === 'MONOCHROME1';
  if (w === undefined || !(w.width > 0)) {
    viewport.setProperties({ VOILUTFunction, invert });
    return;
  }
  const voiRange = utilities.windowLevel.toLowHighRange(w.width, w.center, VOILUTFunction);
  viewport.setProperties({ voiRange, VOILUTFunction, invert });
}
