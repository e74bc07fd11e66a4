/**
 * The breast without findings, on a 0–1 display scale (higher = denser): dark background,
 * fatty tissue, fibroglandular texture concentrated behind the nipple, a thin skin line and,
 * on MLO / ML views, the pectoral muscle.
 */
import type { BreastModel, ViewGeometry } from './breast-model.js';
import { powerLawTexture } from './power-law-texture.js';
import type { Random } from './random.js';

/** Spectral exponent of mammographic parenchyma. */
export const PARENCHYMA_BETA = 3;
export const BACKGROUND_LEVEL = 0.03;

export function renderBreast(model: BreastModel, g: ViewGeometry, random: Random): Float32Array {
  const { rows, columns, spacingMm } = model;
  const texture = powerLawTexture(rows, columns, PARENCHYMA_BETA, random);
  const out = new Float32Array(rows * columns);
  const density = random.uniform(0.7, 1.1);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const i = y * columns + x;
      const { q, skinMm } = g.radial(x, y);
      if (q >= 1) {
        out[i] = BACKGROUND_LEVEL;
        continue;
      }
      const t = texture[i] as number;
      const fromNippleX = Math.abs(x - g.nipple.x) * spacingMm / model.depthMm;
      const dy = (y - g.nipple.y) * spacingMm / (model.depthMm * 0.7);
      // Glandular envelope: densest a third to a half of the way back, fading toward skin and chest wall.
      const env = Math.exp(-(((fromNippleX - 0.42) / 0.3) ** 2) - dy * dy) * density;
      const edge = Math.min(1, Math.max(0, skinMm / 8));
      let v = 0.2 + 0.1 * Math.sqrt(edge) + env * (0.15 + 0.13 * t) + 0.04 * t;
      if (skinMm < 0.6) v += 0.06 * (1 - skinMm / 0.6);
      if (skinMm < spacingMm) v = BACKGROUND_LEVEL + (v - BACKGROUND_LEVEL) * Math.max(0, skinMm / spacingMm);
      if (g.inPectoral(x, y)) v = 0.58 + 0.03 * t;
      out[i] = Math.min(0.95, Math.max(BACKGROUND_LEVEL, v));
    }
  }
  return out;
}
