/**
 * `npm run eval`: accuracy of the pipeline on generated phantoms (not the committed test files), then
 * on the real mammograms of test-data/real-mg against their reading (tests/eval/real-images.ts).
 *
 * For every group drawn, the radiologist's clicks are simulated at the truth centres of its
 * calcifications; each click is segmented and measured (long-axis error against the truth), and
 * the clicked group goes through the public pipeline (analyzeFinding) for its morphology and
 * distribution terms. Then the same per acquisition setting (acquisition-settings.ts). Prints
 * confusion matrices and the per-setting table and writes docs/accuracy.md.
 *
 *   npm run eval                       both parts, writes docs/accuracy.md
 *   npm run eval -- --settings-only    the per-setting table only (printed)
 *   npm run eval -- --main-only        the main figures only (printed)
 */
import { writeFileSync } from 'node:fs';
import { DISTRIBUTION_TERMS, MORPHOLOGY_TERMS, type DistributionTerm, type MorphologyTerm } from '../../src/core/lexicon.js';
import { generatePhantom, phantomOptions } from '../../test-data/generator/index.js';
import { confusion, renderMatrix, macroAccuracy, type Confusion } from './confusion.js';
import { casesFor, DEFAULT_EVAL_BASE_SEED, NOT_SEPARABLE_ON_ONE_VIEW, EVAL_BASE_SEED } from './cases.js';
import { evaluateRealImages, renderRealImages } from './real-images.js';
import { displayFitOfRealImages, renderDisplayFit } from './display-fit.js';
import { evaluateFilmWithoutSpacing, renderFilmWithoutSpacing } from './film-without-spacing.js';
import { MIN_LONG_AXIS_MM, percentile, scorePhantom, type SizeSample } from './score-image.js';
import { evaluateSettings, settingMeetsTargets, settingsReport } from './acquisition-settings.js';

const SETTINGS_ONLY = process.argv.includes('--settings-only');
const MAIN_ONLY = process.argv.includes('--main-only');

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
  for (const c of SETTINGS_ONLY ? [] : casesFor()) {
    const phantom = await generatePhantom(phantomOptions(c.options));
    const score = await scorePhantom(phantom, c.label);
    images++;
    calcifications += score.calcifications;
    sizes.push(...score.sizes);
    for (const [k, v] of score.clickFailures) failures.set(k, (failures.get(k) ?? 0) + v);
    for (const g of score.groups) {
      groupsAnalysed++;
      if (g.failure !== null) {
        groupFailures.push(`${c.label} ${g.id}: ${g.failure}`);
        morph.add(g.morphology, 'none');
        dist.add(g.distribution, 'none');
        continue;
      }
      morph.add(g.morphology, g.suggestedMorphology ?? 'none');
      for (const m of g.singleMorphology) single.add(g.morphology, m);
      dist.add(g.distribution, g.suggestedDistribution ?? 'none');
    }
    process.stdout.write(`\r${images} images, ${calcifications} calcifications`);
  }
  process.stdout.write('\n');
  const mainSeconds = (Date.now() - started) / 1000;
  const realImages = SETTINGS_ONLY ? '' : renderRealImages(await evaluateRealImages(), renderDisplayFit(await displayFitOfRealImages()));
  const filmWithoutSpacing = SETTINGS_ONLY ? '' : renderFilmWithoutSpacing(await evaluateFilmWithoutSpacing());

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

Produced by \`npm run eval\` (tests/eval/run.ts) on ${new Date().toISOString().slice(0, 10)} in ${Math.round(mainSeconds)} s:
${images} generated phantom images (seeds from ${EVAL_BASE_SEED}; none of them is a committed test file),
${calcifications} calcifications in ${groupsAnalysed} groups. Clicks are simulated at the truth centre of every
calcification (on its wall when its lucent centre gives no outline); sizes are compared at the calibration the phantom's truth states (magnification-corrected).
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
${realImages}
${filmWithoutSpacing}`;
  let settingsText = '';
  let settingsMet = true;
  if (!MAIN_ONLY) {
    const t0 = Date.now();
    const results = await evaluateSettings((done, total) => process.stdout.write(`\rsettings ${done}/${total}`));
    process.stdout.write('\n');
    settingsText = settingsReport(results, (Date.now() - t0) / 1000);
    settingsMet = results.filter((r) => r.setting.detector === 'ffdm').every(settingMeetsTargets);
  }
  const text = `${SETTINGS_ONLY ? '' : report}${settingsText === '' ? '' : `\n${settingsText}`}`;
  process.stdout.write(text);
  // docs/accuracy.md states the default seed set with all parts; other runs are printed only.
  if (EVAL_BASE_SEED === DEFAULT_EVAL_BASE_SEED && !SETTINGS_ONLY && !MAIN_ONLY) writeFileSync(new URL('../../docs/accuracy.md', import.meta.url), text);
  process.exitCode = (SETTINGS_ONLY || checks.every((c) => c.met)) && settingsMet ? 0 : 1;
}

await main();
