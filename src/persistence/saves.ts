/**
 * Saves in the browser's localStorage. A save is the replay format (scenario, seed,
 * commands, state hash), so loading one is replaying it: a save that does not replay
 * to its recorded hash is reported and left in place, never silently "repaired".
 * Writing never replaces a good save with a bad one: the new save is read back and
 * checked before the previous one is overwritten, and the previous one is kept as a
 * backup.
 */
import type { Command, GameState } from '../core/index.ts';
import { makeReplay, type ReplayFile } from './replayFormat.ts';
import { checkReplayShape } from './replayShape.ts';

export const SAVE_KEY = 'caspian.save.auto';
export const BACKUP_KEY = 'caspian.save.previous';

export interface SaveStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type ReadSave = { ok: true; save: ReplayFile } | { ok: false; reason: string } | { ok: false; reason: 'none' };

export function writeSave(storage: SaveStore, state: GameState, commands: readonly Command[]): { ok: boolean; reason?: string } {
  try {
    const text = JSON.stringify(makeReplay(state, commands));
    const check = checkReplayShape(JSON.parse(text));
    if (!check.ok) return { ok: false, reason: `${check.path}: ${check.reason}` };
    const previous = storage.getItem(SAVE_KEY);
    if (previous !== null && checkReplayShape(safeParse(previous)).ok) storage.setItem(BACKUP_KEY, previous);
    storage.setItem(SAVE_KEY, text);
    return { ok: true };
  } catch (e) {
    // Quota exceeded or storage disabled: the game goes on, the old save stays.
    return { ok: false, reason: e instanceof Error ? e.message : 'storage unavailable' };
  }
}

export function readSave(storage: SaveStore, key = SAVE_KEY): ReadSave {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { ok: false, reason: 'the browser does not allow this page to read its storage' };
  }
  if (text === null) return { ok: false, reason: 'none' };
  const check = checkReplayShape(safeParse(text));
  return check.ok ? { ok: true, save: check.replay } : { ok: false, reason: `${check.path ? `${check.path}: ` : ''}${check.reason}` };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
