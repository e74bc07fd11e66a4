/**
 * Accessibility of the loaded viewer, as Chromium's own accessibility tree gives it to a screen
 * reader: every control has a name, each viewport is a region named by laterality and view, the
 * findings panel is a labelled landmark, Tab reaches the tools, then the viewports in reading
 * order, then the panel's fields, and the keyboard alone operates views, undo and the panel.
 * (No keyboard path places a calcification: that needs a pointer on the image.)
 */
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, openViewer, waitForFourViews, type ViewerSession } from './harness.js';
import { readTruth } from './page-sampling.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

interface AxNode {
  readonly role?: { readonly value?: string };
  readonly name?: { readonly value?: string };
  readonly ignored?: boolean;
  readonly backendDOMNodeId?: number;
  readonly properties?: readonly { readonly name: string; readonly value: { readonly value?: unknown } }[];
}

const CONTROL_ROLES = new Set(['button', 'combobox', 'textbox', 'spinbutton', 'checkbox', 'radio', 'slider', 'listbox', 'searchbox', 'switch', 'menuitem', 'link']);

let s: ViewerSession;
let cdp: CDPSession;

beforeAll(async () => {
  s = await openViewer();
  await waitForFourViews(s.page);
  await s.page.waitForFunction(() => window.calcscribe?.draft() != null);
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
