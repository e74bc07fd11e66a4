/**
 * Classes one view cannot separate, as data: when the suggested term is one of `lookalikes` and
 * the context lacks the view that would tell them apart, the description says so.
 */
import type { MorphologyTerm } from '../lexicon.js';
import type { DescribeContext } from './context.js';

export interface ViewLimit {
  readonly id: string;
  /** The class that may be hiding behind the suggested term. */
  readonly hidden: MorphologyTerm;
  readonly lookalikes: readonly MorphologyTerm[];
  /** True when the context has the view that separates them. */
  readonly separatedBy: (ctx: DescribeContext) => boolean;
  readonly text: string;
}

export const VIEW_LIMITS: readonly ViewLimit[] = [
  {
    id: 'skin-needs-tangential',
    hidden: 'skin',
    lookalikes: ['punctate', 'round', 'rim', 'amorphous', 'coarse heterogeneous', 'fine pleomorphic'],
    separatedBy: (ctx) => (ctx.viewModifiers ?? []).includes('tangential'),
    text: 'one view cannot separate skin (dermal) calcifications from these without a tangential view',
  },
  {
    id: 'milk-of-calcium-needs-lateral',
    hidden: 'milk of calcium',
    lookalikes: ['round', 'punctate', 'amorphous', 'fine linear'],
    separatedBy: (ctx) => ctx.view === 'ML' || ctx.view === 'LM',
    text: 'one view cannot separate milk of calcium (smudgy on CC, a meniscus on a true lateral) without an ML or LM view',
  },
];

/** The caveats that apply to a suggested term in this context. */
export function viewLimitsFor(term: MorphologyTerm, ctx: DescribeContext): string[] {
  return VIEW_LIMITS.filter((l) => l.lookalikes.includes(term) && !l.separatedBy(ctx)).map((l) => l.text);
}
