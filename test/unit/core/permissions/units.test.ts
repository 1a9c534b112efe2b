import assert from 'node:assert/strict';
import { mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compilePathPattern } from '../../../../src/core/permissions/pathRules';
import { isInside, pathTarget, physicalPath, PathResolutionError } from '../../../../src/core/permissions/paths';
import { protectedComponent } from '../../../../src/core/permissions/protectedPaths';
import { describeRule, formatSource } from '../../../../src/core/permissions/sourceLabel';
import { domainMatches, parseDomainSpecifier, parseFetchUrl } from '../../../../src/core/permissions/webFetch';
import { engineWithoutBash, Sandbox } from './harness';

describe('formatSource', () => {
  it('names level, file, line and column', () => {
    const source = { level: 'project' as const, file: '/w/.claude/settings.json', position: { line: 5, column: 7 }, root: '/w' };
    assert.equal(formatSource(source), 'project settings (/w/.claude/settings.json:5:7)');
    assert.equal(describeRule({ raw: 'Read(./.env)', source }), 'the rule Read(./.env) in project settings (/w/.claude/settings.json:5:7)');
  });
  it('leaves out the position when there is none', () => {
    assert.equal(formatSource({ level: 'managed', file: '/etc/claude-code/managed-settings.json', root: '/' }), 'managed policy (/etc/claude-code/managed-settings.json)');
  });
  it('calls command-line rules by their name', () => {
    const source = { level: 'cli' as const, file: '<command line>', root: '/w' };
    assert.equal(formatSource(source), 'the command line');
    assert.equal(describeRule({ raw: 'Bash', source }), 'the rule Bash on the command line');
  });
});

describe('isInside (path-prefix confusion)', () => {
  const table: [string, string, boolean][] = [
    ['/proj', '/proj', true],
    ['/proj/a', '/proj', true],
    ['/proj_evil/x', '/proj', false],
    ['/projx', '/proj', false],
    ['/pro', '/proj', false],
    ['/proj/..foo', '/proj', true],
    ['/etc', '/proj', false],
    ['/anything', '/', true],
  ];
  for (const [child, parent, expected] of table) {
    it(`${child} inside ${parent}: ${expected}`, () => assert.equal(isInside(child, parent), expected));
  }
});

describe('compilePathPattern', () => {
  const bases = { cwd: '/w/sub', home: '/h', root: '/w' };
  const table: [string, string, boolean][] = [
    ['//etc/passwd', '/etc/passwd', true],
    ['//etc/**', '/etc/ssh/sshd_config', true],
    ['~/.ssh/**', '/h/.ssh/id_rsa', true],
    ['~/.ssh/**', '/w/.ssh/id_rsa', false],
    ['/src/**', '/w/src/a.ts', true],
    ['/src/**', '/w/sub/src/a.ts', false],
    ['./src/**', '/w/sub/src/a.ts', true],
    ['src/**', '/w/sub/src/a.ts', true],
    ['src/**', '/w/src/a.ts', false],
    ['../secrets/**', '/w/secrets/k', true],
    ['./a/../b', '/w/sub/b', true],
    ['*.pem', '/w/sub/deep/k.pem', true],
    ['*.pem', '/w/k.pem', false],
    ['//', '/anything/at/all', true],
    ['#notes', '/w/sub/#notes', true],
  ];
  for (const [spec, target, expected] of table) {
    it(`${spec} ${expected ? 'matches' : 'does not match'} ${target}`, () => {
      const t = { display: target, candidates: [target], real: target };
      assert.equal(compilePathPattern(spec, bases).matchesAny(t, false), expected);
    });
  }
  it('knows which specifiers name a path without wildcards', () => {
    assert.equal(compilePathPattern('./.vscode/settings.json', bases).namesWithin('/w/sub/.vscode'), true);
    assert.equal(compilePathPattern('./.vscode/*.json', bases).namesWithin('/w/sub/.vscode'), false);
    assert.equal(compilePathPattern('./', bases).namesWithin('/w/sub/.vscode'), false);
  });

  // For `grep -r DIR`: could the rule match a file somewhere below DIR?
  const below: [string, string, boolean][] = [
    ['./.env', '/w/sub', true],
    ['./.env', '/w/sub/src', false],
    ['./.env', '/w/sub/.env', true],
    ['./.env', '/w', true],
    ['./.ENV', '/W/SUB', true],
    ['./config/*.json', '/w/sub/config', true],
    ['./config/*.json', '/w/sub/src', false],
    ['./config/*.json', '/w/sub/config/deep', true],
    ['/src/**', '/w/src/lib', true],
    ['/src/**', '/w/docs', false],
    ['.env', '/w/sub/src/deep', true],
    ['*.pem', '/w/other', false],
    ['**/secret', '/w/sub/anything', true],
    ['//etc/**', '/', true],
    ['//etc/**', '/w/sub', false],
    ['~/.ssh/**', '/h', true],
    ['~/.ssh/**', '/w/sub', false],
  ];
  for (const [spec, dir, expected] of below) {
    it(`${spec} ${expected ? 'may' : 'cannot'} match something below ${dir}`, () => {
      assert.equal(compilePathPattern(spec, bases).mayMatchBelow(dir), expected);
    });
  }
});

describe('protectedComponent', () => {
  const table: [string, string | undefined][] = [
    ['/w/.git/hooks/pre-commit', '/w/.git'],
    ['/w/.vscode/tasks.json', '/w/.vscode'],
    ['/h/.config/fish/config.fish', '/h/.config/fish'],
    ['/h/.config/other/x', undefined],
    ['/w/.npmrc', '/w/.npmrc'],
    ['/w/.npmrc/x', undefined],
    ['/w/constructor', undefined],
    ['/w/__proto__', undefined],
    ['/w/src/a.ts', undefined],
  ];
  for (const [p, anchor] of table) {
    it(`${p} → ${anchor ?? 'not protected'}`, () => assert.equal(protectedComponent(p)?.anchor, anchor));
  }
});

describe('WebFetch parsing', () => {
  it('normalises the host', () => {
    const parsed = parseFetchUrl('HTTPS://WWW.Example.COM.:443/a');
    assert.ok(parsed.ok);
    assert.equal(parsed.host, 'www.example.com');
  });
  it('parses domain specifiers and refuses the rest', () => {
    assert.deepEqual(parseDomainSpecifier('domain:*.Example.com'), { kind: 'subdomains', parent: 'example.com' });
    assert.equal(parseDomainSpecifier('https://example.com'), undefined);
    assert.equal(parseDomainSpecifier('domain:example.com/path'), undefined);
    assert.equal(parseDomainSpecifier('domain:*'), undefined);
    assert.equal(parseDomainSpecifier('domain:user@example.com'), undefined);
  });
  it('never matches on a string prefix or suffix', () => {
    const exact = { kind: 'exact' as const, host: 'example.com' };
    const subs = { kind: 'subdomains' as const, parent: 'example.com' };
    assert.equal(domainMatches(exact, 'example.com.evil.net'), false);
    assert.equal(domainMatches(subs, 'evilexample.com'), false);
    assert.equal(domainMatches(subs, '.example.com'), false);
    assert.equal(domainMatches(subs, 'a.example.com'), true);
  });
});

describe('symbolic link resolution', () => {
  let root: string;
  before(async () => {
    root = await realpath(await mkdtemp(path.join(tmpdir(), 'agentgate-links-')));
    await symlink(path.join(root, 'loop-b'), path.join(root, 'loop-a'));
    await symlink(path.join(root, 'loop-a'), path.join(root, 'loop-b'));
    await symlink('/etc', path.join(root, 'etc-link'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });
  it('follows a link and then applies .. physically', () => {
    assert.equal(physicalPath(`${root}/etc-link/../tmp/x`), '/tmp/x');
    assert.equal(pathTarget(root, 'etc-link/../tmp/x').display, `${root}/tmp/x`);
    assert.ok(pathTarget(root, 'etc-link/../tmp/x').candidates.includes('/tmp/x'));
  });
  it('gives the same answers with a cache shared across paths of one decision', () => {
    const cache = new Map<string, string | null>();
    for (const raw of [`${root}/etc-link/../tmp/x`, `${root}/etc-link/passwd`, `${root}/missing/../etc-link/hosts`, `${root}/etc-link/../tmp/x`]) {
      assert.equal(physicalPath(raw, undefined, cache), physicalPath(raw), raw);
    }
    assert.deepEqual(pathTarget(root, 'etc-link/../tmp/x', cache), pathTarget(root, 'etc-link/../tmp/x'));
    assert.throws(() => physicalPath(`${root}/loop-a/x`, undefined, cache), PathResolutionError);
  });
  it('reports a symbolic link loop instead of looping', () => {
    assert.throws(() => physicalPath(`${root}/loop-a/x`), PathResolutionError);
  });
  it('denies a request whose path goes through a symbolic link loop', async () => {
    const box = await Sandbox.create();
    try {
      const ctx = box.ctx({}, 'bypassPermissions');
      const decision = await engineWithoutBash.decide({ tool: 'Write', input: { file_path: `${root}/loop-a/x`, content: '' } }, ctx);
      assert.equal(decision.decision, 'deny');
      assert.match(decision.reason, /more than 40 symbolic links/);
    } finally {
      await box.dispose();
    }
  });
});
