import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { formatFinding } from './src/scenario/findings.ts';
import { loadScenarioText } from './src/scenario/load.ts';

const SCENARIO_DIR = join(import.meta.dirname, 'scenarios');
const CATALOG = 'virtual:scenario-catalog';
const ONE = 'virtual:scenario/';

/**
 * Scenarios are validated at build time with the same loader the CLI uses, and shipped
 * as plain, already-checked JSON: the game does not need zod in the browser, and a
 * broken scenario fails the build with its findings instead of failing in a classroom.
 * The catalog (ids, titles, periods, summaries) is small and loads at once; each
 * scenario is its own chunk, fetched when chosen.
 */
function scenarios(): Plugin {
  const ids = () =>
    readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
      .map((f) => f.slice(0, -5))
      .sort();
  // The catalog and the scenario's own chunk both need it: validate each file once.
  const checked = new Map<string, { mtime: number; scenario: ReturnType<typeof loadScenarioText>['scenario'] }>();
  const load = (id: string) => {
    const file = `scenarios/${id}.json`;
    const mtime = statSync(join(SCENARIO_DIR, `${id}.json`)).mtimeMs;
    const cached = checked.get(id);
    if (cached?.mtime === mtime && cached.scenario) return cached.scenario;
    const result = loadScenarioText(readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8'), file);
    if (!result.scenario) throw new Error(`${file} is invalid:\n${result.findings.map(formatFinding).join('\n')}`);
    checked.set(id, { mtime, scenario: result.scenario });
    return result.scenario;
  };
  return {
    name: 'caspian-scenarios',
    resolveId(id) {
      return id === CATALOG || id.startsWith(ONE) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${CATALOG}`) {
        const entries = ids().map((sid) => {
          this.addWatchFile(join(SCENARIO_DIR, `${sid}.json`));
          const s = load(sid);
          return { id: s.id, title: s.title, period: s.period, summary: s.summary, turns: s.calendar.turns, start: s.calendar.start };
        });
        // Chapters in the order of history, then the long campaign.
        entries.sort((a, b) => Number(a.turns >= 80) - Number(b.turns >= 80) || a.start.localeCompare(b.start));
        const loaders = entries.map((e) => `${JSON.stringify(e.id)}: () => import(${JSON.stringify(ONE + e.id)})`).join(',\n');
        return `export const catalog = ${JSON.stringify(entries)};\nexport const loaders = {\n${loaders}\n};`;
      }
      if (id.startsWith(`\0${ONE}`)) {
        const sid = id.slice(ONE.length + 1);
        this.addWatchFile(join(SCENARIO_DIR, `${sid}.json`));
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(load(sid)))});`;
      }
      return null;
    },
  };
}

const PHASER_SRC = join(dirname(fileURLToPath(import.meta.resolve('phaser/package.json'))), 'src');
const PHASER_LEAN = join(import.meta.dirname, 'src/ui/map/phaser/lean.ts');

/**
 * The map's Phaser is built from Phaser's own sources with only the parts it uses (see
 * src/ui/map/phaser/lean.ts): `phaser/src/…` resolves into the package (its `exports`
 * hide the sources), the WebGL, sound and plugin branches are compiled out the way
 * Phaser's own build does it (`typeof WEBGL_RENDERER` → false…), and the canvas feature
 * test that loads `data:` images is replaced by one a strict CSP allows. The dev server
 * pre-bundles the same modules (they are CommonJS), read from lean.ts's imports.
 */
function phaserLean(): Plugin {
  const flags = {
    'typeof CANVAS_RENDERER': 'true',
    'typeof WEBGL_RENDERER': 'false',
    'typeof WEBGL_DEBUG': 'false',
    'typeof EXPERIMENTAL': 'false',
    'typeof FEATURE_SOUND': 'false',
    'typeof PLUGIN_CAMERA3D': 'false',
    'typeof PLUGIN_FBINSTANT': 'false',
  };
  const modules = [...readFileSync(PHASER_LEAN, 'utf8').matchAll(/from '(phaser\/src\/[^']+)'|import '(phaser\/src\/[^']+)'/g)].map((m) => m[1] ?? m[2] ?? '');
  return {
    name: 'caspian-phaser-lean',
    config: () => ({
      define: flags,
      resolve: {
        alias: [
          { find: /^phaser\/src\/(.*)$/, replacement: `${PHASER_SRC}/$1` },
          // Only Phaser's sources import it, by these two relative paths.
          { find: /^(?:\.\/|(?:\.\.\/)+device\/)CanvasFeatures$/, replacement: join(import.meta.dirname, 'src/ui/map/phaser/canvasFeatures.cjs') },
        ],
      },
      optimizeDeps: { include: modules, rolldownOptions: { transform: { define: flags } } },
    }),
  };
}

export default defineConfig({
  base: './',
  // Static files (the favicon) live in assets/; sounds are synthesised and the map is data.
  publicDir: 'assets',
  plugins: [scenarios(), phaserLean()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
  server: { port: 5173 },
});
