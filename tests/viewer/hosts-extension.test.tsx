// @vitest-environment jsdom
/**
 * The standalone viewer hosts the extension's modules instead of its own copies: its grid is the
 * hanging protocol's screening stage, and its undo / redo buttons are enabled by the extension's
 * toolbar evaluators and run the extension's commands on the draft.
 */
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { calcificationCommands } from '../../extensions/calcification/commands-module.js';
import { createDraftStore } from '../../extensions/calcification/draft-store.js';
import { MAMMO_PROTOCOL } from '../../extensions/calcification/hanging-protocol-module.js';
import { newExamDraft } from '../../src/core/draft/index.js';
import { createEditGate, gatedDraftStore } from '../../src/viewer/autosave/index.js';
import { UndoRedoButtons } from '../../src/viewer/draft/UndoRedoButtons.js';
import { HANGING_SLOTS } from '../../src/viewer/hanging/hanging.js';

afterEach(cleanup);

describe('the standalone viewer hosts the extension', () => {
  it('hangs the four views as the extension\'s protocol\'s screening stage lays them out', () => {
    expect(HANGING_SLOTS).toEqual(MAMMO_PROTOCOL.stages[0]?.viewports.map((v) => v.viewportOptions.viewportId));
    expect(HANGING_SLOTS).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
  });

  it('undo and redo buttons follow the toolbar evaluators and run the extension\'s commands', () => {
    const store = createDraftStore(newExamDraft('2.25.3', []));
    const commands = calcificationCommands({ store });
    const ran: string[] = [];
    const run = (name: string): unknown => {
      ran.push(name);
      return commands[name]?.commandFn({});
    };
    const view = render(createElement(UndoRedoButtons, { store, run }));
    const undo = view.getByTestId('undo') as HTMLButtonElement;
    const redo = view.getByTestId('redo') as HTMLButtonElement;
    expect([undo.disabled, redo.disabled]).toEqual([true, true]);
    act(() => {
      store.dispatch({ type: 'setComposition', composition: 'c' });
    });
    expect([undo.disabled, redo.disabled]).toEqual([false, true]);
    fireEvent.click(undo);
    expect(ran).toEqual(['calcscribe.undo']);
    expect(store.getState().composition).toBeNull();
    expect([undo.disabled, redo.disabled]).toEqual([true, false]);
    fireEvent.click(redo);
    expect(ran).toEqual(['calcscribe.undo', 'calcscribe.redo']);
    expect(store.getState().composition).toBe('c');
  });

  it('the buttons follow the tab going read-only, editing again, and read-only after a take-over, with no change of the draft', () => {
    const gate = createEditGate(null);
    const store = gatedDraftStore(createDraftStore(newExamDraft('2.25.3', [])), gate);
    const commands = calcificationCommands({ store });
    const view = render(createElement(UndoRedoButtons, { store, editing: gate, run: (name: string) => commands[name]?.commandFn({}) }));
    const undo = view.getByTestId('undo') as HTMLButtonElement;
    const redo = view.getByTestId('redo') as HTMLButtonElement;
    act(() => {
      store.dispatch({ type: 'setComposition', composition: 'c' });
      store.dispatch({ type: 'setComposition', composition: 'd' });
      store.undo();
    });
    expect([undo.disabled, redo.disabled]).toEqual([false, false]);
    // Another tab takes over: nothing can be undone or redone here, and the buttons say so at once.
    act(() => gate.set('this tab is read-only'));
    expect([undo.disabled, redo.disabled]).toEqual([true, true]);
    fireEvent.click(undo);
    expect(store.getState().composition).toBe('c');
    // Editing here again (the stored draft was this one): its steps can be undone and redone again.
    act(() => gate.set(null));
    expect([undo.disabled, redo.disabled]).toEqual([false, false]);
    act(() => gate.set('this tab is read-only'));
    expect([undo.disabled, redo.disabled]).toEqual([true, true]);
  });

  it('without a draft both buttons are off', () => {
    const view = render(createElement(UndoRedoButtons, { store: null, run: () => undefined }));
    expect((view.getByTestId('undo') as HTMLButtonElement).disabled).toBe(true);
    expect((view.getByTestId('redo') as HTMLButtonElement).disabled).toBe(true);
  });
});
