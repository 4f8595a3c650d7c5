/**
 * The saves dialog: load an autosave or a slot, start again from a campaign era's save
 * point, export any save, delete one, import a file (picker or drop); and, in a game,
 * save to one of the slots. Every problem is said in words, and nothing is touched by a
 * file that fails its checks.
 */
import type { ReplayFile } from '../../persistence/replayFormat.ts';
import { listSaves, removeSave, type SaveEntry, type SaveStore, SLOT_COUNT, slotKey, type WriteResult } from '../../persistence/saves.ts';
import { button, el } from '../dom.ts';
import { dropZone, filePicker, readFile } from './files.ts';
import { createModal } from './modal.ts';

export interface SavePoint {
  label: string;
  turn: number;
}

export interface SavesDialogDeps {
  storage: SaveStore | null;
  /** "Independence · turn 5 of 13 · seed 42 · normal". */
  describe(save: ReplayFile): string;
  savePoints(save: ReplayFile): SavePoint[];
  /** Opens a save; resolves with a problem to show, or null when the game opened. */
  open(save: ReplayFile, mode: 'continue' | 'branch'): Promise<string | null>;
  openSavePoint(save: ReplayFile, turn: number): Promise<string | null>;
  importText(name: string, text: string): Promise<string | null>;
  exportSave(save: ReplayFile): void;
  /** Watch a save turn by turn; resolves with a problem to show, or null. */
  watch(save: ReplayFile): Promise<string | null>;
  /** In a game only: save the game in play to slot n. */
  saveToSlot?(n: number): WriteResult;
  current?(): ReplayFile | null;
}

export function savedWhen(save: ReplayFile): string {
  if (!save.savedAt) return '';
  const d = new Date(save.savedAt);
  if (Number.isNaN(d.getTime())) return '';
  return `saved ${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

export function createSavesDialog(deps: SavesDialogDeps) {
  const modal = createModal('saves-dialog', 'Saved games', { wide: true });
  const message = el('p', { class: 'saves-message', testid: 'saves-message', role: 'alert' });
  const say = (text: string | null, kind: 'error' | 'info' = 'error') => {
    message.textContent = text ?? '';
    message.className = `saves-message ${kind}`;
  };
  const run = async (p: Promise<string | null>) => {
    say('Checking…', 'info');
    const problem = await p;
    if (problem) say(problem);
    else modal.close();
  };

  const importFiles = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    const read = await readFile(file);
    if (!read.ok) return say(`“${read.name}” was not opened: ${read.message}. Your current game and your saves are unchanged.`);
    await run(deps.importText(read.name, read.text));
  };
  const picker = filePicker('import-save-input', false, (files) => void importFiles(files));

  const row = (entry: SaveEntry) => {
    const name = entry.kind === 'slot' ? `Slot ${entry.slot}` : 'Autosave';
    if (!entry.read.ok) {
      const reason = entry.read.reason === 'none' ? 'empty' : entry.read.message;
      return el(
        'li',
        { class: 'save-row damaged' },
        el('div', { class: 'save-what' }, el('strong', {}, name), el('span', {}, `This save cannot be read: ${reason}. It is left as it is.`)),
        el('div', { class: 'save-buttons' }, deleteButton(entry)),
      );
    }
    const save = entry.read.save;
    const points = deps.savePoints(save);
    return el(
      'li',
      { class: 'save-row', testid: `save-row-${entry.key}` },
      el(
        'div',
        { class: 'save-what' },
        el('strong', {}, `${name}: ${deps.describe(save)}`),
        el(
          'span',
          { class: 'hint' },
          [savedWhen(save), save.meta?.student, entry.read.fromBackup ? 'restored from the save before a damaged one' : ''].filter(Boolean).join(' · '),
        ),
        points.length
          ? el(
              'span',
              { class: 'save-points' },
              'Era save points: ',
              ...points.map((p) =>
                button(p.label, () => void run(deps.openSavePoint(save, p.turn)), {
                  class: 'ghost small',
                  testid: `save-point-${p.turn}`,
                  label: `Start again from ${p.label} (a new game branch; this save is kept)`,
                }),
              ),
            )
          : null,
      ),
      el(
        'div',
        { class: 'save-buttons' },
        button('Open', () => void run(deps.open(save, entry.kind === 'auto' ? 'continue' : 'branch')), { class: 'primary small', testid: 'open-save' }),
        button('Watch', () => void deps.watch(save).then((p) => say(p)), { class: 'small', testid: 'watch-save', label: 'Watch this game turn by turn' }),
        button('Export', () => deps.exportSave(save), { class: 'small', label: 'Export this save to a file' }),
        deleteButton(entry),
      ),
    );
  };

  const deleteButton = (entry: SaveEntry) => {
    const b = button(
      'Delete',
      () => {
        if (b.dataset.armed !== 'yes') {
          b.dataset.armed = 'yes';
          b.textContent = 'Delete for good?';
          return;
        }
        if (deps.storage) removeSave(deps.storage, entry.key);
        renderLoad();
        say('The save was deleted.', 'info');
      },
      { class: 'ghost small danger' },
    );
    return b;
  };

  const importBox = () => {
    const zone = el(
      'div',
      { class: 'drop-zone', testid: 'drop-zone' },
      button('Import a save file…', picker.open, { testid: 'import-save' }),
      el('span', { class: 'hint' }, 'or drop a .json save or result file here. It is checked and replayed before anything is replaced.'),
      picker.input,
    );
    dropZone(zone, (files) => void importFiles(files));
    return zone;
  };

  function renderLoad() {
    const entries = deps.storage ? listSaves(deps.storage) : [];
    modal.open(
      message,
      importBox(),
      deps.storage
        ? entries.length
          ? el('ul', { class: 'save-list', testid: 'save-list' }, ...entries.map(row))
          : el('p', { class: 'hint' }, 'No saved games in this browser yet.')
        : el('p', { class: 'notice error' }, 'This browser does not let the game keep saves here; import a file instead.'),
    );
  }

  function renderSlots() {
    const rows: HTMLElement[] = [];
    for (let n = 1; n <= SLOT_COUNT; n++) {
      const read = deps.storage ? listSaves(deps.storage).find((e) => e.key === slotKey(n))?.read : undefined;
      const what = read?.ok ? `${deps.describe(read.save)} · ${savedWhen(read.save)}` : read && !read.ok && read.reason !== 'none' ? 'a damaged save' : 'empty';
      const save = button(
        read?.ok ? 'Replace' : 'Save here',
        () => {
          if (read?.ok && save.dataset.armed !== 'yes') {
            save.dataset.armed = 'yes';
            save.textContent = 'Replace it?';
            return;
          }
          const r = deps.saveToSlot?.(n);
          if (!r) return;
          if (r.ok) {
            renderSlots();
            say(`Saved to slot ${n}.`, 'info');
          } else say(`Slot ${n} was not saved: ${r.message}. Export the game to a file instead.`);
        },
        { class: 'small', testid: `save-slot-${n}` },
      );
      rows.push(
        el(
          'li',
          { class: 'save-row' },
          el('div', { class: 'save-what' }, el('strong', {}, `Slot ${n}`), el('span', {}, what)),
          el('div', { class: 'save-buttons' }, save),
        ),
      );
    }
    const cur = deps.current?.();
    modal.open(
      message,
      el('p', { class: 'hint' }, 'Your game is also saved automatically after every move. A slot keeps this moment until you replace it.'),
      el('ul', { class: 'save-list' }, ...rows),
      cur
        ? el(
            'div',
            { class: 'dialog-actions' },
            button('Export this game to a file', () => deps.exportSave(cur), { testid: 'export-save-slots' }),
          )
        : null,
    );
  }

  return {
    modal,
    openLoad() {
      say(null);
      renderLoad();
    },
    openSlots() {
      say(null);
      renderSlots();
    },
    /** Imports dropped files from anywhere (the title screen is a drop zone too). */
    importFiles,
    say,
  };
}
