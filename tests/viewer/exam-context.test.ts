/**
 * The sample exam's clinical context comes into the viewer with it, read by the core's parse the
 * command line uses, and a new draft starts with it; the post-lumpectomy calcifications are then
 * worded as post-treatment in the viewer too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newExamDraft, withExamContext } from '../../src/core/draft/index.js';
import { parseExamAnnotations } from '../../src/core/exam.js';
import { fetchExamContext } from '../../src/viewer/loading/exam-context.js';

const annotations = readFileSync(fileURLToPath(new URL('../../test-data/sample/annotations.json', import.meta.url)), 'utf8');

function serve(status: number, body: string): void {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    expect(url).toBe('/sample/annotations.json');
    return new Response(body, { status });
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchExamContext', () => {
  it('reads the sample\'s context as the command line reads it: composition b, right lumpectomy and radiation in 2022, the prior\'s date', async () => {
    serve(200, annotations);
    const r = await fetchExamContext('/sample/');
    if (!r.ok || r.value === null) throw new Error('no context');
    const cli = parseExamAnnotations(JSON.parse(annotations));
    if (!cli.ok) throw new Error(cli.error.message);
    expect(r.value).toEqual({ composition: cli.value.composition, history: cli.value.history, priorDate: cli.value.priorDate, indication: cli.value.indication });
    expect(r.value.indication).toBe('screening');
    expect(r.value.composition).toBe('b');
    expect(r.value.priorDate).toBe('2024-03-12');
    expect(r.value.history.events.map((e) => [e.kind, e.side, e.date])).toEqual([
      ['lumpectomy', 'right', '2022'],
      ['radiation', 'right', '2022'],
    ]);
    const draft = withExamContext(newExamDraft('study', []), r.value);
    expect([draft.composition, draft.priorDate, draft.history, draft.indication]).toEqual([r.value.composition, r.value.priorDate, r.value.history, r.value.indication]);
  });

  it('gives no context when none is served, and names the file when it cannot be read', async () => {
    serve(404, 'not found');
    expect(await fetchExamContext('/sample/')).toEqual({ ok: true, value: null });
    serve(200, '{ not json');
    const bad = await fetchExamContext('/sample/');
    expect(bad.ok === false && bad.error.message).toBe("the exam's clinical context /sample/annotations.json is not valid JSON");
    serve(200, JSON.stringify({ composition: 'e' }));
    const wrong = await fetchExamContext('/sample/');
    expect(wrong.ok === false && wrong.error.message).toMatch(/^the exam's clinical context \(\/sample\/annotations\.json\): .*composition/);
  });
});
