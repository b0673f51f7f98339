// The server's own hybrid logical clock: it clamps incoming clocks, folds in
// every clock it accepts, and stamps the conflict records the server writes.
// Several server processes may share one database, so each clock has its own
// device id ("server-" and random hex): two servers never stamp the same clock.
import { randomBytes } from 'node:crypto';
import { clampHlc, formatHlc, initialClock, receive, tick, type ClockState, type Hlc } from '../../protocol/hlc';

/** A new id for one server process's clock. */
export function newServerDeviceId(): string {
  return `server-${randomBytes(6).toString('hex')}`;
}

export class ServerClock {
  private state: ClockState;

  constructor(
    private readonly now: () => number,
    readonly deviceId: string = newServerDeviceId(),
  ) {
    this.state = initialClock(deviceId);
  }

  /**
   * A clock more than a day ahead of the server's is replaced by the server's
   * (writer's device id kept); the accepted clock is folded in so the server's
   * next clock is later than it.
   */
  accept(clock: Hlc): Hlc {
    this.state = tick(this.state, this.now());
    const accepted = clampHlc(clock, this.state);
    this.state = receive(this.state, accepted, this.now());
    return accepted;
  }

  /** A new server event, later than every clock accepted so far. */
  next(): Hlc {
    this.state = tick(this.state, this.now());
    return formatHlc(this.state);
  }
}
