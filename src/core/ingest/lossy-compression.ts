/**
 * Whether an image was lossy compressed, and the warning that says so. Lossy compression alters
 * fine detail — exactly what calcifications are: the faintest ones, their margins, the smallest
 * sizes — so the image's warnings (shown with it, and with what is measured on it) say so.
 *
 * Read from Lossy Image Compression (0028,2110) "01" ("the image has been subjected to lossy
 * compression", PS3.3 C.7.6.1.1.5), with its method (0028,2114) when given; and from the transfer
 * syntax, for the DCT processes that are lossy whatever the attribute says (JPEG Baseline,
 * Extended: PS3.5 A.4.1). Syntaxes that carry lossy or lossless data (JPEG 2000, JPEG-LS
 * near-lossless, HTJ2K) are taken at the attribute's word.
 */
import type { DataSet } from 'dicom-parser';
import { cleanText } from './clean-text.js';
import { readText } from './dataset-values.js';
import { TAG } from './dicom-tags.js';
import type { TransferSyntax } from './transfer-syntaxes.js';

/** Method codes of (0028,2114) (PS3.3 C.7.6.1.1.5.1) in words. */
const METHODS: Readonly<Record<string, string>> = {
  ISO_10918_1: 'JPEG',
  ISO_14495_1: 'JPEG-LS near-lossless',
  ISO_15444_1: 'JPEG 2000',
  ISO_15444_15: 'HTJ2K',
  ISO_13818_2: 'MPEG-2',
  ISO_14496_10: 'H.264',
  ISO_23008_2: 'HEVC',
};

/** The warning for a lossy compressed image; null when nothing says it was. */
export function lossyCompressionWarning(ds: DataSet, ts: TransferSyntax): string | null {
  const flagged = readText(ds, TAG.LossyImageCompression)?.trim() === '01';
  if (!flagged && ts.lossy !== 'always') return null;
  const methods = (readText(ds, TAG.LossyImageCompressionMethod) ?? '')
    .split('\\')
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .map((m) => METHODS[m] ?? cleanText(m).slice(0, 32));
  const how = methods.length > 0 ? [...new Set(methods)].join(', ') : ts.lossy === 'always' ? ts.name : 'method not given';
  return `lossy compressed image (${how}): fine detail — the faintest calcifications, margins, the smallest sizes — may differ from the original`;
}
