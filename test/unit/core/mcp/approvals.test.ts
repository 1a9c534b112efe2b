import assert from 'node:assert/strict';
import { readFile, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { McpApprovalsFileError } from '../../../../src/core/mcp/approvals';
import { mcpSandbox, type McpSandbox } from './mcpSandbox';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

describe('FileMcpApprovalStore', () => {
  let box: McpSandbox;
  beforeEach(async () => (box = await mcpSandbox()));
  afterEach(() => box.cleanup());

  it('stores approvals per workspace real path and server name, with the pinned hash', async () => {
    await box.approvals.approve(box.cwd, [{ name: 'github', sha256: HASH_A }, { name: 'db', sha256: HASH_B }]);
    const stored = await box.approvals.approval(box.cwd, 'github');
    assert.equal(stored?.sha256, HASH_A);
    assert.ok(stored && !Number.isNaN(Date.parse(stored.approvedAt)));
    const link = box.file('link');
    await symlink(box.cwd, link);
    assert.equal((await box.approvals.approval(link, 'db'))?.sha256, HASH_B);
    assert.equal(await box.approvals.approval(box.home, 'github'), undefined);
    const json = JSON.parse(await readFile(box.approvals.file, 'utf8')) as { workspaces: Record<string, unknown> };
    assert.deepEqual(Object.keys(json.workspaces), [box.cwd]);
    assert.equal((await stat(box.approvals.file)).mode & 0o777, 0o600);
  });

  it('revokes one server or all of a workspace', async () => {
    await box.approvals.approve(box.cwd, [{ name: 'a', sha256: HASH_A }, { name: 'b', sha256: HASH_B }]);
    assert.deepEqual(await box.approvals.revoke(box.cwd, ['a', 'missing']), ['a']);
    assert.equal(await box.approvals.approval(box.cwd, 'a'), undefined);
    assert.deepEqual(await box.approvals.revoke(box.cwd), ['b']);
    assert.equal(await box.approvals.approval(box.cwd, 'b'), undefined);
  });

  it('keeps every approval when several are recorded at once in one process', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => box.approvals.approve(box.cwd, [{ name, sha256: HASH_A }])));
    for (const name of ['a', 'b', 'c', 'd']) assert.equal((await box.approvals.approval(box.cwd, name))?.sha256, HASH_A);
  });

  it('a corrupt file approves nothing, says so, and is not overwritten', async () => {
    await box.write(box.approvals.file, '{ not json');
    await assert.rejects(box.approvals.approval(box.cwd, 'a'), McpApprovalsFileError);
    await assert.rejects(box.approvals.approve(box.cwd, [{ name: 'a', sha256: HASH_A }]), /not valid JSON/);
    assert.equal(await readFile(box.approvals.file, 'utf8'), '{ not json');
  });

  it('attack: a hand-edited entry that is not a SHA-256 hash makes the file unusable', async () => {
    await box.write(box.approvals.file, { version: 1, workspaces: { [box.cwd]: { servers: { a: { sha256: '*', approvedAt: 'x' } } } } });
    await assert.rejects(box.approvals.approval(box.cwd, 'a'), McpApprovalsFileError);
  });

  it('refuses to record something that is not a hash', () => {
    assert.throws(() => box.approvals.approve(box.cwd, [{ name: 'a', sha256: 'abc' }]), McpApprovalsFileError);
  });

  it('lives in ~/.agentgate/mcp-approvals.json', () => {
    assert.equal(box.approvals.file, path.join(box.home, '.agentgate', 'mcp-approvals.json'));
  });
});
