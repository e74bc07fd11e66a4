/**
 * Accessibility of the loaded viewer, as Chromium's own accessibility tree gives it to a screen
 * reader: every control has a name, each viewport is a region named by laterality and view, the
 * findings panel is a labelled landmark, Tab reaches the tools, then the viewports in reading
 * order, then the panel's fields, and the keyboard alone operates views, undo and the panel.
 * Each viewport's accessible name and description say laterality, view, current or prior exam
 * with its date, and the calibration kind (read from the DICOM files here). A keyboard crosshair
 * places a calcification as a mouse click at the same place does, its position announced in
 * image pixels.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftCalcification } from '../../src/core/draft/exam-draft.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { OUTPUT_DIR, openSampleExam, waitForFourViews, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

interface AxNode {
  readonly role?: { readonly value?: string };
  readonly name?: { readonly value?: string };
  readonly description?: { readonly value?: string };
  readonly ignored?: boolean;
  readonly backendDOMNodeId?: number;
  readonly properties?: readonly { readonly name: string; readonly value: { readonly value?: unknown } }[];
}

const CONTROL_ROLES = new Set(['button', 'combobox', 'textbox', 'spinbutton', 'checkbox', 'radio', 'slider', 'listbox', 'searchbox', 'switch', 'menuitem', 'link']);

let s: ViewerSession;
let cdp: CDPSession;

beforeAll(async () => {
  s = await openSampleExam();
  cdp = await s.context.newCDPSession(s.page);
  // A finding, so that the panel shows its fields.
  const truth = await readTruth(SAMPLE, 'RCC');
  const c = truth.calcifications.find((t) => t.id === 'R1-s10');
  if (!c) throw new Error('truth has no R1-s10');
  const at = await s.page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-RCC', x, y) ?? null, c.centre);
  const box = await s.page.getByTestId('viewport-RCC').locator('.mammo-element').boundingBox();
  if (at === null || box === null) throw new Error('RCC not on screen');
  await s.page.mouse.click(box.x + at[0], box.y + at[1]);
  await s.page.getByTestId('finding').first().waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await s?.close();
});

/** Chromium's accessibility tree of the page, as a screen reader reads it. */
async function axTree(): Promise<AxNode[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  return nodes.filter((n) => n.ignored !== true);
}

async function describeNode(n: AxNode): Promise<string> {
  if (n.backendDOMNodeId === undefined) return `${n.role?.value ?? '?'} (no DOM node)`;
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId })) as { object: { objectId: string } };
  const r = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { return this.outerHTML.slice(0, 160); }', returnByValue: true })) as { result: { value: string } };
  return `${n.role?.value ?? '?'}: ${r.result.value}`;
}

/** What the focused element is, in words a test can order: tool, viewport-RCC, panel, … */
async function focused(page: Page): Promise<{ zone: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return { zone: 'body', name: '' };
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    if (el.closest('.tool-bar')) return { zone: 'toolbar', name };
    const vp = el.closest('[data-testid^="viewport-"]');
    if (vp) return { zone: vp.getAttribute('data-testid') ?? 'viewport', name };
    if (el.closest('[data-testid="findings-panel"]')) return { zone: 'panel', name };
    return { zone: 'other', name };
  });
}

describe('accessibility of the viewer', () => {
  it('every button, select, input and text area has an accessible name', async () => {
    const unnamed: string[] = [];
    let controls = 0;
    for (const n of await axTree()) {
      if (!CONTROL_ROLES.has(n.role?.value ?? '')) continue;
      controls++;
      if ((n.name?.value ?? '').trim() === '') unnamed.push(await describeNode(n));
    }
    expect(controls).toBeGreaterThan(25);
    expect(unnamed).toEqual([]);
    // The DOM agrees: no form control is left out of the tree.
    const domControls = await s.page.evaluate(() => [...document.querySelectorAll('button, select, textarea, input:not([type="hidden"])')].filter((el) => el.checkVisibility()).length);
    expect(controls).toBeGreaterThanOrEqual(domControls - 1);
  });

  it('each viewport is a region named by laterality and view; the findings panel is a labelled landmark', async () => {
    for (const slot of ['RCC', 'LCC', 'RMLO', 'LMLO']) {
      const region = s.page.getByRole('region', { name: new RegExp(`^${slot}\\b`) });
      expect(await region.count()).toBe(1);
      expect(await region.getAttribute('data-testid')).toBe(`viewport-${slot}`);
    }
    const nodes = await axTree();
    const landmarks = nodes.filter((n) => ['region', 'complementary', 'main', 'navigation', 'banner'].includes(n.role?.value ?? ''));
    const panel = landmarks.find((n) => /findings/i.test(n.name?.value ?? ''));
    expect(panel?.role?.value).toBe('region');
    expect(await s.page.getByRole('region', { name: /findings/i }).getAttribute('data-testid')).toBe('findings-panel');
    expect(landmarks.find((n) => n.role?.value === 'navigation')?.name?.value).toBe('Tools');
    // Each finding is an article named by its title, the selects name their finding.
    const finding = s.page.getByRole('article', { name: /Finding 1 \(right breast\)/ });
    expect(await finding.count()).toBe(1);
    for (const name of [/^Distribution of Finding 1/, /^Change since prior of Finding 1/, /^Assessment of Finding 1/]) expect(await finding.getByRole('combobox', { name }).count()).toBe(1);
  });

  it('Tab goes through the tools, then the four viewports in reading order, then the findings panel', async () => {
    const { page } = s;
    // Start from the top of the page, as after loading it (a click on the title moves the starting point there).
    await page.locator('.patient-bar h1').click();
    const seen: { zone: string; name: string }[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
    }
    const firstOf = (zone: string): number => seen.findIndex((f) => f.zone === zone);
    const tools = seen.filter((f) => f.zone === 'toolbar').map((f) => f.name);
    for (const t of ['Calcification', 'Rectangle', 'Lasso', 'Nipple marker', 'Length', 'Pan', 'Undo', 'Four views']) expect(tools).toContain(t);
    const order = ['toolbar', 'viewport-RCC', 'viewport-LCC', 'viewport-RMLO', 'viewport-LMLO', 'panel'].map(firstOf);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Each viewport is one stop: focus does not get stuck inside the image.
    for (const slot of ['RCC', 'LCC', 'RMLO', 'LMLO']) expect(seen.filter((f) => f.zone === `viewport-${slot}`)).toHaveLength(1);
    expect(seen.filter((f) => f.zone === 'body')).toEqual([]);
  });

  it('the keyboard alone selects and enlarges views, undoes and redoes, and sets a finding\'s terms', async () => {
    const { page } = s;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('3');
    expect((await focused(page)).zone).toBe('viewport-RMLO');
    await page.keyboard.press('e');
    await page.waitForFunction(() => !document.querySelector('[data-testid="viewport-RCC"]') && document.querySelector('[data-testid="viewport-RMLO"]'));
    await page.keyboard.press('Escape');
    await waitForFourViews(page);

    // The change since prior, from the keyboard: Tab to the field, pick with the arrow keys.
    const change = page.getByRole('combobox', { name: /^Change since prior of Finding 1/ });
    const before = await change.inputValue();
    await change.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => change.inputValue()).not.toBe(before);
    const chosen = await change.inputValue();
    expect(await page.evaluate(() => window.calcscribe?.draft()?.findings[0]?.change?.kind ?? null)).toBe(chosen);

    // Undo and redo from the keyboard, with focus back on the page.
    await page.getByTestId('viewport-LCC').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => change.inputValue()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => change.inputValue()).toBe(chosen);
    // The Undo button works with Enter.
    await page.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => change.inputValue()).toBe(before);

    // The shortcut list opens with Enter.
    await page.getByText('Keyboard shortcuts').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details.shortcuts').getAttribute('open')).not.toBeNull();
    expect(await page.locator('details.shortcuts').textContent()).toContain('Ctrl+Z');
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-a11y-keyboard.png') });
  });
});

/** What the DICOM file itself says of an image: laterality, view, study date (YYYY-MM-DD), calibration kind. */
async function fileFacts(path: string): Promise<{ laterality: string; view: string; date: string; calibration: string }> {
  const r = await ingestDicom(new Uint8Array(await readFile(path)));
  if (!r.ok) throw new Error(r.error.message);
  const d = r.value.meta.studyDate ?? '';
  return { laterality: r.value.meta.laterality ?? '?', view: r.value.meta.view ?? '?', date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, calibration: r.value.calibration.kind };
}

const SIDE = { R: 'right', L: 'left' } as Record<string, string>;
const VIEW = { CC: 'craniocaudal', MLO: 'mediolateral oblique' } as Record<string, string>;

/** The accessible name and description Chromium gives the element with this test id. */
async function axOf(testId: string): Promise<{ role: string; name: string; description: string }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-testid="${testId}"]` })) as { nodeId: number };
  if (!nodeId) throw new Error(`no ${testId}`);
  const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as { nodes: AxNode[] };
  const n = nodes[0];
  return { role: n?.role?.value ?? '', name: n?.name?.value ?? '', description: n?.description?.value ?? '' };
}

describe('what a screen reader hears of each viewport', () => {
  it('current views: laterality, view, current examination with its date in the name; the calibration kind in the description', async () => {
    const { page } = s;
    for (const slot of ['RCC', 'LCC', 'RMLO', 'LMLO']) {
      const f = await fileFacts(join(SAMPLE, `${slot}.dcm`));
      const ax = await axOf(`viewport-${slot}`);
      expect(ax.role).toBe('region');
      expect(ax.name).toBe(`${slot}: ${SIDE[f.laterality]} ${VIEW[f.view]}, current examination of ${f.date}`);
      expect(ax.description).toMatch(new RegExp(`^Calibration: ${f.calibration} \\(`));
    }
    // The on-screen overlay says the same and stays out of the tree (no double reading).
    expect(await page.getByTestId('viewport-RCC').locator('.viewport-label').getAttribute('aria-hidden')).toBe('true');
  });

  it('comparing with the prior: the prior views say "prior examination" with the prior\'s date and calibration', async () => {
    const { page } = s;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('c');
    await page.getByTestId('viewport-prior-RCC').waitFor();
    for (const slot of ['RCC', 'LCC']) {
      const current = await fileFacts(join(SAMPLE, `${slot}.dcm`));
      const prior = await fileFacts(join(SAMPLE, 'prior', `${slot}.dcm`));
      expect(prior.date).not.toBe(current.date);
      const ax = await axOf(`viewport-prior-${slot}`);
      expect(ax.role).toBe('region');
      expect(ax.name).toBe(`${slot} prior: ${SIDE[prior.laterality]} ${VIEW[prior.view]}, prior examination of ${prior.date}`);
      expect(ax.description).toMatch(new RegExp(`^Calibration: ${prior.calibration} \\(`));
      expect((await axOf(`viewport-${slot}`)).name).toContain(`current examination of ${current.date}`);
    }
    await page.keyboard.press('c');
    await waitForFourViews(page);
  });
});

describe('keyboard crosshair', () => {
  /** The crosshair's CSS position inside the LCC element, as drawn. */
  async function crosshairAt(page: Page): Promise<[number, number] | null> {
    return page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="viewport-LCC"] [data-testid="crosshair"]');
      return el === null ? null : [parseFloat(el.style.left), parseFloat(el.style.top)];
    });
  }

  it('x, arrows onto a truth calcification, Enter: a finding with the same size as a mouse click there; Escape leaves; the keys are in the help', async () => {
    const { page } = s;
    const truth = await readTruth(SAMPLE, 'LCC');
    const t = truth.calcifications.find((c) => c.id.startsWith('L1'));
    if (!t) throw new Error('LCC truth has no L1 calcification');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('2');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    await expect.poll(() => crosshairAt(page)).not.toBeNull();
    expect((await focused(page)).zone).toBe('viewport-LCC');
    const start = (await crosshairAt(page))!;
    const target = await page.evaluate(({ x, y }) => window.calcscribe?.imageToCanvas('current-LCC', x, y) ?? null, t.centre);
    if (target === null) throw new Error('LCC not on screen');
    // Key presses from the crosshair to the calcification: Shift+arrow 10 px, arrow 1 px.
    const moves: string[] = [];
    for (const [d, neg, pos] of [[Math.round(target[0] - start[0]), 'ArrowLeft', 'ArrowRight'], [Math.round(target[1] - start[1]), 'ArrowUp', 'ArrowDown']] as const) {
      const key = d < 0 ? neg : pos;
      for (let i = 0; i < Math.floor(Math.abs(d) / 10); i++) moves.push(`Shift+${key}`);
      for (let i = 0; i < Math.abs(d) % 10; i++) moves.push(key);
    }
    expect(moves.some((m) => m.startsWith('Shift+'))).toBe(true);
    for (const m of moves) await page.keyboard.press(m);
    const at = (await crosshairAt(page))!;
    expect(at).toEqual([start[0] + Math.round(target[0] - start[0]), start[1] + Math.round(target[1] - start[1])]);

    // Announced in image pixels: within one screen pixel's worth of the truth centre.
    const live = page.getByTestId('viewport-LCC').getByTestId('crosshair-position');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    const words = (await live.textContent()) ?? '';
    const m = /column (\d+), row (\d+) of the image/.exec(words);
    expect(m, words).not.toBeNull();
    const unit = await page.evaluate(() => {
      const a = window.calcscribe!.imageToCanvas('current-LCC', 0, 0)!;
      const b = window.calcscribe!.imageToCanvas('current-LCC', 100, 0)!;
      return 100 / Math.hypot(b[0] - a[0], b[1] - a[1]);
    });
    expect(Math.abs(Number(m![1]) - t.centre.x)).toBeLessThanOrEqual(unit);
    expect(Math.abs(Number(m![2]) - t.centre.y)).toBeLessThanOrEqual(unit);
    await page.screenshot({ path: join(OUTPUT_DIR, 'viewer-a11y-crosshair.png') });

    // Enter measures there.
    const before = await page.evaluate(() => window.calcscribe!.draft()!.calcifications.length);
    const findingsBefore = await page.getByTestId('finding').count();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window.calcscribe?.draft()?.calcifications.length ?? 0) > n, before, { timeout: 20_000 });
    const byKey = await page.evaluate(() => window.calcscribe!.draft()!.calcifications.at(-1)!);
    await expect.poll(() => page.getByTestId('finding').count()).toBe(findingsBefore + 1);
    expect(Math.hypot(byKey.seed.x - t.centre.x, byKey.seed.y - t.centre.y)).toBeLessThanOrEqual(unit * 1.5);
    expect(byKey.measurements.longAxis.mm).toBeGreaterThan(0);

    // The same place by mouse gives the same calcification.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => window.calcscribe?.draft()?.calcifications.length === n, before);
    await page.keyboard.press('Escape');
    await expect.poll(() => crosshairAt(page)).toBeNull();
    const box = await page.getByTestId('viewport-LCC').locator('.mammo-element').boundingBox();
    if (box === null) throw new Error('LCC not on screen');
    // A second press at the same place within 400 ms is the second half of a double click: wait longer.
    await page.waitForTimeout(500);
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await page.waitForFunction((n) => (window.calcscribe?.draft()?.calcifications.length ?? 0) > n, before, { timeout: 20_000 });
    const byMouse: DraftCalcification = await page.evaluate(() => window.calcscribe!.draft()!.calcifications.at(-1)!);
    expect(Math.hypot(byMouse.seed.x - byKey.seed.x, byMouse.seed.y - byKey.seed.y)).toBeLessThan(0.5);
    expect(byMouse.measurements.longAxis.mm).toBeCloseTo(byKey.measurements.longAxis.mm as number, 3);
    expect(byMouse.measurements.shortAxis.mm).toBeCloseTo(byKey.measurements.shortAxis.mm as number, 3);
    expect(byMouse.measurements.area.mm2).toBeCloseTo(byKey.measurements.area.mm2 as number, 3);
    await expect.poll(() => page.getByTestId('finding').count()).toBe(findingsBefore + 1);

    // Escape leaves the crosshair before it leaves an enlarged view.
    await page.getByTestId('viewport-LCC').focus();
    await page.keyboard.press('e');
    await page.waitForFunction(() => !document.querySelector('[data-testid="viewport-RCC"]'));
    await page.keyboard.press('x');
    await expect.poll(() => crosshairAt(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => crosshairAt(page)).toBeNull();
    expect(await page.getByTestId('viewport-RCC').count()).toBe(0);
    await page.keyboard.press('Escape');
    await waitForFourViews(page);

    // The help lists the crosshair keys.
    const help = (await page.locator('details.shortcuts').textContent()) ?? '';
    for (const k of ['x', '←', '→', '↑', '↓', 'Enter']) expect(help).toContain(k);
    expect(help).toMatch(/keyboard crosshair/);
    expect(help).toMatch(/with Shift: 10/);
  });
});
