import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  displayName: string;
  icon: string;
  main: string;
  bin: Record<string, string>;
  engines: { vscode: string };
  activationEvents?: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    jsonValidation: { fileMatch: string[]; url: string }[];
  };
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('extension manifest', () => {
  it('has the identity and entry points the marketplace and the CLI need', () => {
    assert.equal(pkg.name, 'agentgate');
    assert.equal(pkg.publisher, 'agentgate');
    assert.equal(pkg.displayName, 'AgentGate');
    assert.equal(pkg.main, './dist/extension.js');
    assert.deepEqual(pkg.bin, { agentgate: './dist/cli.js' });
    assert.ok(existsSync(path.join(root, pkg.icon)), `icon ${pkg.icon} is missing`);
  });

  it('asks for no newer VS Code than ^1.96.0 and matches @types/vscode to it', () => {
    const engine = /^\^1\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
    assert.ok(engine, `engines.vscode ${pkg.engines.vscode} should be a caret range`);
    assert.ok(Number(engine[1]) <= 96);
    const types = /^~?\^?1\.(\d+)\./.exec(pkg.devDependencies['@types/vscode'] ?? '');
    assert.ok(types && Number(types[1]) <= Number(engine[1]), '@types/vscode must not be newer than engines.vscode');
  });

  it('never activates on startup (*) and declares limited support in Restricted Mode', () => {
    assert.ok(!(pkg.activationEvents ?? []).includes('*'));
    assert.ok(!(pkg.activationEvents ?? []).includes('onStartupFinished'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok((pkg.capabilities.untrustedWorkspaces.description ?? '').length > 20);
  });

  it('gives every command a title and the AgentGate category', () => {
    for (const command of pkg.contributes.commands) {
      assert.match(command.command, /^agentgate\./);
      assert.ok(command.title.length > 0, command.command);
      assert.equal(command.category, 'AgentGate', command.command);
    }
  });

  it('names only commands that exist wherever a message or the README says "AgentGate: <Command>"', () => {
    const titles = new Set(pkg.contributes.commands.map((command) => `${command.category}: ${command.title}`));
    const sources = [
      ...readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts'))
        .map((name) => path.join('src', name)),
      'README.md',
      'CHANGELOG.md',
    ];
    // A command title as people see it in the palette: Title Case words right before a closing
    // quote, backtick or bold marker ("AgentGate: API key stored" is a message, not a command).
    const named = /AgentGate: ((?:[A-Z][A-Za-z]*)(?: [A-Z][A-Za-z]*)*)(?=['"\u2019*`])/g;
    const unknown: string[] = [];
    for (const file of sources) {
      for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(named)) {
        if (!titles.has(match[0])) unknown.push(`${file}: ${match[0]}`);
      }
    }
    assert.ok(titles.has('AgentGate: Set Anthropic API Key'));
    assert.deepEqual(unknown, []);
  });

  it('points every jsonValidation entry at a schema the build writes', () => {
    assert.ok(pkg.contributes.jsonValidation.length >= 2);
    for (const entry of pkg.contributes.jsonValidation) {
      const file = path.join(root, entry.url);
      assert.ok(existsSync(file), `${entry.url} is not built (run npm run build)`);
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; properties?: object };
      assert.equal(schema.type, 'object', entry.url);
    }
    const matches = pkg.contributes.jsonValidation.flatMap((e) => e.fileMatch);
    for (const expected of ['**/.claude/settings.json', '**/.claude/settings.local.json', '**/managed-settings.json', '**/.mcp.json']) {
      assert.ok(matches.includes(expected), `no schema for ${expected}`);
    }
  });

  it('never depends on @google-cloud/vertexai (it cannot call Claude)', () => {
    assert.ok(!('@google-cloud/vertexai' in pkg.dependencies));
    assert.ok(!('@google-cloud/vertexai' in pkg.devDependencies));
  });
});
