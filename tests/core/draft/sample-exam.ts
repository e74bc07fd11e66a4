/**
 * Real measurements for draft tests: the sample exam's images ingested, the breast found, and the
 * phantom truth's calcification centres clicked through the core's segmentation and measuring.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  findBreast,
  ingestDicom,
  measureCalcification,
  segmentAtSeed,
  type MammoImage,
} from '../../../src/core/index.js';
import { draftImageFrom, newExamDraft, type DraftImage, type ExamDraft, type NewCalcification } from '../../../src/core/draft/index.js';

export type SampleView = 'RCC' | 'RMLO' | 'LCC' | 'LMLO';

interface TruthCalcification {
  readonly groupId: string;
  readonly morphology: string;
  readonly centre: { x: number; y: number };
  readonly longAxisMm: number;
}

export interface SampleImage {
  readonly view: SampleView;
  readonly image: MammoImage;
  readonly draftImage: DraftImage;
  readonly truth: readonly TruthCalcification[];
}

const root = fileURLToPath(new URL('../../../test-data/sample/', import.meta.url));

/** Ingests one sample view and finds its breast. */
export async function loadSampleImage(view: SampleView): Promise<SampleImage> {
  const bytes = new Uint8Array(await readFile(`${root}${view}.dcm`));
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(r.error.message);
  const geo = findBreast(r.value);
  const truth = JSON.parse(await readFile(`${root}${view}.truth.json`, 'utf8')) as { calcifications: TruthCalcification[] };
  return { view, image: r.value, draftImage: draftImageFrom(r.value, view, 'current', geo.ok ? geo.value : null), truth: truth.calcifications };
}

/** Clicks the truth centres of one group (structures counted once) and returns what the core measured. */
export function clickGroup(sample: SampleImage, groupId: string): NewCalcification[] {
  const out: NewCalcification[] = [];
  for (const t of sample.truth.filter((c) => c.groupId === groupId)) {
    const o = segmentAtSeed(sample.image, t.centre);
    if (!o.ok) continue;
    out.push({ seed: t.centre, contour: o.value.contour, measurements: measureCalcification(sample.image, o.value) });
  }
  return out;
}

/** An empty draft over the given sample images. */
export function sampleDraft(images: readonly SampleImage[]): ExamDraft {
  return newExamDraft('2.25.196084383509692032933780948866366418617', images.map((i) => i.draftImage));
}
