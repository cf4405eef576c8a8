// The server's heap pace (server/src/heap.ts): V8 paces the heap itself while the user types, and
// a pass over the whole workspace runs under the CLI's 30% limit until the last such pass ends.
// The V8 flag setter is observed, not the heap.
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { auditHeapPaced, paceHeap, tenureByAgeOnly, withAuditHeapPace } from '../../server/src/heap';

describe('heap pace of the server', () => {
  let flags: string[] = [];
  beforeEach(() => {
    flags = [];
    mock.method(v8, 'setFlagsFromString', (f: string) => void flags.push(f));
  });
  afterEach(() => mock.restoreAll());

  it('turns off allocation-site pretenuring for the processes that run the engine', () => {
    tenureByAgeOnly();
    assert.deepEqual(flags, ['--no-allocation-site-pretenuring']);
  });

  it('sets the editing and the audit pace', () => {
    paceHeap('editing');
    paceHeap('audit');
    assert.deepEqual(flags, ['--heap-growing-percent=0', '--heap-growing-percent=30']);
  });

  it('runs a workspace pass at the audit pace and goes back to the editing pace after it', async () => {
    const during = await withAuditHeapPace(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return [...flags, auditHeapPaced()];
    });
    assert.deepEqual(during, ['--heap-growing-percent=30', true]);
    assert.deepEqual(flags, ['--heap-growing-percent=30', '--heap-growing-percent=0']);
    assert.equal(auditHeapPaced(), false);
  });

  it('keeps the audit pace until the last of overlapping passes ends, even one that throws', async () => {
    let endFirst!: () => void;
    const first = withAuditHeapPace(() => new Promise<void>((resolve) => (endFirst = resolve)));
    const second = withAuditHeapPace(async () => {
      throw new Error('cancelled');
    });
    await assert.rejects(second, /cancelled/);
    assert.deepEqual(flags, ['--heap-growing-percent=30'], 'still the audit pace while the first pass runs');
    assert.equal(auditHeapPaced(), true);
    endFirst();
    await first;
    assert.deepEqual(flags, ['--heap-growing-percent=30', '--heap-growing-percent=0']);
    assert.equal(auditHeapPaced(), false);
  });
});
