/** The balance lab's report as text for a terminal. */
import { table } from '../output.ts';
import type { LabReport } from '../../policies/lab.ts';

export function formatLab(r: LabReport): string {
  const out: string[] = [];
  out.push(
    table([
      ['policy', 'games', 'survival %', 'mean ± sd', 'p10', 'median', 'p90', 'losses (rule/effect, median turn)'],
      ...r.policies.map((p) => [
        p.policy,
        p.runs,
        p.survivalRate,
        `${p.mean} ± ${p.sd}`,
        p.p10,
        p.median,
        p.p90,
        p.losses.map((l) => `${l.reason} ${l.count} (${l.byRule}/${l.byEffect}, t${l.medianTurn + 1})`).join(', ') || '-',
      ]),
    ]),
  );
  if (r.spam.length > 0) {
    out.push('', 'Single actions spammed, best five:');
    out.push(
      table([['action', 'games', 'survival %', 'mean ± sd'], ...r.spam.slice(0, 5).map((s) => [s.action, s.runs, s.survivalRate, `${s.mean} ± ${s.sd}`])]),
    );
  }
  const flags: string[] = [];
  for (const d of r.flags.dominant)
    flags.push(`DOMINANT: spamming ${d.action} scores ${d.mean} (survival ${d.survivalRate}%), against ${d.againstMean} for ${d.against}`);
  if (r.flags.neverFired.length > 0) flags.push(`events that never fired: ${r.flags.neverFired.join(', ')}`);
  if (r.flags.neverTaken.length > 0) flags.push(`actions no policy took: ${r.flags.neverTaken.join(', ')}`);
  if (r.flags.unusable.length > 0) flags.push(`actions no game took, spam included: ${r.flags.unusable.join(', ')}`);
  out.push('', flags.length > 0 ? `Flags:\n  ${flags.join('\n  ')}` : 'Flags: none');
  return out.join('\n');
}
