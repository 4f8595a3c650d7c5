/**
 * Counters: whole numbers kept among the flags (`inc` / `dec` effects raise and lower
 * them, `counter` conditions compare them). A flag that is true counts as 1, one that is
 * unset or false as 0, so a counter and a flag of the same name agree.
 */

export const COUNTER_LIMIT = 1_000_000;

export function counterValue(v: boolean | number | undefined): number {
  return typeof v === 'number' ? v : v === true ? 1 : 0;
}
