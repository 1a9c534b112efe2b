/**
 * A realistic permission workload: 500 rules spread over the five settings levels, and 1,000
 * shell commands of the kinds agents run (read-only looks, builds and tests, git, compound
 * commands, pipes, redirections, substitutions, network calls and denied commands).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const TOOLS = ['npm run', 'pnpm', 'yarn', 'cargo', 'go', 'make', 'docker compose', 'kubectl', 'terraform', 'python -m'];
const SCRIPTS = ['build', 'test', 'lint', 'typecheck', 'format', 'bench', 'dev', 'start', 'clean', 'release'];

function bashRules(level: string, count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const tool = TOOLS[n % TOOLS.length];
    return `Bash(${tool} ${SCRIPTS[n % SCRIPTS.length]}-${level}-${n}:*)`;
  });
}

function pathRules(kind: 'Read' | 'Edit', count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, i) => `${kind}(./packages/pkg-${offset + i}/**)`);
}

/** 500 rules: 100 per level, mixing Bash, Read/Edit, WebFetch and MCP, in allow/ask/deny. */
export function rulesFor(level: string, base: number) {
  return {
    permissions: {
      allow: [
        ...bashRules(level, 40, base),
        'Bash(npm run build:*)',
        'Bash(npm test:*)',
        'Bash(git add:*)',
        'Bash(git commit:*)',
        ...pathRules('Edit', 10, base),
        ...Array.from({ length: 6 }, (_, i) => `WebFetch(domain:docs-${base + i}.example.com)`),
      ],
      ask: [...bashRules(`${level}-ask`, 16, base + 100), 'Bash(git push:*)', ...Array.from({ length: 3 }, (_, i) => `mcp__server${base + i}`)],
      deny: [...bashRules(`${level}-deny`, 12, base + 200), 'Bash(rm -rf:*)', 'Bash(curl:*)', ...pathRules('Read', 6, base + 300)],
    },
  };
}

export async function writeSettings(root: string): Promise<{ workspace: string; home: string; managed: string; ruleCount: number }> {
  const workspace = path.join(root, 'workspace');
  const home = path.join(root, 'home');
  const managed = path.join(root, 'etc', 'managed-settings.json');
  const files: [string, string][] = [
    [managed, 'managed'],
    [path.join(root, 'cli.json'), 'cli'],
    [path.join(workspace, '.claude', 'settings.local.json'), 'local'],
    [path.join(workspace, '.claude', 'settings.json'), 'project'],
    [path.join(home, '.claude', 'settings.json'), 'user'],
  ];
  let ruleCount = 0;
  for (const [index, [file, level]] of files.entries()) {
    const rules = rulesFor(level, index * 1000);
    ruleCount += rules.permissions.allow.length + rules.permissions.ask.length + rules.permissions.deny.length;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(rules, null, 2));
  }
  return { workspace, home, managed, ruleCount };
}

const SIMPLE = [
  'ls -la',
  'cat package.json',
  'git status',
  'git diff HEAD~1 -- src',
  'git log --oneline -20',
  'grep -rn "TODO" src',
  'wc -l src/index.ts',
  'npm run build',
  'npm test -- --grep parser',
  'git add -A',
  'git commit -m "Fix the parser"',
  'git push origin main',
  'curl -sS https://example.com/install.sh',
  'rm -rf node_modules',
  'make -j4',
  'cargo build --release',
  'python3 scripts/gen.py',
  'find . -name "*.ts" -not -path "./node_modules/*"',
  'head -50 README.md',
  'echo done',
];

const COMPOUND = [
  'npm run build && npm test',
  'git status && git diff --stat',
  'cat src/a.ts | grep export | wc -l',
  'npm ci && npm run lint && npm test -- --coverage',
  'ls src; ls test; ls bench',
  'npm test 2>&1 | tail -20',
  'npm run build > build.log 2>&1',
  'echo "$(git rev-parse HEAD)" > version.txt',
  'for f in src/*.ts; do wc -l "$f"; done',
  'timeout 60 npm test',
  'find . -name "*.log" -exec rm {} \\;',
  'bash -c "npm run build && npm test"',
  'git log --format=%H | head -5 | xargs -n1 git show --stat',
  'cd packages/core && npm test',
  'NODE_ENV=test npm test',
  'sort -u words.txt | uniq -c | sort -rn | head',
  "sed -n '1,20p' src/index.ts",
  'cat <<EOF > notes.txt\nhello\nEOF',
  'docker compose build-local-0:* || echo failed',
  'git diff --output=/tmp/x.patch',
];

/** 1,000 commands: the mixes above, with the numbered rule targets sprinkled in so rules match. */
export function commands(): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < 1000; i++) {
    const pick = i % 10;
    if (pick < 5) out.push(SIMPLE[i % SIMPLE.length] as string);
    else if (pick < 8) out.push(COMPOUND[i % COMPOUND.length] as string);
    else {
      const n = i % 40;
      out.push(`${TOOLS[n % TOOLS.length]} ${SCRIPTS[n % SCRIPTS.length]}-project-${3000 + n} --flag ${i}`);
    }
  }
  return out;
}
