// Rows for the bench's seeded databases, made as the app's Notebook stores them (fields
// checked by the record schema, a clock per field, ids UUIDv7) and Latvian people to fill them.
// Shared by the device-side entries (device-ops-entry.ts, programme-report-entry.ts).
import * as v from 'valibot';
import { wholeRecord } from '../../testing/fixtures';
import { seededRandom } from '../../testing/seeded-random';
import {
  RECORD_SCHEMAS, formatHlc, initialClock, tick, uuidv7, type ClockState, type Clocks, type EditableFields, type TableName,
} from '../../protocol';
import { TalkaDatabase, type OutboxEntry } from '../../src/db/database';

// ── Deterministic data ─────────────────────────────────────────────────────

/** Seeded: the same community every run. */
export const prng = seededRandom;

const MEN = ['Jānis', 'Andris', 'Māris', 'Pēteris', 'Aivars', 'Edgars', 'Kārlis', 'Juris', 'Raimonds', 'Uldis', 'Gatis', 'Ēriks', 'Oskars', 'Mārtiņš', 'Roberts', 'Valdis', 'Artūrs', 'Guntis', 'Dāvis', 'Rūdolfs'];
const WOMEN = ['Anna', 'Ilze', 'Dace', 'Līga', 'Inese', 'Kristīne', 'Sanita', 'Ieva', 'Zane', 'Laura', 'Māra', 'Baiba', 'Gunta', 'Evita', 'Rūta', 'Elīna', 'Agnese', 'Sarmīte', 'Vija', 'Ārija'];
/** Surnames in their masculine and feminine forms. */
const SURNAMES: readonly (readonly [string, string])[] = [
  ['Bērziņš', 'Bērziņa'], ['Kalniņš', 'Kalniņa'], ['Ozols', 'Ozola'], ['Ozoliņš', 'Ozoliņa'], ['Liepiņš', 'Liepiņa'],
  ['Jansons', 'Jansone'], ['Krūmiņš', 'Krūmiņa'], ['Zariņš', 'Zariņa'], ['Pētersons', 'Pētersone'], ['Vītols', 'Vītola'],
  ['Kļaviņš', 'Kļaviņa'], ['Eglītis', 'Eglīte'], ['Kārkliņš', 'Kārkliņa'], ['Šmits', 'Šmite'], ['Lapiņš', 'Lapiņa'],
  ['Priedītis', 'Priedīte'], ['Āboliņš', 'Āboliņa'], ['Siliņš', 'Siliņa'], ['Cīrulis', 'Cīrule'], ['Lūsis', 'Lūse'],
  ['Dzenis', 'Dzene'], ['Grīnbergs', 'Grīnberga'], ['Sproģis', 'Sproģe'], ['Ločmelis', 'Ločmele'], ['Žagars', 'Žagare'],
  ['Balodis', 'Balode'], ['Vanags', 'Vanaga'], ['Strazdiņš', 'Strazdiņa'], ['Rozenbergs', 'Rozenberga'], ['Celms', 'Celma'],
  ['Kalējs', 'Kalēja'], ['Zvirbulis', 'Zvirbule'], ['Freimanis', 'Freimane'], ['Avotiņš', 'Avotiņa'], ['Dūmiņš', 'Dūmiņa'],
  ['Kronbergs', 'Kronberga'], ['Muižnieks', 'Muižniece'], ['Ziemelis', 'Ziemele'], ['Mednis', 'Medne'], ['Tīrelis', 'Tīrele'],
];
const FARMS = ['Kalnāji', 'Lejasmuižas', 'Priedes', 'Ozoli', 'Bērzkalni', 'Jaunzemji', 'Ābeles', 'Dzirnavas', 'Mežvidi', 'Ezerkrasti', 'Lazdas', 'Rītausmas', 'Sili', 'Ūdri', 'Vecsētas'];
const STREETS = ['Skolas iela', 'Rīgas iela', 'Dārza iela', 'Meža iela', 'Ezera iela', 'Brīvības iela', 'Liepu iela'];
export const NEED_TITLES = [
  'Ielu apgaismojums pie skolas', 'Sporta laukums jauniešiem', 'Autobuss uz novada centru vakarā', 'Bibliotēka sestdienās',
  'Gājēju pāreja pie veikala', 'Kopienas dārzs', 'Senioru pulciņš ziemā', 'Ceļa remonts uz Kalnājiem', 'Peldvieta pie ezera',
  'Velosipēdu novietne pie stacijas', 'Bērnu rotaļu laukums', 'Kultūras nama jumts',
];
export const NEED_DESCRIPTIONS = [
  'Vakaros ceļš līdz pieturai ir tumšs.', 'Vecais laukums ir aizaudzis.', 'Pēdējais reiss ir 17:10, darbā esošie netiek mājās.',
  'Strādājošie var tikt tikai brīvdienās.', 'Mašīnas brauc ātri, pāreja nav iezīmēta.', '',
];

export interface PersonFields {
  name: string;
  household: string;
  phone: string;
  email: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A person of a rural Latvian community: name with diacritics, household, sometimes a phone and an e-mail. */
export function makePerson(random: () => number): PersonFields {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const woman = random() < 0.52;
  const first = pick(woman ? WOMEN : MEN);
  const [male, female] = pick(SURNAMES);
  const surname = woman ? female : male;
  const household = random() < 0.6 ? `“${pick(FARMS)}”` : random() < 0.8 ? `${pick(STREETS)} ${1 + Math.floor(random() * 40)}` : '';
  const digits = () => String(Math.floor(random() * 1000)).padStart(3, '0');
  const phone = random() < 0.7 ? `+371 2${Math.floor(random() * 10)} ${digits()} ${digits()}` : '';
  const email = random() < 0.35 ? `${fold(first)}.${fold(surname)}@inbox.lv` : '';
  return { name: `${first} ${surname}`, household, phone, email };
}

type Row = Record<string, unknown> & { id: string; clocks: Clocks };

export class Seeder {
  private clock: ClockState;
  readonly rows = new Map<TableName, Row[]>();
  readonly outbox: OutboxEntry[] = [];
  private readonly bytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

  constructor(readonly deviceId: string, readonly author: string) {
    this.clock = initialClock(deviceId);
  }

  /** One row as Notebook.create writes it: schema-checked fields, every field clocked with the next HLC. */
  add<T extends TableName>(table: T, input: EditableFields<T>, at: number, id = uuidv7(at, this.bytes), pending = false): string {
    const result = v.safeParse(RECORD_SCHEMAS[table], wholeRecord(table, input, { id, createdAt: at, updatedAt: at, createdBy: this.author }));
    if (!result.success) throw new Error(`seed ${table}: ${result.issues.map((issue) => issue.message).join(', ')}`);
    const { id: _id, ...fields } = result.output;
    this.clock = tick(this.clock, at);
    const hlc = formatHlc(this.clock);
    const clocks: Clocks = {};
    const base: Record<string, null> = {};
    for (const field of Object.keys(fields)) {
      clocks[field] = hlc;
      base[field] = null;
    }
    const list = this.rows.get(table) ?? [];
    list.push({ ...fields, id, clocks });
    this.rows.set(table, list);
    if (pending) this.outbox.push({ id: uuidv7(at, this.bytes), table, recordId: id, op: 'put', fields, base, hlc, author: this.author });
    return id;
  }

  lastClock(): string {
    return formatHlc(this.clock);
  }
}


/** Writes what `seeder` made into the app's database `dbName` (deleted first when `fresh`), in bulk. */
export async function storeRows(seeder: Seeder, dbName: string, fresh: boolean): Promise<void> {
  if (fresh) await TalkaDatabase.delete(dbName);
  const db = new TalkaDatabase(dbName);
  await db.open();
  for (const [table, rows] of seeder.rows) {
    for (let i = 0; i < rows.length; i += 2000) await db.table(table).bulkPut(rows.slice(i, i + 2000));
  }
  await db.outbox.bulkAdd(seeder.outbox);
  await db.meta.put({ key: 'clock', value: seeder.lastClock() });
  db.close();
}
