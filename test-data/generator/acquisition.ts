/**
 * How a phantom is acquired and processed: detector blur and noise (quantum, electronic) of a
 * full-field digital detector or the grain of a digitised film, For Presentation processing
 * (unsharp masking, VOI LUT function), burned-in letters and lead markers, the film's edge and
 * the compression paddle's edge. Absent (`PhantomOptions.acquisition` undefined) the phantom
 * is drawn exactly as before: Gaussian blur of 0.6 px, white noise of 0.006, no processing.
 *
 * `drawAcquisition` draws a setting from the ranges of real systems (acquisition-ranges.ts).
 */
import type { RangeMm } from './acquisition-ranges.js';
import {
  DETECTOR_KERMA_RANGE_UGY,
  DIGITISER_SPOT_SIGMA_PER_PITCH,
  DQE_RANGE,
  ELECTRONIC_NOISE_EQUIVALENT_KERMA_UGY,
  FFDM_BLUR_SIGMA_RANGE_MM,
  FILM_GRAIN_SD_AT_50_UM,
  MARKER_LETTER_HEIGHT_MM,
  QUANTA_PER_MM2_PER_UGY,
  SCREEN_FILM_BLUR_SIGMA_RANGE_MM,
  TEXT_LETTER_HEIGHT_MM,
  UNSHARP_AMOUNT_RANGE,
  UNSHARP_SIGMA_RANGE_MM,
} from './acquisition-ranges.js';
import type { Random } from './random.js';

export type DetectorKind = 'ffdm' | 'film';

/** Letters burned into the pixels: a lead laterality / view marker (in the beam) or a text overlay. */
export interface BurnedInSpec {
  readonly kind: 'marker' | 'text';
  readonly text: string;
  readonly heightMm: number;
  /** Corner on the side away from the chest wall. */
  readonly corner: 'top' | 'bottom';
}

export interface FilmEdgeSpec {
  /** Which image edge the film's edge runs along ('anterior' = the edge away from the chest wall). */
  readonly edge: 'top' | 'bottom' | 'anterior';
  /** Width of the strip beyond the film (clear, brightest), mm at the object plane, at the strip's middle. */
  readonly widthMm: number;
  /** Tilt of the film's edge against the image edge, degrees. */
  readonly tiltDeg: number;
}

export interface PaddleEdgeSpec {
  /** Distance of the paddle's edge from the chest wall, mm at the object plane. */
  readonly fromChestWallMm: number;
  /** Width of the bright line the paddle's wall draws, mm. */
  readonly widthMm: number;
}

export interface AcquisitionOptions {
  readonly detector: DetectorKind;
  /** σ of the Gaussian presampling blur beyond the pixel aperture, mm at the detector. */
  readonly blurSigmaMm: number;
  /** Noise σ on the display scale at NOISE_REFERENCE_LEVEL (see acquisition-ranges.ts). */
  readonly quantumNoiseSd: number;
  readonly electronicNoiseSd: number;
  readonly filmGrainSd: number;
  /** Unsharp masking of For Presentation processing, or null. */
  readonly unsharp: { readonly sigmaMm: number; readonly amount: number } | null;
  /** VOI LUT Function (0028,1056) written with the windows. */
  readonly voiFunction: 'LINEAR' | 'SIGMOID';
  readonly burnedIn: readonly BurnedInSpec[];
  readonly filmEdge: FilmEdgeSpec | null;
  readonly paddleEdge: PaddleEdgeSpec | null;
}

/** A plain acquisition: FFDM, the legacy blur and noise figures, no processing or artefacts; `overrides` wins. */
export function acquisitionOptions(overrides: Partial<AcquisitionOptions> = {}): AcquisitionOptions {
  return {
    detector: 'ffdm',
    blurSigmaMm: 0.04,
    quantumNoiseSd: 0.006,
    electronicNoiseSd: 0,
    filmGrainSd: 0,
    unsharp: null,
    voiFunction: 'LINEAR',
    burnedIn: [],
    filmEdge: null,
    paddleEdge: null,
    ...overrides,
  };
}

/** Quantum noise σ at detector kerma `kermaUGy` for pixel pitch `pitchMm`: 1 / √(DQE · q · K · a²). */
export function quantumNoiseSd(pitchMm: number, kermaUGy: number, dqe: number): number {
  return 1 / Math.sqrt(dqe * QUANTA_PER_MM2_PER_UGY * kermaUGy * pitchMm * pitchMm);
}

/** Electronic noise σ, equal to the quantum noise at kerma `equivalentKermaUGy`: σ_q · √(K_e / K). */
export function electronicNoiseSd(quantumSd: number, kermaUGy: number, equivalentKermaUGy: number): number {
  return quantumSd * Math.sqrt(equivalentKermaUGy / kermaUGy);
}

/** Film grain σ at a digitiser pitch: Selwyn's law from the 50 µm figure. */
export function filmGrainSd(sdAt50Um: number, pitchMm: number): number {
  return (sdAt50Um * 0.05) / pitchMm;
}

/** Screen-film blur and the digitiser's spot, in quadrature. */
export function filmBlurSigmaMm(screenFilmSigmaMm: number, pitchMm: number, spotPerPitch: number): number {
  return Math.hypot(screenFilmSigmaMm, spotPerPitch * pitchMm);
}

/** A setting of the per-setting evaluation: each level is the low or high end of its documented range. */
export interface AcquisitionSetting {
  readonly detector: DetectorKind;
  readonly pixelMm: number;
  readonly blur: 'sharp' | 'soft';
  readonly noise: 'low' | 'high';
  readonly processing: 'log' | 'log+unsharp+sigmoid';
}

export interface DrawnAcquisition {
  readonly imagerPixelSpacingMm: number;
  readonly bitsStored: number;
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2';
  readonly acquisition: AcquisitionOptions;
}

/** The lower or upper third of a range, drawn uniformly. */
function tier(random: Random, r: RangeMm, level: 'low' | 'high'): number {
  const third = (r.max - r.min) / 3;
  return level === 'low' ? random.uniform(r.min, r.min + third) : random.uniform(r.max - third, r.max);
}

/**
 * Draws everything a setting leaves open (exact blur and noise within the setting's tier, bits
 * stored, photometric interpretation, processing strength, markers, film edge, paddle edge) from
 * the documented ranges.
 */
export function drawAcquisition(s: AcquisitionSetting, random: Random, view: 'CC' | 'MLO' | 'ML', side: 'R' | 'L'): DrawnAcquisition {
  const film = s.detector === 'film';
  let blurSigmaMm: number;
  let quantumSd = 0;
  let electronicSd = 0;
  let grainSd = 0;
  if (film) {
    const screen = tier(random, SCREEN_FILM_BLUR_SIGMA_RANGE_MM, s.blur === 'sharp' ? 'low' : 'high');
    blurSigmaMm = filmBlurSigmaMm(screen, s.pixelMm, tier(random, DIGITISER_SPOT_SIGMA_PER_PITCH, s.blur === 'sharp' ? 'low' : 'high'));
    grainSd = filmGrainSd(tier(random, FILM_GRAIN_SD_AT_50_UM, s.noise), s.pixelMm);
  } else {
    blurSigmaMm = tier(random, FFDM_BLUR_SIGMA_RANGE_MM, s.blur === 'sharp' ? 'low' : 'high');
    // High noise = low kerma and low DQE.
    const kerma = tier(random, DETECTOR_KERMA_RANGE_UGY, s.noise === 'low' ? 'high' : 'low');
    const dqe = tier(random, DQE_RANGE, s.noise === 'low' ? 'high' : 'low');
    quantumSd = quantumNoiseSd(s.pixelMm, kerma, dqe);
    electronicSd = electronicNoiseSd(quantumSd, kerma, tier(random, ELECTRONIC_NOISE_EQUIVALENT_KERMA_UGY, s.noise));
  }
  const processed = s.processing === 'log+unsharp+sigmoid';
  const bitsChoices = film ? [8, 10, 12, 16] : [10, 12, 14, 16];
  const marker = `${side} ${view}`;
  const burnedIn: BurnedInSpec[] = [
    { kind: 'marker', text: marker, heightMm: random.uniform(MARKER_LETTER_HEIGHT_MM.min, MARKER_LETTER_HEIGHT_MM.max), corner: 'top' },
    { kind: 'text', text: '2026-03-10', heightMm: random.uniform(TEXT_LETTER_HEIGHT_MM.min, TEXT_LETTER_HEIGHT_MM.max), corner: 'bottom' },
  ];
  const edges = ['top', 'bottom', 'anterior'] as const;
  return {
    imagerPixelSpacingMm: s.pixelMm,
    bitsStored: bitsChoices[random.int(0, bitsChoices.length - 1)] as number,
    photometric: random.next() < 0.25 ? 'MONOCHROME1' : 'MONOCHROME2',
    acquisition: {
      detector: s.detector,
      blurSigmaMm,
      quantumNoiseSd: quantumSd,
      electronicNoiseSd: electronicSd,
      filmGrainSd: grainSd,
      unsharp: processed
        ? { sigmaMm: random.uniform(UNSHARP_SIGMA_RANGE_MM.min, UNSHARP_SIGMA_RANGE_MM.max), amount: random.uniform(UNSHARP_AMOUNT_RANGE.min, UNSHARP_AMOUNT_RANGE.max) }
        : null,
      voiFunction: processed ? 'SIGMOID' : 'LINEAR',
      burnedIn,
      filmEdge: film ? { edge: edges[random.int(0, 2)] as FilmEdgeSpec['edge'], widthMm: random.uniform(1, 5), tiltDeg: random.uniform(-1.5, 1.5) } : null,
      // A spot-compression paddle's edge in the posterior part of the breast on one image in three.
      paddleEdge: random.next() < 1 / 3 ? { fromChestWallMm: random.uniform(8, 20), widthMm: random.uniform(0.5, 1.2) } : null,
    },
  };
}
