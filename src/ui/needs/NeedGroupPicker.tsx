import type { StoredRecord } from '../../db';
import { t } from '../../i18n';
import { SelectField } from '../components/fields';

export interface NeedGroupPickerProps {
  need: StoredRecord<'needs'>;
  /** The community's other needs it may be grouped under. */
  others: readonly StoredRecord<'needs'>[];
  votes: ReadonlyMap<string, number>;
  onGroup: (sameAs: string | null) => void;
}

/** Groups a need under the same need written elsewhere (another workshop, another tablet); each keeps its own card. */
export function NeedGroupPicker({ need, others, votes, onGroup }: NeedGroupPickerProps) {
  const options = [
    { value: '', label: t('needGroup.none') },
    ...others.filter((other) => other.id !== need.id).map((other) => ({ value: other.id, label: t('needGroup.option', { title: other.title, votes: votes.get(other.id) ?? 0 }) })),
  ];
  return (
    <SelectField label={t('needGroup.label')} hint={t('needGroup.hint')} value={need.sameAs ?? ''} options={options}
      onValue={(value) => onGroup(value === '' ? null : value)} />
  );
}
