/**
 * A short stand-in title for an untitled article: its first words, up to `max` characters, cut
 * between words (never inside one) and ended with «…» when something was left out. A single
 * word longer than `max` is cut, with «…».
 */
export function headline(text: string, max = 80): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  const head = cut > 0 ? t.slice(0, cut) : t.slice(0, max);
  // No dangling punctuation before the ellipsis: «… البلدين، …» reads «… البلدين…».
  return `${head.replace(/[\s،؛,.:;!?؟\-–—]+$/u, '')}…`;
}
