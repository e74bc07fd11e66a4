/**
 * Which free-text field an action types into, so that consecutive keystrokes in one field make one
 * undo step (draft-history.ts): the report text, or one text of the clinical history (e.g. the site
 * of an event) when the new history differs from the draft's in that one text and nothing else.
 */
import type { DraftAction } from './draft-action.js';
import type { ExamDraft } from './exam-draft.js';

/** The one leaf where two values differ ('' for the values themselves), or null when none or several do. */
function onlyDifference(a: unknown, b: unknown, path: string): { path: string; a: unknown; b: unknown } | null | 'several' {
  if (Object.is(a, b)) return null;
  const aObj = typeof a === 'object' && a !== null;
  const bObj = typeof b === 'object' && b !== null;
  if (!aObj || !bObj || Array.isArray(a) !== Array.isArray(b)) return { path, a, b };
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length) return 'several';
  let found: { path: string; a: unknown; b: unknown } | null = null;
  for (const k of keys) {
    const d = onlyDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d === null) continue;
    if (d === 'several' || found !== null) return 'several';
    found = d;
  }
  return found;
}

const isText = (v: unknown): boolean => typeof v === 'string' || v === null || v === undefined;

/**
 * The field an action types into (e.g. 'report-text', 'history.events.0.site'), or null when the
 * action is not typing in one free-text field (a choice, a date, a measurement…).
 */
export function typingFieldOf(draft: ExamDraft, action: DraftAction): string | null {
  if (action.type === 'editReportText') return 'report-text';
  if (action.type !== 'setHistory') return null;
  const d = onlyDifference(draft.history, action.history, 'history');
  if (d === null || d === 'several') return null;
  // Only free text: typing into a text box (a date or a choice is one step of its own).
  return typeof (d.a ?? d.b) === 'string' && isText(d.a) && isText(d.b) && !isDateField(d.path) ? d.path : null;
}

/** Dates are typed too, but a date is one step: a half-typed date is not kept as such. */
function isDateField(path: string): boolean {
  return /(^|\.)date$/i.test(path);
}
