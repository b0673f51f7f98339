import { describe, expect, it } from 'vitest';
import { createLatestWriter, type WriterStatus } from './latest-writer';

/** A write that finishes only when the test says so. */
function controlledWrites() {
  const started: string[] = [];
  const finishers: Array<(failure?: Error) => void> = [];
  const write = (value: string) => new Promise<void>((resolve, reject) => {
    started.push(value);
    finishers.push((failure) => (failure ? reject(failure) : resolve()));
  });
  const finishNext = async (failure?: Error) => {
    finishers.shift()!(failure);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { started, write, finishNext };
}

describe('createLatestWriter', () => {
  it('runs one write at a time and the next one stores the newest value', async () => {
    const { started, write, finishNext } = controlledWrites();
    const writer = createLatestWriter(write);
    void writer.push('a');
    await Promise.resolve();
    void writer.push('ab');
    void writer.push('abc');
    await Promise.resolve();
    expect(started).toEqual(['a']);
    await finishNext();
    expect(started).toEqual(['a', 'abc']);
    const done = writer.push('abcd');
    await finishNext();
    expect(started).toEqual(['a', 'abc', 'abcd']);
    await finishNext();
    await done;
    expect(started.at(-1)).toBe('abcd');
  });

  it('reports saving until the queue is empty, and a failure until a write succeeds', async () => {
    const { write, finishNext } = controlledWrites();
    const statuses: WriterStatus[] = [];
    const writer = createLatestWriter(write, (status) => statuses.push(status));
    const failure = new Error('disk full');
    void writer.push('a');
    await Promise.resolve();
    await finishNext(failure);
    expect(statuses.at(-1)).toEqual({ saving: false, error: failure });
    void writer.push('ab');
    expect(statuses.at(-1)).toEqual({ saving: true, error: failure });
    await Promise.resolve();
    await finishNext();
    expect(statuses.at(-1)).toEqual({ saving: false, error: null });
  });
});
