import { describe, expect, it } from 'vitest';
import { drawAcquisition } from '../../test-data/generator/acquisition.js';
import { phantomOptions } from '../../test-data/generator/phantom-options.js';
import { makeRandom } from '../../test-data/generator/random.js';
import { imagingChainPart, isImagingChainPart } from './imaging-chain-part.js';

const drawn = drawAcquisition({ detector: 'ffdm', pixelMm: 0.05, blur: 'soft', noise: 'high', processing: 'log+unsharp+sigmoid' }, makeRandom(7), 'CC', 'R');
const options = phantomOptions({ seed: 7, imagerPixelSpacingMm: drawn.imagerPixelSpacingMm, acquisition: drawn.acquisition });

describe('imaging chain parts for the ideal-observer check', () => {
  it('takes out the blur and the noise, and nothing else', () => {
    const a = drawn.acquisition;
    const ideal = imagingChainPart(options, 'ideal').acquisition;
    expect(ideal?.blurSigmaMm).toBeLessThan(0.001);
    expect([ideal?.quantumNoiseSd, ideal?.electronicNoiseSd, ideal?.filmGrainSd]).toEqual([0, 0, 0]);
    expect(ideal?.unsharp).toEqual(a.unsharp);
    expect(ideal?.burnedIn).toEqual(a.burnedIn);

    const blur = imagingChainPart(options, 'blur').acquisition;
    expect(blur?.blurSigmaMm).toBe(a.blurSigmaMm);
    expect(blur?.quantumNoiseSd).toBe(0);

    const noise = imagingChainPart(options, 'noise').acquisition;
    expect(noise?.blurSigmaMm).toBeLessThan(0.001);
    expect(noise?.quantumNoiseSd).toBe(a.quantumNoiseSd);
    expect(noise?.quantumNoiseSd).toBeGreaterThan(0);
    expect(noise?.electronicNoiseSd).toBe(a.electronicNoiseSd);

    expect(imagingChainPart(options, 'full')).toBe(options);
  });

  it('names only the four parts', () => {
    expect(['ideal', 'blur', 'noise', 'full'].every(isImagingChainPart)).toBe(true);
    expect(isImagingChainPart('none')).toBe(false);
  });
});
