import { MATURITIES, type ContactPerson, type EditableFields } from '../../../protocol';
import { MUNICIPALITIES } from '../../domain/municipalities';
import { t, tLabel } from '../../i18n';
import { FieldGroup, FormActions, SelectField, TextAreaField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export type CommunityValues = EditableFields<'communities'>;

export const EMPTY_COMMUNITY: CommunityValues = {
  name: '', municipality: '', parish: '', description: '', maturity: 'emerging', contacts: [],
};

export interface CommunityFormProps {
  initial: CommunityValues;
  parishSuggestions: readonly string[];
  onSave: (values: CommunityValues) => Promise<SaveFailure | null>;
  onCancel: () => void;
}

const EMPTY_CONTACT: ContactPerson = { name: '', phone: '', email: '', role: '' };

/** Create or edit a community. Errors appear beside their fields; what was typed stays. */
export function CommunityForm({ initial, parishSuggestions, onSave, onCancel }: CommunityFormProps) {
  const { values, set, field, failure, fieldError, saving, submit } = useEditForm(initial);
  const setContact = (index: number, patch: Partial<ContactPerson>) =>
    set('contacts', values.contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const municipalityOptions = MUNICIPALITIES.map((m) => ({ value: m.code, label: m.name }));

  return (
    <form noValidate onSubmit={async (event) => {
      event.preventDefault();
      await submit(() => onSave(values));
    }}>
      <TextField label={t('community.name')} {...field('name')} required autoComplete="off" />
      <div class="form-grid">
        <SelectField label={t('community.municipality')} {...field('municipality')} options={municipalityOptions}
          placeholder={t('community.municipalityPlaceholder')} required />
        <TextField label={t('community.parish')} {...field('parish')}
          hint={t('community.parishHint')} suggestions={parishSuggestions} autoComplete="off" />
      </div>
      <SelectField label={t('community.maturity')} {...field('maturity')}
        options={MATURITIES.map((m) => ({ value: m, label: tLabel('maturity', m) }))} />
      <TextAreaField label={t('community.description')} {...field('description')} />

      <FieldGroup legend={t('community.contacts')}>
        {values.contacts.map((contact, index) => (
          <FieldGroup key={index} legend={t('community.contactN', { n: index + 1 })}>
            <div class="form-grid">
              <TextField label={t('community.contactName')} value={contact.name} onValue={(v) => setContact(index, { name: v })} error={fieldError(`contacts.${index}.name`)} autoComplete="off" />
              <TextField label={t('community.contactRole')} value={contact.role} onValue={(v) => setContact(index, { role: v })} error={fieldError(`contacts.${index}.role`)} />
              <TextField label={t('community.contactPhone')} type="tel" value={contact.phone} onValue={(v) => setContact(index, { phone: v })} error={fieldError(`contacts.${index}.phone`)} />
              <TextField label={t('community.contactEmail')} type="email" value={contact.email} onValue={(v) => setContact(index, { email: v })} error={fieldError(`contacts.${index}.email`)} />
            </div>
            <button type="button" class="button button--danger" onClick={() => set('contacts', values.contacts.filter((_, i) => i !== index))}>
              {t('community.removeContact', { n: index + 1 })}
            </button>
          </FieldGroup>
        ))}
        <button type="button" class="button" onClick={() => set('contacts', [...values.contacts, EMPTY_CONTACT])}>+ {t('community.addContact')}</button>
      </FieldGroup>

      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}
