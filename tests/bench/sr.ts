/**
 * The structured report of an exam with 4 images and 200 calcifications (the sample exam's 40
 * calcifications, each repeated 5 times a few pixels apart in its finding): written
 * (buildCalcificationSr + writeSrPart10: deriving the report, building the content tree, dcmjs
 * writing Part 10) and read back into the draft (readCalcificationSr). Baselines in the same run:
 * dcmjs's own write of the same naturalized dataset (denaturalize + write), and its own read of the
 * same bytes (readFile + naturalize). Targets: our overhead ≤ 20 % over dcmjs for each; write ≤ 50 ms.
 */
import dcmjs from 'dcmjs';
import type { DraftCalcification, ExamDraft } from '../../src/core/draft/index.js';
import { buildCalcificationSr, readCalcificationSr, writeSrPart10, type SrDataset } from '../../src/core/report/sr/index.js';
import { fixedOptions, loadSampleExam } from '../core/report/sr/sample-exam-sr.js';
import type { BenchResult } from './result.js';

const COPIES = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** The sample draft with each calcification repeated COPIES times (shifted 2 px each time) in its own finding. */
function largeDraft(draft: ExamDraft): ExamDraft {
  const copies = (c: DraftCalcification): DraftCalcification[] =>
    Array.from({ length: COPIES }, (_, k) => {
      const shift = (p: { x: number; y: number }): { x: number; y: number } => ({ x: p.x + 2 * k, y: p.y + 2 * k });
      return { ...c, id: k === 0 ? c.id : `${c.id}-copy${k}`, seed: shift(c.seed), contour: c.contour.map(shift), measurements: { ...c.measurements, centre: shift(c.measurements.centre) } };
    });
  const calcifications = draft.calcifications.flatMap(copies);
  const findings = draft.findings.map((f) => ({ ...f, calcificationIds: f.calcificationIds.flatMap((id) => Array.from({ length: COPIES }, (_, k) => (k === 0 ? id : `${id}-copy${k}`))) }));
  return { ...draft, calcifications, findings };
}

/** dcmjs alone: the naturalized dataset denaturalized and written as Part 10 (what writeSrPart10 hands to it). */
function dcmjsWrite(ds: SrDataset, meta: Record<string, unknown>): ArrayBuffer {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({ ...ds });
  return dict.write({ allowInvalidVRLength: false });
}

/** dcmjs alone: the Part 10 bytes read and naturalized. */
function dcmjsRead(bytes: Uint8Array): unknown {
  const dict = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer, { ignoreErrors: false }).dict;
  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict);
}

export async function benchSr(): Promise<BenchResult[]> {
  const sample = await loadSampleExam();
  const draft = largeDraft(sample.draft);
  const images = new Set(draft.calcifications.map((c) => c.imageId)).size;
  if (draft.calcifications.length !== 200 || images !== 4) throw new Error(`the exam has ${draft.calcifications.length} calcifications on ${images} images, not 200 on 4`);
  const once = buildCalcificationSr(draft, sample.header, fixedOptions());
  if (!once.ok) throw new Error(once.error.message);
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: once.value['SOPClassUID'],
    MediaStorageSOPInstanceUID: once.value['SOPInstanceUID'],
    TransferSyntaxUID: '1.2.840.10008.1.2.1',
    ImplementationClassUID: '2.25.292082511367074443093517503987214652961',
    ImplementationVersionName: 'CALCSCRIBE',
  };
  const bytes = writeSrPart10(once.value);
  const check = readCalcificationSr(bytes);
  if (!check.ok || check.value.draft.calcifications.length !== 200) throw new Error('the SR did not read back with its 200 calcifications');
  const runs = 21;
  const ours = { write: [] as number[], read: [] as number[] };
  const base = { write: [] as number[], read: [] as number[] };
  // Warm-up, then the four timings interleaved so that load on the machine falls on each alike.
  for (let i = 0; i < 3; i++) {
    writeSrPart10(once.value);
    readCalcificationSr(bytes);
  }
  // Each timing starts from a collected heap (node --expose-gc, as npm run bench runs): neither side
  // pays for the garbage the other left (dcmjs's write leaves some hundred MB of it).
  const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < runs; i++) {
    collect();
    let t = performance.now();
    const sr = buildCalcificationSr(draft, sample.header, fixedOptions());
    if (!sr.ok) throw new Error(sr.error.message);
    writeSrPart10(sr.value);
    ours.write.push(performance.now() - t);
    collect();
    t = performance.now();
    dcmjsWrite(sr.value, meta);
    base.write.push(performance.now() - t);
    collect();
    t = performance.now();
    readCalcificationSr(bytes);
    ours.read.push(performance.now() - t);
    collect();
    t = performance.now();
    dcmjsRead(bytes);
    base.read.push(performance.now() - t);
  }
  const w = median(ours.write);
  const bw = median(base.write);
  const r = median(ours.read);
  const br = median(base.read);
  const over = (a: number, b: number): number => (100 * (a - b)) / b;
  const what = `4 images, 200 calcifications, ${Math.round(bytes.length / 1024)} KiB`;
  return [
    { name: `SR write (${what}; draft → report → content tree → Part 10, median of ${runs})`, value: w, unit: 'ms', baseline: { name: 'dcmjs write of the same dataset', value: bw }, target: '≤ 50 ms', pass: w <= 50 },
    { name: 'SR write: overhead over dcmjs', value: over(w, bw), unit: '%', target: '≤ 20 %', pass: over(w, bw) <= 20 },
    { name: `SR read (${what}; Part 10 → draft, median of ${runs})`, value: r, unit: 'ms', baseline: { name: 'dcmjs read + naturalize of the same bytes', value: br } },
    { name: 'SR read: overhead over dcmjs', value: over(r, br), unit: '%', target: '≤ 20 %', pass: over(r, br) <= 20 },
  ];
}
