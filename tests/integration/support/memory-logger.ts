// A server logger whose JSON lines land in memory, for tests that read the log.
import { Writable } from 'node:stream';
import { createLogger } from '../../../server/http/request-log';

export function memoryLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger(sink),
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => { lines.length = 0; },
  };
}
