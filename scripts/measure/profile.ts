// Summarises a V8 CPU profile (Chrome DevTools Protocol `Profiler.stop`):
// where the page's main thread spent its time, by function, and how much of
// it the thread was idle (waiting on IndexedDB or the network, which run
// outside it).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  gcMs: number;
  programMs: number;
  top: { name: string; selfMs: number }[];
}

function shortUrl(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return path.split('/').pop() ?? path;
}

export function summariseProfile(profile: CpuProfile, topCount = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each delta is the time before a sample; attribute it to the next sample's node.
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + ms);
  }
  const byName = new Map<string, number>();
  let idleMs = 0;
  let gcMs = 0;
  let programMs = 0;
  for (const [id, ms] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === '(idle)') idleMs += ms;
    else if (frame.functionName === '(garbage collector)') gcMs += ms;
    else if (frame.functionName === '(program)') programMs += ms;
    const name = frame.url
      ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : frame.functionName;
    byName.set(name, (byName.get(name) ?? 0) + ms);
  }
  const top = [...byName].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, topCount);
  return { totalMs: (profile.endTime - profile.startTime) / 1000, idleMs, gcMs, programMs, top };
}

/** A CPU profile as CDP hands it over (only what summariseProfile reads is checked). */
export function isCpuProfile(value: unknown): value is CpuProfile {
  if (typeof value !== 'object' || value === null) return false;
  return 'nodes' in value && Array.isArray(value.nodes) && 'startTime' in value && typeof value.startTime === 'number'
    && 'endTime' in value && typeof value.endTime === 'number';
}
