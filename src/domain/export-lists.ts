// The community's lists as spreadsheets: needs with their dots and status,
// the asset map, and the action plan with its budget.
import type { ActionStatus, NeedCategory, NeedStatus, ResourceKind } from '../../protocol';
import { column, type ExportTable } from './export-table';
import { alive } from './live-records';

interface Alive {
  id: string;
  deleted: boolean;
}

export interface NeedRecord extends Alive {
  communityId: string;
  workshopId: string | null;
  title: string;
  description: string;
  category: NeedCategory;
  status: NeedStatus;
  owner: string;
}

export interface ResourceRecord extends Alive {
  communityId: string;
  kind: ResourceKind;
  name: string;
  description: string;
  contact: string;
  availability: string;
  needIds: readonly string[];
}

export interface ActionRecord extends Alive {
  communityId: string;
  needId: string | null;
  what: string;
  who: string;
  due: string;
  budgetCents: number;
  status: ActionStatus;
}

export interface ListExportInput {
  communities: readonly { id: string; name: string }[];
  workshops: readonly (Alive & { title: string; date: string })[];
  needs: readonly NeedRecord[];
  votes: readonly { needId: string; deleted: boolean }[];
  resources: readonly ResourceRecord[];
  actions: readonly ActionRecord[];
}

export interface ListLabels {
  sheetNeeds: string;
  sheetResources: string;
  sheetActions: string;
  community: string;
  title: string;
  description: string;
  category: string;
  status: string;
  owner: string;
  raisedAt: string;
  votes: string;
  kind: string;
  name: string;
  contact: string;
  availability: string;
  helpsWith: string;
  what: string;
  need: string;
  who: string;
  due: string;
  budget: string;
  total: string;
  value: (group: 'needCategory' | 'needStatus' | 'resourceKind' | 'actionStatus', value: string) => string;
}

const collator = new Intl.Collator('lv');

function namesById(rows: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Needs by community, the most dots first: the order a funder reads priorities in. */
export function needsTable(input: ListExportInput, labels: ListLabels): ExportTable {
  const communities = namesById(input.communities);
  const workshops = new Map(input.workshops.map((w) => [w.id, w]));
  const dots = new Map<string, number>();
  for (const vote of input.votes) if (!vote.deleted) dots.set(vote.needId, (dots.get(vote.needId) ?? 0) + 1);
  const needs = alive(input.needs).sort((a, b) =>
    collator.compare(communities.get(a.communityId) ?? '', communities.get(b.communityId) ?? '')
    || (dots.get(b.id) ?? 0) - (dots.get(a.id) ?? 0) || collator.compare(a.title, b.title));
  return {
    sheet: labels.sheetNeeds,
    columns: [
      column(labels.community, 'text', 20), column(labels.title, 'text', 32), column(labels.description, 'text', 40),
      column(labels.category, 'text', 16), column(labels.status, 'text', 14), column(labels.votes, 'number', 8),
      column(labels.owner, 'text', 18), column(labels.raisedAt, 'text', 30),
    ],
    rows: needs.map((need) => {
      const raisedAt = need.workshopId ? workshops.get(need.workshopId) : undefined;
      return [
        communities.get(need.communityId) ?? '', need.title, need.description, labels.value('needCategory', need.category),
        labels.value('needStatus', need.status), dots.get(need.id) ?? 0, need.owner,
        raisedAt && !raisedAt.deleted ? `${raisedAt.date} ${raisedAt.title}` : '',
      ];
    }),
  };
}

/** The asset map by community and kind, with the needs each resource helps with. */
export function resourcesTable(input: ListExportInput, labels: ListLabels): ExportTable {
  const communities = namesById(input.communities);
  const needTitles = new Map(alive(input.needs).map((need) => [need.id, need.title]));
  const resources = alive(input.resources).sort((a, b) =>
    collator.compare(communities.get(a.communityId) ?? '', communities.get(b.communityId) ?? '')
    || collator.compare(labels.value('resourceKind', a.kind), labels.value('resourceKind', b.kind)) || collator.compare(a.name, b.name));
  return {
    sheet: labels.sheetResources,
    columns: [
      column(labels.community, 'text', 20), column(labels.kind, 'text', 18), column(labels.name, 'text', 26),
      column(labels.description, 'text', 40), column(labels.contact, 'text', 22), column(labels.availability, 'text', 18),
      column(labels.helpsWith, 'text', 36),
    ],
    rows: resources.map((resource) => [
      communities.get(resource.communityId) ?? '', labels.value('resourceKind', resource.kind), resource.name, resource.description,
      resource.contact, resource.availability,
      [...new Set(resource.needIds)].map((id) => needTitles.get(id)).filter((title): title is string => !!title).join('; '),
    ]),
  };
}

/** The action plan by community and due date, budgets in euro, with a total that leaves dropped actions out. */
export function actionsTable(input: ListExportInput, labels: ListLabels): ExportTable {
  const communities = namesById(input.communities);
  const needTitles = new Map(alive(input.needs).map((need) => [need.id, need.title]));
  const actions = alive(input.actions).sort((a, b) =>
    collator.compare(communities.get(a.communityId) ?? '', communities.get(b.communityId) ?? '')
    || (a.due || '9999').localeCompare(b.due || '9999') || collator.compare(a.what, b.what));
  const totalCents = actions.filter((a) => a.status !== 'dropped').reduce((sum, a) => sum + a.budgetCents, 0);
  return {
    sheet: labels.sheetActions,
    columns: [
      column(labels.community, 'text', 20), column(labels.what, 'text', 32), column(labels.need, 'text', 28),
      column(labels.who, 'text', 18), column(labels.due, 'day', 12), column(labels.budget, 'euro', 12), column(labels.status, 'text', 14),
    ],
    rows: [
      ...actions.map((action) => [
        communities.get(action.communityId) ?? '', action.what, action.needId ? needTitles.get(action.needId) ?? '' : '',
        action.who, action.due, action.budgetCents / 100, labels.value('actionStatus', action.status),
      ]),
      ['', labels.total, '', '', '', totalCents / 100, ''],
    ],
  };
}

export interface SpendingRecord extends Alive {
  communityId: string;
  actionId: string;
  date: string;
  amountCents: number;
  what: string;
  supplier: string;
}

/** What the spending sheet reads besides the lists: the lines and how many receipt photos each has. */
export interface SpendingExportInput extends ListExportInput {
  spending: readonly SpendingRecord[];
  /** Spending line id → its live receipt photos. */
  receiptCounts: ReadonlyMap<string, number>;
}

export interface SpendingLabels {
  sheet: string;
  community: string;
  action: string;
  date: string;
  what: string;
  supplier: string;
  amount: string;
  receipts: string;
  total: string;
}

/** Every spending line by community, action and date, amounts in euro, with the receipt photos counted and a total. */
export function spendingTable(input: SpendingExportInput, labels: SpendingLabels): ExportTable {
  const communities = namesById(input.communities);
  const actions = new Map(input.actions.map((action) => [action.id, action.what]));
  const lines = alive(input.spending).sort((a, b) =>
    collator.compare(communities.get(a.communityId) ?? '', communities.get(b.communityId) ?? '')
    || collator.compare(actions.get(a.actionId) ?? '', actions.get(b.actionId) ?? '') || a.date.localeCompare(b.date) || collator.compare(a.what, b.what));
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  return {
    sheet: labels.sheet,
    columns: [
      column(labels.community, 'text', 20), column(labels.action, 'text', 28), column(labels.date, 'day', 12), column(labels.what, 'text', 28),
      column(labels.supplier, 'text', 20), column(labels.amount, 'euro', 12), column(labels.receipts, 'number', 10),
    ],
    rows: [
      ...lines.map((line) => [
        communities.get(line.communityId) ?? '', actions.get(line.actionId) ?? '', line.date, line.what, line.supplier, line.amountCents / 100,
        input.receiptCounts.get(line.id) ?? 0,
      ]),
      ['', labels.total, '', '', '', totalCents / 100, ''],
    ],
  };
}
