/**
 * Diagnostic: runs the eval's phantom set once and writes every clicked group's measurements
 * (per calcification and per group, with the describe context and the truth terms) to a JSON
 * file, so the describe rules can be studied and re-scored without regenerating the images.
 *
 *   node --import tsx tests/eval/dump-measurements.ts --seed 100000 --out /tmp/m100000.json
 */
import { writeFileSync } from 'node:fs';
import { analyzeFinding, findBreast, ingestDicom, segmentAtSeed } from '../../src/core/index.js';
import { generatePhantom, phantomOptions } from '../../test-data/generator/index.js';
import { casesFor, evalBaseSeed } from './cases.js';

const outAt = process.argv.indexOf('--out');
const out = outAt >= 0 ? (process.argv[outAt + 1] ?? '/tmp/measurements.json') : '/tmp/measurements.json';
const rows: unknown[] = [];
for (const c of casesFor(evalBaseSeed())) {
  const phantom = await generatePhantom(phantomOptions(c.options));
  const ingested = await ingestDicom(phantom.dicom);
  if (!ingested.ok) throw new Error(`phantom ${c.label} did not ingest`);
  const image = ingested.value;
  const geo = findBreast(image, {});
  for (const g of phantom.truth.groups) {
    const truths = phantom.truth.calcifications.filter((t) => t.groupId === g.id);
    const clicked = truths.map((t) => t.centre).filter((s) => segmentAtSeed(image, s).ok);
    const r = analyzeFinding(image, { seeds: clicked });
    rows.push({
      label: c.label,
      morphology: g.morphology,
      distribution: g.distribution,
      ctx: {
        view: image.meta.view,
        viewModifiers: image.meta.viewModifiers,
        breastAreaMm2: geo.ok ? geo.value.breastArea.mm2 : null,
        breastAreaPx2: geo.ok ? geo.value.breastArea.px2 : null,
      },
      ok: r.ok,
      calcifications: r.ok ? r.value.calcifications.map((a) => a.measurements) : [],
      group: r.ok ? r.value.group.measurements : null,
      suggested: r.ok ? { morphology: r.value.group.morphology, distribution: r.value.group.distribution } : null,
    });
  }
  process.stdout.write(`\r${rows.length} groups`);
}
writeFileSync(out, JSON.stringify(rows));
process.stdout.write(`\nwrote ${out}\n`);
