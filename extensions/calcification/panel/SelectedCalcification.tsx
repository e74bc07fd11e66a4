import { useMemo } from 'react';
import type { DraftCalcification } from 'calcscribe/draft';
import { calcificationDetailWords, distanceWords, type MammoImage } from 'calcscribe/core';
import { intensityProfile, longAxisLine } from './profile.js';
import { ProfilePlot } from './ProfilePlot.js';
import { ZoomView } from './ZoomView.js';

const PROFILE_SAMPLES = 64;

/** The selected calcification as pictures (its size as the label beside its outline reads): magnified pixels with the outline, and the density profile. */
export function SelectedCalcification(props: { readonly calcification: DraftCalcification; readonly image: MammoImage | null }) {
  const c = props.calcification;
  const m = c.measurements;
  const margin = Math.max(3, Math.round(m.longAxis.px * 0.6));
  const line = useMemo(() => longAxisLine(c.contour, m.centre, margin), [c.contour, m.centre, margin]);
  const samples = useMemo(
    () => (props.image !== null && line !== null ? intensityProfile(props.image, line.from, line.to, PROFILE_SAMPLES) : []),
    [props.image, line],
  );
  const lineLength = props.image !== null && line !== null ? distanceWords(line.from, line.to, props.image.calibration) : null;
  const half = Math.max(8, Math.ceil(m.longAxis.px / 2 + margin + 2));
  return (
    <section className="cs-selected" aria-label="Selected calcification" data-testid="selected-calcification">
      <h3>Selected calcification</h3>
      <p>{calcificationDetailWords(m, c.edited)}</p>
      {props.image === null ? (
        <p>The image is not loaded: no picture.</p>
      ) : (
        <div className="cs-pictures">
          <ZoomView image={props.image} centre={m.centre} contour={c.contour} halfSizePx={half} line={line} />
          <ProfilePlot samples={samples} lengthWords={lineLength} />
        </div>
      )}
    </section>
  );
}
