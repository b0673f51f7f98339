// A workshop that happened counts as held: its date has
// passed and people were checked in, so after a season of work the overview
// does not show zero held workshops because nobody changed the status. It is
// offered to be marked "held" (the workshop page's button, the list's hint);
// until then the overview counts it as held all the same, unless cancelled.

export interface HeldInput {
  status: 'planned' | 'held' | 'cancelled';
  /** `YYYY-MM-DD` */
  date: string;
}

/** Whether the workshop counts as held: marked so, or past with check-ins and not cancelled. */
export function countsAsHeld(workshop: HeldInput, today: string, checkIns: number): boolean {
  if (workshop.status === 'held') return true;
  return workshop.status === 'planned' && workshop.date < today && checkIns > 0;
}

/** Whether to offer marking it "held": still planned, its day gone, and people came. */
export function offerToMarkHeld(workshop: HeldInput, today: string, checkIns: number): boolean {
  return workshop.status === 'planned' && workshop.date < today && checkIns > 0;
}
