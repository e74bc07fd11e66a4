import { createContext, useContext } from 'react';

/**
 * Called when the radiologist leaves a free-text field (report text, a history site): the word
 * typed there is one undo step, and typing again starts another. The panel provides the store's.
 */
export const EndTypingContext = createContext<() => void>(() => undefined);

/** The handler a free-text field calls on blur. */
export function useEndTyping(): () => void {
  return useContext(EndTypingContext);
}
