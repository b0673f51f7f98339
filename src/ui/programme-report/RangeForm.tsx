import { formatDay, t } from '../../i18n';
import { SelectField, TextField } from '../components/fields';
import { monthRange, type RangeProblem } from './range';
import type { ReportRange } from './use-programme-report';

export interface RangeFormProps {
  programme: { start: string; end: string };
  range: ReportRange;
  problem: RangeProblem;
  /** Months with the programme's events (`YYYY-MM`). */
  months: readonly string[];
  /** `YYYY`: the year of "this year". */
  year: string;
  onRange: (range: ReportRange) => void;
}

type Quick = 'whole' | 'year' | `month:${string}`;

/** From and to, and quick choices: the whole programme, this year, or a month with events. */
export function RangeForm({ programme, range, problem, months, year, onRange }: RangeFormProps) {
  const choices: { value: Quick; range: ReportRange; label: string }[] = [
    { value: 'whole', range: { from: programme.start, to: programme.end }, label: t('programmeReport.quickWhole') },
    { value: 'year', range: { from: `${year}-01-01`, to: `${year}-12-31` }, label: t('programmeReport.quickYear') },
    ...months.map((month) => ({
      value: `month:${month}` as const, range: monthRange(month), label: formatDay(`${month}-01`, { year: 'numeric', month: 'long' }),
    })),
  ];
  const chosen = choices.find((choice) => choice.range.from === range.from && choice.range.to === range.to)?.value ?? '';
  const error = problem === 'order' ? t('programmeReport.rangeInvalid') : problem === 'day' ? t('programmeReport.dayInvalid') : undefined;
  return (
    <form class="card report-range no-print" aria-labelledby="report-range-title" onSubmit={(event) => event.preventDefault()}>
      <h2 id="report-range-title">{t('programmeReport.range')}</h2>
      <div class="report-range__grid">
        <SelectField label={t('programmeReport.quick')} value={chosen} placeholder={t('programmeReport.quickChoose')}
          options={choices.map((choice) => ({ value: choice.value, label: choice.label }))}
          onValue={(value) => {
            const choice = choices.find((one) => one.value === value);
            if (choice) onRange(choice.range);
          }} />
        <TextField label={t('programmeReport.from')} type="date" value={range.from} hint={t('programmeReport.fromHint')}
          error={error} onValue={(from) => onRange({ ...range, from })} />
        <TextField label={t('programmeReport.to')} type="date" value={range.to} hint={t('programmeReport.toHint')}
          onValue={(to) => onRange({ ...range, to })} />
      </div>
    </form>
  );
}
