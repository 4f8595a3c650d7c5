/**
 * The balance lab's report as one HTML file: no script, charts drawn as inline SVG, every
 * scenario text escaped (a scenario is untrusted, and its texts end up in this page).
 */
import type { LabReport, PolicyRow } from './lab.ts';

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

/** Horizontal bars on a 0–100 scale, with an optional whisker (p10–p90) and label. */
function barChart(rows: { label: string; value: number; low?: number; high?: number; color: string; note?: string }[], max = 100): string {
  const rowH = 22;
  const left = 190;
  const width = 420;
  const h = rows.length * rowH + 24;
  const x = (v: number) => left + (Math.max(0, Math.min(max, v)) / max) * width;
  const parts: string[] = [];
  for (let t = 0; t <= max; t += max / 5) {
    parts.push(`<line x1="${x(t)}" y1="0" x2="${x(t)}" y2="${h - 20}" stroke="#ddd"/>`);
    parts.push(`<text x="${x(t)}" y="${h - 6}" font-size="11" text-anchor="middle" fill="#555">${t}</text>`);
  }
  rows.forEach((r, i) => {
    const y = i * rowH + 4;
    parts.push(`<text x="${left - 8}" y="${y + 13}" font-size="12" text-anchor="end">${esc(r.label)}</text>`);
    parts.push(`<rect x="${left}" y="${y}" width="${x(r.value) - left}" height="${rowH - 8}" fill="${r.color}" opacity="0.85"/>`);
    if (r.low !== undefined && r.high !== undefined) {
      parts.push(`<line x1="${x(r.low)}" y1="${y + 7}" x2="${x(r.high)}" y2="${y + 7}" stroke="#222" stroke-width="1.5"/>`);
      parts.push(`<line x1="${x(r.low)}" y1="${y + 2}" x2="${x(r.low)}" y2="${y + 12}" stroke="#222"/>`);
      parts.push(`<line x1="${x(r.high)}" y1="${y + 2}" x2="${x(r.high)}" y2="${y + 12}" stroke="#222"/>`);
    }
    parts.push(`<text x="${x(r.value) + 4}" y="${y + 12}" font-size="11" fill="#222">${esc(r.note ?? String(r.value))}</text>`);
  });
  return `<svg role="img" width="${left + width + 80}" height="${h}" viewBox="0 0 ${left + width + 80} ${h}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** Losses per turn for one policy: a column per turn. */
function lossHistogram(p: PolicyRow, turns: number, color: string): string {
  const counts = Array<number>(turns).fill(0);
  for (const l of p.losses)
    l.turns.forEach((n, i) => {
      counts[i] = (counts[i] ?? 0) + n;
    });
  const peak = Math.max(1, ...counts);
  const w = Math.max(3, Math.min(14, Math.floor(560 / Math.max(1, turns))));
  const h = 70;
  const bars = counts
    .map((n, i) =>
      n > 0
        ? `<rect x="${i * w}" y="${h - (n / peak) * h}" width="${w - 1}" height="${(n / peak) * h}" fill="${color}"><title>turn ${i + 1}: ${n}</title></rect>`
        : '',
    )
    .join('');
  return `<svg role="img" width="${turns * w}" height="${h + 14}" xmlns="http://www.w3.org/2000/svg">${bars}<line x1="0" y1="${h}" x2="${turns * w}" y2="${h}" stroke="#999"/><text x="0" y="${h + 12}" font-size="10" fill="#555">turn 1</text><text x="${turns * w}" y="${h + 12}" font-size="10" text-anchor="end" fill="#555">turn ${turns}</text></svg>`;
}

function inlineBar(pct: number, color: string): string {
  return `<svg width="60" height="10" xmlns="http://www.w3.org/2000/svg"><rect width="60" height="10" fill="#eee"/><rect width="${(Math.max(0, Math.min(100, pct)) / 100) * 60}" height="10" fill="${color}"/></svg> ${esc(pct)}%`;
}

export function labHtml(r: LabReport): string {
  const color = new Map(r.policies.map((p, i) => [p.policy, COLORS[i % COLORS.length] as string]));
  const flags: string[] = [];
  for (const d of r.flags.dominant)
    flags.push(
      `<li class="bad">Dominant: spamming <b>${esc(d.action)}</b> scores ${esc(d.mean)} (survives ${esc(d.survivalRate)}%), against ${esc(d.againstMean)} for ${esc(d.against)}.</li>`,
    );
  if (r.flags.neverFired.length > 0) flags.push(`<li>Events that never fired: ${r.flags.neverFired.map((x) => `<code>${esc(x)}</code>`).join(', ')}.</li>`);
  if (r.flags.neverTaken.length > 0) flags.push(`<li>Actions no policy took: ${r.flags.neverTaken.map((x) => `<code>${esc(x)}</code>`).join(', ')}.</li>`);
  if (r.flags.unusable.length > 0)
    flags.push(`<li class="bad">Actions no game took, spam included: ${r.flags.unusable.map((x) => `<code>${esc(x)}</code>`).join(', ')}.</li>`);

  const scoreRows = [
    ...r.policies.map((p) => ({ label: p.policy, value: p.mean, low: p.p10, high: p.p90, color: color.get(p.policy) ?? '#333', note: `${p.mean} ± ${p.sd}` })),
    ...r.spam.slice(0, 10).map((s) => ({ label: `spam:${s.action}`, value: s.mean, color: '#bbb', note: `${s.mean} ± ${s.sd}` })),
  ];
  const survivalRows = r.policies.map((p) => ({ label: p.policy, value: p.survivalRate, color: color.get(p.policy) ?? '#333', note: `${p.survivalRate}%` }));

  const policyTable = `<table><tr><th>policy</th><th>games</th><th>survival</th><th>mean ± sd</th><th>min</th><th>p10</th><th>median</th><th>p90</th><th>max</th><th>ratings</th><th>losses (by rule / by effect, median turn)</th></tr>${r.policies
    .map(
      (p) =>
        `<tr><td>${esc(p.policy)}</td><td>${p.runs}</td><td>${p.survivalRate}%</td><td>${p.mean} ± ${p.sd}</td><td>${p.min}</td><td>${p.p10}</td><td>${p.median}</td><td>${p.p90}</td><td>${p.max}</td><td>${Object.entries(
          p.ratings,
        )
          .map(([k, v]) => `${esc(k)} ${v}`)
          .join(
            ', ',
          )}</td><td>${p.losses.map((l) => `${esc(l.title)} ${l.count} (${l.byRule} / ${l.byEffect}, turn ${l.medianTurn + 1})`).join('<br>') || '—'}</td></tr>`,
    )
    .join('')}</table>`;

  const lossCharts = r.policies
    .filter((p) => p.losses.length > 0)
    .map(
      (p) =>
        `<figure><figcaption>${esc(p.policy)}: ${p.runs - p.survived} lost</figcaption>${lossHistogram(p, r.turns, color.get(p.policy) ?? '#333')}</figure>`,
    )
    .join('');

  const policyNames = r.policies.map((p) => p.policy);
  const eventTable = `<table><tr><th>event</th>${policyNames.map((p) => `<th>${esc(p)}: fired · choices</th>`).join('')}</tr>${r.events
    .map(
      (e) =>
        `<tr><td><b>${esc(e.title)}</b><br><code>${esc(e.id)}</code></td>${policyNames
          .map((p) => {
            const choices = Object.entries(e.choices[p] ?? {})
              .map(([c, n]) => `${esc(c)} ${n}`)
              .join(' · ');
            return `<td>${inlineBar(e.fired[p] ?? 0, color.get(p) ?? '#333')}${choices ? `<br><small>${choices}</small>` : ''}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('')}</table>`;

  const actionTable = `<table><tr><th>action</th>${policyNames.map((p) => `<th>${esc(p)}</th>`).join('')}<th>spammed: mean score</th></tr>${r.actions
    .map((a) => {
      const spam = r.spam.find((s) => s.action === a.id);
      return `<tr><td>${esc(a.label)}<br><code>${esc(a.id)}</code></td>${policyNames.map((p) => `<td>${a.perGame[p] ?? 0}</td>`).join('')}<td>${spam ? `${spam.mean} (${spam.survivalRate}%)` : '—'}</td></tr>`;
    })
    .join('')}</table>`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Balance lab: ${esc(r.title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#111;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:13px}td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}li.bad{color:#a40000}figure{display:inline-block;margin:0 1.5rem 1rem 0}figcaption{font-size:12px;color:#444}
code{font-size:12px}
</style></head><body>
<h1>Balance lab: ${esc(r.title)} <small>(${esc(r.scenario)}, ${r.turns} turns)</small></h1>
<h2>Flags</h2>${flags.length > 0 ? `<ul>${flags.join('')}</ul>` : '<p>Nothing flagged.</p>'}
<h2>Score by policy</h2><p>Bars: mean score; whiskers: 10th to 90th percentile. Grey: the ten best single-action spams.</p>${barChart(scoreRows)}
<h2>Survival</h2>${barChart(survivalRows)}
<h2>Policies</h2>${policyTable}
<h2>When games are lost</h2>${lossCharts || '<p>No game was lost.</p>'}
<h2>Events</h2><p>How often each event fired, and which choice each policy took.</p>${eventTable}
<h2>Actions</h2><p>Times taken per game, on average.</p>${actionTable}
</body></html>
`;
}
