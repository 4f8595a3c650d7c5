/**
 * A class's results side by side, from their logs alone: each file is read as a save
 * (a result file carries its save), checked and replayed by the same core, and analysed
 * like the debrief; then the class is summed up per event: who chose what, against what
 * Azerbaijan did. Nothing is read from a score field. No DOM here.
 */
import type { ReplayFile } from '../../persistence/replayFormat.ts';
import { parseSave } from '../../persistence/saves.ts';
import { verifySave } from '../../persistence/verify.ts';
import type { Scenario } from '../../scenario/types.ts';
import { type Analysis, analyse } from '../debrief/analysis.ts';
import { diverged } from '../debrief/historyMarks.ts';

export interface ClassEntry {
  file: string;
  student: string;
  className: string;
  save: ReplayFile;
  analysis: Analysis;
}

export interface Refused {
  file: string;
  reason: string;
}

/** Setups are compared only with themselves: same scenario, rules, seed and difficulty. */
export const setupKey = (s: Pick<ReplayFile, 'scenario' | 'scenarioHash' | 'seed' | 'difficulty'>) =>
  `${s.scenario}|${s.scenarioHash}|${s.seed}|${s.difficulty}`;

export async function readClassFile(
  file: string,
  text: string,
  loadScenario: (id: string) => Promise<Scenario | null>,
): Promise<{ ok: true; entry: ClassEntry } | { ok: false; refused: Refused }> {
  const parsed = parseSave(text);
  if (!parsed.ok) return { ok: false, refused: { file, reason: parsed.message } };
  const save = parsed.save;
  const scenario = await loadScenario(save.scenario);
  const v = verifySave(scenario, save);
  if (!v.ok || !scenario) return { ok: false, refused: { file, reason: v.ok ? 'the scenario could not be loaded' : v.message } };
  const analysis = analyse(scenario, save.seed, save.difficulty, save.commands, save.journal);
  const student = save.meta?.student ?? file.replace(/\.json$/i, '');
  return { ok: true, entry: { file, student, className: save.meta?.class ?? '', save, analysis } };
}

export interface ChoiceTally {
  event: string;
  title: string;
  /** Choice label → students who chose it. */
  choices: { label: string; historical: boolean; students: string[] }[];
  /** Students whose game never raised the event. */
  absent: string[];
}

export interface ClassSummary {
  entries: ClassEntry[];
  historyScore: number | null;
  meanScore: number;
  completed: number;
  /** Share (0–100) of all decisions that left history's path. */
  divergedShare: number;
  events: ChoiceTally[];
}

export function summarise(scenario: Scenario, entries: ClassEntry[]): ClassSummary {
  const scores = entries.map((e) => e.analysis.outcome?.score ?? 0);
  const all = entries.flatMap((e) => e.analysis.decisions);
  const events: ChoiceTally[] = [];
  for (const ev of scenario.events) {
    if (ev.choices.length === 0) continue;
    const tally: ChoiceTally = {
      event: ev.id,
      title: ev.title,
      choices: ev.choices.map((c) => ({ label: c.label, historical: c.historical === true && !ev.whatIf, students: [] })),
      absent: [],
    };
    let seen = false;
    for (const e of entries) {
      const chosen = e.analysis.state.chosen[ev.id];
      const i = ev.choices.findIndex((c) => c.id === chosen);
      if (i < 0) tally.absent.push(e.student);
      else {
        seen = true;
        tally.choices[i]?.students.push(e.student);
      }
    }
    if (seen) events.push(tally);
  }
  return {
    entries,
    historyScore: entries[0]?.analysis.history.outcome?.score ?? null,
    meanScore: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : 0,
    completed: entries.filter((e) => e.analysis.outcome?.status === 'completed').length,
    divergedShare: all.length ? Math.round((100 * all.filter((d) => diverged(d.history)).length) / all.length) : 0,
    events,
  };
}
