import type { Translations } from '../../types';
import type { lv } from '../consent';

// English strings of consent at the door and of the consent text's versions; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'consent.stepTitle': 'Consent: {name}',
  'consent.stepIntro': 'No consent is recorded for this person yet. Read out or show the text, and tick each answer separately.',
  'consent.text': 'Consent text',
  'consent.version': 'Version {version}, in force from {date}',
  'consent.answers': 'Answers',
  'consent.answerData': 'I agree that my data is kept',
  'consent.answerPhotos': 'I agree to be photographed',
  'consent.answersHint': 'Left unticked means “I do not agree”.',
  'consent.saveAndCheckIn': 'Save the answers and check in',
  'consent.later': 'Check in, ask later',
  'consent.missing': 'No consent recorded',
  'consent.missingCount': {
    one: 'No consent recorded for {count} person present',
    other: 'No consent recorded for {count} people present',
  },
  'consent.recordedOn': '{date}, version {version}',
  'consent.settingsHeading': 'Consent text',
  'consent.settingsHint': 'An edited text becomes a new version. Earlier versions stay as they were, since earlier consents were given to them.',
  'consent.current': 'In force now: version {version}, from {date}',
  'consent.shipped': 'Talka’s original text',
  'consent.fieldLv': 'Text in Latvian',
  'consent.fieldEn': 'Text in English',
  'consent.fieldEnHint': 'Left empty, the Latvian text is shown in English too.',
  'consent.fieldFrom': 'In force from',
  'consent.saveVersion': 'Save as a new version',
  'consent.saved': 'Version {version} saved.',
  'consent.unchanged': 'The text has not changed: no new version is needed.',
  'consent.lvRequired': 'Type the text in Latvian.',
  'consent.history': 'All versions',
  'consent.onlyCoordinators': 'Only a coordinator may edit the consent text.',
};
