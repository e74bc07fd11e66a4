import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { LineOutput } from '../../src/cli/line-output.js';
import { readLineBatches } from '../../src/cli/read-lines.js';

async function linesOf(chunks: (string | Uint8Array)[]): Promise<string[]> {
  const all: string[] = [];
  for await (const batch of readLineBatches(Readable.from(chunks))) {
    expect(batch.length).toBeGreaterThan(0);
    all.push(...batch);
  }
  return all;
}

describe('readLineBatches', () => {
  it('splits lines across chunk boundaries, \\r\\n and a last line without a newline', async () => {
    expect(await linesOf(['{"a":1}\n{"b"', ':2}\r\n\n{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '', '{"c":3}']);
  });

  it('decodes a character split between two byte chunks', async () => {
    const bytes = Buffer.from('{"site":"Zürich — ≥"}\nnext\n', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two-byte "ü"
    const chunks = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 5), bytes.subarray(cut + 5)];
    expect(await linesOf(chunks)).toEqual(['{"site":"Zürich — ≥"}', 'next']);
  });

  it('gives nothing for empty input', async () => {
    expect(await linesOf([])).toEqual([]);
  });
});

function collect(withBytes: boolean): { io: CliIo; text: () => string; writes: () => number } {
  const parts: string[] = [];
  const io: CliIo = {
    stdout: (s) => parts.push(s),
    stderr: () => undefined,
    stdin: Readable.from([]),
    ...(withBytes ? { stdoutBytes: (b: Uint8Array) => parts.push(Buffer.from(b).toString('utf8')) } : {}),
  };
  return { io, text: () => parts.join(''), writes: () => parts.length };
}

describe('LineOutput', () => {
  for (const withBytes of [true, false]) {
    it(`writes every line once, in order, non-ASCII included (${withBytes ? 'byte' : 'text'} writer)`, () => {
      const c = collect(withBytes);
      const out = new LineOutput(c.io);
      const lines = Array.from({ length: 5000 }, (_, i) => `{"i":${i},"w":"BI-RADS 4A — ≥ 50 % «${'x'.repeat(i % 300)}»"}`);
      for (const l of lines) out.line(l);
      out.flush();
      expect(c.text()).toBe(lines.map((l) => `${l}\n`).join(''));
    });
  }

  it('gathers lines into few writes and writes a line longer than its chunk whole', () => {
    const c = collect(true);
    const out = new LineOutput(c.io);
    const long = 'é'.repeat(600_000); // 1.2 MB in UTF-8, more than one chunk
    for (let i = 0; i < 1000; i++) out.line('short');
    out.line(long);
    out.line('after');
    out.flush();
    expect(c.text()).toBe(`${'short\n'.repeat(1000)}${long}\nafter\n`);
    expect(c.writes()).toBeLessThanOrEqual(3);
  });

  it('keeps bytes already handed to the host intact when it writes more', () => {
    const kept: Uint8Array[] = [];
    const out = new LineOutput({ stdout: () => undefined, stderr: () => undefined, stdin: Readable.from([]), stdoutBytes: (b) => kept.push(b) });
    out.line('first');
    out.flush();
    out.line('other');
    out.flush();
    expect(kept.map((b) => Buffer.from(b).toString('utf8'))).toEqual(['first\n', 'other\n']);
  });
});
