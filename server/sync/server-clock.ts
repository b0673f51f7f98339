// The server's own hybrid logical clock (device id "server"): it clamps
// incoming clocks, folds in every clock it accepts, and stamps the conflict
// records the server writes.
import { clampHlc, formatHlc, initialClock, receive, tick, type ClockState, type Hlc } from '../../protocol/hlc';

export const SERVER_DEVICE_ID = 'server';

export class ServerClock {
  private state: ClockState = initialClock(SERVER_DEVICE_ID);

  constructor(private readonly now: () => number) {}

  /**
   * A clock more than a day ahead of the server's is replaced by the
   * server's (writer's device id kept); the accepted clock is folded in so the
   * server's next clock is later than it.
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
