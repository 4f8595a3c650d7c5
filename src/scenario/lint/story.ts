/**
 * The story follows the player's path: a text may name a leader, or a decision the
 * player may not have made, only where it is shown on the paths it describes.
 *
 * leader-not-gated: a text that names someone who leads Azerbaijan in this scenario
 * (full name, surname or first name) must be shown only while that person leads: a
 * `{"leader": …}` test in the event's `conditions` (or the action's / response's
 * `when`, or the choice's `when`) or in the variant's `when`. Texts about a change of
 * leader are exempt when the event itself installs the leader it names, when the gate
 * requires `{"fired": E}` / `{"chose": {"event": E, …}}` / `{"took": A}` of an event
 * or action that changes the leader, or when the event is raised only by an `event`
 * effect of such an event or action.
 *
 * decision-not-gated: a text that quotes another event's title, an action's label or a
 * choice's label (two words and ten letters at least) must be gated on it having
 * happened: `fired`/`chose`/`took`, or a flag that it sets; an event raised only by the
 * decision it names, and a text dated before the decision could happen, are fine.
 */
import type { PathPart } from '../findings.ts';
import type { Condition, Effect, Scenario } from '../types.ts';
import type { LintContext } from './context.ts';
import { conjuncts, forEachEffect, isLeaderOnly, leaderUniverse, possibleLeaders } from './gates.ts';
import { monthIndex } from '../../core/calendar.ts';

export const STORY_RULES = {
  'leader-not-gated': 'a text names a leader but can be shown while someone else leads',
  'decision-not-gated': 'a text names an event, action or choice but can be shown when it has not happened',
} as const;

interface Site {
  text: string;
  path: PathPart[];
  /** Conditions that all hold whenever the text is shown. */
  gate: Condition[];
  /** Leaders ruled out because an earlier variant (on leader alone) replaces this wording for them. */
  excluded: Set<string>;
  /** Leaders this event or action installs itself. */
  installs: Set<string>;
  subject: string;
  /** The event or action the text belongs to (it may name itself). */
  owner: string;
  /** The last month the text can be shown, when a date or window bounds it. */
  latest?: number;
  /** Events and actions that schedule the owner, when an effect is its only way in. */
  raisedBy?: Set<string>;
  /** Where a gate goes, in the author's terms. */
  gateAt: string;
}

const EVENT_GATE = `the event's "conditions" or a variant's "when"`;
const CHOICE_GATE = `the choice's "when", the event's "conditions" or a variant's "when"`;

export function lintStory(ctx: LintContext): void {
  const sites = textSites(ctx.s);
  leaderRule(ctx, sites);
  decisionRule(ctx, sites);
}

// ---------------------------------------------------------------- where texts are shown

function textSites(s: Scenario): Site[] {
  const out: Site[] = [];
  const schedulers = whoSchedules(s);
  s.events.forEach((e, i) => {
    const installs = new Set<string>();
    const own = (list: readonly Effect[]) =>
      forEachEffect(list, (x) => {
        if (x.op === 'leader') installs.add(x.name);
      });
    own(e.effects);
    for (const c of e.choices) own(c.effects);
    const base = conjuncts(e.conditions);
    const latest = e.date ? monthIndex(e.date) : e.window ? monthIndex(e.window.to) : undefined;
    const onlyScheduled = !e.date && !e.window && !e.conditions;
    const common = { installs, owner: e.id, subject: e.id, ...(latest === undefined ? {} : { latest }) };
    const raised = onlyScheduled ? { raisedBy: schedulers.get(e.id) ?? new Set<string>() } : {};
    const add = (text: string | undefined, path: PathPart[], gate: Condition[], excluded: Set<string>, subject = e.id) => {
      const gateAt = path[0] === 'choices' ? CHOICE_GATE : EVENT_GATE;
      if (text !== undefined) out.push({ text, path: ['events', i, ...path], gate, excluded, ...common, ...raised, subject, gateAt });
    };
    const variants = e.variants ?? [];
    add(e.title, ['title'], base, replacedFor(variants, 'title'));
    add(e.text, ['text'], base, replacedFor(variants, 'text'));
    variants.forEach((v, j) => {
      const gate = [...base, ...conjuncts(v.when)];
      add(v.title, ['variants', j, 'title'], gate, new Set());
      add(v.text, ['variants', j, 'text'], gate, new Set());
    });
    e.choices.forEach((c, k) => {
      const gate = [...base, ...conjuncts(c.when)];
      const cv = c.variants ?? [];
      const subject = `${e.id}.${c.id}`;
      add(c.label, ['choices', k, 'label'], gate, replacedFor(cv, 'label'), subject);
      add(c.hint, ['choices', k, 'hint'], gate, replacedFor(cv, 'hint'), subject);
      cv.forEach((v, j) => {
        const vg = [...gate, ...conjuncts(v.when)];
        add(v.label, ['choices', k, 'variants', j, 'label'], vg, new Set(), subject);
        add(v.hint, ['choices', k, 'variants', j, 'hint'], vg, new Set(), subject);
      });
    });
  });
  s.actions.forEach((a, i) => {
    const installs = new Set<string>();
    forEachEffect(a.effects, (x) => {
      if (x.op === 'leader') installs.add(x.name);
    });
    const gate = conjuncts(a.when);
    const latest = a.era?.to ? monthIndex(a.era.to) : undefined;
    for (const key of ['label', 'text'] as const) {
      out.push({
        text: a[key],
        path: ['actions', i, key],
        gate,
        excluded: new Set(),
        installs,
        subject: a.id,
        owner: a.id,
        gateAt: `the action's "when"`,
        ...(latest === undefined ? {} : { latest }),
      });
    }
  });
  for (const [id, p] of Object.entries(s.powers)) {
    p.responses.forEach((r, i) => {
      const gate = conjuncts(r.when);
      for (const key of ['label', 'text'] as const) {
        out.push({
          text: r[key],
          path: ['powers', id, 'responses', i, key],
          gate,
          excluded: new Set(),
          installs: new Set(),
          subject: `${id}.${r.id}`,
          owner: r.id,
          gateAt: `the response's "when"`,
        });
      }
    });
  }
  return out;
}

/** Leaders for whom a variant testing only who leads replaces this wording. */
function replacedFor<K extends string>(variants: readonly ({ when: Condition } & Partial<Record<K, string>>)[], key: K): Set<string> {
  const set = new Set<string>();
  for (const v of variants) if (v[key] !== undefined && isLeaderOnly(v.when)) for (const u of leaderNames(v.when)) set.add(u);
  return set;
}

function leaderNames(c: Condition): string[] {
  if ('leader' in c) return typeof c.leader === 'string' ? [c.leader] : c.leader;
  if ('any' in c) return c.any.flatMap(leaderNames);
  return [];
}

/** Event id → the events and actions whose effects schedule it. */
function whoSchedules(s: Scenario): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const note = (owner: string, list: readonly Effect[]) =>
    forEachEffect(list, (x) => {
      if (x.op !== 'event') return;
      const set = map.get(x.event) ?? new Set<string>();
      set.add(owner);
      map.set(x.event, set);
    });
  for (const e of s.events) {
    note(e.id, e.effects);
    for (const c of e.choices) note(e.id, c.effects);
  }
  for (const a of s.actions) note(a.id, a.effects);
  return map;
}

// ---------------------------------------------------------------- leader-not-gated

function leaderRule(ctx: LintContext, sites: readonly Site[]): void {
  const { s } = ctx;
  const universe = leaderUniverse(s);
  if (universe.length < 2) return; // one leader all game: naming them is always true
  const names = nameTable(universe);
  if (names.size === 0) return;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${[...names.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const changers = leaderChangers(s);
  const inOfficeFrom = firstMonthInOffice(s, universe);
  for (const site of sites) {
    const mentions = new Map<string, Set<string>>();
    for (const m of site.text.matchAll(pattern)) mentions.set(m[1] as string, names.get(m[1] as string) as Set<string>);
    if (mentions.size === 0) continue;
    if (aboutTheChange(site, changers)) continue;
    const latest = lastMonth(site);
    const byThen = latest === undefined ? universe : universe.filter((u) => (inOfficeFrom.get(u) ?? 0) <= latest);
    const possible = possibleLeaders(site.gate.length > 0 ? { all: site.gate } : undefined, byThen);
    for (const x of site.excluded) possible.delete(x);
    for (const [said, refersTo] of mentions) {
      if ([...refersTo].some((u) => site.installs.has(u))) continue;
      const others = [...possible].filter((u) => !refersTo.has(u));
      if (others.length === 0) continue;
      const who = [...refersTo];
      const suggestion = who.length === 1 ? `{"leader": "${who[0]}"}` : `{"leader": ${JSON.stringify(who)}}`;
      ctx.warn(
        'leader-not-gated',
        site.path,
        `names "${said}" but can be shown while ${others.join(' or ')} leads; gate it with ${suggestion} in ${site.gateAt} (a text about a change of leader: require {"fired": …} of the event that makes it)`,
        site.subject,
      );
    }
  }
}

/**
 * The first month each leader can be in office: the initial leader from the start,
 * the others from the earliest date of an event or action that installs them (an
 * event with neither date nor window could install them at any time).
 */
function firstMonthInOffice(s: Scenario, universe: readonly string[]): Map<string, number> {
  const out = new Map<string, number>([[s.initial.leader, Number.NEGATIVE_INFINITY]]);
  const start = monthIndex(s.calendar.start);
  const note = (list: readonly Effect[], from: number) =>
    forEachEffect(list, (x) => {
      if (x.op === 'leader') out.set(x.name, Math.min(out.get(x.name) ?? Number.POSITIVE_INFINITY, from));
    });
  const since = (c: Condition | undefined, from: number) => {
    let m = from;
    for (const x of conjuncts(c)) if ('since' in x) m = Math.max(m, monthIndex(x.since));
    return m;
  };
  for (const e of s.events) {
    const from = since(e.conditions, e.date ? monthIndex(e.date) : e.window ? monthIndex(e.window.from) : start);
    note(e.effects, from);
    for (const c of e.choices) note(c.effects, since(c.when, from));
  }
  for (const a of s.actions) note(a.effects, since(a.when, a.era?.from ? monthIndex(a.era.from) : start));
  for (const p of Object.values(s.powers)) for (const r of p.responses) note(r.effects, since(r.when, start));
  for (const u of universe) if (!out.has(u)) out.set(u, start);
  return out;
}

/** The last month a text can be shown, if its date, window or an `until` in its gate bounds it. */
function lastMonth(site: Site): number | undefined {
  let m = site.latest;
  for (const c of site.gate) if ('until' in c) m = Math.min(m ?? Number.POSITIVE_INFINITY, monthIndex(c.until));
  return m;
}

/** Full name, surname and first name of every leader → the leaders the word may mean. */
function nameTable(universe: readonly string[]): Map<string, Set<string>> {
  const table = new Map<string, Set<string>>();
  const add = (word: string, leader: string) => {
    if (word.length < 3) return;
    const set = table.get(word) ?? new Set<string>();
    set.add(leader);
    table.set(word, set);
  };
  for (const u of universe) {
    add(u, u);
    const words = u.split(/\s+/).filter(Boolean);
    if (words.length > 1) {
      add(words[words.length - 1] as string, u);
      add(words[0] as string, u);
    }
  }
  return table;
}

/** Events and actions that can change who leads. */
function leaderChangers(s: Scenario): Set<string> {
  const out = new Set<string>();
  const scan = (id: string, list: readonly Effect[]) =>
    forEachEffect(list, (x) => {
      if (x.op === 'leader') out.add(id);
    });
  for (const e of s.events) {
    scan(e.id, e.effects);
    for (const c of e.choices) scan(e.id, c.effects);
  }
  for (const a of s.actions) scan(a.id, a.effects);
  return out;
}

function aboutTheChange(site: Site, changers: Set<string>): boolean {
  for (const c of site.gate) {
    if ('fired' in c && changers.has(c.fired)) return true;
    if ('chose' in c && changers.has(c.chose.event)) return true;
    if ('took' in c && changers.has(c.took)) return true;
  }
  if (site.raisedBy && site.raisedBy.size > 0 && [...site.raisedBy].every((id) => changers.has(id))) return true;
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- decision-not-gated

interface Decision {
  phrase: string;
  what: string;
  /** The event or action the decision belongs to. */
  owner: string;
  /** Whether a condition shows the decision was made. */
  proves: (c: Condition) => boolean;
  /** The first month it can happen, when a date or window says so. */
  earliest?: number;
}

/** Narrative texts state facts; titles, labels and hints name or propose, so only these are read. */
const NARRATIVE = new Set(['text']);

function decisionRule(ctx: LintContext, sites: readonly Site[]): void {
  const decisions = decisionsOf(ctx.s);
  for (const site of sites) {
    if (!NARRATIVE.has(String(site.path[site.path.length - 1]))) continue;
    const text = ` ${words(site.text)} `;
    for (const d of decisions) {
      if (d.owner === site.owner || !text.includes(` ${d.phrase} `)) continue;
      if (site.latest !== undefined && d.earliest !== undefined && site.latest < d.earliest) continue;
      if (site.gate.some(d.proves)) continue;
      if (site.raisedBy?.has(d.owner)) continue;
      ctx.warn(
        'decision-not-gated',
        site.path,
        `names ${d.what} but can be shown when it has not happened; gate the text on it ("fired", "chose" or "took", or a flag it sets) or reword`,
        site.subject,
      );
    }
  }
}

function decisionsOf(s: Scenario): Decision[] {
  const out: Decision[] = [];
  const flagsSetBy = (lists: readonly (readonly Effect[])[]) => {
    const set = new Set<string>();
    for (const list of lists)
      forEachEffect(list, (x) => {
        if (x.op === 'flag' && x.value !== false && x.value !== 0) set.add(x.flag);
      });
    return set;
  };
  const flagProves = (flags: Set<string>) => (c: Condition) => 'flag' in c && flags.has(c.flag) && c.is !== false && c.is !== 0;
  for (const e of s.events) {
    const phrase = properName(e.title);
    if (!phrase) continue;
    const byFlag = flagProves(flagsSetBy([e.effects, ...e.choices.map((c) => c.effects)]));
    const earliest = e.date ? monthIndex(e.date) : e.window ? monthIndex(e.window.from) : undefined;
    out.push({
      phrase,
      what: `the event "${e.title}" (${e.id})`,
      owner: e.id,
      proves: (c) => ('fired' in c && c.fired === e.id) || ('chose' in c && c.chose.event === e.id) || byFlag(c),
      ...(earliest === undefined ? {} : { earliest }),
    });
  }
  for (const a of s.actions) {
    const phrase = properName(a.label);
    if (!phrase) continue;
    const byFlag = flagProves(flagsSetBy([a.effects]));
    const earliest = a.era?.from ? monthIndex(a.era.from) : undefined;
    out.push({
      phrase,
      what: `the action "${a.label}" (${a.id})`,
      owner: a.id,
      proves: (c) => ('took' in c && c.took === a.id) || byFlag(c),
      ...(earliest === undefined ? {} : { earliest }),
    });
  }
  return out;
}

/**
 * A title that reads as the proper name of one decision ("The Contract of the
 * Century"): three words or more, two of them capitalised, once a leading article is
 * dropped. Texts must quote it with the same capitals, so a common phrase that happens
 * to share its words ("a contract of the century") is not taken for it.
 */
function properName(title: string): string | null {
  const list = words(title).split(' ').filter(Boolean);
  while (list.length > 0 && ['The', 'A', 'An', 'the', 'a', 'an'].includes(list[0] as string)) list.shift();
  const capitals = list.filter((w) => /^\p{Lu}/u.test(w)).length;
  return list.length >= 3 && capitals >= 2 ? list.join(' ') : null;
}

/** Words only, in their own case: punctuation and spacing do not matter to a quote. */
function words(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
