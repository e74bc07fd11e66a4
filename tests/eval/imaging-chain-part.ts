/**
 * A phantom drawn through part of the imaging chain, for the ideal-observer check of the describe
 * rules (docs/describe-rules.md, "sixth round"): the same seeds, deposits, anatomy, processing and
 * artefacts, with the detector's blur and/or noise taken out.
 */
import type { PhantomOptions } from '../../test-data/generator/index.js';

export const IMAGING_CHAIN_PARTS = ['ideal', 'blur', 'noise', 'full'] as const;
export type ImagingChainPart = (typeof IMAGING_CHAIN_PARTS)[number];

export function isImagingChainPart(v: string): v is ImagingChainPart {
  return (IMAGING_CHAIN_PARTS as readonly string[]).includes(v);
}

/**
 * Without blur: a Gaussian of 10⁻⁴ mm, under a thousandth of the finest pixel (a σ of 0 has no
 * kernel); partial volume over each pixel stays, as it does on any detector. Without noise: no
 * quantum, electronic or grain noise (the breast's texture stays: it is anatomy).
 */
export function imagingChainPart(o: PhantomOptions, part: ImagingChainPart): PhantomOptions {
  const a = o.acquisition;
  if (a === undefined || part === 'full') return o;
  const noBlur = part === 'ideal' || part === 'noise';
  const noNoise = part === 'ideal' || part === 'blur';
  return {
    ...o,
    acquisition: {
      ...a,
      ...(noBlur ? { blurSigmaMm: 1e-4 } : {}),
      ...(noNoise ? { quantumNoiseSd: 0, electronicNoiseSd: 0, filmGrainSd: 0 } : {}),
    },
  };
}
