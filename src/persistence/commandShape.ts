/**
 * The shape of one command in a save, checked without dependencies before the engine
 * sees it. One table lists every command type and its fields, so a new command type
 * (a power's decision, a teacher's intervention) is one line here and one case in the
 * engine's `apply`.
 */

/** An id, an optional id, a text (a teacher's prompt), or who plays a power. */
type FieldKind = 'id' | 'id?' | 'text' | 'player';

export const COMMAND_FIELDS: Record<string, Record<string, FieldKind>> = {
  endTurn: {},
  act: { action: 'id' },
  choose: { event: 'id', choice: 'id' },
  seat: { power: 'id', player: 'player' },
  respond: { power: 'id', response: 'id?' },
  inject: { event: 'id' },
  lock: { action: 'id' },
  unlock: { action: 'id' },
  prompt: { text: 'text' },
};

const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

export function commandHelp(): string {
  const forms = Object.entries(COMMAND_FIELDS).map(([type, fields]) =>
    JSON.stringify({ type, ...Object.fromEntries(Object.keys(fields).map((k) => [k, fields[k] === 'id?' ? '…?' : '…'])) }).replace(/"…(\??)"/g, '…$1'),
  );
  return `a command is ${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}`;
}

/** The first problem with a command, as a JSON path suffix and a reason, or null. */
export function commandProblem(c: unknown): { at: string; reason: string } | null {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return { at: '', reason: commandHelp() };
  const o = c as Record<string, unknown>;
  const wanted = typeof o.type === 'string' && Object.hasOwn(COMMAND_FIELDS, o.type) ? COMMAND_FIELDS[o.type] : undefined;
  if (!wanted) return { at: '.type', reason: commandHelp() };
  for (const key of Object.keys(o))
    if (key !== 'type' && !Object.hasOwn(wanted, key)) return { at: `.${key}`, reason: `unknown key "${key}" in a ${o.type} command` };
  for (const [key, kind] of Object.entries(wanted)) {
    if (kind === 'id' && !isText(o[key], 64)) return { at: `.${key}`, reason: `${key} must be an id` };
    if (kind === 'id?' && o[key] !== undefined && !isText(o[key], 64)) return { at: `.${key}`, reason: `${key}, when given, must be an id` };
    if (kind === 'player' && o[key] !== 'people' && o[key] !== 'computer') return { at: `.${key}`, reason: `${key} must be "people" or "computer"` };
    if (kind === 'text' && !isText(o[key], 300)) return { at: `.${key}`, reason: `${key} must be a text of 1 to 300 characters` };
  }
  return null;
}
