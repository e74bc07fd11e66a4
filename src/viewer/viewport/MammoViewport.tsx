/**
 * One mammogram viewport: enables a Cornerstone stack viewport on its element, hangs the image,
 * labels it with laterality, view and calibration kind (on screen, and in its accessible name and
 * description), shows the keyboard crosshair with its position announced in image pixels, and
 * reports when it is first displayed.
 */
import { Enums, type Types } from '@cornerstonejs/core';
import { useEffect, useRef } from 'react';
import { RENDERING_ENGINE_ID, type CornerstoneSession } from '../cornerstone/setup.js';
import type { LoadedImage } from '../loading/exam.js';
import { worldToPixel } from '../../../extensions/calcification/tools/index.js';
import { calibrationMeaning } from '../../core/info.js';
import { instrumentation } from '../app/instrumentation.js';
import { displayImage } from './display.js';
import { imageDisplayed, refitAll, registerViewport, unregisterViewport, viewportEntry } from './registry.js';

/**
 * A left-button press at a CSS position inside a viewport's element (a mouse click, or Enter at
 * the keyboard crosshair): measures the calcification there with the calcification tool. Returns
 * whether a measurement started.
 */
export function pressAt(session: CornerstoneSession, element: HTMLDivElement, canvas: [number, number]): boolean {
  instrumentation().markClick();
  return session.press(element, canvas);
}

export interface MammoViewportProps {
  readonly session: CornerstoneSession;
  /** Unique among the viewports on screen, e.g. "current-RCC". */
  readonly viewportId: string;
  readonly image: LoadedImage | null;
  readonly label: string;
  readonly testId?: string;
  readonly selected: boolean;
  readonly onSelect: () => void;
  readonly onEnlarge: () => void;
  /** Told when the image is first drawn (with its image id) and when the viewport goes (null). */
  readonly onDisplayed?: (viewportId: string, imageId: string | null) => void;
  /** The keyboard crosshair on this viewport: CSS position inside its element, or null when off. */
  readonly crosshair?: readonly [number, number] | null;
}

const SIDE_WORDS: Readonly<Record<string, string>> = { R: 'right', L: 'left', B: 'both breasts' };
const VIEW_WORDS: Readonly<Record<string, string>> = {
  CC: 'craniocaudal',
  MLO: 'mediolateral oblique',
  ML: 'mediolateral',
  LM: 'lateromedial',
  XCCL: 'exaggerated craniocaudal, lateral',
  XCCM: 'exaggerated craniocaudal, medial',
  FB: 'caudocranial',
  SIO: 'superolateral to inferomedial oblique',
  LMO: 'lateromedial oblique',
  AT: 'axillary tail',
  CV: 'cleavage',
};

/** "RCC: right craniocaudal, current examination of 2026-03-10" (laterality, view, which exam, its date). */
export function viewportName(label: string, image: LoadedImage | null): string {
  if (image === null) return `${label} (no image)`;
  const meta = image.summary.meta;
  const side = meta.laterality === null ? 'laterality unknown' : (SIDE_WORDS[meta.laterality] ?? meta.laterality);
  const view = meta.view === null ? 'view unknown' : (VIEW_WORDS[meta.view] ?? meta.view);
  const date = meta.studyDate ? ` of ${formatDate(meta.studyDate)}` : ', date unknown';
  return `${label}: ${side} ${view}, ${image.role} examination${date}`;
}

/** "Calibration: geometry (calibrated from the acquisition geometry)." */
export function viewportDescription(image: LoadedImage | null): string {
  if (image === null) return '';
  const kind = image.summary.calibration.kind;
  const notes = image.summary.meta.warnings;
  return `Calibration: ${kind} (${calibrationMeaning(image.summary.calibration, image.summary)}).${notes.length === 0 ? '' : ` Notes on this image: ${notes.join('; ')}.`}`;
}

/** Where the crosshair is on the stored image, in words, e.g. "Crosshair at column 412, row 388 of the image". */
function crosshairWords(viewportId: string, image: LoadedImage | null, at: readonly [number, number]): string {
  const e = viewportEntry(viewportId);
  if (image === null || e === undefined) return 'Crosshair on an empty view';
  const p = worldToPixel(image.imageId, e.viewport.canvasToWorld([at[0], at[1]]));
  const x = Math.round(p.x);
  const y = Math.round(p.y);
  const outside = x < 0 || y < 0 || x >= image.summary.columns || y >= image.summary.rows;
  return `Crosshair at column ${x}, row ${y} of the image${outside ? ' (outside the image)' : ''}`;
}

export function MammoViewport(props: MammoViewportProps) {
  const { session, viewportId, image, onDisplayed } = props;
  const element = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const el = element.current;
    if (el === null || image === null) return undefined;
    const { engine, toolGroup } = session;
    engine.enableElement({ viewportId, type: Enums.ViewportType.STACK, element: el as HTMLDivElement, defaultOptions: { background: [0, 0, 0] } });
    toolGroup.addViewport(viewportId, RENDERING_ENGINE_ID);
    const viewport = engine.getViewport(viewportId) as Types.IStackViewport;
    let cancelled = false;
    const rendered = (): void => {
      el.removeEventListener(Enums.Events.IMAGE_RENDERED, rendered);
      if (!cancelled) {
        el.dataset.displayed = 'true';
        onDisplayed?.(viewportId, image.imageId);
      }
    };
    registerViewport(viewportId, { viewport, image, element: el });
    // Displayed means the first render after the image is loaded, hung, windowed and fitted (earlier renders show an empty or unfitted viewport).
    displayImage(viewport, image.imageId, image.summary.meta, image.flips, () => !cancelled).then(
      () => {
        if (cancelled) return;
        imageDisplayed(viewportId, () => {
          if (!cancelled) el.addEventListener(Enums.Events.IMAGE_RENDERED, rendered);
        });
        refitAll((immediate, keepCamera) => engine.resize(immediate, keepCamera));
      },
      (e: unknown) => {
        el.dataset.error = e instanceof Error ? e.message : String(e);
      },
    );
    const press = (e: MouseEvent): void => {
      if (e.button !== 0 || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
      const r = el.getBoundingClientRect();
      pressAt(session, el, [e.clientX - r.left, e.clientY - r.top]);
    };
    el.addEventListener('mousedown', press);
    const resize = new ResizeObserver(() => refitAll((immediate, keepCamera) => engine.resize(immediate, keepCamera)));
    resize.observe(el);
    return () => {
      cancelled = true;
      resize.disconnect();
      el.removeEventListener('mousedown', press);
      el.removeEventListener(Enums.Events.IMAGE_RENDERED, rendered);
      unregisterViewport(viewportId);
      toolGroup.removeViewports(RENDERING_ENGINE_ID, viewportId);
      engine.disableElement(viewportId);
      delete el.dataset.displayed;
      onDisplayed?.(viewportId, null);
    };
  }, [session, viewportId, image, onDisplayed]);

  const meta = image?.summary.meta;
  const calibration = image?.summary.calibration.kind;
  const descriptionId = `${viewportId}-description`;
  const crosshair = props.crosshair ?? null;
  return (
    <section
      className={`viewport${props.selected ? ' selected' : ''}`}
      data-testid={props.testId}
      aria-label={viewportName(props.label, image)}
      {...(image === null ? {} : { 'aria-describedby': descriptionId })}
      tabIndex={0}
      onFocus={props.onSelect}
      onMouseDown={props.onSelect}
      onDoubleClick={props.onEnlarge}
    >
      <div className="mammo-element" ref={element} onContextMenu={(e) => e.preventDefault()} />
      <div className="viewport-label" aria-hidden="true">
        <strong>{props.label}</strong>
        {meta?.studyDate ? <span>{formatDate(meta.studyDate)}</span> : null}
        {calibration ? <span className="calibration">{calibration}</span> : null}
      </div>
      {meta === undefined || meta.warnings.length === 0 ? null : (
        // What ingest said about the image (digitised film, lossy compression, a calibration not
        // trusted, a view or side taken from a weaker attribute): shown on it, not a tab stop (the
        // viewport's description carries it for a screen reader).
        <ul className="image-notes" data-testid={`notes-${props.testId}`} aria-hidden="true">
          {meta.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {image === null ? null : (
        <span id={descriptionId} hidden>
          {viewportDescription(image)}
        </span>
      )}
      {crosshair === null ? null : (
        <div className="crosshair" data-testid="crosshair" aria-hidden="true" style={{ left: `${crosshair[0]}px`, top: `${crosshair[1]}px` }} />
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="crosshair-position">
        {crosshair === null ? '' : crosshairWords(viewportId, image, crosshair)}
      </p>
      {image === null ? <p className="viewport-empty">No {props.label} image</p> : null}
    </section>
  );
}

function formatDate(d: string): string {
  return /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;
}
