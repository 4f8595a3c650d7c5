/**
 * Scenarios the player loaded, kept in the browser for next time (localStorage). What is
 * kept is the file's text, checked again whenever it is played: storage can be edited by
 * anyone with the browser's tools, so it is no more trusted than the file was.
 */
import type { CatalogEntry } from 'virtual:scenario-catalog';

const KEY = 'caspian.customScenarios.v1';

export interface KeptScenario extends CatalogEntry {
  file: string;
  text: string;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The kept scenarios; anything unreadable in storage is skipped, never thrown. */
export function keptScenarios(store: Storage | null = storage()): KeptScenario[] {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return [];
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list.filter(
      (x): x is KeptScenario =>
        x !== null &&
        typeof x === 'object' &&
        typeof x.id === 'string' &&
        typeof x.text === 'string' &&
        typeof x.title === 'string' &&
        typeof x.period === 'string' &&
        typeof x.summary === 'string' &&
        typeof x.turns === 'number' &&
        typeof x.file === 'string',
    );
  } catch {
    return [];
  }
}

/** Keeps a scenario (replacing one with the same id); false when the browser refuses (full, or storage off). */
export function keepScenario(entry: KeptScenario, store: Storage | null = storage()): boolean {
  if (!store) return false;
  try {
    const list = keptScenarios(store).filter((x) => x.id !== entry.id);
    store.setItem(KEY, JSON.stringify([...list, entry]));
    return true;
  } catch {
    return false;
  }
}

export function forgetScenario(id: string, store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(keptScenarios(store).filter((x) => x.id !== id)));
  } catch {
    // Nothing to do: the list stays as it was.
  }
}

/** Entries for the scenario picker: the kept scenarios after the shipped ones. */
export function keptCatalog(): CatalogEntry[] {
  return keptScenarios().map(({ id, title, period, summary, turns }) => ({ id, title: `Your scenario: ${title}`, period, summary, turns }));
}
