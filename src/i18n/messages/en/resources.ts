import type { Translations } from '../../types';
import type { lv } from '../resources';

// English strings of the resources screens; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'resources.title': 'Resources',
  'resources.intro': "The community's asset map: the people, places, things and money it can build on.",
  'resources.new': 'New resource',
  'resources.addKind': 'Add: {kind}',
  'resources.edit': 'Edit resource',
  'resources.kind': 'Kind',
  'resources.name': 'Name',
  'resources.description': 'Description',
  'resources.contact': 'Contact',
  'resources.contactHint': 'Phone, email or where to ask',
  'resources.availability': 'Availability',
  'resources.availabilityHint': 'For example: evenings, in summer, by arrangement',
  'resources.needs': 'Which needs it helps with',
  'resources.noNeeds': 'The community has no needs written down yet.',
  'resources.helps': 'Helps with',
  'resources.empty': 'No resources yet. Start with what the community already has!',
  'resources.kindEmpty': 'None yet.',
  'resources.count': { one: '{count} resource', other: '{count} resources' },
  'resources.toNeeds': 'Needs',
};
