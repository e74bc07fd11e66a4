import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_CODES,
  CODE_TABLES,
  codeFor,
  findCode,
  formatCode,
  MORPHOLOGY_CODES,
  termForCode,
  VIEW_CODES,
  VIEW_MODIFIER_CODES,
  type CodeKind,
  type CodedConcept,
} from '../../src/core/codes.js';
import { ASSESSMENT_CATEGORIES, DISTRIBUTION_TERMS, MORPHOLOGY_TERMS } from '../../src/core/lexicon.js';

describe('code tables', () => {
  it('give every lexicon morphology, distribution and assessment term a code with its CID', () => {
    for (const t of MORPHOLOGY_TERMS) expect(codeFor('morphology', t).cid).toMatch(/^CID 601[01]$/);
    for (const t of DISTRIBUTION_TERMS) expect(codeFor('distribution', t).cid).toBe('CID 6013');
    for (const t of ASSESSMENT_CATEGORIES) expect(codeFor('assessment', t).cid).toBe('CID 6027');
  });

  it('keep codes unique within each table', () => {
    for (const [kind, table] of Object.entries(CODE_TABLES)) {
      const keys = Object.values(table as Record<string, CodedConcept>).map(formatCode);
      expect(new Set(keys).size, kind).toBe(keys.length);
    }
  });

  it('map rim to eggshell and coarse heterogeneous to heterogeneous, and say so', () => {
    expect(formatCode(MORPHOLOGY_CODES.rim)).toBe('SCT:129751002');
    expect(MORPHOLOGY_CODES.rim.note).toContain('eggshell');
    expect(formatCode(MORPHOLOGY_CODES['coarse heterogeneous'])).toBe('SCT:129763007');
    expect(MORPHOLOGY_CODES['coarse heterogeneous'].note).toContain('heterogeneous');
    expect(formatCode(MORPHOLOGY_CODES['fine pleomorphic'])).toBe('DCM:111344');
  });

  it('use the CID 6027 assessment codes, never DCM 111170–111173', () => {
    expect(formatCode(ASSESSMENT_CODES['2'])).toBe('SCT:397141009');
    expect(formatCode(ASSESSMENT_CODES['4B'])).toBe('BI:MA.II.A.5.4B');
    expect(formatCode(ASSESSMENT_CODES['6'])).toBe('BI:MA.II.A.5.6');
    for (const code of Object.values(ASSESSMENT_CODES)) {
      expect(['111170', '111171', '111172', '111173']).not.toContain(code.value);
    }
  });

  it('code the views of CID 4014 and the modifiers of CID 4015', () => {
    expect(VIEW_CODES.CC.value).toBe('399162004');
    expect(VIEW_CODES.MLO.value).toBe('399368009');
    expect(VIEW_CODES.ML.value).toBe('399260004');
    expect(VIEW_CODES.LM.value).toBe('399352003');
    expect(VIEW_CODES.XCCL.value).toBe('399192008');
    expect(VIEW_CODES.LMO.value).toBe('399099002');
    expect(VIEW_MODIFIER_CODES.magnification.value).toBe('399163009');
    expect(VIEW_MODIFIER_CODES['spot-compression'].value).toBe('399055006');
    expect(VIEW_MODIFIER_CODES.tangential.value).toBe('399110001');
  });
});

describe('termForCode', () => {
  it('round-trips every term of every table through its code, with and without the scheme', () => {
    for (const kind of Object.keys(CODE_TABLES) as CodeKind[]) {
      for (const [term, code] of Object.entries(CODE_TABLES[kind] as Record<string, CodedConcept>)) {
        expect(termForCode(kind, formatCode(code))).toEqual({ ok: true, value: term });
        expect(termForCode(kind, code.value)).toEqual({ ok: true, value: term });
      }
    }
  });

  it('reads the forms a user types', () => {
    expect(termForCode('morphology', 'SCT:129751002')).toEqual({ ok: true, value: 'rim' });
    expect(termForCode('morphology', '129751002')).toEqual({ ok: true, value: 'rim' });
    expect(termForCode('morphology', 'dcm:111344')).toEqual({ ok: true, value: 'fine pleomorphic' });
    expect(termForCode('morphology', '(111344, DCM, "Fine pleomorphic calcification")')).toEqual({
      ok: true,
      value: 'fine pleomorphic',
    });
    expect(termForCode('morphology', ' SCT:129754005 ')).toEqual({ ok: true, value: 'rim' });
    expect(termForCode('assessment', 'SCT:6111000179101')).toEqual({ ok: true, value: '6' });
  });

  it('fails with unknown-term for an unknown code, a wrong table or a bad scheme', () => {
    const bad = ['SCT:1', 'XYZ:129751002', '', 'not a code', '(111344)'];
    for (const text of bad) {
      const r = termForCode('morphology', text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe('unknown-term');
    }
    expect(termForCode('distribution', 'DCM:111344').ok).toBe(false);
  });

  it('lists every table a shared code belongs to', () => {
    const kinds = findCode('SCT:399161006').map((m) => `${m.kind}:${m.term}`);
    expect(kinds.sort()).toEqual(['view:CV', 'viewModifier:cleavage']);
    expect(findCode('SCT:999')).toEqual([]);
  });
});
