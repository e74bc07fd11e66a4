/** Entry of the standalone viewer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { installInstrumentation } from './app/instrumentation.js';
import './app/app.css';

// Only the viewer built for the browser tests and benchmarks carries their hooks.
if (__CALCSCRIBE_TEST_HOOKS__) installInstrumentation(await import('./app/test-hooks.js'));

const root = document.getElementById('root');
if (root === null) throw new Error('page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
