/**
 * Options of one phantom image, with the defaults a small committed test image uses.
 */
import type { DistributionTerm, MorphologyTerm } from '../../src/core/lexicon.js';
import type { AcquisitionOptions } from './acquisition.js';
import type { BreastPoint, PhantomView, Side } from './breast-model.js';
import type { SizeRangeChoice } from './morphology-sizes.js';

export type TransferSyntaxChoice = 'explicit' | 'implicit' | 'jpeg-ls';

export const TRANSFER_SYNTAX_UIDS: Record<TransferSyntaxChoice, string> = {
  explicit: '1.2.840.10008.1.2.1',
  implicit: '1.2.840.10008.1.2',
  'jpeg-ls': '1.2.840.10008.1.2.4.80',
};

/** One finding to draw: `count` is the number of deposits (a duct cast or vessel has several particles). */
export interface FindingSpec {
  readonly morphology: MorphologyTerm;
  readonly distribution: DistributionTerm;
  readonly count: number;
  /** Group id in the truth; defaults to "g1", "g2", … */
  readonly id?: string;
  /** Seed of this finding's placement and shapes: the same seed draws the same finding on a prior. */
  readonly seed?: number;
  /** Fix the finding's centre in the breast frame. */
  readonly centre?: BreastPoint;
  /** Centre this finding on an earlier finding's centre (e.g. a suture at the lumpectomy site). */
  readonly placeWith?: string;
  readonly note?: string;
  /** 'typical' (default): the sizes the shape recipes draw; 'whole': the term's whole size range (morphology-sizes.ts). */
  readonly sizeRange?: SizeRangeChoice;
  /**
   * Grouped only: radius (mm) of the ball the deposits are drawn in. Default 3–4.5 mm, or 6–8 mm
   * for millimetre-sized deposits (place-findings.ts).
   */
  readonly groupRadiusMm?: number;
}

export interface PatientInfo {
  readonly name: string;
  readonly id: string;
  /** YYYYMMDD */
  readonly birthDate: string;
}

export interface StudyInfo {
  readonly studyInstanceUid: string;
  /** YYYYMMDD */
  readonly date: string;
  /** HHMMSS */
  readonly time: string;
  readonly accessionNumber: string;
  readonly description: string;
  readonly seriesInstanceUid?: string;
  readonly seriesNumber?: number;
  readonly instanceNumber?: number;
}

export interface PhantomOptions {
  readonly seed: number;
  readonly side: Side;
  readonly view: PhantomView;
  /** 'small' = 1024 × 832 at 0.1 mm, 'full' = 4096 × 3328 at 0.07 mm, or explicit rows/columns. */
  readonly size: 'small' | 'full' | { readonly rows: number; readonly columns: number };
  /** Detector pixel spacing (Imager Pixel Spacing); default 0.1 (small) or 0.07 (full). */
  readonly imagerPixelSpacingMm?: number;
  readonly photometric: 'MONOCHROME1' | 'MONOCHROME2';
  /** 8–16 (8 is written with Bits Allocated 8); default 14 (small) or 16 (full). */
  readonly bitsStored?: number;
  readonly syntax: TransferSyntaxChoice;
  /** Write Pixel Spacing (0028,0030) with Pixel Spacing Calibration Type GEOMETRY. */
  readonly pixelSpacingGeometry: boolean;
  /** Magnification view: View Modifier "magnification", ERMF 1.8. */
  readonly magnification: boolean;
  readonly findings: readonly FindingSpec[];
  /** Seed of the breast's anatomy (shape and texture); defaults to `seed`. Same patient = same anatomy seed. */
  readonly anatomySeed?: number;
  readonly patient?: PatientInfo;
  readonly study?: StudyInfo;
  readonly patientAgeYears?: number;
  readonly breastImplantPresent?: boolean;
  /**
   * Detector blur and noise, processing, burned-in letters, film and paddle edges (acquisition.ts).
   * Absent: the phantom is drawn exactly as before (blur 0.6 px, white noise 0.006, nothing else).
   */
  readonly acquisition?: AcquisitionOptions;
}

export const DEFAULT_PATIENT: PatientInfo = { name: 'PHANTOM^CALCSCRIBE', id: 'PHANTOM-0001', birthDate: '19660101' };

/** Fills defaults; `overrides` wins. */
export function phantomOptions(overrides: Partial<PhantomOptions> = {}): PhantomOptions {
  return {
    seed: 1,
    side: 'R',
    view: 'CC',
    size: 'small',
    photometric: 'MONOCHROME2',
    syntax: 'explicit',
    pixelSpacingGeometry: false,
    magnification: false,
    findings: [{ morphology: 'fine pleomorphic', distribution: 'grouped', count: 8 }],
    ...overrides,
  };
}

export interface ResolvedSize {
  readonly rows: number;
  readonly columns: number;
  readonly imagerPixelSpacingMm: number;
  readonly bitsStored: number;
}

export function resolveSize(o: PhantomOptions): ResolvedSize {
  const full = o.size === 'full';
  const dims = o.size === 'small' ? { rows: 1024, columns: 832 } : full ? { rows: 4096, columns: 3328 } : o.size;
  return {
    rows: dims.rows,
    columns: dims.columns,
    imagerPixelSpacingMm: o.imagerPixelSpacingMm ?? (full ? 0.07 : 0.1),
    bitsStored: o.bitsStored ?? (full ? 16 : 14),
  };
}
