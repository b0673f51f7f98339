import { describe, expect, it } from 'vitest';
import { foldName, normalisePhone, pairKey, suggestDuplicates, type PersonForMatching } from './duplicates';

const person = (id: string, name: string, more: Partial<PersonForMatching> = {}): PersonForMatching => ({
  id, name, phone: '', email: '', household: '', ...more,
});

describe('matching keys', () => {
  it('folds case, diacritics and word order, but keeps gendered surnames apart', () => {
    expect(foldName('Bērziņa')).toBe(foldName('berzina'));
    expect(foldName('Anna  Bērziņa')).toBe(foldName('BĒRZIŅA anna'));
    expect(foldName('Jānis Bērziņš')).not.toBe(foldName('Jānis Bērziņa'));
  });

  it('reads Latvian phone numbers in every usual format as eight digits', () => {
    for (const phone of ['+371 2000 0000', '20000000', '00371 20000000', '2000-0000', '(+371) 20 000 000']) expect(normalisePhone(phone)).toBe('20000000');
    expect(normalisePhone('')).toBe('');
  });
});

describe('suggestDuplicates', () => {
  it('suggests the same folded name with the same phone, saying why', () => {
    const found = suggestDuplicates([person('p1', 'Anna Bērziņa', { phone: '+371 2000 0000' }), person('p2', 'anna berzina', { phone: '20000000' })]);
    expect(found).toEqual([{ a: 'p1', b: 'p2', reasons: ['phone'] }]);
  });

  it('does not suggest a shared name alone, nor the same phone under another name', () => {
    expect(suggestDuplicates([person('p1', 'Jānis Bērziņš'), person('p2', 'Jānis Bērziņš')])).toEqual([]);
    expect(suggestDuplicates([person('p1', 'Jānis Bērziņš', { phone: '20000000' }), person('p2', 'Jānis Bērziņa', { phone: '20000000' })])).toEqual([]);
  });

  it('suggests the same name checked in at one event from two tablets, and a household match', () => {
    const people = [person('w1', 'Ilze Kalna'), person('w2', 'ilze kalna'), person('h1', 'Pēteris Ozols', { household: 'Ozoli' }), person('h2', 'Peteris Ozols', { household: 'ozoli ' })];
    const found = suggestDuplicates(people, [['w1', 'w2', 'h1']]);
    expect(found).toEqual([{ a: 'w1', b: 'w2', reasons: ['sameEvent'] }, { a: 'h1', b: 'h2', reasons: ['household'] }]);
  });

  it('puts the strongest pairs first and leaves out merged, erased and dismissed people', () => {
    const people = [
      person('a1', 'Līga Ozoliņa', { household: 'Liepas' }), person('a2', 'Līga Ozoliņa', { household: 'Liepas' }),
      person('b1', 'Ģirts Ķēniņš', { phone: '29111111', email: 'girts@example.lv' }), person('b2', 'Girts Kenins', { phone: '+37129111111', email: 'Girts@Example.lv' }),
      person('c1', 'Aija Zariņa', { phone: '26000000' }), person('c2', 'Aija Zariņa', { phone: '26000000', mergedInto: 'c1' }),
      person('d1', 'Rita Lāce', { phone: '26000001' }), person('d2', 'Rita Lāce', { phone: '26000001', erased: true }),
      person('e1', 'Ints Vītols', { phone: '26000002' }), person('e2', 'Ints Vītols', { phone: '26000002' }),
    ];
    const found = suggestDuplicates(people, [], new Set([pairKey('e2', 'e1')]));
    expect(found).toEqual([{ a: 'b1', b: 'b2', reasons: ['phone', 'email'] }, { a: 'a1', b: 'a2', reasons: ['household'] }]);
  });
});
