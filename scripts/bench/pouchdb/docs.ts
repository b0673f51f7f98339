// The needs the PouchDB comparison replicates: the same content and fields as
// the ones Talka's sync measurement writes (scripts/measure/page-scripts.ts,
// injectNeedsScript), each as a PouchDB document whose _id is a UUIDv7.
// Used by scripts/bench/pouchdb/index.ts; nothing to run on its own.
import { randomBytes } from 'node:crypto';
import { NEED_CONTENT } from '../../measure/page-scripts';

export interface NeedDoc {
  _id: string;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
  deleted: boolean;
  communityId: string;
  workshopId: null;
  title: string;
  description: string;
  category: string;
  status: string;
  owner: string;
}

/** A UUIDv7 string: 48 bits of milliseconds, version and variant bits, the rest random. */
export function uuidv7(now: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(now)), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `count` needs of one community by one user, in the order and shape Talka's measurement writes them. */
export function needDocs(count: number, now: number = Date.now()): NeedDoc[] {
  const { titles, descriptions, categories, owners } = NEED_CONTENT;
  const communityId = uuidv7(now);
  const createdBy = uuidv7(now);
  return Array.from({ length: count }, (_, i) => ({
    _id: uuidv7(now),
    createdAt: now,
    updatedAt: now,
    createdBy,
    deleted: false,
    communityId,
    workshopId: null,
    title: `${titles[i % titles.length]!} (${i + 1})`,
    description: descriptions[i % descriptions.length]!,
    category: categories[i % categories.length]!,
    status: 'raised',
    owner: owners[i % owners.length]!,
  }));
}
