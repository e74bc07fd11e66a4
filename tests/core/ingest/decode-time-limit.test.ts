/**
 * The time limit on decoding a frame (decode-time-limit.ts), on runners made here: one that never
 * answers (a codec looping for ever), one that fails, one that answers. The same wrapper over a
 * real worker thread and the real codecs: tests/cli/worker-decoders.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { DECODE_TIME_LIMIT_MS, timeLimitedDecoders, type FrameDecodeRunner } from '../../../src/core/ingest/decode-time-limit.js';
import type { DecodedFrame } from '../../../src/core/ingest/decode-compressed-frame.js';
import type { PixelFormat } from '../../../src/core/ingest/read-pixel-format.js';
import { ok, type Result } from '../../../src/core/result.js';

const FORMAT: PixelFormat = { rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 0, photometric: 'MONOCHROME2', rescaleSlope: 1, rescaleIntercept: 0, frameBytes: 4 };
const FRAME = new Uint8Array([1, 2, 3]);
const DECODED: Result<DecodedFrame> = ok({ bytes: new Uint8Array(4), width: 2, height: 1 });

/** Runners that behave as `plan` says, in turn: 'hang' never answers, 'fail' rejects, 'ok' answers. */
function runners(plan: ('hang' | 'fail' | 'ok')[]) {
  const made: { stopped: boolean; decodes: number }[] = [];
  const start = (): FrameDecodeRunner => {
    const state = { stopped: false, decodes: 0 };
    made.push(state);
    return {
      decode: () => {
        state.decodes++;
        const how = plan.shift() ?? 'ok';
        if (how === 'hang') return new Promise(() => undefined);
        if (how === 'fail') return Promise.reject(new Error('worker crashed'));
        return Promise.resolve(DECODED);
      },
      stop: () => {
        state.stopped = true;
      },
    };
  };
  return { start, made };
}

describe('timeLimitedDecoders', () => {
  it('stops a frame that does not finish within the limit, says so, and decodes the next in a fresh runner', async () => {
    const { start, made } = runners(['hang', 'ok']);
    const d = timeLimitedDecoders(start, 50);
    const t0 = Date.now();
    const r = await d.htj2k!(FRAME, FORMAT);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    expect(r).toEqual({
      ok: false,
      error: { kind: 'decode-failed', message: 'the compressed frame did not finish decoding within 50 ms: the pixel data is probably damaged; decoding was stopped' },
    });
    expect(made).toHaveLength(1);
    expect(made[0]?.stopped).toBe(true);
    expect(await d['jpeg-2000']!(FRAME, FORMAT)).toEqual(DECODED);
    expect(made).toHaveLength(2);
    expect(made[1]?.stopped).toBe(false);
  });

  it('keeps one runner while frames decode, and replaces one that failed', async () => {
    const { start, made } = runners(['ok', 'ok', 'fail', 'ok']);
    const d = timeLimitedDecoders(start, 1000);
    expect(await d['jpeg-ls']!(FRAME, FORMAT)).toEqual(DECODED);
    expect(await d['jpeg-lossless']!(FRAME, FORMAT)).toEqual(DECODED);
    expect(made).toHaveLength(1);
    const failed = await d.rle!(FRAME, FORMAT);
    expect(failed.ok ? '' : failed.error.message).toBe('the compressed frame could not be decoded: the decoder stopped (worker crashed)');
    expect(made[0]?.stopped).toBe(true);
    expect(await d['jpeg-extended']!(FRAME, FORMAT)).toEqual(DECODED);
    expect(made).toHaveLength(2);
  });

  it('decodes one frame at a time: a frame waiting behind a stuck one gets its own full limit', async () => {
    const { start, made } = runners(['hang', 'ok']);
    const d = timeLimitedDecoders(start, 60);
    const first = d.htj2k!(FRAME, FORMAT);
    const second = d.htj2k!(FRAME, FORMAT);
    expect((await first).ok).toBe(false);
    // The second was not sent to the stuck runner (stopping it would have taken the second with it).
    expect(made[0]?.decodes).toBe(1);
    expect(await second).toEqual(DECODED);
  });

  it('refuses the frame with the reason when no worker can be started, and tries again for the next', async () => {
    let tries = 0;
    const d = timeLimitedDecoders(() => {
      tries++;
      throw new Error('workers are not allowed here');
    }, 1000);
    const r = await d.htj2k!(FRAME, FORMAT);
    expect(r).toEqual({ ok: false, error: { kind: 'decode-failed', message: 'the compressed frame could not be decoded: no decode worker could be started (workers are not allowed here)' } });
    await d.htj2k!(FRAME, FORMAT);
    expect(tries).toBe(2);
  });

  it('by default stops a frame after 60 s, as the README says, and not before', async () => {
    vi.useFakeTimers();
    try {
      expect(DECODE_TIME_LIMIT_MS).toBe(60_000);
      const { start, made } = runners(['hang']);
      const d = timeLimitedDecoders(start);
      let settled: Awaited<ReturnType<NonNullable<typeof d.htj2k>>> | null = null;
      void d.htj2k!(FRAME, FORMAT).then((r) => (settled = r));
      await vi.advanceTimersByTimeAsync(59_999);
      expect(settled).toBeNull();
      expect(made[0]?.stopped).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toEqual({
        ok: false,
        error: { kind: 'decode-failed', message: 'the compressed frame did not finish decoding within 60 s: the pixel data is probably damaged; decoding was stopped' },
      });
      expect(made[0]?.stopped).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the limit in seconds from one second up', async () => {
    const { start } = runners(['hang']);
    const d = timeLimitedDecoders(start, 1500);
    const r = await d.htj2k!(FRAME, FORMAT);
    expect(r.ok ? '' : r.error.message).toContain('within 1.5 s');
  });
});
