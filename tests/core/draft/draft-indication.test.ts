import { describe, expect, it } from 'vitest';
import { newExamDraft, parseDraft, serializeDraft } from '../../../src/core/draft/index.js';

describe('the exam indication in a draft', () => {
  it('a new draft starts without one (null, read as diagnostic) and keeps a stated one through save and restore', () => {
    const d = newExamDraft('2.25.1', []);
    expect(d.indication).toBeNull();
    const back = parseDraft(serializeDraft({ ...d, indication: 'screening' }));
    expect(back.ok && back.value.indication).toBe('screening');
  });

  it('a draft saved before the field existed reads with null; an unknown indication is refused', () => {
    const old = JSON.parse(serializeDraft(newExamDraft('2.25.1', []))) as Record<string, unknown>;
    delete old['indication'];
    const back = parseDraft(JSON.stringify(old));
    expect(back.ok && back.value.indication).toBeNull();
    const bad = parseDraft(JSON.stringify({ ...old, indication: 'routine' }));
    expect(bad.ok ? '' : bad.error.message).toMatch(/draft\.indication must be screening, diagnostic, short-interval follow-up or null/);
  });
});
