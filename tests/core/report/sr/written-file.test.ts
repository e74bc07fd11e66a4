/**
 * The written file read back by readers that are not ours: dcmjs gives back the outlines'
 * points, the numbers and every (ASCII) text as built; dcmtk's dsrdump, converting by the
 * Specific Character Set, shows non-Latin text as written. dcmjs 0.52 decodes text inside
 * sequences as Latin-1 whatever the Specific Character Set says, so non-ASCII text is checked
 * with dcmtk only (docs/structured-report.md).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDraftAction } from '../../../../src/core/draft/index.js';
import { buildCalcificationSr, writeSrPart10, type SrDataset } from '../../../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';
import { dsrdump } from './sr-tree.js';

let sample: SampleExam;

beforeAll(async () => {
  sample = await loadSampleExam();
}, 120_000);

type Node = Record<string, unknown>;

const isAscii = (t: string): boolean => [...t].every((ch) => ch.charCodeAt(0) < 128);

/** Every content item of a tree, depth first. */
function items(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    for (const child of (n['ContentSequence'] ?? []) as Node[]) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

function readBack(ds: SrDataset): Node {
  const bytes = writeSrPart10(ds);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(buffer).dict);
}

describe('the written SR read back by dcmjs', () => {
  it('gives back every outline point, number and text of the dataset', () => {
    const relation = '<b>at the lumpectomy site</b> & "beyond"';
    const first = sample.draft.findings[0];
    if (first === undefined) throw new Error('the sample has findings');
    const r = applyDraftAction(sample.draft, { type: 'setRelation', findingId: first.id, relation });
    if (!r.ok) throw new Error(r.error.message);
    const built = buildCalcificationSr(r.value, sample.header, fixedOptions());
    if (!built.ok) throw new Error(built.error.message);
    const written = items(built.value as Node);
    const read = items(readBack(built.value));
    expect(read).toHaveLength(written.length);
    let asciiTexts = 0;
    for (const [i, w] of written.entries()) {
      const back = read[i] as Node;
      expect(back['ValueType']).toBe(w['ValueType']);
      if (w['GraphicData'] !== undefined) expect(back['GraphicData']).toEqual(w['GraphicData']);
      // Non-ASCII text (the wording's dashes …) is checked with dcmtk below: dcmjs misreads it inside sequences.
      if (typeof w['TextValue'] === 'string' && isAscii(w['TextValue'])) {
        expect(back['TextValue']).toBe(w['TextValue']);
        asciiTexts++;
      }
      if (w['UID'] !== undefined) expect(back['UID']).toBe(w['UID']);
      const mv = (n: Node): number => Number(((n['MeasuredValueSequence'] as Node[])[0] as Node)['NumericValue']);
      if (w['MeasuredValueSequence'] !== undefined) expect(mv(back)).toBe(mv(w));
    }
    expect(asciiTexts).toBeGreaterThan(50);
    const texts = read.map((n) => n['TextValue']);
    expect(texts).toContain(relation);
  });

  it('holds non-Latin text as UTF-8, as dcmtk reads it by the Specific Character Set', () => {
    const words = 'Müller — 微小石灰化 ✓';
    const edited = applyDraftAction(sample.draft, { type: 'editReportText', text: words });
    if (!edited.ok) throw new Error(edited.error.message);
    const built = buildCalcificationSr(edited.value, { ...sample.header, patientName: 'Müller^Jörg' }, fixedOptions({ observer: { name: 'Dr Łucja Żak' } }));
    if (!built.ok) throw new Error(built.error.message);
    const dir = mkdtempSync(join(tmpdir(), 'calcscribe-sr-utf8-'));
    try {
      const path = join(dir, 'utf8.dcm');
      writeFileSync(path, writeSrPart10(built.value));
      const dump = dsrdump(path, ['+U8']);
      expect(dump.problems).toEqual([]);
      expect(dump.text).toContain(`"Narrative Summary")="${words}"`);
      expect(dump.text).toContain('Müller^Jörg');
      expect(dump.text).toContain('Dr Łucja Żak^');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
