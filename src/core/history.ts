/**
 * Reading the turn records back. The state keeps each turn compact — changes as three
 * numbers into the game's string table, responses without the scenario's texts, the
 * snapshot as a row of numbers — so a long game stays small and the headless runs do not
 * pay for words nobody reads. These functions give the player's view of a record: every
 * change with its cause, every answer with its label, text and reason.
 */
import type { Scenario } from '../scenario/types.ts';
import { causeText } from './causes.ts';
import { packedCount, unpackChanges } from './changePack.ts';
import { balanceOf } from './derived.ts';
import { explainStance } from './powers.ts';
import type { Change, GameState, ResponseEntry, ResponseRecord, Snapshot, TurnRecord } from './state.ts';
import { METER_IDS, POWER_IDS, POWER_NAMES, type PowerId } from './vocabulary.ts';

/** What a snapshot row holds, in order: the meters, money, balance, then each power's
 *  relation and influence in POWER_IDS order. */
export const SNAPSHOT_LAYOUT = [
  ...METER_IDS,
  'treasury',
  'revenue',
  'balance',
  ...POWER_IDS.map((id) => `${id}.relation`),
  ...POWER_IDS.map((id) => `${id}.influence`),
] as const;

const TREASURY = METER_IDS.length;
const RELATION = TREASURY + 3;
const INFLUENCE = RELATION + POWER_IDS.length;

/** The snapshot row of a state: what the turn ended with. */
export function snapshotRow(s: GameState): number[] {
  // Read by name (SNAPSHOT_LAYOUT's order): a loop reading by a varying key is V8's slow path.
  const m = s.meters;
  const { russia, turkey, iran, west } = s.powers;
  return [
    m.sovereignty,
    m.stability,
    m.economy,
    m.security,
    m.karabakh,
    s.treasury,
    s.revenue,
    balanceOf(s),
    russia.relation,
    turkey.relation,
    iran.relation,
    west.relation,
    russia.influence,
    turkey.influence,
    iran.influence,
    west.influence,
  ];
}

/** A completed turn's snapshot; null while the turn is still being played. */
export function recordSnapshot(record: TurnRecord): Snapshot | null {
  const row = record.snapshot;
  if (row.length === 0) return null;
  const meters = {} as Snapshot['meters'];
  METER_IDS.forEach((m, i) => {
    meters[m] = row[i] ?? 0;
  });
  const relation = {} as Record<PowerId, number>;
  const influence = {} as Record<PowerId, number>;
  POWER_IDS.forEach((id, i) => {
    relation[id] = row[RELATION + i] ?? 0;
    influence[id] = row[INFLUENCE + i] ?? 0;
  });
  return { meters, treasury: row[TREASURY] ?? 0, revenue: row[TREASURY + 1] ?? 0, balance: row[TREASURY + 2] ?? 0, relation, influence };
}

/** One meter's value at the end of a completed turn (undefined while it is played). */
export function snapshotMeter(record: TurnRecord | undefined, meter: (typeof METER_IDS)[number]): number | undefined {
  return record?.snapshot[METER_IDS.indexOf(meter)];
}

/** A record's change list, three numbers a change (unpacked if the turn is closed). */
export function changeList(record: TurnRecord): number[] {
  return typeof record.changes === 'string' ? unpackChanges(record.changes) : record.changes;
}

/** How many changes a record holds. */
export function changeCount(record: TurnRecord): number {
  return (typeof record.changes === 'string' ? packedCount(record.changes) : record.changes.length) / 3;
}

/** Calls `fn` for each change of a record, in the order they happened (the first `limit` only, if given). */
export function eachChange(s: GameState, record: TurnRecord, fn: (v: string, delta: number, cause: string) => void, limit?: number): void {
  const c = changeList(record);
  const end = limit === undefined ? c.length : Math.min(c.length, limit * 3);
  const strings = s.strings;
  for (let i = 0; i + 2 < end; i += 3) fn(strings[c[i] as number] ?? '', c[i + 1] as number, causeText(strings[c[i + 2] as number] ?? ''));
}

/** Every change a record holds, with its cause, in the order they happened. */
export function recordChanges(s: GameState, record: TurnRecord): Change[] {
  const out: Change[] = [];
  eachChange(s, record, (v, delta, cause) => {
    out.push({ var: v, delta, cause });
  });
  return out;
}

/** Set in an answer's first number when people chose it (hot-seat): the computer's
 *  answers never carry it, so games without people keep their records and hashes. */
export const PEOPLE_BIT = 8;

/** The powers' answers a record holds, unpacked: who answered, with what, of which kind,
 *  from which stance, after how many of the turn's changes. */
export function responseEntries(s: GameState, record: TurnRecord): ResponseEntry[] {
  const out: ResponseEntry[] = [];
  const r = record.responses;
  for (let i = 0; i + 3 < r.length; i += 4) {
    const code = r[i] as number;
    const entry: ResponseEntry = {
      power: POWER_IDS[(code & 7) >> 1] as PowerId,
      response: s.strings[r[i + 1] as number] ?? '',
      kind: (code & 1) === 1 ? 'carrot' : 'stick',
      stance: r[i + 2] as number,
      at: r[i + 3] as number,
    };
    if ((code & PEOPLE_BIT) !== 0) entry.byPeople = true;
    out.push(entry);
  }
  return out;
}

/** The powers' answers a record holds, with the scenario's label and text and the reason. */
export function recordResponses(scenario: Scenario, s: GameState, record: TurnRecord): ResponseRecord[] {
  return responseEntries(s, record).map((r) => {
    const def = scenario.powers[r.power].responses.find((x) => x.id === r.response);
    const out: ResponseRecord = {
      power: r.power,
      response: r.response,
      kind: r.kind,
      label: def?.label ?? r.response,
      text: def?.text ?? '',
      why: r.byPeople
        ? `${POWER_NAMES[r.power].replace(/^the /, 'The ')}'s team chose it`
        : explainStance(asAt(s, record, r.at, r.power, r.stance), r.power, r.kind),
    };
    if (r.byPeople) out.byPeople = true;
    return out;
  });
}

/** The state as a power saw it when it answered: the turns before, the first `at` changes
 *  of its own turn, and the stance it acted from. Only what explainStance reads. */
function asAt(s: GameState, record: TurnRecord, at: number, id: PowerId, stance: number): GameState {
  const history = s.history[record.turn] === record ? s.history.slice(0, record.turn) : s.history;
  return {
    ...s,
    history,
    current: { ...record, changes: changeList(record).slice(0, at * 3) },
    powers: { ...s.powers, [id]: { ...s.powers[id], stance } },
  };
}
