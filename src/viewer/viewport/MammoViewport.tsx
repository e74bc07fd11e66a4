/**
 * One mammogram viewport: enables a Cornerstone stack viewport on its element, hangs the image,
 * labels it with laterality, view and calibration kind, and reports when it is first displayed.
 */
import { Enums, type Types } from '@cornerstonejs/core';
import { useEffect, useRef } from 'react';
import { RENDERING_ENGINE_ID, type CornerstoneSession } from '../cornerstone/setup.js';
import type { LoadedImage } from '../loading/exam.js';
import { markClick } from '../app/test-hooks.js';
import { displayImage } from './display.js';
import { refitAll, registerViewport, unregisterViewport } from './registry.js';

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
    // Displayed means the first render after the image is loaded, hung and windowed (earlier renders show an empty viewport).
    displayImage(viewport, image.imageId, image.summary.meta, image.flips, () => !cancelled).then(
      () => {
        if (cancelled) return;
        el.addEventListener(Enums.Events.IMAGE_RENDERED, rendered);
        // The element may have been laid out after it was enabled (an image arriving in a live layout): fit again.
        refitAll((immediate, keepCamera) => engine.resize(immediate, keepCamera));
      },
      (e: unknown) => {
        el.dataset.error = e instanceof Error ? e.message : String(e);
      },
    );
    const press = (e: MouseEvent): void => {
      if (e.button !== 0 || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
      markClick();
      const r = el.getBoundingClientRect();
      session.press(el, [e.clientX - r.left, e.clientY - r.top]);
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
  return (
    <section
      className={`viewport${props.selected ? ' selected' : ''}`}
      data-testid={props.testId}
      aria-label={`${props.label}${image ? '' : ' (no image)'}`}
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
      {image === null ? <p className="viewport-empty">No {props.label} image</p> : null}
    </section>
  );
}

function formatDate(d: string): string {
  return /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;
}
