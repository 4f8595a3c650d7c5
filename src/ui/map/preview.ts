/**
 * Preview harness for the map (development and the e2e test only):
 *   npx vite  →  http://localhost:5173/src/ui/map/preview.html
 * Exposes window.__map (the MapController), window.__mapScene,
 * window.__lastHover and window.__selected for tests.
 */
import * as phaser from './phaser/lean.ts';
import { type MapScene, startMap } from './start.ts';
import { nextViewModel, sampleViewModel } from './sample.ts';
import type { MapController, MapViewModel } from './types.ts';

declare global {
  interface Window {
    __map?: MapController;
    __mapScene?: () => MapScene | null;
    __lastHover?: { title: string; lines: string[] } | null;
    __hoverCount?: number;
    __selected?: string[];
    __sampleVm?: () => MapViewModel;
    __nextVm?: (vm: MapViewModel) => MapViewModel;
  }
}

const parent = document.getElementById('map');
const tip = document.getElementById('tip');
const status = document.getElementById('status');
if (!parent || !tip || !status) throw new Error('preview.html is missing #map, #tip or #status');

let vm = sampleViewModel();
let turn = 1;
window.__lastHover = null;
window.__hoverCount = 0;
window.__selected = [];
window.__sampleVm = sampleViewModel;
window.__nextVm = nextViewModel;

function showTip(info: { title: string; lines: string[] } | null, screen: { x: number; y: number }): void {
  if (!tip) return;
  if (!info) {
    tip.style.display = 'none';
    return;
  }
  tip.replaceChildren();
  const t = document.createElement('div');
  t.className = 't';
  t.textContent = info.title;
  tip.append(t);
  for (const line of info.lines) {
    const d = document.createElement('div');
    d.textContent = line;
    tip.append(d);
  }
  tip.style.display = 'block';
  const r = tip.getBoundingClientRect();
  const x = Math.min(window.innerWidth - r.width - 8, screen.x + 16);
  const y = Math.min(window.innerHeight - r.height - 8, screen.y + 16);
  tip.style.left = `${Math.max(8, x)}px`;
  tip.style.top = `${Math.max(8, y)}px`;
}

const map = startMap(phaser, parent, vm, {
  onHover(info, screen) {
    window.__lastHover = info;
    window.__hoverCount = (window.__hoverCount ?? 0) + 1;
    showTip(info, screen);
  },
  onSelectCountry(id) {
    window.__selected?.push(id);
    status.textContent = `selected: ${id}`;
  },
});
window.__map = map;

document.getElementById('next')?.addEventListener('click', () => {
  vm = nextViewModel(vm);
  turn += 1;
  map.update(vm);
  status.textContent = `turn ${turn}`;
});
