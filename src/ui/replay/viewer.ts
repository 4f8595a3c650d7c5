/**
 * Watching a game turn by turn: step forward and back one decision at a time, jump to a
 * turn, and see at each step what was decided, what it changed and why, what the powers
 * did and why, the player's journal note, and where the meters and relations stood — all
 * rebuilt from the log by the same core (steps.ts).
 */
import { METER_IDS, POWER_IDS, recordSnapshot, rulesOf } from '../../core/index.ts';
import type { ReplayFile } from '../../persistence/replayFormat.ts';
import type { Scenario } from '../../scenario/types.ts';
import { createModal, type Modal } from '../classroom/modal.ts';
import { powerLabel } from '../debrief/analysis.ts';
import { lineChart } from '../debrief/charts.ts';
import { capitalise } from '../debrief/view.ts';
import { button, el, fill } from '../dom.ts';
import { METER_INFO, quarterLabel, signed, varName } from '../format.ts';
import { buildSteps, type Step, stepOfTurn } from './steps.ts';

let modal: Modal | null = null;

/** The meters' lines use the theme's own colours, never a power's. */
/**
 * The five meters' lines in the replay's chart, told apart by pattern and by colour: light,
 * gold and grey only, since elsewhere in the game blue means a rise, orange a fall and
 * Turkey, and each power has its colour. The legend's swatches draw the same (replay.css).
 */
const METER_LINES: readonly { color: string; dash?: string }[] = [
  { color: 'var(--text)' },
  { color: 'var(--accent)' },
  { color: 'var(--text)', dash: '7 4' },
  { color: 'var(--muted)', dash: '2 3' },
  { color: 'var(--accent)', dash: '7 4' },
];

export function openReplayViewer(
  scenario: Scenario,
  save: Pick<ReplayFile, 'seed' | 'difficulty' | 'commands' | 'journal'> & { meta?: Record<string, string> },
  title?: string,
): void {
  modal ??= createModal('replay', 'Replay', { wide: true });
  const steps = buildSteps(scenario, save.seed, save.difficulty, save.commands, save.journal);
  const last = steps[steps.length - 1] as Step;
  const turns = last.state.history.length + (last.state.outcome ? 0 : 1);
  let at = 0;

  const position = el('p', { class: 'replay-position', testid: 'replay-position', attrs: { 'aria-live': 'polite' } });
  const detail = el('div', { class: 'replay-detail', testid: 'replay-detail' });
  const gauges = el('div', { class: 'replay-gauges' });
  const chart = el('div', { class: 'replay-chart' });
  const jump = el('select', { testid: 'replay-jump', label: 'Jump to a turn' });
  for (let t = 0; t < turns; t++) jump.appendChild(el('option', { attrs: { value: String(t) } }, `Turn ${t + 1} · ${quarterLabel(scenario, t)}`));
  jump.addEventListener('change', () => go(stepOfTurn(steps, Number(jump.value))));

  const back = button('◀ Back', () => go(at - 1), { testid: 'replay-step-back', label: 'One step back' });
  const forward = button('Forward ▶', () => go(at + 1), { class: 'primary', testid: 'replay-step-forward', label: 'One step forward' });
  const toStart = button('« Start', () => go(0), { class: 'ghost', testid: 'replay-start' });
  const toEnd = button('End »', () => go(steps.length - 1), { class: 'ghost', testid: 'replay-end' });

  const rules = rulesOf(scenario);
  const render = () => {
    const step = steps[at] as Step;
    const s = step.state;
    const shownTurn = Math.min(s.turn, turns - 1);
    position.textContent = `Step ${at} of ${steps.length - 1} · turn ${shownTurn + 1} of ${scenario.calendar.turns} · ${quarterLabel(scenario, shownTurn)}`;
    jump.value = String(shownTurn);
    back.disabled = at === 0;
    toStart.disabled = at === 0;
    forward.disabled = at === steps.length - 1;
    toEnd.disabled = at === steps.length - 1;
    const byCause = new Map<string, string[]>();
    for (const c of step.changes) {
      if (c.delta === 0 || c.var === 'capital') continue;
      const list = byCause.get(c.cause) ?? [];
      list.push(`${c.var === 'treasury' ? 'Treasury' : varName(c.var)} ${signed(c.delta)}${c.var === 'treasury' ? 'm' : ''}`);
      byCause.set(c.cause, list);
    }
    fill(
      detail,
      el('h3', { testid: 'replay-what' }, step.what),
      step.note ? el('p', { class: 'timeline-note' }, el('span', { class: 'tag' }, 'Why'), step.note) : null,
      ...step.responses.map((r) =>
        el(
          'p',
          { class: `history-response ${r.kind}` },
          el('span', { class: 'tag' }, r.kind === 'stick' ? 'Pressure' : 'Favour'),
          el('strong', {}, `${powerLabel(r.power)}: ${r.label}. `),
          r.text,
          el('span', { class: 'why' }, ` Why: ${r.why}.`),
        ),
      ),
      byCause.size
        ? el('ul', { class: 'history-changes' }, ...[...byCause.entries()].map(([cause, list]) => el('li', {}, `${capitalise(cause)}: ${list.join(', ')}`)))
        : el('p', { class: 'hint' }, 'Nothing moved.'),
      step.raised.length ? el('p', {}, el('span', { class: 'tag' }, 'Next'), step.raised.map((id) => rules.eventById.get(id)?.title ?? id).join(' · ')) : null,
      s.outcome ? el('p', { class: `outcome ${s.outcome.status}` }, `${s.outcome.title} — score ${s.outcome.score}`) : null,
    );
    fill(
      gauges,
      ...METER_IDS.map((m) =>
        el(
          'div',
          { class: 'replay-gauge' },
          el('span', {}, METER_INFO[m]?.label ?? m),
          el('span', { class: 'meter-bar' }, widthSpan('meter-fill', s.meters[m])),
          el('strong', {}, String(s.meters[m])),
        ),
      ),
      ...POWER_IDS.map((p) =>
        el(
          'div',
          { class: `replay-gauge power-${p}` },
          el('span', { class: 'replay-power' }, powerLabel(p)),
          el('span', {}, `relation ${signed(s.powers[p].relation)}`),
          el('strong', {}, `influence ${s.powers[p].influence}`),
        ),
      ),
    );
    const upTo = s.history.length;
    fill(
      chart,
      lineChart({
        title: 'Meters up to this step',
        min: 0,
        max: 100,
        turns: scenario.calendar.turns,
        tick: (t) => quarterLabel(scenario, t).slice(-4),
        cursor: Math.min(upTo, scenario.calendar.turns - 1),
        width: 640,
        height: 150,
        series: METER_IDS.map((m, i) => ({
          label: METER_INFO[m]?.label ?? m,
          values: s.history.map((r) => recordSnapshot(r)?.meters[m] ?? 0),
          color: METER_LINES[i]?.color ?? 'var(--text)',
          dash: METER_LINES[i]?.dash,
        })),
      }),
      el('p', { class: 'legend' }, ...METER_IDS.map((m, i) => el('span', { class: `legend-meter m${i}` }, METER_INFO[m]?.label ?? m))),
    );
  };
  const go = (i: number) => {
    at = Math.max(0, Math.min(steps.length - 1, i));
    render();
  };

  modal.open(
    el(
      'p',
      { class: 'hint' },
      `${title ?? `${scenario.title} · seed ${save.seed} · ${save.difficulty}`}${save.meta?.student ? ` · ${save.meta.student}` : ''}. Rebuilt from its log by the game’s own rules.`,
    ),
    el(
      'div',
      { class: 'replay-controls' },
      toStart,
      back,
      forward,
      toEnd,
      el('label', { class: 'sr-only', attrs: { for: 'replay-jump' } }, 'Jump to a turn'),
      jump,
    ),
    position,
    el('div', { class: 'replay-body' }, detail, el('div', { class: 'replay-side' }, gauges, chart)),
  );
  jump.id = 'replay-jump';
  // Arrow keys step while the replay is open.
  modal.node.onkeydown = (e) => {
    if (e.target instanceof HTMLSelectElement) return;
    if (e.key === 'ArrowRight') go(at + 1);
    else if (e.key === 'ArrowLeft') go(at - 1);
  };
  render();
}

function widthSpan(cls: string, percent: number): HTMLElement {
  const span = el('span', { class: cls });
  span.style.width = `${percent}%`;
  return span;
}
