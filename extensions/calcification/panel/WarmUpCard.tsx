import { useEffect, useState } from 'react';
import { FindingCard } from './FindingCard.js';
import type { PanelCallbacks, PanelFinding } from './panel-model.js';

/**
 * The first finding card a page draws cost the radiologist's first click 40–120 ms more than the
 * later ones on a full-size exam: React mounted the card and its controls for the first time, and
 * the panel's styles were matched to them for the first time. While the panel has no finding yet,
 * one card with placeholder text is drawn off-screen — invisible, hidden from assistive technology,
 * inert, not named as a finding — and removed after it has been painted once (once per page), so that the first real card draws as fast as
 * the later ones. It shows nothing and changes nothing: its controls answer nobody.
 */
export function WarmUpCard() {
  const [painted, setPainted] = useState(warmedUp);
  useEffect(() => {
    if (warmedUp) return undefined;
    // Two frames: the first lays the card out and paints it, the second removes it.
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => {
        warmedUp = true;
        setPainted(true);
      });
    });
    return () => cancelAnimationFrame(id);
  }, []);
  if (painted) return null;
  return (
    <div className="cs-warm-up" aria-hidden="true" inert data-testid="warm-up-card">
      <FindingCard finding={PLACEHOLDER} label="Finding" host={NOBODY} selectedCalcificationId={null} comparison warmUp />
    </div>
  );
}

/** Once per page: a panel drawn again (another exam, a discarded draft) finds it warm. */
let warmedUp = false;

const NOBODY: PanelCallbacks = { dispatch: () => undefined, selectCalcification: () => undefined };

/** Placeholder text in every part a card draws: lists, the assessment, reasons, notes and wording. */
const PLACEHOLDER: PanelFinding = {
  id: 'warm-up',
  side: 'right',
  count: 1,
  calcifications: [],
  morphology: ['punctate'],
  distribution: ['grouped'],
  morphologyDescription: { terms: [{ term: 'punctate', confidence: 0.5 }], evidence: ['placeholder'], sizeThresholdsApplied: true },
  distributionDescription: { terms: [{ term: 'grouped', confidence: 0.5 }], evidence: ['placeholder'], sizeThresholdsApplied: true },
  suggestedMorphology: ['punctate'],
  suggestedDistribution: ['grouped'],
  location: null,
  change: null,
  overrides: {},
  suggestion: { assessment: '2', management: 'placeholder', reasons: ['placeholder'], ruleIds: [], differential: [], summary: null, followUpMonths: null, diagnosticAssessment: null },
  rulesAssessment: '2',
  overridden: [],
  wording: 'placeholder',
  relation: null,
  knownCancer: null,
  warnings: ['placeholder'],
  imageNotes: [],
  size: 'placeholder',
  facts: {
    count: 'placeholder',
    location: 'placeholder',
    morphology: 'placeholder',
    suggestedMorphology: 'placeholder',
    suggestedDistribution: 'placeholder',
    morphologyConfidence: ['placeholder'],
    assessment: 'placeholder',
    rulesAssessment: 'placeholder',
  },
};
