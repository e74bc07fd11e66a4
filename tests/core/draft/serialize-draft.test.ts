import { beforeAll, describe, expect, it } from 'vitest';
import { applyDraftAction, deriveReport, parseDraft, serializeDraft, type ExamDraft } from '../../../src/core/draft/index.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from './sample-exam.js';

let draft: ExamDraft;
beforeAll(async () => {
  const lcc: SampleImage = await loadSampleImage('LCC');
  let d = sampleDraft([lcc]);
  for (const a of [
    { type: 'addCalcifications', imageId: 'LCC', items: clickGroup(lcc, 'L2') },
    { type: 'overrideTerms', findingId: 'f1-1', overrides: { morphology: ['amorphous'] } },
    { type: 'placeNipple', imageId: 'LCC', point: { x: 640, y: 500 } },
    { type: 'editReportText', text: 'Typed by the radiologist.' },
  ] as const) {
    const r = applyDraftAction(d, a);
    if (!r.ok) throw new Error(r.error.message);
    d = r.value;
  }
  draft = d;
});

function mutated(change: (o: Record<string, unknown>) => void): string {
  const o = JSON.parse(serializeDraft(draft)) as Record<string, unknown>;
  change(o);
  return JSON.stringify(o);
}

describe('serializeDraft / parseDraft', () => {
  it('round-trips a draft with calcifications, overrides, a nipple marker and typed text', () => {
    const back = parseDraft(serializeDraft(draft));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value).toEqual(draft);
    expect(deriveReport(back.value).text).toBe('Typed by the radiologist.');
    expect(deriveReport(back.value).suggestedText).toBe(deriveReport(draft).suggestedText);
  });

  it('refuses text that is not JSON, not an object, or not a draft', () => {
    expect(parseDraft('{"schema":')).toMatchObject({ ok: false, error: { kind: 'bad-argument', message: expect.stringMatching(/not valid JSON/) } });
    expect(parseDraft('[1,2]')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a JSON object/) } });
    expect(parseDraft('{"schema":"something-else"}')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a calcscribe exam draft/) } });
  });

  it('refuses a draft saved by a newer version instead of reading part of it', () => {
    const r = parseDraft(mutated((o) => (o['schema'] = 'calcscribe-exam-draft/2')));
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/calcscribe-exam-draft\/2.*cannot read/) } });
  });

  it('refuses unknown and missing fields, naming them', () => {
    expect(parseDraft(mutated((o) => (o['laterNotes'] = 'x')))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/unknown field "laterNotes"/) } });
    expect(parseDraft(mutated((o) => delete o['history']))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/missing field "history"/) } });
    const extraInFinding = mutated((o) => ((o['findings'] as Record<string, unknown>[])[0] as Record<string, unknown>)['colour'] = 'red');
    expect(parseDraft(extraInFinding)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/findings\[0\]: unknown field "colour"/) } });
  });

  it('refuses wrong types and dangling references', () => {
    expect(parseDraft(mutated((o) => (o['composition'] = 'e'))).ok).toBe(false);
    expect(parseDraft(mutated((o) => (o['revision'] = -1))).ok).toBe(false);
    expect(parseDraft(mutated((o) => ((o['calcifications'] as Record<string, unknown>[])[0] as Record<string, unknown>)['seed'] = { x: 'a', y: 1 })).ok).toBe(false);
    expect(parseDraft(mutated((o) => ((o['findings'] as Record<string, unknown>[])[0] as Record<string, unknown>)['side'] = 'middle')).ok).toBe(false);
    const dangling = parseDraft(mutated((o) => (o['calcifications'] = (o['calcifications'] as unknown[]).slice(1))));
    expect(dangling).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not in the draft/) } });
    expect(parseDraft(mutated((o) => (o['nippleMarkers'] = { LCC: { x: 1 } }))).ok).toBe(false);
  });
});
