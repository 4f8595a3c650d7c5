import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, minifySync, type Plugin, parseAst } from 'vite';
import { offline } from './scripts/offline.ts';
import { DEFAULT_SCENARIO } from './src/defaultScenario.ts';
import { checkAssembledCampaign, normalizeBridge } from './src/scenario/campaignCheck.ts';
import { scenarioHash } from './src/core/engine.ts';
import { BRIDGE_ID, CAMPAIGN_ID, CAMPAIGN_PARTS } from './src/scenario/campaignRecipe.ts';
import type { Scenario } from './src/scenario/types.ts';
import { formatFinding } from './src/scenario/findings.ts';
import { teachingTree } from './src/ui/classroom/teachingTree.ts';
import type { GeoData } from './src/ui/map/geoData.ts';
import { packGeo } from './src/ui/map/geoPack.ts';
import { loadScenarioText } from './src/scenario/load.ts';

const SCENARIO_DIR = join(import.meta.dirname, 'scenarios');
const CATALOG = 'virtual:scenario-catalog';
const ONE = 'virtual:scenario/';
// The campaign's assembling module (named so its chunk is called after the campaign).
const CAMPAIGN = `virtual:campaign/${CAMPAIGN_ID}`;

/**
 * Scenarios are validated at build time with the same loader the CLI uses, and shipped
 * as plain, already-checked JSON: the game does not need zod in the browser, and a
 * broken scenario fails the build with its findings instead of failing in a classroom.
 * The catalog (ids, titles, periods, summaries) is small and loads at once; each
 * scenario is its own chunk, fetched only when the player chooses it.
 *
 * The campaign is not shipped as data: it is the chapters and the 2004–08 bridge put
 * together by the same builder `npm run campaign` uses (src/scenario/campaignRecipe.ts),
 * so choosing it fetches the chapter chunks and the small bridge chunk and assembles
 * them. The build assembles it the same way from what it ships and fails unless the
 * result is the checked scenarios/campaign-1991-2012.json, field for field (so the
 * same scenarioHash).
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
  const bridgeFile = join(SCENARIO_DIR, 'campaign', `${BRIDGE_ID}.json`);
  const bridge = () => normalizeBridge(JSON.parse(readFileSync(bridgeFile, 'utf8')) as Record<string, unknown>);
  /** The scenarioHash of what the browser builds: shipped with it, so a new game need not hash it (main.ts). */
  const fingerprint = (data: unknown) => scenarioHash(data as Scenario);
  /** What the browser receives for each part of the campaign, as JSON text. */
  const shipped = (id: string): string => JSON.stringify(id === BRIDGE_ID ? bridge() : load(id));
  return {
    name: 'caspian-scenarios',
    // In development, a saved scenario file is checked and sent to the running game, which
    // replays the game in play under it (src/ui/customScenario/devReload.ts); no page reload.
    handleHotUpdate(ctx) {
      const rel = ctx.file.startsWith(SCENARIO_DIR) ? ctx.file.slice(SCENARIO_DIR.length + 1) : '';
      if (!/^[a-z0-9-]+\.json$/.test(rel) || rel === 'scenario.schema.json') return;
      const sid = rel.slice(0, -5);
      let data: { id: string; scenario?: unknown; problem?: string };
      try {
        data = { id: sid, scenario: JSON.parse(shipped(sid)) };
      } catch (e) {
        data = { id: sid, problem: e instanceof Error ? e.message.split('\n').slice(0, 2).join(' ') : String(e) };
      }
      for (const key of [`\0${ONE}${sid}`, `\0${CATALOG}`]) {
        const mod = ctx.server.moduleGraph.getModuleById(key);
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      }
      ctx.server.ws.send({ type: 'custom', event: 'caspian:scenario', data });
      return [];
    },
    resolveId(id) {
      return id === CATALOG || id === CAMPAIGN || id.startsWith(ONE) ? `\0${id}` : null;
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
        const loader = (sid: string) =>
          sid === CAMPAIGN_ID ? `() => import(${JSON.stringify(CAMPAIGN)}).then((m) => m.load())` : `() => import(${JSON.stringify(ONE + sid)})`;
        const loaders = entries.map((e) => `${JSON.stringify(e.id)}: ${loader(e.id)}`).join(',\n');
        return `export const catalog = ${JSON.stringify(entries)};\nexport const loaders = {\n${loaders}\n};`;
      }
      if (id === `\0${CAMPAIGN}`) {
        this.addWatchFile(bridgeFile);
        for (const part of CAMPAIGN_PARTS) if (part.id !== BRIDGE_ID) this.addWatchFile(join(SCENARIO_DIR, `${part.id}.json`));
        const problem = checkAssembledCampaign((pid) => JSON.parse(shipped(pid)) as Record<string, unknown>, load(CAMPAIGN_ID));
        if (problem) throw new Error(`${problem}\n(run npm run campaign, or fix src/scenario/campaignRecipe.ts)`);
        const imports = CAMPAIGN_PARTS.map((p) => `${JSON.stringify(p.id)}: () => import(${JSON.stringify(ONE + p.id)})`).join(',\n  ');
        return [
          `import { assembleCampaign } from '/src/scenario/campaignRecipe.ts';`,
          `const parts = {\n  ${imports}\n};`,
          'export async function load() {',
          '  const ids = Object.keys(parts);',
          '  const modules = await Promise.all(ids.map((id) => parts[id]()));',
          '  const data = new Map(ids.map((id, i) => [id, modules[i].default]));',
          // The check above proved the assembly's hash is the checked campaign's.
          `  return { default: assembleCampaign((id) => data.get(id)), fingerprint: ${JSON.stringify(fingerprint(load(CAMPAIGN_ID)))} };`,
          '}',
        ].join('\n');
      }
      if (id.startsWith(`\0${ONE}`)) {
        const sid = id.slice(ONE.length + 1);
        this.addWatchFile(sid === BRIDGE_ID ? bridgeFile : join(SCENARIO_DIR, `${sid}.json`));
        const text = shipped(sid);
        // A chapter's fingerprint, computed here from the very object the browser parses.
        const own = sid === BRIDGE_ID ? '' : `\nexport const fingerprint = ${JSON.stringify(fingerprint(JSON.parse(text)))};`;
        return `export default JSON.parse(${JSON.stringify(text)});${own}`;
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

/**
 * The map's code (its chunk and Phaser's) is needed seconds after any start, and the
 * page cannot ask for it before its entry has run: `<link rel="modulepreload">` in
 * index.html has the browser fetch and compile the map's chunk alongside the entry
 * instead. That chunk (src/ui/map/poster.ts: the poster and the scene) imports Phaser's
 * chunk dynamically, so that the poster can paint before Phaser runs; Phaser's chunk is
 * only prefetched (downloaded, not compiled): compiled beside the entry on two cores, it
 * held the first playable turn back ~90 ms on an idle machine (session 11; the map answers
 * the pointer ~0.1 s later, its chunk compiled after the poster's frame, see mapView.ts).
 * A `?play=<id>` link has chosen its scenario before any code runs: a small classic script
 * in the head (generated here: each shipped scenario's chunk and the chunks it imports)
 * preloads that one, so it arrives with the entry rather than after the entry has run
 * (measured with the default scenario: scenario ready ~230 ms sooner at load 6–8, the
 * first playable turn as much). The title screen still fetches no scenario until the player
 * picks one (issue 12: nothing loaded before the player chooses it; loading.e2e).
 */
function preloadMapChunks(): Plugin {
  // Worked out where the chunks are known and files may be emitted (generateBundle, typed
  // with the build's plugin context), then put in the page by the HTML hook, which Vite
  // runs later, from its own generateBundle (vite:build-html comes after this plugin).
  let tags: HtmlTagDescriptor[] = [];
  let preloader = '';
  return {
    name: 'caspian-preload-map',
    apply: 'build',
    generateBundle(_options, bundle) {
      // One plugin object may build several pages (bench/config.ts builds the bare pages with it).
      tags = [];
      preloader = '';
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const entry = chunks.find((c) => c.isEntry);
      const map = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith('/src/ui/map/poster.ts'));
      if (!entry || !map) return;
      // The entry's own imports are preloaded by Vite already.
      const have = new Set([entry.fileName, ...entry.imports]);
      const files = withImports(byName, [map.fileName], have);
      for (const file of files) have.add(file);
      const later = map.dynamicImports.filter((file) => !have.has(file));
      preloader = playPreloadScript(chunks, have);
      tags = [
        ...files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ...later.map((file) => ({ tag: 'link', attrs: { rel: 'prefetch', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
      ];
    },
    transformIndexHtml: { order: 'post', handler: (html) => ({ html: withInlineScript(html, preloader), tags }) },
  };
}

/**
 * `html` with `source` as an inline script straight after its Content Security Policy,
 * which allows that one script by its SHA-256 (CSP level 2 hashes) and still no other:
 * injected markup, whatever it says, matches no hash. Inline, the `?play` preloader costs
 * the parser no round trip: as a file (sessions 8–12), the parser waited for it before it
 * asked for anything else, the entry included (the CSP meta turns Chromium's preload
 * scanner off), 20–70 ms here. Before the stylesheet, since a classic script waits for
 * every stylesheet above it.
 */
function withInlineScript(html: string, source: string): string {
  if (!source) return html;
  const csp = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/);
  if (!csp || csp.index === undefined || !csp[0].includes("script-src 'self';"))
    throw new Error("index.html: no Content Security Policy with script-src 'self'; for the ?play preloader");
  const hash = createHash('sha256').update(source).digest('base64');
  const meta = csp[0].replace("script-src 'self';", `script-src 'self' 'sha256-${hash}';`);
  const end = csp.index + csp[0].length;
  return `${html.slice(0, csp.index)}${meta}\n    <script>${source}</script>${html.slice(end)}`;
}

/** `starts` and every chunk they import, statically and in turn, less those in `skip`. */
function withImports(byName: ReadonlyMap<string, { imports: string[] }>, starts: readonly string[], skip: ReadonlySet<string>): string[] {
  const files: string[] = [];
  const visit = (file: string) => {
    if (skip.has(file) || files.includes(file)) return;
    files.push(file);
    for (const dep of byName.get(file)?.imports ?? []) visit(dep);
  };
  for (const file of starts) visit(file);
  return files;
}

/**
 * The head's `?play` preloader (see preloadMapChunks): a classic inline script, since it
 * must run while the page is parsed. It maps each scenario id to its chunk and that
 * chunk's static imports, less what the page loads anyway.
 */
function playPreloadScript(chunks: { fileName: string; facadeModuleId?: string | null; imports: string[] }[], loaded: Set<string>) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const files: Record<string, string[]> = {};
  for (const c of chunks) {
    const id = c.facadeModuleId === `\0${CAMPAIGN}` ? CAMPAIGN_ID : c.facadeModuleId?.startsWith(`\0${ONE}`) ? c.facadeModuleId.slice(ONE.length + 1) : null;
    if (!id) continue;
    files[id] = withImports(byName, [c.fileName], loaded);
  }
  // ?play=<scenario> preloads that scenario's chunks (own keys only: ?play=constructor must
  // not find Object's). Shipped minified, as the bundle is.
  const source = `(function () {
var q = new URLSearchParams(location.search);
if (q.getAll('play').length !== 1) return;
var all = ${JSON.stringify(files)};
var id = q.get('play') || ${JSON.stringify(DEFAULT_SCENARIO)};
var files = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : [];
for (var i = 0; i < files.length; i++) {
var l = document.createElement('link');
l.rel = 'modulepreload';
l.crossOrigin = '';
l.href = './' + files[i];
document.head.appendChild(l);
}
})();
`;
  return minifySync('play-preload.js', source, { compress: true, mangle: true }).code;
}

/**
 * The teachers' page (src/ui/classroom/teaching.ts) is docs/teaching.md read at build
 * time: the browser gets the tree of elements (teachingTree.ts), not the Markdown and
 * the Markdown reader. In development, an edit of the file reloads the page's module.
 */
function teachingPage(): Plugin {
  const ID = 'virtual:teaching';
  const FILE = join(import.meta.dirname, 'docs/teaching.md');
  return {
    name: 'caspian-teaching-page',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      this.addWatchFile(FILE);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(teachingTree(readFileSync(FILE, 'utf8'))))});`;
    },
  };
}

/**
 * The scenario schema's descriptions and JSON-Schema names (`describe(schema, '…')`,
 * `meta(schema, {…})` in src/scenario/schema/) are for editors and the generated
 * scenarios/scenario.schema.json, read in Node: the game's checker (Load scenario…) never
 * shows them, so the browser build keeps only the schema each call wraps. What a value
 * must be, and every message a designer sees, are in the other calls, which stay as written.
 */
function schemaWithoutDocs(): Plugin {
  const DIR = join(import.meta.dirname, 'src/scenario/schema/');
  type AstNode = { type: string; start: number; end: number; [key: string]: unknown };
  return {
    name: 'caspian-schema-without-docs',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(DIR)) return null;
      // Each wrapping call, and the schema inside it.
      const wraps: { start: number; end: number; inner: AstNode }[] = [];
      const visit = (n: unknown): void => {
        if (Array.isArray(n)) {
          for (const item of n) visit(item);
          return;
        }
        if (!n || typeof n !== 'object' || typeof (n as AstNode).type !== 'string') return;
        const node = n as AstNode;
        const callee = node.callee as AstNode | undefined;
        const args = (node.arguments ?? []) as AstNode[];
        if (
          node.type === 'CallExpression' &&
          callee?.type === 'Identifier' &&
          (callee.name === 'describe' || callee.name === 'meta') &&
          args.length === 2 &&
          ['Literal', 'TemplateLiteral', 'ObjectExpression'].includes(args[1]?.type ?? '')
        )
          wraps.push({ start: node.start, end: node.end, inner: args[0] as AstNode });
        for (const [key, value] of Object.entries(node)) if (key !== 'type') visit(value);
      };
      visit(parseAst(code));
      if (wraps.length === 0) return null;
      wraps.sort((a, b) => a.start - b.start);
      // The text from `from` to `to`, each outermost wrap in it replaced by its schema (unwrapped too).
      const unwrapped = (from: number, to: number): string => {
        let out = '';
        let at = from;
        for (const w of wraps) {
          if (w.start < at || w.end > to) continue;
          out += code.slice(at, w.start) + unwrapped(w.inner.start, w.inner.end);
          at = w.end;
        }
        return out + code.slice(at, to);
      };
      return { code: unwrapped(0, code.length), map: null };
    },
  };
}

/**
 * The map's geography (src/ui/map/geo/caucasus.json, written by scripts/build-map.ts)
 * ships packed as steps between points (src/ui/map/geoPack.ts) and is unpacked when the
 * map's chunk loads: the same coordinates, a smaller chunk.
 */
function mapGeography(): Plugin {
  const FILE = join(import.meta.dirname, 'src/ui/map/geo/caucasus.json');
  const PACK = join(import.meta.dirname, 'src/ui/map/geoPack.ts');
  const ID = 'virtual:map-geography';
  return {
    name: 'caspian-map-geography',
    enforce: 'pre',
    // Its own id: Vite's JSON plugin would otherwise read the file by its extension.
    resolveId: (source, importer) => (importer && join(dirname(importer), source) === FILE ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      this.addWatchFile(FILE);
      const packed = packGeo(JSON.parse(readFileSync(FILE, 'utf8')) as GeoData);
      return `import { unpackGeo } from ${JSON.stringify(PACK)};\nexport default unpackGeo(JSON.parse(${JSON.stringify(JSON.stringify(packed))}));`;
    },
  };
}

/** The built page without the source's HTML comments (they explain index.html to its readers, not to browsers). */
function htmlWithoutComments(): Plugin {
  return {
    name: 'caspian-html-without-comments',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => html.replace(/\s*<!--[\s\S]*?-->/g, '') },
  };
}

/** index.html's Content Security Policy is the built page's. The dev server injects CSS as
 *  <style> elements, reloads over a WebSocket, and serves Phaser unbuilt (its `data:`
 *  placeholder images are stripped by phaserLean in the build only), so in dev only it
 *  allows exactly those. */
function devCsp(): Plugin {
  return {
    name: 'caspian-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:")
        .replace("img-src 'self'", "img-src 'self' data:"),
  };
}

export default defineConfig({
  base: './',
  // Static files (the favicon) live in assets/; sounds are synthesised and the map is data.
  publicDir: 'assets',
  plugins: [scenarios(), teachingPage(), schemaWithoutDocs(), mapGeography(), phaserLean(), preloadMapChunks(), htmlWithoutComments(), devCsp(), offline()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // The map's chunk (poster and scene, src/ui/map/poster.ts) keeps the name it has
        // always had in the network panel and the tests.
        chunkFileNames: (chunk) => `assets/${chunk.facadeModuleId?.replaceAll('\\', '/').endsWith('/src/ui/map/poster.ts') ? 'MapScene' : '[name]'}-[hash].js`,
        codeSplitting: {
          // Phaser, with the map's list of the parts it uses (src/ui/map/phaser/lean.ts).
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser|src[\\/]ui[\\/]map[\\/]phaser[\\/]lean\.ts$/ }],
        },
      },
    },
  },
  server: { port: 5173 },
});
