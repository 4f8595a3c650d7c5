import { describe, expect, it } from 'vitest';
import { snapshotRow } from '../../src/core/history.ts';
import { readVar, SNAPSHOT_LAYOUT, type WritableVar, WRITABLE_VARS } from '../../src/core/index.ts';
import { peek, slotOf } from '../../src/core/slots.ts';
import { historical } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { shippedScenario } from '../helpers.ts';

// The engine reads meters and powers by name in its hot paths (slots.ts, snapshotRow,
// derived.ts), not by a key that varies: these check the hand-written orders against the
// names they stand for, along a whole campaign.
describe('reads by name', () => {
  const campaign = shippedScenario('campaign-1991-2012');
  const { state } = playGame(campaign, 1, historical);

  it('a snapshot row holds SNAPSHOT_LAYOUT in order', () => {
    const row = snapshotRow(state);
    expect(row).toEqual(SNAPSHOT_LAYOUT.map((v) => readVar(campaign, state, v as Parameters<typeof readVar>[2])));
  });

  it('every writable variable’s slot reads what its name says', () => {
    for (const v of WRITABLE_VARS as readonly WritableVar[]) {
      const slot = slotOf(v);
      expect(slot?.name).toBe(v);
      expect(peek(state, slot as NonNullable<typeof slot>, campaign)).toBe(readVar(campaign, state, v));
    }
  });
});
