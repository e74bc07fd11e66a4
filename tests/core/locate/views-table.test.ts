import { describe, expect, it } from 'vitest';
import { MAMMOGRAPHY_VIEW_CODES } from '../../../src/core/codes.js';
import type { MammoView } from '../../../src/core/image.js';
import { VIEW_POSITION_VIEWS } from '../../../src/core/ingest/view-codes.js';
import { hangingRow, VIEWS, VIEWS_SHOWING_PECTORAL, viewAxis } from '../../../src/core/locate/view-axis.js';
import { slotFor } from '../../../src/viewer/hanging/hanging.js';
import { viewOf } from '../../../extensions/calcification/mammo-attributes.js';

describe('the views table', () => {
  it('gives each view its axis, hanging row and pectoral muscle, and every host reads it', () => {
    const rows = (Object.keys(VIEWS) as MammoView[]).map((v) => [v, viewAxis(v), hangingRow(v), VIEWS_SHOWING_PECTORAL.has(v), slotFor('L', v)]);
    expect(rows).toEqual([
      ['CC', 'medial-lateral', 'CC', false, 'LCC'],
      ['XCCL', 'medial-lateral', 'CC', false, 'LCC'],
      ['XCCM', 'medial-lateral', 'CC', false, 'LCC'],
      ['FB', 'medial-lateral', null, false, null],
      ['CV', 'medial-lateral', null, false, null],
      ['MLO', 'upper-lower', 'MLO', true, 'LMLO'],
      ['ML', 'upper-lower', 'MLO', true, 'LMLO'],
      ['LM', 'upper-lower', 'MLO', true, 'LMLO'],
      ['LMO', 'upper-lower', 'MLO', true, 'LMLO'],
      ['SIO', 'upper-lower', null, false, null],
      ['AT', null, null, false, null],
    ]);
    expect(Object.keys(VIEW_POSITION_VIEWS).sort()).toEqual(Object.keys(VIEWS).sort());
    expect([viewAxis(null), hangingRow(null), slotFor('R', null)]).toEqual([null, null, null]);
  });

  it('reads a coded view in the OHIF extension from the core\'s CID 4014 table, in SCT and SRT', () => {
    for (const entry of MAMMOGRAPHY_VIEW_CODES.filter((e) => e.value !== null)) {
      expect(viewOf({ ViewCodeSequence: [{ CodeValue: entry.sct, CodingSchemeDesignator: 'SCT' }] })).toBe(entry.value);
      expect(viewOf({ ViewCodeSequence: [{ CodeValue: entry.srt, CodingSchemeDesignator: 'SRT' }] })).toBe(entry.value);
    }
    expect(viewOf({ ViewPosition: 'cc' })).toBe('CC');
  });
});
