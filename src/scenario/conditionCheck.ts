/**
 * Bounded reports on wrong conditions. A condition can take seventeen forms, so the
 * schema tries every form on a condition that fits none and keeps every form's
 * complaints: 3,000 wrong conditions (all the limits allow) took over 2 s to validate
 * and gave 13,000 findings. So before the schema, one cheap pass looks at every
 * condition alone — its form is named by its key, so only that form is tried — and
 * counts the wrong ones. A file with more than CONDITION_REPORT.nodes of them is refused
 * here: the first few wrong conditions of each list are reported in full (by the schema,
 * one condition at a time, so the messages are the ones a single mistake gets), then a
 * count of the rest; the schema checks the rest of the file once these are fixed.
 * With fewer wrong conditions the schema runs as usual and reports each one.
 */
import { type Finding, formatPath, type PathPart } from './findings.ts';
import { CONDITION_FORMS, CONDITION_KEYS, ScenarioSchema } from './schema.ts';
import { issuesToFindings } from './zodIssues.ts';

export const CONDITION_REPORT = {
  /** Wrong conditions reported in full in any one list (an `all`, an `any`). */
  perList: 5,
  /** Wrong conditions reported in full in the file; past this many the schema is not run. */
  nodes: 50,
} as const;

/** Keys whose value is a condition, wherever they appear. */
const ROOT_KEYS = new Set(['when', 'conditions']);
const FORM_KEYS = new Set<string>(CONDITION_KEYS);
const FORMS = CONDITION_FORMS as unknown as Record<string, { safeParse(v: unknown): { success: boolean } }>;

interface Entry {
  v: unknown;
  up: Entry | null;
  key: PathPart;
  /** For a condition: the list it is an item of (an `all` or `any`), or null for a lone one. */
  list: Entry | null;
  condition: boolean;
}

function pathOf(e: Entry): PathPart[] {
  const parts: PathPart[] = [];
  for (let x: Entry | null = e; x?.up; x = x.up) parts.push(x.key);
  return parts.reverse();
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** Whether a condition is wrong in itself (its nested conditions are looked at on their own). */
function wrongAlone(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return true;
  const keys = Object.keys(v);
  let form: string | null = null;
  for (const k of keys) {
    if (!FORM_KEYS.has(k)) continue;
    if (form !== null) return true;
    form = k;
  }
  if (form === null) return true;
  const inner = (v as Record<string, unknown>)[form];
  if (form === 'all' || form === 'any') return keys.length !== 1 || !Array.isArray(inner) || inner.length === 0;
  if (form === 'not') return keys.length !== 1;
  return !(FORMS[form] as { safeParse(v: unknown): { success: boolean } }).safeParse(v).success;
}

/** The nested conditions of a condition: an `all`'s or `any`'s items, a `not`'s inner one. */
function nested(v: unknown): { list: unknown[] | null; one: unknown } | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.all)) return { list: o.all, one: undefined };
  if (Array.isArray(o.any)) return { list: o.any, one: undefined };
  if ('not' in o) return { list: null, one: o.not };
  return null;
}

/** The complaints about one wrong condition, as the schema makes them, without looking into nested conditions. */
function reportOne(e: Entry, data: unknown, file: string, lines: Map<string, number>): Finding[] {
  const v = e.v;
  const path = pathOf(e);
  const n = nested(v);
  // A wrong all / any / not: its own keys and list only (each nested condition gets its own report).
  const shallow =
    n === null
      ? v
      : Object.fromEntries(
          Object.entries(v as object).map(([k, x]) => [
            k,
            (k === 'all' || k === 'any') && Array.isArray(x) ? x.map(() => ({ flag: 'x' })) : k === 'not' ? { flag: 'x' } : x,
          ]),
        );
  const result = CONDITION_FORMS.all.safeParse({ all: [shallow] });
  if (result.success) return [];
  const issues = result.error.issues.map((i) => ({ ...i, path: [...path, ...(i.path.slice(2) as PathPart[])] }));
  return issuesToFindings(issues, data, file, lines, ScenarioSchema);
}

/**
 * Counts the conditions that are wrong in themselves, anywhere in the file. When there
 * are more than CONDITION_REPORT.nodes, `findings` reports the first ones of each list in
 * full and counts the rest, every finding naming its JSON path; otherwise it is empty and
 * the schema reports them.
 */
export function checkConditions(root: unknown, file: string, lines: Map<string, number> = new Map()): { wrong: number; findings: Finding[] } {
  const wrong: Entry[] = [];
  const stack: Entry[] = [{ v: root, up: null, key: '', list: null, condition: false }];
  while (stack.length > 0) {
    const e = stack.pop() as Entry;
    const v = e.v;
    if (e.condition) {
      if (wrongAlone(v)) wrong.push(e);
      const n = nested(v);
      if (n?.list) {
        const key = Array.isArray((v as { all?: unknown }).all) ? 'all' : 'any';
        const listEntry: Entry = { v: n.list, up: e, key, list: null, condition: false };
        for (let i = n.list.length - 1; i >= 0; i--) stack.push({ v: n.list[i], up: listEntry, key: i, list: listEntry, condition: true });
      } else if (n) {
        stack.push({ v: n.one, up: e, key: 'not', list: null, condition: true });
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], up: e, key: i, list: null, condition: false });
      continue;
    }
    const keys = Object.keys(v);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      stack.push({ v: (v as Record<string, unknown>)[key], up: e, key, list: null, condition: ROOT_KEYS.has(key) });
    }
  }
  if (wrong.length <= CONDITION_REPORT.nodes) return { wrong: wrong.length, findings: [] };

  const findings: Finding[] = [];
  const place = (f: Finding) => {
    const line = lines.get(f.path);
    if (line !== undefined) f.line = line;
    findings.push(f);
  };
  // First what happened, so a reader who sees only the first lines knows.
  place({
    severity: 'error',
    file,
    path: '',
    message: `${thousands(wrong.length)} conditions are wrong: the first ${CONDITION_REPORT.perList} of each list follow (${CONDITION_REPORT.nodes} at most), then how many more; the rest of the file is checked once at most ${CONDITION_REPORT.nodes} are wrong`,
  });
  // Wrong conditions by list, in file order (a lone condition is a list of one).
  const groups = new Map<Entry, Entry[]>();
  for (const e of wrong) {
    const g = e.list ?? e;
    const list = groups.get(g);
    if (list) list.push(e);
    else groups.set(g, [e]);
  }
  let detailed = 0;
  let unshownConditions = 0;
  let unshownLists = 0;
  let firstUnshown: Entry | null = null;
  for (const [group, items] of groups) {
    const shown = Math.min(items.length, CONDITION_REPORT.perList, CONDITION_REPORT.nodes - detailed);
    if (shown === 0) {
      unshownConditions += items.length;
      unshownLists++;
      firstUnshown ??= group;
      continue;
    }
    for (const e of items.slice(0, shown)) findings.push(...reportOne(e, root, file, lines));
    detailed += shown;
    if (items.length > shown) {
      const rest = items.length - shown;
      place({
        severity: 'error',
        file,
        path: formatPath(pathOf(group)),
        message: `…and ${thousands(rest)} more wrong condition${rest === 1 ? '' : 's'} in this list (${thousands(items.length)} in all); fix these first`,
      });
    }
  }
  if (firstUnshown) {
    place({
      severity: 'error',
      file,
      path: formatPath(pathOf(firstUnshown)),
      message: `…and ${thousands(unshownConditions)} more wrong condition${unshownConditions === 1 ? '' : 's'} in ${thousands(unshownLists)} more place${unshownLists === 1 ? '' : 's'}, the first here; fix these first`,
    });
  }
  return { wrong: wrong.length, findings };
}
