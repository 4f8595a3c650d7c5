/**
 * "Load scenario": a player's or a teacher's own scenario file, chosen with the file
 * picker or dropped on the dialog, checked by the same code as the CLI (loaded only now,
 * in a chunk of its own), its findings listed in plain words with their JSON path. A
 * valid file is playable at once and kept in the browser for next time; a broken one is
 * only described, and the game goes on as it was.
 */
import type { Scenario } from '../../scenario/types.ts';
import type { Finding } from '../../scenario/findings.ts';
import { createModal, type Modal } from '../classroom/modal.ts';
import { dropZone, filePicker, MAX_FILE_BYTES } from '../classroom/files.ts';
import { button, el, fill } from '../dom.ts';
import { forgetScenario, keepScenario, keptScenarios } from './kept.ts';

export interface ScenarioLoaderOptions {
  /** Ids of the scenarios that ship with the game: a file may not reuse one. */
  shippedIds: readonly string[];
  /** Starts a game of the scenario. */
  onPlay(scenario: Scenario): void;
  /** The kept list changed (the title's scenario list shows it). */
  onKeptChanged?(): void;
  /** Files to check at once (a scenario file dropped on the title screen). */
  files?: File[];
}

/** Shown findings; the rest are counted. */
const SHOWN = 50;

let modal: Modal | null = null;
/** What a file dropped on the open dialog goes to. */
let dropped: ((files: File[]) => void) | null = null;

const checker = () => import('./checker.ts');

/** Checks a kept scenario again and returns it, or null (for the game's scenario loader). */
export async function loadKeptScenario(id: string, shippedIds: readonly string[]): Promise<Scenario | null> {
  const kept = keptScenarios().find((x) => x.id === id);
  if (!kept) return null;
  const { checkScenarioText } = await checker();
  return checkScenarioText(kept.text, kept.file, shippedIds).scenario;
}

export function openScenarioLoader(opts: ScenarioLoaderOptions): void {
  if (!modal) {
    modal = createModal('scenario-loader', 'Load a scenario');
    // The whole dialog takes a dropped file: one dropped beside the zone must not make the
    // browser leave the game to show the file.
    dropZone(modal.node, (files) => dropped?.(files));
  }
  const status = el('p', { class: 'loader-status', role: 'status', testid: 'scenario-status' });
  const findings = el('ol', { class: 'finding-list', testid: 'scenario-findings', label: 'What the check found' });
  const play = el('div', { class: 'loader-play' });
  const keptList = el('ul', { class: 'save-list', testid: 'kept-scenarios' });

  const renderKept = () => {
    const kept = keptScenarios();
    fill(
      keptList,
      ...kept.map((k) =>
        el(
          'li',
          { class: 'save-row' },
          el('span', { class: 'save-what' }, el('strong', {}, k.title), el('span', { class: 'hint' }, `${k.period} · ${k.turns} turns · ${k.file}`)),
          el(
            'span',
            { class: 'save-buttons' },
            button('Play', () => void playKept(k.id), { class: 'small', testid: `kept-play-${k.id}` }),
            button(
              'Remove',
              () => {
                forgetScenario(k.id);
                renderKept();
                opts.onKeptChanged?.();
                // The row (and the focused button) is gone: keep the keys, Esc included, in the dialog.
                choose.focus();
              },
              { class: 'ghost small', testid: `kept-remove-${k.id}` },
            ),
          ),
        ),
      ),
    );
    keptSection.classList.toggle('hidden', kept.length === 0);
  };

  const playKept = async (id: string) => {
    status.textContent = 'Checking…';
    const scenario = await loadKeptScenario(id, opts.shippedIds);
    if (!scenario) {
      status.textContent = 'That kept scenario no longer passes the check; load its file again to see why.';
      return;
    }
    modal?.close();
    opts.onPlay(scenario);
  };

  const check = async (files: File[]) => {
    const file = files[0];
    fill(findings);
    fill(play);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      status.textContent = `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; a scenario may be at most 5 MB.`;
      return;
    }
    status.textContent = `Checking ${file.name}…`;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      status.textContent = `The browser could not read ${file.name}.`;
      return;
    }
    try {
      const { checkScenarioBytes } = await checker();
      const result = checkScenarioBytes(bytes, file.name, opts.shippedIds);
      const text = result.text ?? '';
      showFindings(findings, result.findings);
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      const warnings = result.findings.length - errors;
      const s = result.scenario;
      if (!s) {
        status.textContent = `${file.name} cannot be played yet: ${errors} problem${errors === 1 ? '' : 's'} to fix, listed below with where they are in the file.`;
        return;
      }
      const before = keptScenarios().find((k) => k.id === s.id);
      const replaced = before !== undefined && before.text !== text;
      const kept = keepScenario({ id: s.id, title: s.title, period: s.period, summary: s.summary, turns: s.calendar.turns, file: file.name, text });
      status.textContent = `${s.title} (${s.period}, ${s.calendar.turns} turns) is ready to play${warnings > 0 ? `, with ${warnings} thing${warnings === 1 ? '' : 's'} worth a look below` : ''}. ${
        kept
          ? `It is kept in this browser and listed under New game${
              replaced
                ? `, in place of the version of ${before.file} kept before: games saved under that version open only after that version is loaded again`
                : ''
            }.`
          : 'This browser would not keep it (storage is full or off): load the file again next time.'
      }`;
      fill(
        play,
        button(
          `Play ${s.title}`,
          () => {
            modal?.close();
            opts.onPlay(s);
          },
          { class: 'primary', testid: 'scenario-play' },
        ),
      );
      renderKept();
      opts.onKeptChanged?.();
    } catch (e) {
      // The checker's chunk could not be fetched (offline, an old page): say so, change nothing.
      status.textContent = `The checker could not be loaded (${e instanceof Error ? e.message : String(e)}); try again when online.`;
    }
  };

  const picker = filePicker('scenario-file', false, (files) => void check(files));
  const choose = button('Choose a file…', picker.open, { class: 'small', testid: 'scenario-choose' });
  const zone = el('div', { class: 'drop-zone', testid: 'scenario-drop-zone' }, el('span', {}, 'Drop a scenario file (.json) here, or'), choose, picker.input);
  dropped = (files) => void check(files);
  const keptSection = el('section', { class: 'loader-kept' }, el('h3', {}, 'Kept in this browser'), keptList);

  modal.open(
    el(
      'p',
      { class: 'hint' },
      'A scenario file written to docs/scenario-format.md. It is checked with the same rules as "npm run caspian -- validate" and "lint"; nothing leaves your computer.',
    ),
    zone,
    status,
    findings,
    play,
    keptSection,
  );
  renderKept();
  if (opts.files) void check(opts.files);
}

/**
 * Whether a file dropped on the title screen is a scenario rather than a save: a JSON
 * object with a calendar and no save format. Anything else goes to the saves, which say
 * what they make of it.
 */
export async function looksLikeScenario(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) return false;
  try {
    const data: unknown = JSON.parse(await file.text());
    return data !== null && typeof data === 'object' && !Array.isArray(data) && 'calendar' in data && !('format' in data);
  } catch {
    return false;
  }
}

function showFindings(list: HTMLElement, found: readonly Finding[]): void {
  const items = found
    .slice(0, SHOWN)
    .map((f) =>
      el(
        'li',
        { class: `finding ${f.severity}` },
        el('span', { class: 'finding-kind' }, f.severity === 'error' ? 'Problem' : 'Worth a look'),
        el('span', { class: 'finding-where' }, `${f.file}${f.path ? ` at ${f.path}` : ''}`, f.line !== undefined ? ` (line ${f.line})` : ''),
        el('span', { class: 'finding-what' }, f.message),
      ),
    );
  if (found.length > SHOWN) items.push(el('li', { class: 'finding more' }, `… and ${found.length - SHOWN} more.`));
  fill(list, ...items);
}
