/** Bash's pathname expansion, done at decision time so the files a glob names can be checked. */
import fs from 'node:fs';
import picomatch from 'picomatch';

export const MAX_GLOB_MATCHES = 256;
const MAX_GLOB_ENTRIES = 10_000;

/** Bash's pathname expansion of an absolute pattern (no dotglob); null when it matches too much. */
export function expandGlob(pattern: string): string[] | null {
  let current = [''];
  let entries = 0;
  let globbed = false;
  let literalTail = false;
  for (const segment of pattern.split('/')) {
    if (segment === '') continue;
    if (!/[*?[]/.test(segment)) {
      current = current.map((prefix) => `${prefix}/${segment}`);
      literalTail = globbed;
      continue;
    }
    globbed = true;
    literalTail = false;
    const matches = picomatch(segment, { dot: false, noextglob: true, nobrace: true });
    const next: string[] = [];
    for (const prefix of current) {
      let names: string[];
      try {
        names = fs.readdirSync(prefix === '' ? '/' : prefix);
      } catch {
        continue;
      }
      entries += names.length;
      if (entries > MAX_GLOB_ENTRIES) return null;
      for (const name of names) if (matches(name)) next.push(`${prefix}/${name}`);
      if (next.length > MAX_GLOB_MATCHES) return null;
    }
    current = next;
    if (current.length === 0) break;
  }
  if (!globbed) return [];
  // `*/x` matches only where x exists (a link counts, even one leading nowhere).
  return literalTail ? current.filter(exists) : current;
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
