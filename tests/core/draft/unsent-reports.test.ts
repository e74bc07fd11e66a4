/** The report whose store failed is sent again as it is only while its draft and reader are the ones on screen. */
import { describe, expect, it } from 'vitest';
import { UnsentReports } from '../../../src/core/draft/unsent-reports.js';

describe('a report whose store failed', () => {
  const draft = { examKey: '2.25.1' };
  it('is given back for the same draft object and reader, per exam', () => {
    const u = new UnsentReports<string>();
    u.keep('2.25.1', draft, 'Reader^Ada', 'sr-1');
    expect(u.again('2.25.1', draft, 'Reader^Ada')).toBe('sr-1');
    expect(u.again('2.25.2', draft, 'Reader^Ada')).toBeNull();
  });

  it('is not given back for a changed draft (even an equal copy) or another reader', () => {
    const u = new UnsentReports<string>();
    u.keep('2.25.1', draft, 'Reader^Ada', 'sr-1');
    expect(u.again('2.25.1', { ...draft }, 'Reader^Ada')).toBeNull();
    expect(u.again('2.25.1', draft, 'Second^Bo')).toBeNull();
  });

  it('is forgotten once stored', () => {
    const u = new UnsentReports<string>();
    u.keep('2.25.1', draft, 'Reader^Ada', 'sr-1');
    u.forget('2.25.1');
    expect(u.again('2.25.1', draft, 'Reader^Ada')).toBeNull();
  });
});
