/**
 * Saves in the browser's storage (localStorage, or anything with the same methods).
 *
 * - Every game has its own autosave (`caspian.save.auto.<game id>`), so starting a new
 *   game never overwrites another game's autosave.
 * - Three manual slots (`caspian.save.slot.<n>`).
 * - Writing never replaces a good save with a bad one: the new text is read back and
 *   checked first, and the previous good text is kept as a backup that loading falls
 *   back to.
 * - A full or disabled storage is reported, never thrown: the game in play goes on in
 *   memory and can still be exported to a file.
 */
import type { Command, GameState } from '../core/index.ts';
import { parseJsonText } from '../scenario/jsonText.ts';
import { upgradeSave } from './migrate.ts';
import { checksumOf, makeReplay, type ReplayFile } from './replayFormat.ts';

export interface SaveStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export const PREFIX = 'caspian.save.';
export const AUTO_PREFIX = `${PREFIX}auto.`;
export const SLOT_PREFIX = `${PREFIX}slot.`;
export const BACKUP_PREFIX = `${PREFIX}backup.`;
/** Release 0.1.0 kept one autosave here (format version 1); it is listed like the others. */
export const LEGACY_KEY = 'caspian.save.auto';
export const LEGACY_BACKUP_KEY = 'caspian.save.previous';
export const SLOT_COUNT = 3;

export const autosaveKey = (gameId: string) => `${AUTO_PREFIX}${gameId}`;
export const slotKey = (n: number) => `${SLOT_PREFIX}${n}`;
const backupKey = (key: string) => (key === LEGACY_KEY ? LEGACY_BACKUP_KEY : `${BACKUP_PREFIX}${key.slice(PREFIX.length)}`);

export type WriteResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' | 'invalid'; message: string };
export type ReadSave =
  | { ok: true; save: ReplayFile; fromBackup?: boolean }
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'unreadable'; message: string };

/** Parses stored or imported text into a checked, current-version save. */
export function parseSave(text: string): { ok: true; save: ReplayFile } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: 'the file is empty' };
  const parsed = parseJsonText(text, 'save');
  if (!parsed.ok) {
    const f = parsed.findings[0];
    const where = f?.line !== undefined ? ` (line ${f.line}, column ${f.column ?? 1})` : '';
    return {
      ok: false,
      message: /valid JSON/.test(f?.message ?? '') ? `the file is cut short or damaged: it is not valid JSON${where}` : (f?.message ?? 'unreadable'),
    };
  }
  const check = upgradeSave(parsed.value);
  if (!check.ok) return { ok: false, message: `${check.path ? `${check.path}: ` : ''}${check.reason}` };
  if (checksumOf(check.replay) !== check.replay.checksum) return { ok: false, message: 'the file was damaged or edited after it was saved (checksum)' };
  return { ok: true, save: check.replay };
}

function describeError(e: unknown): WriteResult {
  const name = e instanceof Error ? e.name : '';
  const quota = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e instanceof Error && /quota/i.test(e.message));
  return quota
    ? { ok: false, reason: 'quota', message: 'the browser’s storage for this site is full' }
    : { ok: false, reason: 'unavailable', message: 'the browser does not let this page use its storage' };
}

/** Writes a save under a key, keeping the previous good save at that key as a backup. */
export function writeSaveAt(storage: SaveStore, key: string, save: ReplayFile): WriteResult {
  const text = JSON.stringify(save);
  const check = parseSave(text);
  if (!check.ok) return { ok: false, reason: 'invalid', message: check.message };
  try {
    const previous = storage.getItem(key);
    if (previous !== null && previous !== text && parseSave(previous).ok) storage.setItem(backupKey(key), previous);
    storage.setItem(key, text);
    // Read it back: a storage that silently truncates must not pass for a good one.
    if (storage.getItem(key) !== text) {
      if (previous !== null) storage.setItem(key, previous);
      return { ok: false, reason: 'unavailable', message: 'the browser did not keep the save' };
    }
    return { ok: true };
  } catch (e) {
    return describeError(e);
  }
}

/** Reads the save at a key; if it is damaged, its backup (the save before it), saying so. */
export function readSaveAt(storage: SaveStore, key: string): ReadSave {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { ok: false, reason: 'unreadable', message: 'the browser does not allow this page to read its storage' };
  }
  if (text === null) return { ok: false, reason: 'none' };
  const parsed = parseSave(text);
  if (parsed.ok) return { ok: true, save: parsed.save };
  let backup: string | null = null;
  try {
    backup = storage.getItem(backupKey(key));
  } catch {
    // fall through: report the damaged save
  }
  const older = backup === null ? null : parseSave(backup);
  if (older?.ok) return { ok: true, save: older.save, fromBackup: true };
  return { ok: false, reason: 'unreadable', message: parsed.message };
}

export interface SaveEntry {
  key: string;
  kind: 'auto' | 'slot';
  slot?: number;
  read: ReadSave;
}

/** Every autosave and slot in the storage, newest first (slots in order at the end). */
export function listSaves(storage: SaveStore): SaveEntry[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null && (k.startsWith(AUTO_PREFIX) || k === LEGACY_KEY || k.startsWith(SLOT_PREFIX))) keys.push(k);
    }
  } catch {
    return [];
  }
  const entries: SaveEntry[] = keys.map((key) => {
    const read = readSaveAt(storage, key);
    if (key.startsWith(SLOT_PREFIX)) return { key, kind: 'slot', slot: Number(key.slice(SLOT_PREFIX.length)), read };
    return { key, kind: 'auto', read };
  });
  const when = (e: SaveEntry) => (e.read.ok ? (e.read.save.savedAt ?? '') : '');
  const autos = entries.filter((e) => e.kind === 'auto').sort((a, b) => when(b).localeCompare(when(a)) || a.key.localeCompare(b.key));
  const slots = entries.filter((e) => e.kind === 'slot').sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
  return [...autos, ...slots];
}

/** The newest autosave that reads, for "Continue". */
export function latestAutosave(storage: SaveStore): { key: string; save: ReplayFile } | null {
  for (const e of listSaves(storage)) if (e.kind === 'auto' && e.read.ok) return { key: e.key, save: e.read.save };
  return null;
}

export function removeSave(storage: SaveStore, key: string): void {
  try {
    storage.removeItem(key);
    storage.removeItem(backupKey(key));
  } catch {
    // nothing to do: the storage is unavailable, so nothing was kept either
  }
}

/** Release 0.1.0's single autosave call, kept for the store's old code path. */
export function writeSave(storage: SaveStore, state: GameState, commands: readonly Command[]): { ok: boolean; reason?: string } {
  const r = writeSaveAt(storage, LEGACY_KEY, makeReplay(state, commands));
  return r.ok ? { ok: true } : { ok: false, reason: r.message };
}

/** A storage in memory, for tests and for browsers that refuse localStorage. */
export class MemoryStore implements SaveStore {
  private readonly map = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    let used = v.length;
    for (const [key, val] of this.map) if (key !== k) used += val.length;
    if (used > this.quota) {
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
