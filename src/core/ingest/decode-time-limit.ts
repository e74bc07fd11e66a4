/**
 * A time limit on decoding a compressed frame. A codec can loop for ever on damaged data (the HTJ2K
 * decoder did on a stream the ingest fuzz test made; j2k-codestream.ts now refuses that kind
 * before decoding), and a synchronous wasm loop cannot be interrupted from its own thread: the
 * command line would hang over a folder, the viewer's analysis would stop answering. So the hosts
 * decode in a worker of their own (a Node worker thread, a browser Web Worker) and this wrapper
 * stops the worker when a frame takes longer than the limit, answering with the reason; the next
 * frame starts a fresh worker. Pure: the host supplies the worker as a `FrameDecodeRunner`.
 */
import { err, type Result } from '../result.js';
import type { CompressedEncoding, DecodedFrame, FrameDecoder, FrameDecoders } from './decode-compressed-frame.js';
import type { PixelFormat } from './read-pixel-format.js';

/**
 * Long enough for any real frame on a slow, loaded machine (a 4096 × 3328 JPEG 2000 mammogram
 * decodes in 1–3 s here), short enough that a stuck file is named while the user still waits.
 */
export const DECODE_TIME_LIMIT_MS = 60_000;

/** Decodes frames somewhere that can be stopped (a worker); `stop` ends it and every decode in it. */
export interface FrameDecodeRunner {
  decode(encoding: CompressedEncoding, frame: Uint8Array, format: PixelFormat): Promise<Result<DecodedFrame>>;
  stop(): void;
}

/** The encodings a runner is asked for: every compressed one (RLE included: it is cheap to send). */
const ENCODINGS: readonly CompressedEncoding[] = ['jpeg-lossless', 'jpeg-extended', 'jpeg-ls', 'jpeg-2000', 'htj2k', 'rle'];

/**
 * Frame decoders that run in the runner `start` makes, one frame at a time, each stopped after
 * `limitMs`. A runner that fails (its worker crashed) is also replaced; the frame is then refused
 * with the reason.
 */
export function timeLimitedDecoders(start: () => FrameDecodeRunner, limitMs: number = DECODE_TIME_LIMIT_MS): FrameDecoders {
  let runner: FrameDecodeRunner | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const decodeOne = async (encoding: CompressedEncoding, frame: Uint8Array, format: PixelFormat): Promise<Result<DecodedFrame>> => {
    let r: FrameDecodeRunner;
    try {
      r = runner ??= start();
    } catch (e) {
      return err('decode-failed', `the compressed frame could not be decoded: no decode worker could be started (${e instanceof Error ? e.message : String(e)})`);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limitMs);
    });
    try {
      const outcome = await Promise.race([r.decode(encoding, frame, format), timedOut]);
      if (outcome !== 'timeout') return outcome;
      stopRunner(r);
      return err(
        'decode-failed',
        `the compressed frame did not finish decoding within ${seconds(limitMs)}: the pixel data is probably damaged; decoding was stopped`,
      );
    } catch (e) {
      stopRunner(r);
      return err('decode-failed', `the compressed frame could not be decoded: the decoder stopped (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      clearTimeout(timer);
    }
  };
  const stopRunner = (r: FrameDecodeRunner): void => {
    r.stop();
    if (runner === r) runner = null;
  };
  const decoders: FrameDecoders = {};
  for (const encoding of ENCODINGS) {
    decoders[encoding] = (frame, format) => {
      // One frame at a time: a frame's limit starts when its own decoding does.
      const run = queue.then(() => decodeOne(encoding, frame, format));
      queue = run.catch(() => undefined);
      return run;
    };
  }
  return decoders;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

/** One frame sent to a decode worker. */
export interface DecodeRequest {
  readonly id: number;
  readonly encoding: CompressedEncoding;
  readonly frame: Uint8Array;
  readonly format: PixelFormat;
}

/** A decode worker's answer. */
export interface DecodeReply {
  readonly id: number;
  readonly result: Result<DecodedFrame>;
}

/** What a host's worker offers the runner: send a request, hear replies and failures, stop it. */
export interface DecodeChannel {
  send(request: DecodeRequest, transfer: ArrayBuffer[]): void;
  listen(onReply: (reply: DecodeReply) => void, onFailure: (e: Error) => void): void;
  stop(): void;
}

/** A runner over a host's worker: requests by id, every pending one failed when the worker fails. */
export function channelRunner(channel: DecodeChannel): FrameDecodeRunner {
  const pending = new Map<number, { resolve: (r: Result<DecodedFrame>) => void; reject: (e: Error) => void }>();
  let next = 1;
  let failure: Error | null = null;
  channel.listen(
    (reply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      p?.resolve(reply.result);
    },
    (e) => {
      failure ??= e;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    },
  );
  return {
    decode(encoding, frame, format) {
      if (failure !== null) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        // The frame is usually a view into the whole file: only its own bytes are sent.
        const own = frame.slice();
        channel.send({ id, encoding, frame: own, format }, [own.buffer]);
      });
    },
    stop() {
      pending.clear();
      channel.stop();
    },
  };
}

/**
 * The worker's side: decodes one request with `decoders` and gives the reply with the buffers to
 * transfer (the decoded bytes when they own their buffer; else they are copied by the message).
 */
export async function answerDecodeRequest(
  request: DecodeRequest,
  decoders: Readonly<Record<CompressedEncoding, FrameDecoder>>,
): Promise<{ reply: DecodeReply; transfer: ArrayBuffer[] }> {
  let result: Result<DecodedFrame>;
  try {
    result = await decoders[request.encoding](request.frame, request.format);
  } catch (e) {
    result = err('decode-failed', `the frame decoder failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const b = result.ok ? result.value.bytes : null;
  const own = b !== null && b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
  return { reply: { id: request.id, result }, transfer: own && b !== null ? [b.buffer as ArrayBuffer] : [] };
}
