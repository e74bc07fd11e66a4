/**
 * The part of a DICOM file before its Pixel Data: what the display needs to read the header
 * (orientation, spacing, windows) without a second copy of the pixels.
 */
import dicomParser from 'dicom-parser';
import { err, ok, type Result } from '../../core/result.js';

const PIXEL_DATA_TAG = [0xe0, 0x7f, 0x10, 0x00] as const;

/**
 * The file's bytes up to (not including) the Pixel Data (7FE0,0010) element: a complete Part 10
 * file without pixels. Explicit VR headers of OB/OW elements are 12 bytes long, implicit VR ones 8.
 */
export function headerBeforePixelData(bytes: Uint8Array): Result<Uint8Array> {
  let pixelDataOffset: number;
  try {
    const ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
    const el = ds.elements['x7fe00010'];
    if (el === undefined) return err('no-pixel-data', 'the file has no Pixel Data (7FE0,0010) to show');
    pixelDataOffset = el.dataOffset;
  } catch (e) {
    return err('decode-failed', `the file's header could not be read for display: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
  }
  for (const headerLength of [12, 8]) {
    const at = pixelDataOffset - headerLength;
    if (at >= 0 && PIXEL_DATA_TAG.every((b, i) => bytes[at + i] === b)) return ok(bytes.slice(0, at));
  }
  return err('decode-failed', `the Pixel Data element at byte ${pixelDataOffset} has an unexpected header`);
}
