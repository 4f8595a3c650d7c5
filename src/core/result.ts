/** The engine's refusals: a closed code for callers to switch on, and words for the player. */
import type { ErrorCode, Result } from './state.ts';

export function fail(error: ErrorCode, message: string): Result {
  return { ok: false, error, message };
}
