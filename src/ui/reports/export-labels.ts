// Column headers and value labels of the exports in the interface's language.
import type { ListLabels } from '../../domain/export-lists';
import type { ParticipantLabels } from '../../domain/export-rows';
import { t, tLabel } from '../../i18n';

export function participantLabels(): ParticipantLabels {
  return {
    sheetParticipants: t('reports.sheet.participants'),
    sheetAttendance: t('reports.sheet.attendance'),
    sheetWorkshops: t('reports.sheet.workshops'),
    sheetSummary: t('reports.sheet.summary'),
    number: t('reports.col.number'),
    name: t('reports.col.name'),
    community: t('reports.col.community'),
    household: t('reports.col.household'),
    role: t('reports.col.role'),
    phone: t('reports.col.phone'),
    email: t('reports.col.email'),
    consentData: t('reports.col.consentData'),
    consentPhotos: t('reports.col.consentPhotos'),
    consentDate: t('reports.col.consentDate'),
    attendedCount: t('reports.col.attendedCount'),
    attendedWorkshops: t('reports.col.attendedWorkshops'),
    checkedInAt: t('reports.col.checkedInAt'),
    date: t('reports.col.date'),
    workshop: t('reports.col.workshop'),
    place: t('reports.col.place'),
    facilitators: t('reports.col.facilitators'),
    participantCount: t('reports.col.participantCount'),
    yes: t('reports.yes'),
    no: t('reports.no'),
    erasedName: t('privacy.erasedName'),
    roleLabel: (role) => tLabel('role', role),
  };
}

export function listLabels(): ListLabels {
  return {
    sheetNeeds: t('reports.sheet.needs'),
    sheetResources: t('reports.sheet.resources'),
    sheetActions: t('reports.sheet.actions'),
    community: t('reports.col.community'),
    title: t('reports.col.need'),
    description: t('reports.col.description'),
    category: t('reports.col.category'),
    status: t('reports.col.status'),
    owner: t('reports.col.owner'),
    raisedAt: t('reports.col.raisedAt'),
    votes: t('reports.col.votes'),
    kind: t('reports.col.kind'),
    name: t('reports.col.resource'),
    contact: t('reports.col.contact'),
    availability: t('reports.col.availability'),
    helpsWith: t('reports.col.helpsWith'),
    what: t('reports.col.what'),
    need: t('reports.col.need'),
    who: t('reports.col.who'),
    due: t('reports.col.due'),
    budget: t('reports.col.budget'),
    total: t('reports.col.total'),
    value: (group, value) => tLabel(group, value),
  };
}
