import type { AssessmentInput } from '../../../src/core/assess/suggestion.js';
import type { HistoryEvent } from '../../../src/core/lexicon.js';
import { EMPTY_HISTORY } from '../../../src/core/lexicon.js';

/** An assessment input with plain defaults: right breast, grouped, stable 1 year, no history. */
export function input(p: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    morphology: ['punctate'],
    distribution: ['grouped'],
    change: { kind: 'stable', years: 1 },
    history: EMPTY_HISTORY,
    composition: 'b',
    side: 'right',
    ...p,
  };
}

export const event = (kind: HistoryEvent['kind'], side: HistoryEvent['side'] = 'right', date = '2022'): HistoryEvent => ({
  kind,
  side,
  date,
  site: null,
});

export const history = (...events: HistoryEvent[]) => ({ ...EMPTY_HISTORY, events });
