/** The eval's phantom set: every morphology in every distribution, drawn fresh from fixed seeds. */
import { DISTRIBUTION_TERMS, MORPHOLOGY_TERMS, type DistributionTerm, type MorphologyTerm } from '../../src/core/lexicon.js';
import type { PhantomOptions } from '../../test-data/generator/index.js';

/** Far from the seeds of the committed files, so the eval never scores a unit-test image. */
export const EVAL_BASE_SEED = 100_000;

/**
 * Classes one view cannot tell apart from others: skin needs a tangential view, suture the
 * surgical history (the radiologist picks both). Milk of calcium is drawn on ML, where its
 * meniscus shows, so it is scored.
 */
export const NOT_SEPARABLE_ON_ONE_VIEW: ReadonlySet<MorphologyTerm> = new Set(['skin', 'suture']);

const COUNT: Record<DistributionTerm, number> = { grouped: 8, linear: 8, segmental: 14, regional: 14, diffuse: 20 };

export interface EvalCase {
  readonly label: string;
  readonly options: Partial<PhantomOptions>;
}

/** One image per (morphology, distribution), plus a second grouped image per morphology. */
export function* casesFor(): Generator<EvalCase> {
  let seed = EVAL_BASE_SEED;
  const plan: [MorphologyTerm, DistributionTerm][] = [];
  for (const m of MORPHOLOGY_TERMS) for (const d of DISTRIBUTION_TERMS) plan.push([m, d]);
  for (const m of MORPHOLOGY_TERMS) plan.push([m, 'grouped']);
  for (const [morphology, distribution] of plan) {
    seed++;
    yield {
      label: `${morphology} / ${distribution} (seed ${seed})`,
      options: {
        seed,
        side: seed % 2 === 0 ? 'R' : 'L',
        view: morphology === 'milk of calcium' ? 'ML' : 'CC',
        size: 'small',
        findings: [{ morphology, distribution, count: COUNT[distribution] }],
      },
    };
  }
}
