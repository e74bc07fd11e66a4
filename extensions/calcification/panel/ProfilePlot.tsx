import type { ProfileSample } from './profile.js';

const W = 280;
const H = 120;
const PAD = 24;

/** The centre dip of a profile relative to its peak above the ends: 0 solid, near 1 lucent centre. */
export function centreDip(samples: readonly ProfileSample[]): number {
  if (samples.length < 5) return 0;
  const base = Math.min((samples[0] as ProfileSample).density, (samples[samples.length - 1] as ProfileSample).density);
  const mid = samples.length >> 1;
  const centre = (samples[mid] as ProfileSample).density - base;
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, s.density - base);
  if (peak <= 0) return 0;
  return Math.max(0, Math.min(1, 1 - centre / peak));
}

/**
 * A line plot of density along the long axis through the centre; a lucent centre shows as a dip.
 * `lengthWords`: the profile line's length as the core words it (distanceWords), null when not known.
 */
export function ProfilePlot(props: { readonly samples: readonly ProfileSample[]; readonly lengthWords: string | null }) {
  const s = props.samples;
  if (s.length < 2) return <p>No profile: the calcification has no long axis.</p>;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of s) {
    lo = Math.min(lo, p.density);
    hi = Math.max(hi, p.density);
  }
  const span = hi - lo || 1;
  const lengthLabel = props.lengthWords ?? 'length not known';
  const len = (s[s.length - 1] as ProfileSample).distancePx || 1;
  const points = s.map((p) => `${(PAD + ((W - 2 * PAD) * p.distancePx) / len).toFixed(1)},${(H - PAD - ((H - 2 * PAD) * (p.density - lo)) / span).toFixed(1)}`).join(' ');
  const dip = centreDip(s);
  return (
    <figure className="cs-profile">
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Density along the long axis through the centre, ${lengthLabel}; centre ${Math.round(dip * 100)} % below the peak`}
        data-testid="intensity-profile"
      >
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" strokeWidth={0.5} />
        <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} stroke="currentColor" strokeWidth={0.5} />
        <line x1={W / 2} y1={PAD} x2={W / 2} y2={H - PAD} stroke="currentColor" strokeDasharray="2 3" strokeWidth={0.5} />
        <polyline points={points} fill="none" stroke="#e0a030" strokeWidth={1.5} />
        <text x={PAD} y={H - 6} fontSize={10} fill="currentColor">
          0
        </text>
        <text x={W - PAD} y={H - 6} fontSize={10} textAnchor="end" fill="currentColor">
          {lengthLabel}
        </text>
        <text x={4} y={PAD - 8} fontSize={10} fill="currentColor">
          density
        </text>
      </svg>
      <figcaption>
        Density profile along the long axis; centre {Math.round(dip * 100)} % below the peak{dip >= 0.25 ? ' (lucent centre)' : ''}.
      </figcaption>
    </figure>
  );
}
