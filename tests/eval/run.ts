/**
 * `npm run eval`: accuracy of the pipeline on generated phantoms (not the committed test files), then
 * on the real mammograms of test-data/real-mg against their reading (tests/eval/real-images.ts).
 *
 * For every group drawn, the radiologist's clicks are simulated at the truth centres of its
 * calcifications; each click is segmented and measured (long-axis error against the truth), and
 * the clicked group goes through the public pipeline (analyzeFinding) for its morphology and
 * distribution terms. Prints confusion matrices and writes docs/accuracy.md.
 */
import { writeFileSync } from 'node:fs';
import { analyzeFinding, ingestDicom, measureCalcification, segmentAtSeed, type MammoImage } from '../../src/core/index.js';
import { DISTRIBUTION_TERMS, MORPHOLOGY_TERMS, type DistributionTerm, type MorphologyTerm } from '../../src/core/lexicon.js';
import { generatePhantom, phantomOptions } from '../../test-data/generator/index.js';
import type { CalcificationTruth, PhantomTruth } from '../../test-data/generator/truth.js';
import { confusion, renderMatrix, macroAccuracy, type Confusion } from './confusion.js';
import { casesFor, DEFAULT_EVAL_BASE_SEED, NOT_SEPARABLE_ON_ONE_VIEW, EVAL_BASE_SEED } from './cases.js';
import { evaluateRealImages, renderRealImages } from './real-images.js';

const MIN_LONG_AXIS_MM = 0.3;

interface SizeSample {
  truth: number;
  measured: number;
  morphology: MorphologyTerm;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function nearestMeasured(image: MammoImage, c: CalcificationTruth): { longAxisMm: number } | { failure: string } {
  const r = segmentAtSeed(image, c.centre);
  if (!r.ok) return { failure: r.error.kind };
  const m = measureCalcification(image, r.value);
  if (m.longAxis.mm === null) return { failure: 'uncalibrated' };
  return { longAxisMm: m.longAxis.mm };
}

async function main(): Promise<void> {
  const started = Date.now();
  const sizes: SizeSample[] = [];
  const failures = new Map<string, number>();
  const morph: Confusion<MorphologyTerm | 'none'> = confusion();
  const single: Confusion<MorphologyTerm | 'none'> = confusion();
  const dist: Confusion<DistributionTerm | 'none'> = confusion();
  let images = 0;
  let calcifications = 0;
  let groupsAnalysed = 0;
  const groupFailures: string[] = [];
  for (const c of casesFor()) {
    const phantom = await generatePhantom(phantomOptions(c.options));
    const ingested = await ingestDicom(phantom.dicom);
    if (!ingested.ok) throw new Error(`phantom ${c.label} did not ingest: ${ingested.error.message}`);
    const image = ingested.value;
    const truth: PhantomTruth = phantom.truth;
    images++;
    for (const t of truth.calcifications) {
      calcifications++;
      if (t.longAxisMm < MIN_LONG_AXIS_MM) continue;
      const m = nearestMeasured(image, t);
      if ('failure' in m) failures.set(m.failure, (failures.get(m.failure) ?? 0) + 1);
      else sizes.push({ truth: t.longAxisMm, measured: m.longAxisMm, morphology: t.morphology });
    }
    for (const g of truth.groups) {
      const seeds = truth.calcifications.filter((t) => t.groupId === g.id).map((t) => t.centre);
      const clicked = seeds.filter((s) => segmentAtSeed(image, s).ok);
      const r = analyzeFinding(image, { seeds: clicked });
      groupsAnalysed++;
      if (!r.ok) {
        groupFailures.push(`${c.label} ${g.id}: ${r.error.message}`);
        morph.add(g.morphology, 'none');
        dist.add(g.distribution, 'none');
        continue;
      }
      morph.add(g.morphology, r.value.group.morphology[0] ?? 'none');
      for (const a of r.value.calcifications) single.add(g.morphology, a.morphology[0] ?? 'none');
      dist.add(g.distribution, r.value.group.distribution[0] ?? 'none');
    }
    process.stdout.write(`\r${images} images, ${calcifications} calcifications`);
  }
  process.stdout.write('\n');
  const realImages = renderRealImages(await evaluateRealImages());

  const errors = sizes.map((s) => Math.abs(s.measured - s.truth)).sort((a, b) => a - b);
  const median = percentile(errors, 50);
  const p95 = percentile(errors, 95);
  const separable = MORPHOLOGY_TERMS.filter((t) => !NOT_SEPARABLE_ON_ONE_VIEW.has(t) && morph.rowTotal(t) > 0);
  const morphAccuracy = macroAccuracy(morph, separable);
  const distAccuracy = macroAccuracy(dist, DISTRIBUTION_TERMS.filter((t) => dist.rowTotal(t) > 0));
  const failureText = [...failures].map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
  const checks = [
    { name: 'long-axis error, median', value: `${median.toFixed(3)} mm`, target: '≤ 0.1 mm', met: median <= 0.1 },
    { name: 'long-axis error, 95th percentile', value: `${p95.toFixed(3)} mm`, target: '≤ 0.2 mm', met: p95 <= 0.2 },
    { name: 'morphology, macro-averaged accuracy (separable classes)', value: `${(morphAccuracy * 100).toFixed(1)} %`, target: '≥ 90 %', met: morphAccuracy >= 0.9 },
    { name: 'distribution, macro-averaged accuracy', value: `${(distAccuracy * 100).toFixed(1)} %`, target: '≥ 90 %', met: distAccuracy >= 0.9 },
  ];
  const morphRows = [...MORPHOLOGY_TERMS.filter((t) => morph.rowTotal(t) > 0)];
  const distRows = [...DISTRIBUTION_TERMS.filter((t) => dist.rowTotal(t) > 0)];
  const morphMatrix = renderMatrix(morph, morphRows, [...morphRows, 'none']);
  const singleMatrix = renderMatrix(single, morphRows, [...morphRows, 'none']);
  const singleAccuracy = macroAccuracy(single, separable);
  const distMatrix = renderMatrix(dist, distRows, [...distRows, 'none']);
  const report = `# Accuracy

Produced by \`npm run eval\` (tests/eval/run.ts) on ${new Date().toISOString().slice(0, 10)} in ${Math.round((Date.now() - started) / 1000)} s:
${images} generated phantom images (seeds from ${EVAL_BASE_SEED}; none of them is a committed test file),
${calcifications} calcifications in ${groupsAnalysed} groups. Clicks are simulated at the truth centre of every
calcification; sizes are compared at the calibration the phantom's truth states (magnification-corrected).
Other seed sets (\`npm run eval -- --seed N\`, printed only) check that the rules generalise: see
[accuracy-checks.md](accuracy-checks.md).

| figure | value | target | |
| --- | --- | --- | --- |
${checks.map((c) => `| ${c.name} | ${c.value} | ${c.target} | ${c.met ? 'met' : 'NOT met'} |`).join('\n')}

Long axis: ${sizes.length} calcifications with a true long axis ≥ ${MIN_LONG_AXIS_MM} mm were measured;
clicks that gave no outline: ${failureText}.

Morphology is scored per group (the finding's suggested term, as the report states it). Classes that one
view cannot separate are shown but left out of the average: ${[...NOT_SEPARABLE_ON_ONE_VIEW].join(', ')}
(skin needs a tangential view; milk of calcium needs a true lateral (ML / LM) view — the eval draws it on ML;
suture needs the surgical history and is chosen by the radiologist).

## Morphology (rows: truth, columns: suggested)

${morphMatrix}

## Morphology of single calcifications (diagnostic, not a target)

Each clicked calcification's own first term (before the set rules: fine pleomorphic, amorphous and
fine-linear branching are properties of a set), macro-averaged ${(singleAccuracy * 100).toFixed(1)} %.

${singleMatrix}

## Distribution (rows: truth, columns: suggested)

${distMatrix}
${groupFailures.length > 0 ? `\nGroups that gave no analysis:\n${groupFailures.map((f) => `- ${f}`).join('\n')}\n` : ''}
${realImages}`;
  process.stdout.write(report);
  // docs/accuracy.md states the default seed set; other seed sets are printed only.
  if (EVAL_BASE_SEED === DEFAULT_EVAL_BASE_SEED) writeFileSync(new URL('../../docs/accuracy.md', import.meta.url), report);
  process.exitCode = checks.every((c) => c.met) ? 0 : 1;
}

await main();
