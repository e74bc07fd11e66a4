/**
 * generatePhantom: one deterministic mammography phantom image as DICOM bytes, its truth and
 * its stored pixels. Same options (and seed) → same bytes.
 */
import type { PhantomOptions } from './phantom-options.js';
import { DEFAULT_PATIENT, TRANSFER_SYNTAX_UIDS } from './phantom-options.js';
import { renderPhantom } from './render-phantom.js';
import type { PhantomTruth } from './truth.js';
import { hashString } from './random.js';
import { uidFor } from './uids.js';
import { ds, writeMammogramDicom } from './write-dicom.js';

export const SOURCE_TO_DETECTOR_MM = 660;

export interface Phantom {
  readonly dicom: Uint8Array;
  readonly truth: PhantomTruth;
  /** Stored pixel values (row-major, as written: MONOCHROME1 already inverted). */
  readonly pixels: Uint16Array;
}

/** Display 0–1 → stored value; MONOCHROME1 stores max − value so that dense stays bright on display. */
export function quantise(display: Float32Array, bitsStored: number, photometric: 'MONOCHROME1' | 'MONOCHROME2'): Uint16Array {
  const max = 2 ** bitsStored - 1;
  const out = new Uint16Array(display.length);
  const invert = photometric === 'MONOCHROME1';
  for (let i = 0; i < display.length; i++) {
    const v = Math.round(Math.min(1, Math.max(0, display[i] as number)) * max);
    out[i] = invert ? max - v : v;
  }
  return out;
}

/**
 * Makes one phantom.
 * @example const { dicom, truth } = await generatePhantom(phantomOptions({ seed: 3, view: 'MLO' }));
 */
export async function generatePhantom(o: PhantomOptions): Promise<Phantom> {
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw new RangeError(`seed must be an integer 0–4294967295, got ${o.seed}`);
  const r = renderPhantom(o);
  if (r.bitsStored < 8 || r.bitsStored > 16) throw new RangeError(`bitsStored must be 8–16, got ${r.bitsStored}`);
  const pixels = quantise(r.display, r.bitsStored, o.photometric);
  const max = 2 ** r.bitsStored - 1;
  const mono1 = o.photometric === 'MONOCHROME1';
  const at = (f: number): number => (mono1 ? max - f * max : f * max);
  const study = o.study ?? {
    studyInstanceUid: uidFor(`study-${o.seed}`),
    date: '20260310',
    time: '093000',
    accessionNumber: `PH${o.seed}`,
    description: 'MAMMOGRAPHY PHANTOM',
  };
  const acq = o.acquisition;
  const acqTag = acq === undefined ? '' : `-acq${hashString(JSON.stringify(acq))}-${r.imagerPixelSpacingMm}`;
  const tag = `${o.seed}-${o.side}-${o.view}-${study.studyInstanceUid}-${o.photometric}-${o.syntax}-${o.magnification}-${o.pixelSpacingGeometry}-${r.bitsStored}-${r.rows}x${r.columns}${acqTag}`;
  // The file's Pixel Spacing is a decimal string: the truth uses exactly the value a reader parses.
  const spacingForPixelSpacing = o.pixelSpacingGeometry ? Number(ds(r.objectSpacingMm)) : null;
  const dicom = await writeMammogramDicom({
    rows: r.rows,
    columns: r.columns,
    stored: pixels,
    bitsStored: r.bitsStored,
    photometric: o.photometric,
    syntax: o.syntax,
    side: o.side,
    view: o.view,
    magnification: o.magnification,
    patientOrientation: r.patientOrientation,
    imagerPixelSpacingMm: r.imagerPixelSpacingMm,
    magnificationFactor: r.magnificationFactor,
    sourceToDetectorMm: SOURCE_TO_DETECTOR_MM,
    pixelSpacingMm: spacingForPixelSpacing,
    windows: [
      { center: at(0.45), width: 0.7 * max, explanation: 'STANDARD' },
      { center: at(0.55), width: 0.45 * max, explanation: 'DENSE' },
    ],
    patient: o.patient ?? DEFAULT_PATIENT,
    patientAgeYears: o.patientAgeYears ?? 58,
    study,
    sopInstanceUid: uidFor(`sop-${tag}`),
    seriesInstanceUid: study.seriesInstanceUid ?? uidFor(`series-${tag}`),
    implantPresent: o.breastImplantPresent ?? false,
    ...(acq === undefined
      ? {}
      : {
          voiFunction: acq.voiFunction,
          burnedInAnnotation: (r.acquisition?.burnedIn.length ?? 0) > 0,
          detector: acq.detector === 'film' ? 'film' : acq.blurSigmaMm < 0.03 ? 'direct' : 'scintillator',
        }),
  });
  const truth: PhantomTruth = {
    schema: 'calcscribe-phantom-truth/1',
    seed: o.seed,
    rows: r.rows,
    columns: r.columns,
    laterality: o.side,
    view: o.view,
    magnification: o.magnification,
    patientOrientation: r.patientOrientation,
    photometric: o.photometric,
    bitsStored: r.bitsStored,
    transferSyntaxUid: TRANSFER_SYNTAX_UIDS[o.syntax],
    nipple: r.nipple,
    chestWallEdge: r.chestWallEdge,
    calibration: o.pixelSpacingGeometry
      ? { kind: 'geometry', spacingMm: spacingForPixelSpacing ?? r.objectSpacingMm, source: 'Pixel Spacing (0028,0030), calibration type GEOMETRY' }
      : {
          kind: 'magnification-corrected',
          spacingMm: r.objectSpacingMm,
          source: `Imager Pixel Spacing (0018,1164) ${r.imagerPixelSpacingMm} / ERMF (0018,1114) ${r.magnificationFactor}`,
        },
    imagerPixelSpacingMm: r.imagerPixelSpacingMm,
    estimatedMagnificationFactor: r.magnificationFactor,
    pixelSpacingMm: spacingForPixelSpacing,
    groups: r.groups,
    calcifications: r.calcifications,
    ...(r.acquisition !== undefined ? { acquisition: r.acquisition } : {}),
  };
  return { dicom, truth, pixels };
}
