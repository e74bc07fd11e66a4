/**
 * The viewer's decode worker, started by the analysis worker: decodes one compressed frame per
 * message with the browser's decoders and answers with the result, the decoded bytes transferred.
 * The analysis worker stops it when a frame takes too long (core/ingest/decode-time-limit.ts), and
 * goes on answering clicks on the images it holds.
 */
import { BUILT_IN_DECODERS, type CompressedEncoding, type FrameDecoder } from '../../core/ingest/decode-compressed-frame.js';
import { answerDecodeRequest, type DecodeRequest } from '../../core/ingest/decode-time-limit.js';
import { BROWSER_DECODERS } from './browser-decoders.js';

/** The browser's codecs where they need the bundler's help (wasm files), the core's own for the rest (JPEG lossless, RLE). */
const DECODERS: Record<CompressedEncoding, FrameDecoder> = { ...BUILT_IN_DECODERS };
for (const [encoding, decode] of Object.entries(BROWSER_DECODERS) as [CompressedEncoding, FrameDecoder | undefined][]) if (decode !== undefined) DECODERS[encoding] = decode;

self.onmessage = (e: MessageEvent<DecodeRequest>) => {
  void answerDecodeRequest(e.data, DECODERS).then(({ reply, transfer }) => self.postMessage(reply, { transfer }));
};
