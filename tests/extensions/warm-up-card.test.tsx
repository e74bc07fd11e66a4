// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WarmUpCard } from '../../extensions/calcification/panel/WarmUpCard.js';

afterEach(() => cleanup());

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The card drawn to prepare the page before the first click: off-screen, hidden from assistive
 * technology, inert, never named as a finding, gone after it was painted, and drawn once per page.
 */
describe('WarmUpCard', () => {
  it('draws a hidden, inert card that is no finding, removes it after painting, and does not draw it again', async () => {
    const { container, unmount } = render(<WarmUpCard />);
    const box = screen.getByTestId('warm-up-card');
    expect(box.getAttribute('aria-hidden')).toBe('true');
    expect(box.hasAttribute('inert')).toBe(true);
    expect(box.className).toBe('cs-warm-up');
    expect(box.querySelector('article')).not.toBeNull();
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.queryByRole('article')).toBeNull();
    await act(async () => {
      await frame();
      await frame();
      await frame();
    });
    expect(container.innerHTML).toBe('');
    unmount();
    const again = render(<WarmUpCard />);
    expect(again.container.innerHTML).toBe('');
  });
});
