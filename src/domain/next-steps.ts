// Next steps agreed at mentors' visits that are overdue or due soon: the home screen's list for the
// mentor who agreed them and for coordinators (docs/protocol.md, Records: visits).
import type { NextStep } from '../../protocol';
import { addDays } from './measures';

export interface DueStep {
  visitId: string;
  communityId: string;
  mentorId: string;
  step: NextStep;
  overdue: boolean;
}

interface VisitLike { id: string; communityId: string; mentorId: string; deleted: boolean; nextSteps: readonly NextStep[] }

/**
 * Open steps with a due day before or within `soonDays` of today, overdue first then by day. `mentorId`
 * narrows to one mentor's visits (null: everyone's, as a coordinator sees them).
 */
export function dueSteps(visits: readonly VisitLike[], today: string, mentorId: string | null, soonDays = 7): DueStep[] {
  const last = addDays(today, soonDays);
  const due: DueStep[] = [];
  for (const visit of visits) {
    if (visit.deleted || (mentorId !== null && visit.mentorId !== mentorId)) continue;
    for (const step of visit.nextSteps) {
      if (step.done || step.due === '' || step.due > last) continue;
      due.push({ visitId: visit.id, communityId: visit.communityId, mentorId: visit.mentorId, step, overdue: step.due < today });
    }
  }
  return due.sort((a, b) => (a.step.due < b.step.due ? -1 : a.step.due > b.step.due ? 1 : a.step.what.localeCompare(b.step.what, 'lv')));
}
