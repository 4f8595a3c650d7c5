/**
 * "Did you mean …?": the known name closest to what the author wrote. Close means a few
 * edits away (two for short names, a third of the length for long ones), or one name
 * containing the other ("setflag" → "flag"), so a suggestion is offered only when it is
 * likely to be the one meant.
 */

export function closest(word: string, known: Iterable<string>): string | null {
  const w = word.toLowerCase();
  const cap = Math.max(3, Math.floor(w.length / 3) + 1);
  let best: string | null = null;
  let bestScore = cap;
  for (const k of known) {
    const kl = k.toLowerCase();
    let d = editDistance(w, kl, bestScore);
    // One inside the other: a prefix or suffix added or dropped.
    if (d >= bestScore && Math.min(w.length, kl.length) >= 3 && (w.includes(kl) || kl.includes(w))) d = bestScore - 0.5;
    if (d < bestScore) {
      bestScore = d;
      best = k;
    }
  }
  return best;
}

/** `; did you mean "x"?`, or "" when nothing is close. */
export function suggest(word: string, known: Iterable<string>): string {
  const best = closest(word, known);
  return best === null ? '' : `; did you mean "${best}"?`;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = row;
  }
  return prev[b.length] ?? cap;
}
