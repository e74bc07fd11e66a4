/**
 * The glue between OHIF's services and the fit: which viewports are fitted, by which side, and
 * what happens when a viewport has no rendered image yet or the services are missing. The fit
 * itself (fitCamera → fitImage on a real Cornerstone viewport) is the standalone viewer's, checked
 * in the browser by tests/e2e/viewer-fit.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fitMammogramViewports, IMAGE_RENDERED, type FitServices } from '../../extensions/calcification/fit-viewports.js';

/** A stack viewport that has not shown its image yet: what fitting sees right after the data is set. */
function notRenderedYet() {
  const listeners: { type: string; once: boolean }[] = [];
  return {
    listeners,
    canvas: { clientWidth: 0, clientHeight: 0 },
    element: { addEventListener: (type: string, _l: () => void, o?: { once?: boolean }) => listeners.push({ type, once: o?.once === true }) },
    getCurrentImageId: () => undefined,
    getImageData: () => null,
    render: () => undefined,
  };
}

function services(viewports: Record<string, ReturnType<typeof notRenderedYet> | null>): FitServices {
  return {
    cornerstoneViewportService: { getCornerstoneViewport: (id) => viewports[id] ?? null },
    viewportGridService: { getState: () => ({ viewports: new Map(Object.keys(viewports).map((id) => [id, { viewportId: id, displaySetInstanceUIDs: [`ds-${id}`] }])) }) },
    displaySetService: { getDisplaySetByUID: (uid) => ({ instances: [{ ImageLaterality: uid.slice(3, 4) }] }) },
  };
}

describe('fitMammogramViewports', () => {
  it('waits for the first IMAGE_RENDERED of a viewport whose image is not shown yet, once', async () => {
    const rcc = notRenderedYet();
    const lcc = notRenderedYet();
    const r = await fitMammogramViewports(services({ RCC: rcc, LCC: lcc, RMLO: null }));
    expect(r).toEqual({ ok: true, value: { fitted: [], waiting: ['RCC', 'LCC'] } });
    expect(rcc.listeners).toEqual([{ type: IMAGE_RENDERED, once: true }]);
    expect(IMAGE_RENDERED).toBe('CORNERSTONE_IMAGE_RENDERED');
  });

  it('fits only the viewports asked for', async () => {
    const rcc = notRenderedYet();
    const lcc = notRenderedYet();
    const r = await fitMammogramViewports(services({ RCC: rcc, LCC: lcc }), ['LCC']);
    expect(r.ok && r.value.waiting).toEqual(['LCC']);
    expect(rcc.listeners).toEqual([]);
  });

  it('says what is missing without OHIF\'s viewport services', async () => {
    const r = await fitMammogramViewports({});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/viewport services/);
  });
});
