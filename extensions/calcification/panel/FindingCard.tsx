import { memo, useId } from 'react';
import type { OverriddenTerm } from 'calcscribe/core';
import { ASSESSMENT_CATEGORIES, DISTRIBUTION_TERMS, type AssessmentCategory, type DistributionTerm } from 'calcscribe/core';
import { ChangeSelect } from './ChangeSelect.js';
import { MorphologyPicker } from './MorphologyPicker.js';
import { OverrideMark } from './OverrideMark.js';
import { KnownCancerSelect } from './KnownCancerSelect.js';
import { RelationField } from './RelationField.js';
import type { PanelCallbacks, PanelFinding } from './panel-model.js';
import { assessmentOption, distributionOption } from './term-codes.js';

function isDistribution(s: string): s is DistributionTerm {
  return (DISTRIBUTION_TERMS as readonly string[]).includes(s);
}
function isCategory(s: string): s is AssessmentCategory {
  return (ASSESSMENT_CATEGORIES as readonly string[]).includes(s);
}

/**
 * One finding: what was measured, the terms (suggested or overridden), the suggestion and its
 * wording, every word and number as the core derived it (the card formats nothing). Drawn again only when one of its props changes (the panel keeps a finding's object
 * while it is unchanged, and tells each card only of a selection among its own calcifications).
 */
export const FindingCard = memo(function FindingCard(props: {
  readonly finding: PanelFinding;
  readonly label: string;
  readonly host: PanelCallbacks;
  readonly selectedCalcificationId: string | null;
  /** Whether the exam has a comparison exam (then "no priors" is not offered). */
  readonly comparison?: boolean;
  /** Whether the history lists a biopsy-proven cancer (then the finding's relation to it is asked). */
  readonly knownCancerListed?: boolean;
  /** Drawn off-screen only to prepare the page (WarmUpCard): not named as a finding. */
  readonly warmUp?: boolean;
}) {
  const { finding: f, label, host } = props;
  const dispatch = host.dispatch;
  const id = useId();
  const overrides = f.overrides;
  const morphologyOverridden = overrides.morphology !== undefined;
  const distributionOverridden = overrides.distribution !== undefined;
  const assessmentOverridden = overrides.assessment !== undefined;
  const revert = (term: OverriddenTerm): void => dispatch({ type: 'clearOverrides', findingId: f.id, terms: [term] });
  const facts = f.facts;
  // The images' notes are stated once for all findings, above them (FindingsPanel).
  const own = f.warnings.filter((w) => !f.imageNotes.includes(w));

  return (
    <article className="cs-finding" data-testid={props.warmUp === true ? undefined : 'finding'} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{label}</h4>
      <dl className="cs-facts">
        <dt>Count</dt>
        <dd data-testid="finding-count">{facts.count}</dd>
        <dt>Size</dt>
        <dd data-testid="finding-size">{f.size}</dd>

        <dt>Morphology</dt>
        <dd data-testid="finding-morphology">
          <span>{facts.morphology}</span>{' '}
          {morphologyOverridden ? (
            <OverrideMark termName="morphology" suggested={facts.suggestedMorphology} onRevert={() => revert('morphology')} />
          ) : (
            <span className="cs-suggested">(suggested)</span>
          )}
          <ul className="cs-confidence" aria-label={`Suggested morphology terms of ${label} with confidence`}>
            {facts.morphologyConfidence.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          {f.morphologyDescription.evidence.length > 0 ? (
            <ul className="cs-evidence" aria-label={`Morphology evidence of ${label}`}>
              {f.morphologyDescription.evidence.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          ) : null}
          <details>
            <summary data-testid="change-morphology">Change morphology</summary>
            <MorphologyPicker findingLabel={label} chosen={f.morphology} onChange={(terms) => dispatch({ type: 'overrideTerms', findingId: f.id, overrides: { morphology: terms } })} />
          </details>
        </dd>

        <dt>
          <label htmlFor={`${id}-distribution`}>Distribution</label>
        </dt>
        <dd data-testid="finding-distribution">
          <select
            id={`${id}-distribution`}
            aria-label={`Distribution of ${label}`}
            value={f.distribution[0] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v === '') dispatch({ type: 'overrideTerms', findingId: f.id, overrides: { distribution: [] } });
              else if (isDistribution(v)) dispatch({ type: 'overrideTerms', findingId: f.id, overrides: { distribution: [v] } });
            }}
          >
            <option value="">not stated (single calcification)</option>
            {DISTRIBUTION_TERMS.map((t) => (
              <option key={t} value={t}>
                {distributionOption(t)}
              </option>
            ))}
          </select>{' '}
          {distributionOverridden ? (
            <OverrideMark termName="distribution" suggested={facts.suggestedDistribution} onRevert={() => revert('distribution')} />
          ) : (
            <span className="cs-suggested">(suggested)</span>
          )}
          {f.distributionDescription && f.distributionDescription.evidence.length > 0 ? (
            <ul className="cs-evidence" aria-label={`Distribution evidence of ${label}`}>
              {f.distributionDescription.evidence.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          ) : null}
        </dd>

        <dt>Location</dt>
        <dd data-testid="finding-location">{facts.location}</dd>
        <dt>Relation</dt>
        <dd>
          <RelationField findingLabel={label} relation={f.relation} onCommit={(relation) => dispatch({ type: 'setRelation', findingId: f.id, relation })} />
          {props.knownCancerListed === true || f.knownCancer !== null ? (
            <KnownCancerSelect findingLabel={label} relation={f.knownCancer} onChange={(relation) => dispatch({ type: 'setKnownCancer', findingId: f.id, relation })} />
          ) : null}
        </dd>

        <dt>Change</dt>
        <dd>
          <ChangeSelect findingLabel={label} change={f.change} {...(props.comparison !== undefined ? { comparison: props.comparison } : {})} onChange={(change) => dispatch({ type: 'setChange', findingId: f.id, change })} />
        </dd>
      </dl>

      <section className="cs-assessment" aria-label={`Suggested assessment of ${label}`}>
        <p aria-live="polite" aria-atomic="true">
          <span className="cs-badge">{assessmentOverridden ? 'set by radiologist' : 'suggested'}</span>{' '}
          <strong data-testid="assessment">{facts.assessment}</strong>
          {assessmentOverridden ? <> (rules suggested {facts.rulesAssessment})</> : null}
        </p>
        <ul className="cs-reasons" aria-label={`Reasons for the assessment of ${label}`} data-testid="reasons">
          {f.suggestion.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
        <p className="cs-management">{f.suggestion.management}</p>
        <label htmlFor={`${id}-assessment`}>Assessment</label>{' '}
        <select
          id={`${id}-assessment`}
          aria-label={`Assessment of ${label}`}
          value={overrides.assessment ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v === '') revert('assessment');
            else if (isCategory(v)) dispatch({ type: 'overrideTerms', findingId: f.id, overrides: { assessment: v } });
          }}
        >
          <option value="">as suggested ({facts.rulesAssessment})</option>
          {ASSESSMENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {assessmentOption(c)}
            </option>
          ))}
        </select>{' '}
        {assessmentOverridden ? (
          <OverrideMark termName="assessment" suggested={facts.rulesAssessment} onRevert={() => revert('assessment')} />
        ) : null}
      </section>

      {own.length > 0 ? (
        <ul className="cs-warnings" aria-label={`Notes on ${label}`}>
          {own.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}

      <p className="cs-wording" data-testid="wording" aria-live="polite">
        {f.wording}
      </p>

      {host.selectCalcification ? (
        <div className="cs-calcifications" role="group" aria-label={`Calcifications of ${label}`}>
          {f.calcifications.map((c, i) => (
            <button
              key={c.id}
              type="button"
              aria-pressed={props.selectedCalcificationId === c.id}
              aria-label={`Calcification ${i + 1} of ${label}: magnified view and profile`}
              onClick={() => host.selectCalcification?.(props.selectedCalcificationId === c.id ? null : c.id)}
            >
              #{i + 1}
            </button>
          ))}
        </div>
      ) : null}
    </article>
  );
});
