/**
 * Regenerates exactly the committed phantom files:
 *   npx tsx test-data/generator/make-committed-set.ts [ROOT]
 * ROOT defaults to test-data/ beside this folder. Each file's recipe is the list below: the
 * `calcscribe phantom` arguments that make it (the CLI names files phantom-<seed>-<side><view>;
 * here each gets the name given).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhantomArgs } from './command.js';
import { generatePhantom } from './generate-phantom.js';
import { writeSampleAnnotations } from './sample-annotations.js';
import { generateScreeningExam, writeExam } from './screening-exam.js';
import { truthJson } from './truth-json.js';

export const SAMPLE_EXAM_SEED = 2026;
export const SAMPLE_EXAM_ARGS = ['--exam', '--seed', String(SAMPLE_EXAM_SEED), '--prior-syntax', 'jpeg-ls'] as const;

/** Variants need only a small breast; morphologies with long or large deposits get a larger one. */
const UNIT_SIZE = '256x208';
const MORPHOLOGY_SIZE = '320x256';
const LARGE_MORPHOLOGY_SIZE = '384x320';
const LARGE_DEPOSITS = new Set(['vascular', 'coarse', 'large rod-like', 'dystrophic', 'suture', 'fine linear', 'fine-linear branching']);

/** Unit files: name → `calcscribe phantom` arguments (without --out). */
export const UNIT_FILES: readonly { readonly name: string; readonly args: readonly string[]; readonly what: string }[] = [
  { name: 'monochrome1', args: ['--seed', '11', '--size', UNIT_SIZE, '--photometric', 'MONOCHROME1', '--calcifications', 'round'], what: 'MONOCHROME1 (low stored values are white)' },
  { name: 'implicit-vr', args: ['--seed', '12', '--size', UNIT_SIZE, '--syntax', 'implicit', '--calcifications', 'punctate'], what: 'implicit VR little endian' },
  { name: 'jpeg-ls', args: ['--seed', '13', '--size', UNIT_SIZE, '--syntax', 'jpeg-ls', '--calcifications', 'fine pleomorphic'], what: 'JPEG-LS lossless, encapsulated (BOT + 1 fragment)' },
  { name: 'jpeg-ls-reference', args: ['--seed', '13', '--size', UNIT_SIZE, '--calcifications', 'fine pleomorphic'], what: 'the same image as jpeg-ls, uncompressed' },
  { name: 'pixel-spacing-geometry', args: ['--seed', '14', '--size', UNIT_SIZE, '--pixel-spacing', '--calcifications', 'coarse heterogeneous'], what: 'Pixel Spacing + Pixel Spacing Calibration Type GEOMETRY' },
  { name: 'magnification', args: ['--seed', '15', '--size', UNIT_SIZE, '--magnification', '--calcifications', 'amorphous'], what: 'magnification view: View Modifier magnification, ERMF 1.8' },
  { name: 'bits-stored-12', args: ['--seed', '16', '--size', UNIT_SIZE, '--bits', '12', '--side', 'L', '--view', 'MLO', '--calcifications', 'punctate'], what: '12 bits stored in 16 allocated' },
  { name: 'hostile-name', args: ['--seed', '17', '--size', UNIT_SIZE, '--hostile-name', '--calcifications', 'round'], what: 'patient name with HTML / SQL metacharacters' },
];

const MORPHOLOGY_SEEDS: readonly { readonly term: string; readonly seed: number; readonly view?: string; readonly side?: string }[] = [
  { term: 'skin', seed: 101 },
  { term: 'vascular', seed: 102, view: 'MLO' },
  { term: 'coarse', seed: 103 },
  { term: 'large rod-like', seed: 104 },
  { term: 'round', seed: 105, side: 'L' },
  { term: 'punctate', seed: 106 },
  { term: 'rim', seed: 107, side: 'L' },
  { term: 'dystrophic', seed: 108 },
  { term: 'milk of calcium', seed: 109 },
  { term: 'milk of calcium', seed: 109, view: 'ML' },
  { term: 'suture', seed: 110, side: 'L' },
  { term: 'amorphous', seed: 111 },
  { term: 'coarse heterogeneous', seed: 112 },
  { term: 'fine pleomorphic', seed: 113, view: 'MLO' },
  { term: 'fine linear', seed: 114 },
  { term: 'fine-linear branching', seed: 115, side: 'L' },
];

/** Morphology files: one image per lexicon term (milk of calcium in CC and ML, the same cysts). */
export const MORPHOLOGY_FILES = MORPHOLOGY_SEEDS.map((m) => ({
  name: `morphology-${m.term.replace(/ /g, '-')}${m.view === 'ML' ? '-ML' : ''}`,
  args: ['--seed', String(m.seed), '--size', LARGE_DEPOSITS.has(m.term) ? LARGE_MORPHOLOGY_SIZE : MORPHOLOGY_SIZE, '--side', m.side ?? 'R', '--view', m.view ?? 'CC', '--calcifications', m.term],
  what: `${m.term}, ${m.side ?? 'R'} ${m.view ?? 'CC'}`,
}));

/** Writes one named file from CLI arguments. */
export async function makeNamedPhantom(dir: string, name: string, args: readonly string[]): Promise<void> {
  const parsed = parsePhantomArgs([...args, '--out', dir]);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
  const p = await generatePhantom(parsed.options);
  await writeFile(join(dir, `${name}.dcm`), p.dicom);
  await writeFile(join(dir, `${name}.truth.json`), truthJson(p.truth));
}

/** Regenerates test-data/sample and test-data/unit under `root`. */
export async function makeCommittedSet(root: string): Promise<string[]> {
  const written: string[] = [];
  const sample = join(root, 'sample');
  await mkdir(sample, { recursive: true });
  const exam = await generateScreeningExam({ seed: SAMPLE_EXAM_SEED, priorSyntax: 'jpeg-ls' });
  for (const f of await writeExam(sample, exam)) written.push(join('sample', f));
  written.push(join('sample', await writeSampleAnnotations(sample)));
  const unit = join(root, 'unit');
  await mkdir(unit, { recursive: true });
  for (const f of [...UNIT_FILES, ...MORPHOLOGY_FILES]) {
    await makeNamedPhantom(unit, f.name, f.args);
    written.push(join('unit', `${f.name}.dcm`), join('unit', `${f.name}.truth.json`));
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
  const files = await makeCommittedSet(root);
  for (const f of files) console.log(f);
}
