import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from './ChartFigure';
import { chartHeight, describeChart, wrapLabel, type ChartSpec } from './chart-spec';

const spec = (values: number[]): ChartSpec => ({
  horizontal: true, stacked: false, labelHeader: 'Kategorija', labels: ['Drošība', 'Vide', 'Kultūra'],
  series: [{ label: 'Vajadzības', values, color: '#1f5f4a' }], summaryOrder: 'value',
});

const words = { title: 'T', sentence: (items: string, total: string) => `${items} | ${total}`, empty: 'nav', format: String };

describe('ChartFigure', () => {
  it('always renders the table view, and a canvas labelled with the summary', () => {
    render(<ChartFigure title="Vajadzības pa kategorijām" spec={spec([2, 0, 5])} />);
    const section = screen.getByRole('region', { name: 'Vajadzības pa kategorijām' });
    expect(within(section).getByRole('img').getAttribute('aria-label')).toBe('Vajadzības pa kategorijām. Kultūra 5; Drošība 2. Kopā: 7.');
    const table = within(section).getByRole('table', { name: 'Vajadzības pa kategorijām' });
    expect([...table.querySelectorAll('tbody tr')].map((row) => row.textContent)).toEqual(['Drošība2', 'Vide0', 'Kultūra5']);
    expect(table.querySelector('tfoot')?.textContent).toBe('Kopā7');
  });

  it('draws nothing and says so when every value is zero', () => {
    render(<ChartFigure title="Vajadzības pa kategorijām" spec={spec([0, 0, 0])} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('Atlasē nav datu, ko attēlot.')).toBeTruthy();
  });
});

describe('chart specs', () => {
  it('describe months in their own order and stacked parts beside their total', () => {
    const months: ChartSpec = { ...spec([1, 3, 2]), labels: ['janv.', 'febr.', 'marts'], summaryOrder: 'given' };
    expect(describeChart(months, words)).toBe('janv. 1; febr. 3; marts 2 | 6');
    const stacked: ChartSpec = {
      ...spec([]), stacked: true, labels: ['A', 'B'],
      series: [{ label: 'x', values: [1, 0], color: '#000' }, { label: 'y', values: [2, 4], color: '#000' }],
    };
    expect(describeChart(stacked, words)).toBe('B 4 (y 4); A 3 (x 1, y 2) | 7');
    expect(describeChart(spec([0, 0, 0]), words)).toBe('nav');
  });

  it('grow taller with more bars laid sideways', () => {
    expect(chartHeight(spec([1, 1, 1]))).toBeLessThan(chartHeight({ ...spec([1, 1, 1]), labels: Array.from({ length: 11 }, (_, i) => `${i}`) }));
  });
});

describe('wrapLabel', () => {
  it('breaks a long name at spaces and leaves a short one whole', () => {
    expect(wrapLabel('Ērgļu pagasta iedzīvotāju apvienība', 14)).toEqual(['Ērgļu pagasta', 'iedzīvotāju', 'apvienība']);
    expect(wrapLabel('Lazdonas kopiena', 26)).toBe('Lazdonas kopiena');
    expect(wrapLabel('Pārāksgarsvārdsbezatstarpēm', 10)).toEqual(['Pārāksgarsvārdsbezatstarpēm']);
  });
});
