// Writes a value that changes faster than it can be stored (notes typed
// keystroke by keystroke): one write at a time, in order, and the value a
// write stores is the newest one when it starts, so the last keystroke always
// lands last and nothing older can overwrite it.

export interface WriterStatus {
  /** A write is running or waiting. */
  saving: boolean;
  /** The last write's failure, or null once a write succeeds. */
  error: unknown;
}

export interface LatestWriter<T> {
  /** Schedules `value`; resolves when it (or a newer value) has been written or has failed. */
  push(value: T): Promise<void>;
}

export function createLatestWriter<T>(
  write: (value: T) => Promise<void>,
  onStatus: (status: WriterStatus) => void = () => {},
): LatestWriter<T> {
  let chain: Promise<void> = Promise.resolve();
  let latest: T;
  // A write waiting behind the running one picks up every value pushed until it starts.
  let waiting = false;
  let unfinished = 0;
  let error: unknown = null;

  const writeLatest = async () => {
    waiting = false;
    try {
      await write(latest);
      error = null;
    } catch (failure) {
      error = failure;
    }
  };

  return {
    push(value) {
      latest = value;
      if (!waiting) {
        waiting = true;
        unfinished++;
        onStatus({ saving: true, error });
        chain = chain.then(writeLatest).then(() => {
          unfinished--;
          onStatus({ saving: unfinished > 0, error });
        });
      }
      return chain;
    },
  };
}
