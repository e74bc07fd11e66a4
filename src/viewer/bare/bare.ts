/**
 * A bare Cornerstone3D page showing the same four images as the viewer in a 2 × 2 grid, with
 * nothing else: the baseline the viewer's display time and memory are compared with. Shows
 * RCC, LCC, RMLO and LMLO of the exam folder asked for in the address (?exam=/path/, as the
 * viewer), else of the bundled sample. Sets window.bareDisplayed to the milliseconds from
 * navigation start to the fourth image rendered.
 */
import { Enums, init as initCore, RenderingEngine, type Types } from '@cornerstonejs/core';
import { init as initLoader, wadouri } from '@cornerstonejs/dicom-image-loader';
import { examBaseFromLocation } from '../loading/exam.js';
import './bare.css';

declare global {
  interface Window {
    bareDisplayed?: number;
  }
}

async function main(): Promise<void> {
  await initCore();
  initLoader({ maxWebWorkers: 1 });
  const engine = new RenderingEngine('bare');
  const base = examBaseFromLocation(window.location.search);
  const grid = document.getElementById('grid') as HTMLDivElement;
  let shown = 0;
  await Promise.all(
    ['RCC', 'LCC', 'RMLO', 'LMLO'].map(async (name) => {
      const el = document.createElement('div');
      el.style.position = 'relative';
      grid.appendChild(el);
      engine.enableElement({ viewportId: name, type: Enums.ViewportType.STACK, element: el });
      el.addEventListener(
        Enums.Events.IMAGE_RENDERED,
        () => {
          shown += 1;
          if (shown === 4) window.bareDisplayed = performance.now();
        },
        { once: true },
      );
      const bytes = await (await fetch(`${base}${name}.dcm`)).arrayBuffer();
      const imageId = wadouri.fileManager.add(new Blob([bytes]));
      const vp = engine.getViewport(name) as Types.IStackViewport;
      await vp.setStack([imageId]);
      vp.render();
    }),
  );
}

void main();
