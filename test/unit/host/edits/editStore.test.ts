import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EditStore, lineStats } from '../../../../src/host/edits/editStore';

describe('host: EditStore', () => {
  it('counts added and removed lines', () => {
    assert.deepEqual(lineStats('a\nb\nc\n', 'a\nB\nc\nd\n'), { added: 2, removed: 1 });
    assert.deepEqual(lineStats(null, 'new\nfile\n'), { added: 2, removed: 0 });
  });

  it('lists pending edits first, then the rest newest first', () => {
    const store = new EditStore();
    const base = { display: 'a.ts', before: 'x\n', proposed: 'y\n', automatic: false };
    const first = store.add({ ...base, file: '/w/a.ts', status: 'applied' });
    const second = store.add({ ...base, file: '/w/b.ts', display: 'b.ts', status: 'pending' });
    const third = store.add({ ...base, file: '/w/c.ts', display: 'c.ts', status: 'rejected', note: 'why' });
    assert.deepEqual(store.cards().map((c) => c.editId), [second.editId, third.editId, first.editId]);
    assert.deepEqual(store.cards()[1], { editId: third.editId, path: 'c.ts', status: 'rejected', created: false, automatic: false, added: 1, removed: 1, note: 'why' });
    assert.deepEqual(store.pending().map((r) => r.editId), [second.editId]);
  });

  it('finds the accepted edit a tool write completes, by path and exact content', () => {
    const store = new EditStore();
    const accepted = store.add({ file: '/w/a.ts', display: 'a.ts', before: 'x', proposed: 'y', status: 'applied', automatic: false });
    assert.equal(store.awaitingWrite('/w/a.ts', 'other'), undefined);
    assert.equal(store.awaitingWrite('/w/a.ts', 'y'), accepted);
    accepted.applied = 'y';
    assert.equal(store.awaitingWrite('/w/a.ts', 'y'), undefined, 'a written edit is complete');
  });
});
