// "Did you mean": the known words closest to a mistyped one (flags, inputs, config keys,
// values, rule ids). Damerau-free Levenshtein is enough for names this short.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to `max` known words within a third of the word's length (at least 2 edits), closest first; a known word that contains the typed one or is contained by it counts too. */
export function closest(word: string, known: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  return known
    .map((k) => ({ k, d: distance(w, k.toLowerCase()) }))
    .filter(({ k, d }) => d <= limit || (w.length >= 4 && (k.includes(w) || w.includes(k))))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map(({ k }) => k);
}

/** ` (did you mean a or b?)`, or '' when nothing is close. */
export function didYouMean(word: string, known: readonly string[], show: (k: string) => string = (k) => k): string {
  const near = closest(word, known);
  if (near.length === 0) return '';
  const shown = near.map(show);
  return ` (did you mean ${shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`}?)`;
}
