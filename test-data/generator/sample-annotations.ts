/**
 * The sample exam's annotations.json: what a radiologist reading it would mark — a click on every
 * calcification of each finding, on both views (taken from the phantoms' truth), the clinical
 * history and the change since the prior. `npm start` reads it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhantomTruth } from './truth.js';

async function clicks(dir: string, image: string, groupId: string): Promise<number[][]> {
  const truth = JSON.parse(await readFile(join(dir, image.replace('.dcm', '.truth.json')), 'utf8')) as PhantomTruth;
  return truth.calcifications
    .filter((c) => c.groupId === groupId)
    .map((c) => [Math.round(c.centre.x * 10) / 10, Math.round(c.centre.y * 10) / 10]);
}

async function views(dir: string, groupId: string, images: string[]): Promise<{ image: string; at: number[][] }[]> {
  const out: { image: string; at: number[][] }[] = [];
  for (const image of images) {
    const at = await clicks(dir, image, groupId);
    if (at.length > 0) out.push({ image, at });
  }
  return out;
}

/** Writes annotations.json into the sample exam folder `dir` (which holds the truth files); returns its name. */
export async function writeSampleAnnotations(dir: string): Promise<string> {
  const annotations = {
    composition: 'b',
    history: {
      events: [
        { kind: 'lumpectomy', side: 'right', date: '2022', site: 'upper outer quadrant' },
        { kind: 'radiation', side: 'right', date: '2022', site: null },
      ],
      implants: false,
      injections: false,
      conditions: [],
    },
    priorDate: '2024-03-12',
    indication: 'screening',
    findings: [
      { views: await views(dir, 'R1', ['RCC.dcm', 'RMLO.dcm']), change: 'stable:2', relation: 'at the lumpectomy site' },
      {
        views: await views(dir, 'R2', ['RCC.dcm', 'RMLO.dcm']),
        change: 'stable:2',
        relation: 'at the lumpectomy site',
        overrides: { morphology: ['suture'] },
      },
      { views: await views(dir, 'L1', ['LCC.dcm', 'LMLO.dcm']), change: 'stable:2', relation: null },
      { views: await views(dir, 'L2', ['LCC.dcm', 'LMLO.dcm']), change: 'new', relation: null },
    ],
  };
  await writeFile(join(dir, 'annotations.json'), `${JSON.stringify(annotations, null, 2)}\n`);
  return 'annotations.json';
}
