/** Entry of the standalone viewer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import './app/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
