/**
 * The script the benchmark runs inside the webview (as text: the bench's own code has no DOM
 * types). It records long tasks (PerformanceObserver), the longest gap between animation frames
 * once text appears, and when `target` characters of model text are rendered.
 */
export interface ProbeResult {
  /** When Enter sent the prompt. */
  sent: number;
  first: number;
  last: number;
  longTasks: { start: number; duration: number; name: string }[];
  maxFrameGap: number;
  frames: number;
}

export function probeScript(target: number): string {
  return `(() => {
  const bench = { sent: 0, first: 0, last: 0, longTasks: [], maxFrameGap: 0, frames: 0 };
  window.agentgateBench = bench;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && bench.sent === 0) bench.sent = performance.now();
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration, name: entry.name });
  }).observe({ type: 'longtask', buffered: true });
  const log = document.querySelector('.transcript');
  let previous = performance.now();
  const tick = (now) => {
    const chars = Number((log && log.dataset.renderedChars) || 0);
    if (chars > 0 && bench.first === 0) bench.first = now;
    if (bench.first > 0) {
      bench.frames++;
      bench.maxFrameGap = Math.max(bench.maxFrameGap, now - previous);
    }
    previous = now;
    if (chars >= ${target}) bench.last = now;
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
}

export const READ_PROBE = 'window.agentgateBench';
