/** Edit distance between two strings (insertions, deletions, substitutions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * Fewest edits turning `quote` into some prefix of `text` (the rest of `text` is free), or `max + 1` once
 * every alignment exceeds `max`. This is how a stored paragraph opening is found again after small edits.
 */
export function prefixDistance(quote: string, text: string, max: number): number {
  const m = Math.min(text.length, quote.length + max);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1);
  for (let i = 1; i <= quote.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = quote.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  let best = max + 1;
  for (let j = 0; j <= m; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** The candidate nearest to `word` (case-insensitive), if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | null {
  const w = word.toLowerCase();
  // About one edit per three characters, and never so many that the whole word could be replaced.
  const max = Math.min(Math.max(1, Math.floor(w.length / 3)), w.length - 1);
  let best: string | null = null;
  let bestD = max + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), Math.min(max, bestD - 1));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
