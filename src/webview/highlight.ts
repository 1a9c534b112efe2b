/**
 * Syntax highlighting with highlight.js core and a handful of languages, registered on first use
 * and run when the page is idle, one block at a time, so highlighting never stalls streaming.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

/** Blocks larger than this stay plain: highlighting them would block the page. */
const MAX_HIGHLIGHT_CHARS = 20_000;

let registered = false;
function register(): void {
  if (registered) return;
  registered = true;
  const languages = { bash, css, diff, go, javascript, json, markdown, python, rust, typescript, xml, yaml };
  for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);
  hljs.registerAliases(['sh', 'shell', 'zsh', 'console'], { languageName: 'bash' });
  hljs.registerAliases(['ts', 'tsx', 'mts', 'cts'], { languageName: 'typescript' });
  hljs.registerAliases(['js', 'jsx', 'mjs', 'cjs'], { languageName: 'javascript' });
  hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
  hljs.registerAliases(['py'], { languageName: 'python' });
  hljs.registerAliases(['yml'], { languageName: 'yaml' });
  hljs.registerAliases(['md'], { languageName: 'markdown' });
  hljs.registerAliases(['rs'], { languageName: 'rust' });
  hljs.registerAliases(['jsonc'], { languageName: 'json' });
}

const queue: HTMLElement[] = [];
let scheduled = false;

function languageOf(code: HTMLElement): string | undefined {
  const match = /(?:^|\s)language-([\w+#-]+)/.exec(code.className);
  return match?.[1]?.toLowerCase();
}

function highlightNow(code: HTMLElement): void {
  if (!code.isConnected || code.dataset.highlighted) return;
  code.dataset.highlighted = 'true';
  const language = languageOf(code);
  const text = code.textContent ?? '';
  if (!language || text.length > MAX_HIGHLIGHT_CHARS) return;
  register();
  if (!hljs.getLanguage(language)) return;
  // highlight.js escapes the text and adds only <span class="hljs-…"> elements.
  code.innerHTML = hljs.highlight(text, { language, ignoreIllegals: true }).value;
  code.classList.add('hljs');
}

function drain(deadline?: IdleDeadline): void {
  scheduled = false;
  while (queue.length > 0) {
    const code = queue.shift();
    if (code) highlightNow(code);
    if (deadline && deadline.timeRemaining() < 8) break;
  }
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(drain, { timeout: 1000 });
  else setTimeout(() => drain(), 50);
}

/**
 * Compiles the common grammars ahead of time, one per idle period, so the first code block of an
 * answer does not pay for it while text is streaming.
 */
export function warmUpHighlighting(onWarm: () => void = () => undefined): void {
  const samples: [string, string][] = [
    ['typescript', 'const a: number = f(1);'],
    ['javascript', 'const a = f(1);'],
    ['bash', 'npm test -- --watch'],
    ['json', '{"a": [1, true]}'],
    ['python', 'def f(x):\n    return x'],
    ['diff', '@@ -1 +1 @@\n-a\n+b'],
  ];
  const next = () => {
    const sample = samples.shift();
    if (!sample) {
      onWarm();
      return;
    }
    register();
    hljs.highlight(sample[1], { language: sample[0], ignoreIllegals: true });
    idle(next);
  };
  idle(next);
}

/** Only in truly idle time (no timeout): warming up must never compete with rendering. */
function idle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback());
  else setTimeout(callback, 50);
}

/** Code blocks are highlighted once they come on screen: a long answer costs only what is seen. */
const visible =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          visible?.unobserve(entry.target);
          queue.push(entry.target as HTMLElement);
        }
        schedule();
      })
    : undefined;

/** Highlights a `<code>` element when it is on screen and the page is idle. */
export function highlightLater(code: HTMLElement): void {
  if (visible) {
    visible.observe(code);
    return;
  }
  queue.push(code);
  schedule();
}
