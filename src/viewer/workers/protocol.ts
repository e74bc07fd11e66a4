/**
 * Messages between the viewer and its analysis worker. The worker decodes each image once and
 * holds it (one MammoImage per image key) to run the core on; the decoded pixels come back with the
 * ingest reply (shared, when the page is cross-origin isolated) for the display and the UI thread.
 */
import type { AnalysedCalcification, FindingRequest } from '../../core/analyze.js';
import type { Calibration, CalibrationKind, ImageMetadata, StoredPixels } from '../../core/image.js';
import type { DraftImage } from '../../core/draft/exam-draft.js';
import type { CalcscribeError } from '../../core/result.js';
import type { LeftOutDensity } from '../../core/left-out-densities.js';

/** What the viewer keeps of an ingested image: everything but the pixels. */
export interface ImageSummary {
  readonly key: string;
  readonly rows: number;
  readonly columns: number;
  readonly meta: ImageMetadata;
  readonly calibration: Calibration;
}

export type WorkerRequest =
  | {
      readonly id: number;
      readonly type: 'ingest';
      readonly key: string;
      readonly bytes: ArrayBuffer;
      /** A shorter time limit on decoding its frame (the test build's browser tests only; else the core's). */
      readonly decodeTimeLimitMs?: number;
    }
  | { readonly id: number; readonly type: 'analyse'; readonly key: string; readonly request: FindingRequest }
  | { readonly id: number; readonly type: 'forget'; readonly key: string }
  /** Starts the analysis of a drawn scene, step by step, so that the first clicks run compiled code (warm-up.ts); answered at once. */
  | { readonly id: number; readonly type: 'prepare' }
  /** The image keys the worker holds decoded now. */
  | { readonly id: number; readonly type: 'held' }
  /** What the exam draft keeps of the image (finds the breast once; later analyses reuse it). */
  | { readonly id: number; readonly type: 'draftImage'; readonly key: string; readonly draftImageId: string; readonly role: 'current' | 'prior' };

export type WorkerReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly type: 'ingest';
      readonly summary: ImageSummary;
      /** The decoded stored values, row-major (in a SharedArrayBuffer when the page is cross-origin isolated). */
      readonly pixels: StoredPixels;
      /** The file's bytes before its Pixel Data element: the header, for the display's metadata. */
      readonly header: ArrayBuffer;
      /** How many times the worker has decoded this image key (1 unless it was ingested again). */
      readonly decodes: number;
    }
  /**
   * The calcifications of the request, outlined, measured and described (analyseCalcifications):
   * what the viewer shows and keeps of a click; the finding they join is derived on the page.
   * `leftOutDensities`: what a rectangle or lasso found and left out (said in the status line).
   */
  | {
      readonly id: number;
      readonly ok: true;
      readonly type: 'analyse';
      readonly calibrationKind: CalibrationKind;
      readonly calcifications: readonly AnalysedCalcification[];
      readonly leftOutDensities: readonly LeftOutDensity[];
      readonly ms: number;
    }
  | { readonly id: number; readonly ok: true; readonly type: 'forget' }
  | { readonly id: number; readonly ok: true; readonly type: 'prepare' }
  | { readonly id: number; readonly ok: true; readonly type: 'held'; readonly keys: readonly string[] }
  | { readonly id: number; readonly ok: true; readonly type: 'draftImage'; readonly image: DraftImage }
  | { readonly id: number; readonly ok: false; readonly error: CalcscribeError };
