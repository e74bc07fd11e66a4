/**
 * Hanging rules without a browser: slot per laterality and view, and the flips from Patient
 * Orientation that put the chest wall in the middle and lateral (CC) or superior (MLO) at the top.
 */
import { describe, expect, it } from 'vitest';
import { hangingFlips, slotFor } from '../../src/viewer/hanging/hanging.js';
import { shortcutFor } from '../../src/viewer/app/shortcuts.js';
import { examBaseFromLocation } from '../../src/viewer/loading/exam.js';
import { resolveExamFile } from '../../src/viewer/serve/exam-files-plugin.js';

describe('slotFor', () => {
  it('puts CC-like views in the CC row and MLO-like views in the MLO row, per side', () => {
    expect(slotFor('R', 'CC')).toBe('RCC');
    expect(slotFor('L', 'XCCL')).toBe('LCC');
    expect(slotFor('R', 'ML')).toBe('RMLO');
    expect(slotFor('L', 'MLO')).toBe('LMLO');
  });
  it('has no slot without a side or for other views', () => {
    expect(slotFor(null, 'CC')).toBeNull();
    expect(slotFor('B', 'CC')).toBeNull();
    expect(slotFor('R', 'SIO')).toBeNull();
    expect(slotFor('L', null)).toBeNull();
  });
});

describe('hangingFlips', () => {
  it('leaves images already in the convention alone (generator orientation)', () => {
    expect(hangingFlips('R', 'CC', ['P', 'L'])).toEqual({ flipHorizontal: false, flipVertical: false });
    expect(hangingFlips('L', 'CC', ['A', 'R'])).toEqual({ flipHorizontal: false, flipVertical: false });
    expect(hangingFlips('R', 'MLO', ['P', 'F'])).toEqual({ flipHorizontal: false, flipVertical: false });
    expect(hangingFlips('L', 'MLO', ['A', 'F'])).toEqual({ flipHorizontal: false, flipVertical: false });
  });
  it('flips horizontally when the chest wall is on the outer side', () => {
    expect(hangingFlips('R', 'CC', ['A', 'L']).flipHorizontal).toBe(true);
    expect(hangingFlips('L', 'MLO', ['P', 'F']).flipHorizontal).toBe(true);
  });
  it('flips vertically when lateral is at the bottom of a CC or the head at the bottom of an MLO', () => {
    expect(hangingFlips('R', 'CC', ['P', 'R'])).toEqual({ flipHorizontal: false, flipVertical: true });
    expect(hangingFlips('L', 'CC', ['A', 'L'])).toEqual({ flipHorizontal: false, flipVertical: true });
    expect(hangingFlips('R', 'MLO', ['P', 'H'])).toEqual({ flipHorizontal: false, flipVertical: true });
    expect(hangingFlips('L', 'MLO', ['P', 'HL'])).toEqual({ flipHorizontal: true, flipVertical: true });
  });
  it('reads oblique column directions by their letters (FL is towards the feet)', () => {
    expect(hangingFlips('R', 'MLO', ['P', 'FL']).flipVertical).toBe(false);
  });
  it('does nothing without orientation or side', () => {
    expect(hangingFlips('R', 'CC', null)).toEqual({ flipHorizontal: false, flipVertical: false });
    expect(hangingFlips(null, 'CC', ['A', 'R'])).toEqual({ flipHorizontal: false, flipVertical: false });
  });
});

describe('keyboard shortcuts', () => {
  it('maps keys to actions, case-insensitively', () => {
    expect(shortcutFor('E', null, false)).toEqual({ kind: 'enlarge' });
    expect(shortcutFor('3', { tagName: 'DIV' }, false)).toEqual({ kind: 'select', slot: 'RMLO' });
    expect(shortcutFor('Backspace', null, false)).toEqual({ kind: 'delete' });
  });
  it('never fires while typing or with modifier keys', () => {
    expect(shortcutFor('e', { tagName: 'TEXTAREA' }, false)).toBeNull();
    expect(shortcutFor('e', { tagName: 'input' }, false)).toBeNull();
    expect(shortcutFor('e', { tagName: 'DIV', isContentEditable: true }, false)).toBeNull();
    expect(shortcutFor('c', null, true)).toBeNull();
    expect(shortcutFor('q', null, false)).toBeNull();
  });
});

describe('exam addresses', () => {
  it('takes a same-origin folder path from ?exam= and falls back to the sample', () => {
    expect(examBaseFromLocation('?exam=/hostile/')).toBe('/hostile/');
    expect(examBaseFromLocation('')).toBe('/sample/');
    expect(examBaseFromLocation('?exam=//evil.example/')).toBe('/sample/');
    expect(examBaseFromLocation('?exam=https://evil.example/')).toBe('/sample/');
    expect(examBaseFromLocation('?exam=/a/../')).toBe('/sample/');
  });
  it('serves only plain DICOM / JSON names inside the exam folder', () => {
    expect(resolveExamFile('/data/exam/', 'RCC.dcm')).toBe('/data/exam/RCC.dcm');
    expect(resolveExamFile('/data/exam/', 'prior/LCC.dcm')).toBe('/data/exam/prior/LCC.dcm');
    expect(resolveExamFile('/data/exam/', '../secret.json')).toBeNull();
    expect(resolveExamFile('/data/exam/', 'a/b/c.dcm')).toBeNull();
    expect(resolveExamFile('/data/exam/', 'notes.txt')).toBeNull();
    expect(resolveExamFile('/data/exam/', '/etc/passwd.json')).toBeNull();
  });
});
