import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldText, searchIndex } from './search';

describe('foldText', () => {
  it('drops Latvian diacritics and case', () => {
    expect(foldText('Bērziņš')).toBe('berzins');
    expect(foldText('ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž')).toBe('acegiklnsuz acegiklnsuz');
  });
});

describe('searchIndex', () => {
  const people = ['Jānis Bērziņš', 'Anna Ozoliņa', 'Pēteris Kalniņš', 'Ilze Bērziņa'];
  const index = buildSearchIndex(people, (name) => name);

  it('finds names typed without diacritics', () => {
    expect(searchIndex(index, 'berzins')).toEqual(['Jānis Bērziņš']);
    expect(searchIndex(index, 'ozolina')).toEqual(['Anna Ozoliņa']);
  });

  it('matches every word anywhere, in any case', () => {
    expect(searchIndex(index, 'BERZ')).toEqual(['Jānis Bērziņš', 'Ilze Bērziņa']);
    expect(searchIndex(index, 'ilze berz')).toEqual(['Ilze Bērziņa']);
  });

  it('an empty query lists everyone, up to the limit', () => {
    expect(searchIndex(index, '  ', 2)).toEqual(['Jānis Bērziņš', 'Anna Ozoliņa']);
  });

  it('typing with diacritics finds the same', () => {
    expect(searchIndex(index, 'Kalniņš')).toEqual(['Pēteris Kalniņš']);
  });
});
