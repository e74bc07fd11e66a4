/**
 * What ingest said about an image (digitised film, lossy compression, a calibration not trusted …)
 * is kept by the draft and stated by every finding measured on it, naming the image: in the
 * command line's exam report and in the panel (the OHIF extension's, which has no viewport notes
 * of its own), from the one derivation.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeExam, analyzeFinding, ingestDicom, parseExamAnnotations, type MammoImage } from '../../../src/core/index.js';
import { applyDraftAction, deriveFinding, draftImageFrom, examReportText, parseDraft, serializeDraft, type ExamDraft } from '../../../src/core/draft/index.js';
import { clickGroup, loadSampleImage, sampleDraft, type SampleImage } from './sample-exam.js';

const LOSSY = 'lossy compressed image (JPEG): fine detail — the faintest calcifications, margins, the smallest sizes — may differ from the original';
const FILM = 'digitised film: Secondary Capture with Body Part Examined BREAST, read as a mammogram';

/** The image as ingest gives it with these warnings. */
const withWarnings = (image: MammoImage, warnings: readonly string[]): MammoImage => ({ ...image, meta: { ...image.meta, warnings: [...warnings] } });

let rcc: SampleImage;

beforeAll(async () => {
  rcc = await loadSampleImage('RCC');
});

function clicked(d: ExamDraft): ExamDraft {
  const r = applyDraftAction(d, { type: 'addCalcifications', imageId: 'RCC', items: clickGroup(rcc, 'R1') });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('an image\'s notes in the draft', () => {
  it('are kept from the image when it joins the draft', () => {
    const di = draftImageFrom(withWarnings(rcc.image, [LOSSY, FILM]), 'RCC', 'current', null);
    expect(di.notes).toEqual([LOSSY, FILM]);
  });

  it('are stated by a finding measured on the image, each naming it, after the finding\'s own warnings', () => {
    const image = { ...rcc.draftImage, notes: [LOSSY, FILM] };
    const d = clicked(sampleDraft([{ ...rcc, draftImage: image }]));
    const f = deriveFinding(d, d.findings[0]!.id);
    if (!f.ok) throw new Error(f.error.message);
    const notes = f.value.warnings.filter((w) => w.startsWith('RCC: '));
    expect(notes).toEqual([`RCC: ${LOSSY}`, `RCC: ${FILM}`]);
    expect(f.value.warnings.slice(-2)).toEqual(notes);
    expect(f.value.imageNotes).toEqual(notes);
  });

  it('are stated once in the exam report however many findings are measured on the image, and not as a finding\'s', () => {
    const image = { ...rcc.draftImage, notes: [LOSSY] };
    const one = clicked(sampleDraft([{ ...rcc, draftImage: image }]));
    const first = one.findings[0]!;
    const ids = first.calcificationIds;
    const two: ExamDraft = { ...one, findings: [{ ...first, calcificationIds: ids.slice(0, 3) }, { ...first, id: 'f2', calcificationIds: ids.slice(3) }] };
    for (const f of two.findings) {
      const d = deriveFinding(two, f.id);
      if (!d.ok) throw new Error(d.error.message);
      expect(d.value.imageNotes).toEqual([`RCC: ${LOSSY}`]);
    }
    const lines = examReportText(two).split('\n');
    expect(lines.filter((l) => l.includes(LOSSY))).toEqual([`  RCC: ${LOSSY}`]);
  });

  it('are absent from a draft saved before they were kept (none stated), and from an image without any', () => {
    const { notes: _dropped, ...older } = { ...rcc.draftImage, notes: [LOSSY] };
    for (const image of [older, { ...rcc.draftImage, notes: [] }]) {
      const d = clicked(sampleDraft([{ ...rcc, draftImage: image }]));
      const f = deriveFinding(d, d.findings[0]!.id);
      if (!f.ok) throw new Error(f.error.message);
      expect(f.value.warnings.some((w) => w.startsWith('RCC: '))).toBe(false);
    }
  });

  it('survive saving and reading the draft; notes that are not a list of text are refused, naming the field', () => {
    const d = clicked(sampleDraft([{ ...rcc, draftImage: { ...rcc.draftImage, notes: [LOSSY] } }]));
    const back = parseDraft(serializeDraft(d));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.images[0]?.notes).toEqual([LOSSY]);
    for (const bad of ['lossy', [LOSSY, 3], { note: LOSSY }]) {
      const doc = JSON.parse(serializeDraft(d)) as { images: Record<string, unknown>[] };
      (doc.images[0] as Record<string, unknown>)['notes'] = bad;
      const r = parseDraft(JSON.stringify(doc));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('images[0].notes is not a list of text');
    }
  });
});

describe('an image\'s notes on the command line', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = new Uint8Array(await readFile(fileURLToPath(new URL('../../../test-data/sample/RCC.dcm', import.meta.url))));
  });

  it('analyze (one image): stated once, as read', async () => {
    const r = await ingestDicom(bytes);
    if (!r.ok) throw new Error(r.error.message);
    const a = analyzeFinding(withWarnings(r.value, [LOSSY]), { seeds: clickGroup(rcc, 'R1').map((c) => c.seed) });
    if (!a.ok) throw new Error(a.error.message);
    expect(a.value.warnings.filter((w) => w.includes(LOSSY))).toEqual([LOSSY]);
  });

  it('exam: stated by each finding measured on the image, naming it, and not again among the clicks left out', async () => {
    const r = await ingestDicom(bytes);
    if (!r.ok) throw new Error(r.error.message);
    const seeds = clickGroup(rcc, 'R1').map((c) => [c.seed.x, c.seed.y]);
    const doc = { composition: 'b', findings: [{ views: [{ image: 'RCC.dcm', at: seeds }] }] };
    const annotations = parseExamAnnotations(doc);
    if (!annotations.ok) throw new Error(annotations.error.message);
    const exam = analyzeExam(new Map([['RCC.dcm', withWarnings(r.value, [LOSSY])]]), annotations.value);
    if (!exam.ok) throw new Error(exam.error.message);
    expect(exam.value.report.findingsDerived[0]?.warnings).toContain(`RCC: ${LOSSY}`);
    expect(exam.value.warnings.some((w) => w.includes(LOSSY))).toBe(false);
  });
});
