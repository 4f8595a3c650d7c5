/** A class's results compared: each file replayed from its log; edited numbers ignored; damaged files refused; the class summed up per event. */
import { describe, expect, it } from 'vitest';
import { makeReplay } from '../../src/persistence/replayFormat.ts';
import { balancer, historical, random } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { type ClassEntry, readClassFile, summarise } from '../../src/ui/classroom/compareData.ts';
import { analyse } from '../../src/ui/debrief/analysis.ts';
import { resultJson } from '../../src/ui/debrief/results.ts';
import { shippedScenario } from '../helpers.ts';

const scenario = shippedScenario('independence-1991');
const load = async (id: string): Promise<Scenario | null> => (id === scenario.id ? scenario : null);

function resultFile(student: string, policy = balancer) {
  const game = playGame(scenario, 12, policy);
  const save = makeReplay(game.state, game.commands, { student, class: '10B' }, { journal: [{ at: 0, text: `${student}'s reason` }] });
  const a = analyse(scenario, '12', 'normal', game.commands, save.journal);
  return { text: JSON.stringify(resultJson(a, save, { student, className: '10B' }, '2025-01-01T00:00:00Z')), score: a.outcome?.score };
}

describe('class comparison', () => {
  it('replays each result from its log: an edited score counts for nothing', async () => {
    const { text, score } = resultFile('Aysel');
    const edited = JSON.parse(text);
    edited.outcome.score = 100;
    edited.turns[12].score = 100;
    const r = await readClassFile('aysel.json', JSON.stringify(edited), load);
    if (!r.ok) throw new Error(r.refused.reason);
    expect(r.entry.analysis.outcome?.score).toBe(score);
    expect([r.entry.student, r.entry.className]).toEqual(['Aysel', '10B']);
    expect(r.entry.analysis.decisions[0]?.note).toBe("Aysel's reason");
  });

  it('refuses damaged, foreign and other-rules files with the reason', async () => {
    const { text } = resultFile('Murad');
    const cut = await readClassFile('cut.json', text.slice(0, 500), load);
    expect(!cut.ok && cut.refused.reason).toMatch(/^the file is cut short or damaged/);
    const other = await readClassFile('other.json', text, async () => ({ ...scenario, events: scenario.events.slice(1) }));
    expect(!other.ok && other.refused.reason).toMatch(/has other rules for that scenario/);
    const foreign = await readClassFile('notes.json', '{"hello":"world"}', load);
    expect(!foreign.ok && foreign.refused.reason).toMatch(/not a Caspian Balance save/);
  });

  it('sums up the class: mean, history’s line, and who chose what in each event', async () => {
    const entries: ClassEntry[] = [];
    for (const [name, policy] of [
      ['A', balancer],
      ['B', historical],
      ['C', random],
    ] as const) {
      const r = await readClassFile(`${name}.json`, resultFile(name, policy).text, load);
      if (r.ok) entries.push(r.entry);
    }
    const s = summarise(scenario, entries);
    const scores = entries.map((e) => e.analysis.outcome?.score ?? 0);
    expect(s.meanScore).toBe(Math.round(scores.reduce((x, y) => x + y, 0) / 3));
    expect(s.historyScore).toBe(playGame(scenario, 12, historical).state.outcome?.score);
    const first = s.events.find((e) => e.event === 'treaty-offer');
    expect(first?.choices.reduce((n, c) => n + c.students.length, 0)).toBe(3);
    expect(first?.choices.find((c) => c.historical)?.students).toContain('B');
  });
});
