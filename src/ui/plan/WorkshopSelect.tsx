import { t } from '../../i18n';
import { SelectField } from '../components/fields';

export interface WorkshopSelectProps {
  label: string;
  workshops: readonly { id: string; title: string }[];
  /** null for none. */
  value: string | null;
  onValue: (workshopId: string | null) => void;
  fieldClass?: string;
}

/** Which of the community's workshops a SWOT point was noted at, or none. */
export function WorkshopSelect({ label, workshops, value, onValue, fieldClass }: WorkshopSelectProps) {
  return (
    <SelectField label={label} fieldClass={fieldClass} value={value ?? ''}
      options={[{ value: '', label: t('swotBoard.noWorkshop') }, ...workshops.map((workshop) => ({ value: workshop.id, label: workshop.title }))]}
      onValue={(chosen) => onValue(chosen === '' ? null : chosen)} />
  );
}
