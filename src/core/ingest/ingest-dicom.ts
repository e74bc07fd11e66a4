/**
 * DICOM bytes → MammoImage. `ingestDicom` handles every supported transfer syntax (compressed
 * frames are decoded asynchronously by wasm codecs); `ingestUncompressed` is its synchronous
 * twin for native pixel data. Both return typed failures for bad input and never throw for it.
 */
import dicomParser from 'dicom-parser';
import type { DataSet, Element } from 'dicom-parser';
import { makeMammoImage, type ImageMetadata, type MammoImage, type StoredPixels } from '../image.js';
import { err, ok, type Result } from '../result.js';
import { checkMammography } from './check-mammography.js';
import { cleanText, clip } from './clean-text.js';
import { readText } from './dataset-values.js';
import type { CompressedEncoding, FrameDecoders } from './decode-compressed-frame.js';
import { TAG } from './dicom-tags.js';
import { readNativePixels, samples16, samples8 } from './native-pixels.js';
import { lossyCompressionWarning } from './lossy-compression.js';
import { readDicomBytes, type Inflate } from './parse-dicom-bytes.js';
import { readCalibration, type CalibrationReading } from './read-calibration.js';
import { readDescriptiveMetadata } from './read-metadata.js';
import { DEFAULT_MAX_PIXEL_BYTES, readNumberOfFrames, readPixelFormat, type PixelFormat } from './read-pixel-format.js';
import { readViewAndLaterality } from './read-view-and-laterality.js';
import { transferSyntax, type TransferSyntax } from './transfer-syntaxes.js';

export interface IngestOptions {
  /** Raw-DEFLATE inflater for Deflated Explicit VR Little Endian (e.g. node:zlib inflateRawSync). */
  readonly inflate?: Inflate;
  /** Largest frame accepted, in bytes (rows × columns × bytes per sample); default 512 MiB. */
  readonly maxPixelBytes?: number;
  /** Replacement frame decoders, by encoding (the built-in ones are used for the rest). */
  readonly decoders?: FrameDecoders;
}

interface Prepared {
  readonly ds: DataSet;
  readonly ts: TransferSyntax;
  readonly format: PixelFormat;
  readonly pixelData: Element;
  readonly meta: ImageMetadata;
  readonly calibration: CalibrationReading['calibration'];
}

/**
 * A For Processing image is the detector's raw data, before the vendor's processing for display
 * (mammography-dicom.md, storage classes): radiologists read the For Presentation image. The
 * describe rules were checked on log images and on images processed for display (the phantoms'
 * settings, docs/accuracy.md), not on raw data linear in exposure as some detectors write it.
 */
export const FOR_PROCESSING_WARNING =
  "For Processing image (the detector's raw data, not the image processed for display that radiologists read): sizes are measured as on any image; the suggested terms were checked on log and processed images, not on raw data linear in exposure — compare with the For Presentation image";

function prepare(bytes: Uint8Array, options: IngestOptions): Result<Prepared> {
  const parsed = readDicomBytes(bytes, options.inflate === undefined ? {} : { inflate: options.inflate });
  if (!parsed.ok) return parsed;
  const ds = parsed.value.dataSet;
  const frames = readNumberOfFrames(ds);
  const view = readViewAndLaterality(ds);
  const kind = checkMammography(ds, frames, view);
  if (!kind.ok) return kind;
  const pixelData = ds.elements[TAG.PixelData];
  if (pixelData === undefined) {
    return err('no-pixel-data', `no Pixel Data (7FE0,0010) in this ${kind.value.modality === '' ? 'DICOM' : clip(kind.value.modality, 16)} file (${ds.byteArray.length} bytes; it may be truncated)`);
  }
  const format = readPixelFormat(ds, options.maxPixelBytes ?? DEFAULT_MAX_PIXEL_BYTES);
  if (!format.ok) return format;
  const tsUid = readText(ds, TAG.TransferSyntaxUID) ?? '1.2.840.10008.1.2';
  const ts = transferSyntax(tsUid);
  if (ts.encoding === 'unsupported') {
    return err('unsupported-transfer-syntax', `transfer syntax ${clip(ts.uid)} (${ts.name}) is not supported`);
  }
  const calibration = readCalibration(ds);
  const described = readDescriptiveMetadata(ds);
  const lossy = lossyCompressionWarning(ds, ts);
  const f = format.value;
  const presentationIntent = described.presentationIntent ?? kind.value.impliedIntent;
  const meta: ImageMetadata = {
    ...described,
    modality: kind.value.modality,
    sopClassUid: kind.value.sopClassUid,
    presentationIntent,
    laterality: view.laterality,
    view: view.view,
    viewSource: view.viewSource,
    viewModifiers: view.viewModifiers,
    patientOrientation: view.patientOrientation,
    photometric: f.photometric,
    bitsAllocated: f.bitsAllocated,
    bitsStored: f.bitsStored,
    pixelRepresentation: f.pixelRepresentation,
    rescaleSlope: f.rescaleSlope,
    rescaleIntercept: f.rescaleIntercept,
    transferSyntaxUid: ts.uid,
    warnings: [
      ...parsed.value.warnings,
      ...kind.value.warnings,
      ...(presentationIntent === 'FOR PROCESSING' ? [FOR_PROCESSING_WARNING] : []),
      ...view.warnings,
      ...calibration.warnings,
      ...(lossy === null ? [] : [lossy]),
    ],
  };
  return ok({ ds, ts, format: f, pixelData, meta, calibration: calibration.calibration });
}

function assemble(p: Prepared, stored: StoredPixels): MammoImage {
  return makeMammoImage({ rows: p.format.rows, columns: p.format.columns, stored, calibration: p.calibration, meta: p.meta });
}

function nativeImage(p: Prepared): Result<MammoImage> {
  const stored = readNativePixels(p.ds, p.pixelData, p.format, p.ts.encoding === 'native-big-endian');
  return stored.ok ? ok(assemble(p, stored.value)) : stored;
}

/** The bytes of the single compressed frame (all fragments of the encapsulated Pixel Data). */
function compressedFrame(p: Prepared): Result<Uint8Array> {
  const fragments = p.pixelData.fragments ?? [];
  if (p.pixelData.encapsulatedPixelData !== true || fragments.length === 0) {
    return err('decode-failed', `${p.ts.name} Pixel Data has no encapsulated fragments`);
  }
  try {
    return ok(dicomParser.readEncapsulatedPixelDataFromFragments(p.ds, p.pixelData, 0, fragments.length));
  } catch (e) {
    return err('truncated', `encapsulated Pixel Data could not be read: ${cleanText(String(e)).slice(0, 160)}`);
  }
}

async function decodedImage(p: Prepared, encoding: CompressedEncoding, decoders: FrameDecoders): Promise<Result<MammoImage>> {
  const frame = compressedFrame(p);
  if (!frame.ok) return frame;
  // The built-in decoders (and through them each codec) load only when a compressed frame is met.
  const decode = decoders[encoding] ?? (await import('./decode-compressed-frame.js')).BUILT_IN_DECODERS[encoding];
  const decoded = await decode(frame.value, p.format);
  if (!decoded.ok) return decoded;
  const { bytes, width, height } = decoded.value;
  const f = p.format;
  if ((width !== null && width !== f.columns) || (height !== null && height !== f.rows)) {
    return err('dimension-mismatch', `header says ${f.columns} × ${f.rows} pixels, the ${p.ts.name} frame is ${width} × ${height}`);
  }
  if (bytes.length !== f.frameBytes) {
    return err('dimension-mismatch', `Rows ${f.rows} × Columns ${f.columns} needs ${f.frameBytes} bytes, the decoded frame has ${bytes.length}`);
  }
  const exact = bytes.subarray(0, f.frameBytes);
  const signed = f.pixelRepresentation === 1;
  return ok(assemble(p, f.bitsAllocated === 16 ? samples16(exact, signed, false) : samples8(exact, signed)));
}

/**
 * Reads a mammogram from DICOM Part 10 bytes: pixels (stored values, viewed in place when the
 * file allows), calibration, laterality, view and the metadata later stages use.
 * @example const r = await ingestDicom(bytes); if (r.ok) console.log(r.value.calibration.kind);
 */
export async function ingestDicom(bytes: Uint8Array, options: IngestOptions = {}): Promise<Result<MammoImage>> {
  try {
    const p = prepare(bytes, options);
    if (!p.ok) return p;
    const encoding = p.value.ts.encoding;
    if (encoding === 'native-little-endian' || encoding === 'native-big-endian' || encoding === 'deflated') {
      return nativeImage(p.value);
    }
    if (encoding === 'unsupported') return err('unsupported-transfer-syntax', `transfer syntax ${p.value.ts.uid} is not supported`);
    return await decodedImage(p.value, encoding, options.decoders ?? {});
  } catch (e) {
    return err('not-dicom', `file could not be read: ${cleanText(String(e)).slice(0, 160)}`);
  }
}

/** What an image is, read from its header: everything of a MammoImage but the pixels. */
export type MammogramHeader = Pick<MammoImage, 'rows' | 'columns' | 'meta' | 'calibration'>;

/**
 * Reads what an image is — size, calibration, laterality, view, metadata and warnings — with the
 * same checks as ingestDicom, without decoding compressed pixel data (uncompressed pixel data is
 * still checked against Rows × Columns, which costs no copy). For callers that only describe an
 * image, such as the command line's `info`, so that no codec is loaded.
 */
export function readMammogramHeader(bytes: Uint8Array, options: IngestOptions = {}): Result<MammogramHeader> {
  try {
    const p = prepare(bytes, options);
    if (!p.ok) return p;
    const { ts, format, meta, calibration } = p.value;
    if (ts.encoding === 'native-little-endian' || ts.encoding === 'native-big-endian' || ts.encoding === 'deflated') {
      const stored = readNativePixels(p.value.ds, p.value.pixelData, format, ts.encoding === 'native-big-endian');
      if (!stored.ok) return stored;
    }
    return ok({ rows: format.rows, columns: format.columns, meta, calibration });
  } catch (e) {
    return err('not-dicom', `file could not be read: ${cleanText(String(e)).slice(0, 160)}`);
  }
}

/**
 * Synchronous ingest for uncompressed transfer syntaxes (implicit / explicit little endian,
 * explicit big endian, deflated with `inflate`); compressed files are refused with
 * 'unsupported-transfer-syntax' pointing to `ingestDicom`.
 */
export function ingestUncompressed(bytes: Uint8Array, options: IngestOptions = {}): Result<MammoImage> {
  try {
    const p = prepare(bytes, options);
    if (!p.ok) return p;
    const { ts } = p.value;
    if (ts.encoding === 'native-little-endian' || ts.encoding === 'native-big-endian' || ts.encoding === 'deflated') {
      return nativeImage(p.value);
    }
    return err('unsupported-transfer-syntax', `transfer syntax ${ts.uid} (${ts.name}) is compressed: use ingestDicom to decode it`);
  } catch (e) {
    return err('not-dicom', `file could not be read: ${cleanText(String(e)).slice(0, 160)}`);
  }
}
