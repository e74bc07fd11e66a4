/**
 * Transfer syntaxes (PS3.6 Annex A) and how ingest reads the pixel data of each.
 * `encoding` names the decoder; 'unsupported' ones are refused with their name.
 */
export type PixelEncoding =
  | 'native-little-endian'
  | 'native-big-endian'
  | 'deflated'
  | 'jpeg-lossless'
  | 'jpeg-extended'
  | 'jpeg-ls'
  | 'jpeg-2000'
  | 'htj2k'
  | 'rle'
  | 'unsupported';

export interface TransferSyntax {
  readonly uid: string;
  readonly name: string;
  readonly encoding: PixelEncoding;
  /**
   * Lossy compression (PS3.5 Annex A): 'always' for the DCT processes (JPEG Baseline, Extended),
   * 'may' for the syntaxes that carry lossy or lossless data (JPEG-LS near-lossless, JPEG 2000,
   * HTJ2K: Lossy Image Compression (0028,2110) says which); absent for lossless and uncompressed ones.
   */
  readonly lossy?: 'always' | 'may';
}

const TABLE: readonly TransferSyntax[] = [
  { uid: '1.2.840.10008.1.2', name: 'Implicit VR Little Endian', encoding: 'native-little-endian' },
  { uid: '1.2.840.10008.1.2.1', name: 'Explicit VR Little Endian', encoding: 'native-little-endian' },
  { uid: '1.2.840.10008.1.2.1.99', name: 'Deflated Explicit VR Little Endian', encoding: 'deflated' },
  { uid: '1.2.840.10008.1.2.2', name: 'Explicit VR Big Endian', encoding: 'native-big-endian' },
  // 8-bit DCT: the same decoder as processes 2 & 4 (decode-jpeg-extended.ts). Digitised film and
  // prior exams kept in archives come this way; lossy, and ingest says so (lossyCompressionWarning).
  { uid: '1.2.840.10008.1.2.4.50', name: 'JPEG Baseline (Process 1)', encoding: 'jpeg-extended', lossy: 'always' },
  { uid: '1.2.840.10008.1.2.4.51', name: 'JPEG Extended (Process 2 & 4)', encoding: 'jpeg-extended', lossy: 'always' },
  { uid: '1.2.840.10008.1.2.4.57', name: 'JPEG Lossless, Non-Hierarchical (Process 14)', encoding: 'jpeg-lossless' },
  {
    uid: '1.2.840.10008.1.2.4.70',
    name: 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])',
    encoding: 'jpeg-lossless',
  },
  { uid: '1.2.840.10008.1.2.4.80', name: 'JPEG-LS Lossless Image Compression', encoding: 'jpeg-ls' },
  { uid: '1.2.840.10008.1.2.4.81', name: 'JPEG-LS Lossy (Near-Lossless) Image Compression', encoding: 'jpeg-ls', lossy: 'may' },
  { uid: '1.2.840.10008.1.2.4.90', name: 'JPEG 2000 Image Compression (Lossless Only)', encoding: 'jpeg-2000' },
  { uid: '1.2.840.10008.1.2.4.91', name: 'JPEG 2000 Image Compression', encoding: 'jpeg-2000', lossy: 'may' },
  { uid: '1.2.840.10008.1.2.4.92', name: 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)', encoding: 'unsupported' },
  { uid: '1.2.840.10008.1.2.4.93', name: 'JPEG 2000 Part 2 Multi-component Image Compression', encoding: 'unsupported' },
  { uid: '1.2.840.10008.1.2.4.100', name: 'MPEG2 Main Profile / Main Level', encoding: 'unsupported' },
  { uid: '1.2.840.10008.1.2.4.102', name: 'MPEG-4 AVC/H.264 High Profile / Level 4.1', encoding: 'unsupported' },
  { uid: '1.2.840.10008.1.2.4.201', name: 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', encoding: 'htj2k' },
  {
    uid: '1.2.840.10008.1.2.4.202',
    name: 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)',
    encoding: 'htj2k',
  },
  { uid: '1.2.840.10008.1.2.4.203', name: 'High-Throughput JPEG 2000 Image Compression', encoding: 'htj2k', lossy: 'may' },
  { uid: '1.2.840.10008.1.2.5', name: 'RLE Lossless', encoding: 'rle' },
];

const BY_UID = new Map(TABLE.map((t) => [t.uid, t]));

/** Looks up a transfer syntax; an unknown UID comes back as 'unsupported' with a generic name. */
export function transferSyntax(uid: string): TransferSyntax {
  return BY_UID.get(uid) ?? { uid, name: 'unknown transfer syntax', encoding: 'unsupported' };
}
