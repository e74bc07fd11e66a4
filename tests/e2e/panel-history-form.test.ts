/**
 * The findings panel's clinical-history form and report preview, as laid out by Chromium on the
 * sample exam (current 2026-03-10 with its prior 2024-03-12 open, no finding yet): each checkbox
 * sits beside its own label on one line, and the report names the loaded prior by its date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleExam, type ViewerSession } from './harness.js';

let s: ViewerSession;

beforeAll(async () => {
  s = await openSampleExam();
  await s.page.getByTestId('report-text').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await s?.close();
});

interface CheckboxLayout {
  readonly label: string;
  readonly box: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly text: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number } | null;
  /** How many line boxes the label's words take. */
  readonly textLines: number;
}

describe('clinical history form', () => {
  it('shows each checkbox beside its own label, on the same line, the words just right of the box', async () => {
    const layout = await s.page.evaluate((): CheckboxLayout[] => {
      const inputs = [...document.querySelectorAll<HTMLInputElement>('.cs-history input[type="checkbox"]')];
      return inputs.map((input) => {
        const label = input.closest('label');
        const words = label === null ? [] : [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        const b = input.getBoundingClientRect();
        let text: CheckboxLayout['text'] = null;
        let textLines = 0;
        if (words.length > 0) {
          const range = document.createRange();
          range.setStartBefore(words[0] as Node);
          range.setEndAfter(words[words.length - 1] as Node);
          const r = range.getBoundingClientRect();
          text = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          textLines = new Set([...range.getClientRects()].map((c) => Math.round(c.top))).size;
        }
        return { label: label?.textContent?.trim() ?? '', box: { left: b.left, right: b.right, top: b.top, bottom: b.bottom }, text, textLines };
      });
    });
    expect(layout.map((l) => l.label)).toEqual([
      'Implants',
      'Paraffin or silicone injections',
      'hyperparathyroidism',
      'dermatomyositis',
      'renal-failure',
      'ehlers-danlos',
    ]);
    for (const l of layout) {
      expect(l.text, l.label).not.toBeNull();
      if (l.text === null) continue;
      const boxMiddle = (l.box.top + l.box.bottom) / 2;
      // On the box's line: the words' line box holds the box's middle.
      expect(boxMiddle, l.label).toBeGreaterThanOrEqual(l.text.top);
      expect(boxMiddle, l.label).toBeLessThanOrEqual(l.text.bottom);
      // Just right of the box, and on one line.
      expect(l.text.left - l.box.right, l.label).toBeGreaterThanOrEqual(0);
      expect(l.text.left - l.box.right, l.label).toBeLessThanOrEqual(12);
      expect(l.textLines, l.label).toBe(1);
    }
    // One checkbox per line: no box shares a line with another's words.
    const tops = layout.map((l) => Math.round(l.box.top));
    expect(new Set(tops).size).toBe(layout.length);
  });
});

describe('report preview with the prior open and no finding yet', () => {
  it('compares with the loaded prior by its date and states composition once', async () => {
    const text = await s.page.getByTestId('report-text').inputValue();
    expect(text).toContain('\nComparison: 2024-03-12.\n');
    expect(text).not.toMatch(/no prior examinations/i);
    // The sample's clinical context states composition b.
    expect(text.startsWith('Breast composition: There are scattered areas of fibroglandular density (b).\n')).toBe(true);
    expect(text.match(/composition/gi)).toHaveLength(1);
  });
});
