import { describe, expect, it } from 'vitest';
import { TARGET_INDICATORS } from '../../protocol';
import { freeIndicators, isMoneyIndicator, preselectedProgramme, programmeOptions, repeatedIndicators, targetToInput } from './programme';

describe('targets', () => {
  it('offers each indicator once: a row keeps its own, the others are taken', () => {
    const targets = [{ indicator: 'events' as const }, { indicator: 'uniquePeople' as const }];
    expect(freeIndicators(targets)).toHaveLength(TARGET_INDICATORS.length - 2);
    expect(freeIndicators(targets, 'events')).toContain('events');
    expect(freeIndicators(targets, 'events')).not.toContain('uniquePeople');
  });
  it('finds an indicator set twice', () => {
    expect([...repeatedIndicators([{ indicator: 'events' }, { indicator: 'households' }, { indicator: 'events' }])]).toEqual(['events']);
    expect(repeatedIndicators([{ indicator: 'events' }]).size).toBe(0);
  });
  it('money targets are typed in euro', () => {
    expect(isMoneyIndicator('spentCents')).toBe(true);
    expect(isMoneyIndicator('events')).toBe(false);
    expect(targetToInput({ indicator: 'spentCents', target: 125_050, cumulative: true }, (cents) => String(cents / 100))).toEqual({ indicator: 'spentCents', target: '1250.5', cumulative: true });
    expect(targetToInput({ indicator: 'events', target: 14, cumulative: false }, String)).toEqual({ indicator: 'events', target: '14', cumulative: false });
  });
});

describe('choosing a programme', () => {
  const programmes = [
    { id: 'p2', name: 'Kopienu stiprināšana', deleted: false }, { id: 'p1', name: 'Ābeļdārzs', deleted: false }, { id: 'p3', name: 'Beigusies', deleted: true },
  ];
  it('lists live programmes by name in Latvian order', () => {
    expect(programmeOptions(programmes).map((programme) => programme.id)).toEqual(['p1', 'p2']);
  });
  it('starts with the one used last on the device, else the only one, else none', () => {
    const options = programmeOptions(programmes);
    expect(preselectedProgramme(options, 'p2')).toBe('p2');
    expect(preselectedProgramme(options, 'p3')).toBeNull();
    expect(preselectedProgramme(options, null)).toBeNull();
    expect(preselectedProgramme([{ id: 'p1' }], null)).toBe('p1');
    expect(preselectedProgramme([], 'p1')).toBeNull();
  });
});
