import { useId } from 'preact/hooks';
import { MATURITIES } from '../../../protocol';
import { municipalityName } from '../../domain/municipalities';
import { NO_FILTERS, hasAnyFilter, isReversedRange, type OverviewFilters } from '../../domain/overview-filters';
import { t, tLabel } from '../../i18n';
import { SelectField, TextField } from '../components/fields';

export interface FilterBarProps {
  filters: OverviewFilters;
  /** Municipality codes of the organisation's communities. */
  municipalities: readonly string[];
  /** The organisation's programmes, by id. */
  programmes: readonly { value: string; label: string }[];
  onChange: (filters: OverviewFilters) => void;
}

/** Keeps a chosen value in the list even if no record has it (a bookmark from another device). */
function withChosen(values: readonly string[], chosen: string): string[] {
  return chosen === '' || values.includes(chosen) ? [...values] : [...values, chosen];
}

/** The overview's filters as labelled controls; every change goes straight into the URL. */
export function FilterBar({ filters, municipalities, programmes, onChange }: FilterBarProps) {
  const hintId = useId();
  const set = (patch: Partial<OverviewFilters>) => onChange({ ...filters, ...patch });
  const municipalityOptions = withChosen(municipalities, filters.municipality)
    .map((code) => ({ value: code, label: municipalityName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'lv'));
  const reversed = isReversedRange(filters);

  return (
    <form class="card overview-filters" aria-labelledby={`${hintId}-title`} onSubmit={(event) => event.preventDefault()}>
      <h2 id={`${hintId}-title`} class="overview-filters__title">{t('overview.filters')}</h2>
      <div class="overview-filters__grid">
        <SelectField label={t('overview.filter.municipality')} value={filters.municipality}
          options={[{ value: '', label: t('overview.filter.allMunicipalities') }, ...municipalityOptions]}
          onValue={(municipality) => set({ municipality })} />
        <SelectField label={t('overview.filter.programme')} value={filters.programme}
          options={[{ value: '', label: t('overview.filter.allProgrammes') },
            ...programmes,
            // A bookmark of a programme this device does not hold (or deleted since) still shows what it asks for.
            ...(filters.programme === '' || programmes.some((programme) => programme.value === filters.programme)
              ? [] : [{ value: filters.programme, label: t('overview.filter.unknownProgramme') }])]}
          onValue={(programme) => set({ programme })} />
        <SelectField label={t('overview.filter.maturity')} value={filters.maturity}
          options={[{ value: '' as const, label: t('overview.filter.allMaturities') },
            ...MATURITIES.map((maturity) => ({ value: maturity, label: tLabel('maturity', maturity) }))]}
          onValue={(maturity) => set({ maturity })} />
        <TextField type="date" label={t('overview.filter.from')} value={filters.from} max={filters.to || undefined}
          onValue={(from) => set({ from })} />
        <TextField type="date" label={t('overview.filter.to')} value={filters.to} min={filters.from || undefined}
          onValue={(to) => set({ to })} error={reversed ? t('overview.filter.reversed') : undefined} />
      </div>
      <div class="overview-filters__footer">
        <p class="field__hint" id={hintId}>{t('overview.filter.periodHint')}</p>
        {hasAnyFilter(filters) && (
          <button type="button" class="button" onClick={() => onChange(NO_FILTERS)}>
            {t('overview.filter.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
