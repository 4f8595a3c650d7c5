/** Driving a game quickly through the store, for tests where the clicking is not under test. */
import type { Page } from 'playwright-core';

/**
 * Plays to the end through the store (the debrief, not the clicking, is under test): the
 * given actions on their turns, the first choice open in every event.
 */
export async function playToEnd(page: Page, actions: Record<number, string[]> = {}): Promise<void> {
  await page.evaluate((plan) => {
    type St = {
      game: { outcome: unknown; pending: string[]; turn: number } | null;
      scenario: { events: { id: string; choices: { id: string }[] }[] };
      act(id: string): boolean;
      choose(e: string, c: string): boolean;
      endTurn(): boolean;
    };
    const store = (window as unknown as { __caspian: { store: { getState(): St } } }).__caspian.store;
    let guard = 0;
    const done = new Set<number>();
    while (!store.getState().game?.outcome && guard++ < 5000) {
      const st = store.getState();
      const g = st.game;
      if (!g) break;
      const pending = g.pending[0];
      if (pending) {
        const event = st.scenario.events.find((e) => e.id === pending);
        for (const c of event?.choices ?? []) if (store.getState().choose(pending, c.id)) break;
        continue;
      }
      if (!done.has(g.turn)) {
        done.add(g.turn);
        for (const a of plan[g.turn] ?? []) if (!st.act(a)) throw new Error(`action ${a} refused on turn ${g.turn}`);
      }
      st.endTurn();
    }
  }, actions);
}
