import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSettingsText } from '../../../../src/core/settings/analyzeSettings';
import type { Diagnostic } from '../../../../src/core/settings/types';

const FILE = '/w/.claude/settings.json';

function analyze(text: string, level: Parameters<typeof analyzeSettingsText>[2] = 'project') {
  return analyzeSettingsText(text, FILE, level);
}

function at(d: Diagnostic | undefined): string {
  assert.ok(d, 'expected a diagnostic');
  return d.position ? `${d.position.line}:${d.position.column}` : '-';
}

function errors(text: string): Diagnostic[] {
  return analyze(text).diagnostics.filter((d) => d.severity === 'error');
}

describe('settings files: validation with positions', () => {
  it('accepts comments, trailing commas and $schema without any diagnostic', () => {
    const result = analyze(`{
  "$schema": "https://example.com/settings.schema.json",
  // the team's rules
  "permissions": {
    "allow": ["Bash(npm test)", /* the linter */ "Bash(npm run lint)",],
    "deny": ["Read(./.env)"],
    "defaultMode": "plan",
  },
}`);
    assert.equal(result.status, 'loaded');
    assert.deepEqual(result.diagnostics, []);
  });

  it('a string where a rule list belongs: exact position and a fix', () => {
    const [d, ...rest] = errors('{\n  "permissions": {\n    "allow": "Bash(npm test)"\n  }\n}');
    assert.equal(rest.length, 0);
    assert.equal(at(d), '3:14');
    assert.equal(
      d.message,
      '"permissions.allow" must be a list of rule strings like "Bash(npm test)", but it is the string "Bash(npm test)". Wrap it in [ ].',
    );
  });

  it('an invalid rule is an error at the rule, with the grammar\'s explanation', () => {
    const result = analyze('{"permissions": {"deny": ["Read(./.env)", "Bash(git push"]}}');
    assert.equal(result.status, 'invalid');
    const [d] = result.diagnostics;
    assert.equal(at(d), '1:43');
    assert.match(d.message, /^Invalid rule in "permissions.deny": "Bash\(git push" opens a parenthesis but does not end with "\)"/);
  });

  it('a number among rules says which entry and to quote it', () => {
    const [d] = errors('{"permissions": {"ask": ["Bash", 3]}}');
    assert.equal(at(d), '1:34');
    assert.match(d.message, /^Each entry of "permissions.ask" must be a rule string .* but this one is the number 3\. Put it in double quotes\.$/);
  });

  it('a mode in the wrong case suggests the right spelling', () => {
    const [d] = errors('{"permissions": {"defaultMode": "AcceptEdits"}}');
    assert.match(d.message, /Did you mean "acceptEdits"\? Values are case-sensitive\.$/);
  });

  it('wrong scalar types each explain the fix', () => {
    const text = '{\n"cleanupPeriodDays": "30",\n"enableAllProjectMcpServers": "true",\n"env": {"PORT": 3000},\n"cleanupPeriodDays2": 1\n}';
    const found = errors(text);
    assert.deepEqual(
      found.map((d) => [at(d), d.message.replace(/^.*\. /, '')]),
      [
        ['2:22', 'Write the number without quotes.'],
        ['3:31', 'Write true or false without quotes.'],
        ['4:17', 'Put it in double quotes.'],
      ],
    );
    assert.match(found[2].message, /^"env.PORT" must be a string, but it is the number 3000\./);
  });

  it('a negative or fractional cleanupPeriodDays is refused', () => {
    assert.match(errors('{"cleanupPeriodDays": -1}')[0].message, /whole number of days, 0 or more, but it is the number -1/);
    assert.equal(errors('{"cleanupPeriodDays": 1.5}').length, 1);
    assert.equal(errors('{"cleanupPeriodDays": 0}').length, 0);
  });

  it('MCP server matchers: each mistake is named', () => {
    const text = '{"deniedMcpServers": [{"serverName": "a", "serverUrl": "b"}, "github", {"name": "x"}, {"serverCommand": "npx x"}, {"serverUrl": "https://*.corp.example/*"}]}';
    const found = errors(text);
    assert.equal(found.length, 4);
    assert.match(found[0].message, /has "serverName" and "serverUrl", but each entry matches by exactly one of them/);
    assert.match(found[1].message, /If it is a server name, write \{ "serverName": "github" \}/);
    assert.match(found[2].message, /has the key "name", which is not one of/);
    assert.equal(at(found[2]), '1:73');
    assert.match(found[3].message, /^"deniedMcpServers\[3\].serverCommand" must be a list of strings/);
  });

  it('bad JSON: the first syntax error with its position, and the whole file invalid', () => {
    const result = analyze('{\n  "permissions": {\n    "allow": ["Bash(ls)"]\n    "deny": []\n  }\n}');
    assert.equal(result.status, 'invalid');
    assert.equal(result.structured, false);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(at(result.diagnostics[0]), '4:5');
    assert.match(result.diagnostics[0].message, /^The file is not valid JSON\. A comma is missing before this/);
  });

  it('single quotes get a specific hint', () => {
    const [d] = errors("{'permissions': {}}");
    assert.equal(at(d), '1:2');
    assert.match(d.message, /double quotes \("\), not single quotes/);
  });

  it('positions count lines in CRLF files and ignore a byte-order mark', () => {
    const [d] = errors('\uFEFF{\r\n  "model": 5\r\n}');
    assert.equal(at(d), '2:12');
  });

  it('a root that is not an object is invalid', () => {
    const result = analyze('["Bash"]');
    assert.equal(result.status, 'invalid');
    assert.match(result.diagnostics[0].message, /must contain one JSON object \{ \.\.\. \}, but it contains a list/);
  });

  it('an empty file reads as {} with a warning, except for managed policy', () => {
    const user = analyze('  // nothing yet\n');
    assert.equal(user.status, 'loaded');
    assert.equal(user.diagnostics[0].severity, 'warning');
    const managed = analyze('', 'managed');
    assert.equal(managed.status, 'invalid');
    assert.equal(managed.diagnostics[0].severity, 'error');
  });
});

describe('settings files: unknown keys are kept and reported', () => {
  it('names the key and its position, top level and inside permissions', () => {
    const result = analyze('{\n  "permissions": {\n    "allow": [],\n    "future": true\n  },\n  "foo": 1\n}');
    assert.equal(result.status, 'loaded');
    assert.deepEqual(
      result.diagnostics.map((d) => [d.severity, at(d), d.message]),
      [
        ['warning', '4:5', 'Unknown setting "permissions.future" at line 4, column 5: AgentGate ignores it. It may be meant for a newer tool; remove it if it is a typo.'],
        ['warning', '6:3', 'Unknown setting "foo" at line 6, column 3: AgentGate ignores it. It may be meant for a newer tool; remove it if it is a typo.'],
      ],
    );
  });

  it('a misspelt key that would silently drop deny rules suggests the right one', () => {
    const [d] = analyze('{"premissions": {"deny": ["Bash(rm:*)"]}}').diagnostics;
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /Unknown setting "premissions" .* Did you mean "permissions"\?/);
  });

  it('Claude Code settings AgentGate does not support are information, not typos', () => {
    const [d] = analyze('{"hooks": {}}').diagnostics;
    assert.equal(d.severity, 'info');
    assert.match(d.message, /"hooks" .* Claude Code setting that AgentGate does not support/);
  });

  it('a duplicate key: the ignored earlier one is pointed out', () => {
    const result = analyze('{\n"permissions": {"deny": ["Bash(rm:*)"]},\n"permissions": {}\n}');
    assert.equal(result.status, 'loaded');
    const [d] = result.diagnostics;
    assert.equal(at(d), '2:1');
    assert.match(d.message, /appears again at line 3, column 1; only the last one counts/);
  });

  it('allowedMcpServers outside managed policy is reported as having no effect', () => {
    const [d] = analyze('{"allowedMcpServers": []}', 'user').diagnostics;
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /only takes effect in the managed policy/);
    assert.deepEqual(analyze('{"allowedMcpServers": []}', 'managed').diagnostics, []);
  });
});
