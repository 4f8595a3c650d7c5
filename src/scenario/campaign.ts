/**
 * The campaign is built from the chapters, not written twice: this merges the chapter
 * files (as authored JSON) and the bridge fragment for 2004–08 into one scenario that
 * plays 1991–2012. `npm run campaign` writes scenarios/campaign-1991-2012.json; a test
 * checks the committed file is exactly what this produces.
 *
 * Each chapter's standing parts (power concerns, influence sources, responses, trends,
 * actions) are limited to the chapter's era; its dated events keep their dates. Where
 * two chapters use the same id for different things, the later one is suffixed with
 * its start year and the chapter's own references follow the rename. A route or field
 * that first appears in a later chapter starts unbuilt: the campaign must earn it.
 */

type Json = Record<string, unknown>;
type Era = { from: string; to?: string };

export interface CampaignPart {
  data: Json;
  era: Era;
  /** When the chapter's actions stop (or start) apart from the rest of it: the menu of
   *  1994–2003 gives way to the bridge's own in 2004 while Moscow's concerns run on. */
  actionEra?: Era;
  /** Suffix for ids that clash with an earlier part's. */
  tag: string;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const list = (x: unknown): Json[] => (Array.isArray(x) ? (x as Json[]) : []);

function monthNumber(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

/** A condition true only inside the era, combined with an existing condition. */
function withinEra(when: unknown, era: Era, campaignStart: string): unknown {
  const parts: unknown[] = [];
  if (era.from !== campaignStart) parts.push({ since: era.from });
  if (era.to) parts.push({ until: era.to });
  if (parts.length === 0) return when;
  if (when === undefined) return parts.length === 1 ? parts[0] : { all: parts };
  return { all: [...parts, when] };
}

/** Renames ids inside conditions and effects: took, fired, chose and scheduled events. */
function renameRefs(node: unknown, actions: Map<string, string>, events: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (const x of node) renameRefs(x, actions, events);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Json;
  if (typeof o.took === 'string') o.took = actions.get(o.took) ?? o.took;
  if (typeof o.fired === 'string') o.fired = events.get(o.fired) ?? o.fired;
  if (o.chose && typeof o.chose === 'object') {
    const c = o.chose as Json;
    if (typeof c.event === 'string') c.event = events.get(c.event) ?? c.event;
  }
  if (o.op === 'event' && typeof o.event === 'string') o.event = events.get(o.event) ?? o.event;
  for (const v of Object.values(o)) renameRefs(v, actions, events);
}

function uniqueId(id: string, taken: Set<string>, tag: string): string {
  let out = taken.has(id) ? `${id}-${tag}` : id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${tag}-${n}`;
  taken.add(out);
  return out;
}

export interface CampaignHeader {
  id: string;
  title: string;
  period: string;
  summary: string;
  briefing: string;
  start: string;
  end: string;
  /** Flags true from the start that later chapters assume without any event setting them. */
  standingFlags: Record<string, boolean>;
  /** The campaign's eras, each heading the screen (and opening a save point) from its month. */
  eras: { from: string; title: string }[];
  /** The campaign's own ratings: its score spans twenty-one years, not the first chapter's three. */
  ratings?: { min: number; label: string; text: string }[];
}

export function buildCampaign(header: CampaignHeader, parts: CampaignPart[]): Json {
  const first = parts[0]?.data;
  if (!first) throw new Error('a campaign needs at least one chapter');
  const turns = (monthNumber(header.end) - monthNumber(header.start) + 1) / 3;
  const takenActions = new Set<string>();
  const takenEvents = new Set<string>();
  const takenTrends = new Set<string>();
  const powers: Json = {};
  const fields = new Map<string, Json>();
  const routes = new Map<string, Json>();
  const features = new Map<string, Json>();
  const lose = new Map<string, Json>();
  const actions: Json[] = [];
  const events: Json[] = [];
  const trends: Json[] = [];
  const ignore = new Set<string>();

  parts.forEach((part, index) => {
    const data = clone(part.data);
    const eraEnd = part.era.to ? monthNumber(part.era.to) : Number.POSITIVE_INFINITY;

    // Events dated after the chapter's era belong to the next chapter, which tells them
    // in its own words (1994's "War in Chechnya" opens the second chapter).
    const keptEvents = list(data.events).filter((e) => {
      const start = typeof e.date === 'string' ? e.date : typeof (e.window as Json)?.from === 'string' ? ((e.window as Json).from as string) : null;
      return start === null || monthNumber(start) <= eraEnd;
    });
    const actionNames = new Map<string, string>();
    const eventNames = new Map<string, string>();
    for (const a of list(data.actions)) actionNames.set(a.id as string, uniqueId(a.id as string, takenActions, part.tag));
    for (const e of keptEvents) eventNames.set(e.id as string, uniqueId(e.id as string, takenEvents, part.tag));
    renameRefs(data, actionNames, eventNames);

    const actionEra = part.actionEra ?? part.era;
    for (const a of list(data.actions)) {
      a.id = actionNames.get(a.id as string);
      const own = (a.era as Era | undefined) ?? { from: actionEra.from };
      const from = own.from && monthNumber(own.from) > monthNumber(actionEra.from) ? own.from : actionEra.from;
      const to = own.to && (!actionEra.to || monthNumber(own.to) < monthNumber(actionEra.to)) ? own.to : actionEra.to;
      a.era = to ? { from, to } : { from };
      actions.push(a);
    }
    for (const e of keptEvents) {
      e.id = eventNames.get(e.id as string);
      const w = e.window as Json | undefined;
      if (w && part.era.to && monthNumber(w.to as string) > eraEnd) w.to = part.era.to;
      // Undated events that fire on conditions alone stay within their chapter's era.
      if (!e.date && !w && e.conditions !== undefined) e.conditions = withinEra(e.conditions, part.era, header.start);
      events.push(e);
    }
    for (const t of list(data.trends)) {
      t.id = uniqueId(t.id as string, takenTrends, part.tag);
      t.when = withinEra(t.when, part.era, header.start);
      trends.push(t);
    }

    const partPowers = (data.powers ?? {}) as Record<string, Json>;
    for (const [pid, def] of Object.entries(partPowers)) {
      if (powers[pid] === undefined && index === 0) powers[pid] = { ...def, influenceSources: [], concerns: [], responses: [] };
      const target = powers[pid] as Json | undefined;
      if (!target) throw new Error(`${pid} must be defined by the first chapter`);
      for (const key of ['influenceSources', 'concerns', 'responses'] as const) {
        const taken = new Set(list(target[key]).map((x) => x.id as string));
        for (const item of list(def[key])) {
          item.id = uniqueId(item.id as string, taken, part.tag);
          item.when = withinEra(item.when, part.era, header.start);
          (target[key] as Json[]).push(item);
        }
      }
    }

    const energy = (data.energy ?? {}) as Json;
    for (const f of list(energy.fields)) {
      if (fields.has(f.id as string)) continue;
      if (index > 0 && f.status !== 'undeveloped' && f.status !== 'depleted') f.status = 'undeveloped';
      fields.set(f.id as string, f);
    }
    for (const r of list(energy.routes)) {
      if (routes.has(r.id as string)) continue;
      if (index > 0 && r.status !== 'planned' && r.status !== 'closed') r.status = 'planned';
      routes.set(r.id as string, r);
    }
    for (const f of list(data.features)) if (!features.has(f.id as string)) features.set(f.id as string, f);
    for (const r of list((data.outcomes as Json | undefined)?.lose)) if (!lose.has(r.id as string)) lose.set(r.id as string, r);
    for (const i of list((data.lint as Json | undefined)?.ignore)) ignore.add(String(i));
  });

  const outcomes = clone(first.outcomes as Json);
  outcomes.lose = [...lose.values()];
  if (header.ratings) outcomes.ratings = clone(header.ratings);
  const initial = clone(first.initial as Json);
  initial.flags = { ...(initial.flags as Json), ...header.standingFlags };
  const out: Json = {
    $schema: './scenario.schema.json',
    formatVersion: first.formatVersion,
    id: header.id,
    title: header.title,
    period: header.period,
    summary: header.summary,
    briefing: header.briefing,
    calendar: { start: header.start, monthsPerTurn: 3, turns },
    eras: header.eras,
    initial,
    model: clone(first.model),
    powers,
    energy: { fields: [...fields.values()], routes: [...routes.values()] },
    actions,
    events,
    trends,
    features: [...features.values()],
    outcomes,
  };
  if (ignore.size > 0) out.lint = { ignore: [...ignore].sort() };
  return out;
}
