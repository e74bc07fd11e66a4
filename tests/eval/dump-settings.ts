/**
 * Diagnostic: generates the per-setting phantoms of a subset of acquisition settings and writes
 * every group's clicked calcifications' measurements (with the setting, the view and the truth
 * term) to a JSON file, so the describe rules can be re-scored per setting without regenerating
 * the images (rescore-settings.ts).
 *
 * `--chain` draws the same phantoms (same seeds, deposits, anatomy and processing) through part of
 * the imaging chain only, for an ideal-observer check of the describe rules: `ideal` without
 * detector blur and noise (what the recipe draws, sampled with partial volume), `blur` with the
 * blur only, `noise` with the noise only (white: the blur is what correlates it), `full` (default)
 * the whole chain.
 *
 *   node --import tsx tests/eval/dump-settings.ts --out /tmp/s.json [--detector ffdm] [--pixel 0.05] [--seed 500000] [--chain ideal|blur|noise|full]
 */
import { writeFileSync } from 'node:fs';
import { generatePhantom } from '../../test-data/generator/index.js';
import { acquisitionSettings, casesForSetting, settingName, SETTINGS_TUNING_SEEDS } from './acquisition-settings.js';
import { scorePhantom } from './score-image.js';
import { imagingChainPart, isImagingChainPart } from './imaging-chain-part.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const out = arg('--out') ?? '/tmp/settings.json';
const detector = arg('--detector');
const pixel = arg('--pixel');
const baseSeed = Number(arg('--seed') ?? SETTINGS_TUNING_SEEDS[0]);
const chain = arg('--chain') ?? 'full';
if (!isImagingChainPart(chain)) throw new Error(`--chain ${chain}: expected ideal, blur, noise or full`);
const rows: unknown[] = [];
const all = acquisitionSettings();
for (const [i, s] of all.entries()) {
  if (detector !== undefined && s.detector !== detector) continue;
  if (pixel !== undefined && s.pixelMm !== Number(pixel)) continue;
  for (const c of casesForSetting(s, i, baseSeed)) {
    const phantom = await generatePhantom(imagingChainPart(c.options, chain));
    const score = await scorePhantom(phantom, c.label);
    for (const g of score.groups) {
      const drawn = phantom.truth.calcifications.filter((t) => t.groupId === g.id);
      rows.push({
        setting: settingName(s),
        pixelMm: s.pixelMm,
        label: c.label,
        morphology: g.morphology,
        count: g.count,
        view: g.view,
        suggested: g.suggestedMorphology,
        calcifications: g.measurements,
        // What the recipe drew (for checking the drawing against the lexicon).
        truth: drawn.map((t) => ({ longAxisMm: t.longAxisMm, shortAxisMm: t.shortAxisMm, areaMm2: t.areaMm2, peakContrast: t.peakContrast })),
      });
    }
  }
  process.stdout.write(`\r${settingName(s)}            `);
}
writeFileSync(out, JSON.stringify(rows));
process.stdout.write(`\nwrote ${out} (${rows.length} groups)\n`);
