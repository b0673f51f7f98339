import { describe, expect, it } from 'vitest';
import { describeDeletion } from './describe-deletion';

describe('the delete dialog says what goes with it, each count in its Latvian plural form', () => {
  it('names a community with its events, people, needs and photos', () => {
    expect(describeDeletion('community', { workshops: 4, participants: 37, needs: 12, photos: 9 }))
      .toBe('Kopiena un 4 pasākumi, 37 dalībnieki, 12 vajadzību, 9 foto');
  });

  it('uses the singular for 1 and 21, the genitive for 10–20 and 30', () => {
    expect(describeDeletion('community', { workshops: 1, participants: 21, needs: 1 })).toBe('Kopiena un 1 pasākums, 21 dalībnieks, 1 vajadzība');
    expect(describeDeletion('community', { workshops: 11, participants: 30 })).toBe('Kopiena un 11 pasākumu, 30 dalībnieku');
  });

  it('an event with its photos and check-ins; alone when nothing goes with it', () => {
    expect(describeDeletion('workshop', { photos: 3, attendance: 14 })).toBe('Pasākums un 3 foto, 14 reģistrāciju');
    expect(describeDeletion('workshop', { attendance: 2 })).toBe('Pasākums un 2 reģistrācijas');
    expect(describeDeletion('community', {})).toBe('Kopiena');
  });
});
