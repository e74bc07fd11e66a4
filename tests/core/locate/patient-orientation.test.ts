import { describe, it, expect } from 'vitest';
import {
  chestWallEdgeFromOrientation,
  directionOnImage,
  parsePatientOrientation,
} from '../../../src/core/locate/patient-orientation.js';

describe('parsePatientOrientation', () => {
  it('accepts letters and upper-cases them', () => {
    expect(parsePatientOrientation(['p', 'l']).orientation).toEqual({ rowDirection: 'P', columnDirection: 'L' });
  });
  it('returns null without a problem when absent', () => {
    expect(parsePatientOrientation(null)).toEqual({ orientation: null, problem: null });
  });
  it('rejects empty values and foreign letters with a reason', () => {
    expect(parsePatientOrientation(['', 'L']).orientation).toBeNull();
    const bad = parsePatientOrientation(['P', 'X']);
    expect(bad.orientation).toBeNull();
    expect(bad.problem).toContain('P\\X');
  });
});

describe('directionOnImage', () => {
  const rcc = { rowDirection: 'P', columnDirection: 'L' };
  it('on a right CC (P\\L) puts the patient\'s right (lateral) at the top of the image', () => {
    expect(directionOnImage(rcc, 'R')).toEqual({ x: 0, y: -1 });
    expect(directionOnImage(rcc, 'L')).toEqual({ x: 0, y: 1 });
    expect(directionOnImage(rcc, 'A')).toEqual({ x: -1, y: 0 });
  });
  it('returns null for a direction the orientation does not mention', () => {
    expect(directionOnImage(rcc, 'H')).toBeNull();
  });
  it('reads the head-foot part of a compound oblique value (FL)', () => {
    expect(directionOnImage({ rowDirection: 'P', columnDirection: 'FL' }, 'H')).toEqual({ x: 0, y: -1 });
  });
});

describe('chestWallEdgeFromOrientation', () => {
  it('finds the posterior edge for each layout', () => {
    expect(chestWallEdgeFromOrientation({ rowDirection: 'P', columnDirection: 'L' })).toBe('right');
    expect(chestWallEdgeFromOrientation({ rowDirection: 'A', columnDirection: 'R' })).toBe('left');
    expect(chestWallEdgeFromOrientation({ rowDirection: 'L', columnDirection: 'P' })).toBe('bottom');
    expect(chestWallEdgeFromOrientation({ rowDirection: 'R', columnDirection: 'A' })).toBe('top');
  });
  it('returns null when no anterior/posterior letter is given', () => {
    expect(chestWallEdgeFromOrientation({ rowDirection: 'L', columnDirection: 'F' })).toBeNull();
  });
});
