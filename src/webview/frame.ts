/**
 * Runs work before the next paint. Hidden webviews get no animation frames, so a timer stands in
 * while the document is hidden (the view then catches up in one render when shown).
 */
export function onNextFrame(callback: () => void): void {
  if (document.hidden) setTimeout(callback, 100);
  else requestAnimationFrame(() => callback());
}
