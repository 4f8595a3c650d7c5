// The command line built into two scripts, kept in node_modules/.cache/caspian-cli/<checkout> and
// built again only when a file they were built from has changed (scripts/caspian.mjs).
// Plain JavaScript: it runs before any TypeScript can. Started through tsx, the CLI spent
// ~0.7 s of CPU (1.8 s on a loaded machine) compiling its ~150 modules on every run, and
// `balance` bundled its workers' script again each time (0.3 s); the built scripts start
// in ~0.1 s.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bumped when the way the scripts are built changes, so older builds are not reused. */
const BUILD_VERSION = 1;

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// One folder per checkout: trees that share a node_modules (a symbolic link) would
// otherwise rebuild over each other's scripts on every run.
const cacheDir = join(root, 'node_modules', '.cache', 'caspian-cli', createHash('sha256').update(root).digest('hex').slice(0, 12));
export const cliScript = join(cacheDir, 'cli.mjs');
export const workerScript = join(cacheDir, 'balance-worker.cjs');
const manifestFile = join(cacheDir, 'manifest.json');
/** Scenarios the built command line validated (src/cli/scenarioCache.ts); emptied by each build. */
export const scenarioDir = join(cacheDir, 'scenarios');

/** A file's size and time of change: what says it is the one a build read. */
function stamp(file) {
  const st = statSync(file);
  return `${st.size}:${st.mtimeMs}`;
}

/** The build the scripts are, when they were built by this version and node from the
 *  files as they are now (a hash of its manifest), or null. */
export function freshBuild() {
  let text;
  let manifest;
  try {
    text = readFileSync(manifestFile, 'utf8');
    manifest = JSON.parse(text);
  } catch {
    return null;
  }
  if (manifest.version !== BUILD_VERSION || manifest.node !== process.version) return null;
  try {
    for (const [file, s] of Object.entries(manifest.inputs)) if (stamp(join(root, file)) !== s) return null;
  } catch {
    return null; // an input was removed or renamed
  }
  return createHash('sha256').update(text).digest('hex');
}

/** Writes a file whole or not at all: two runs building at once never read half a script. */
function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Builds both scripts and the manifest of what they were built from. */
export function build() {
  const { buildSync } = createRequire(import.meta.url)('esbuild');
  const common = { bundle: true, platform: 'node', target: 'node20', write: false, metafile: true, logLevel: 'silent', absWorkingDir: root };
  // Every module that reads import.meta.url lives in src/cli (files.ts finds the scenarios
  // from it, balanceBundle.ts the worker's source): inside the bundle it is main.ts's own,
  // so the paths they work out are the same as when run through tsx.
  const cli = buildSync({
    ...common,
    entryPoints: ['src/cli/bundleEntry.ts'],
    format: 'esm',
    external: ['esbuild'],
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'src/cli/main.ts')).href) },
  });
  const worker = buildSync({ ...common, entryPoints: ['src/cli/balanceWorker.ts'], format: 'cjs' });
  const inputs = {};
  for (const r of [cli, worker]) for (const file of Object.keys(r.metafile.inputs)) inputs[file] = stamp(join(root, file));
  rmSync(scenarioDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeAtomic(cliScript, cli.outputFiles[0].text);
  writeAtomic(workerScript, worker.outputFiles[0].text);
  writeAtomic(manifestFile, JSON.stringify({ version: BUILD_VERSION, node: process.version, inputs }));
}
