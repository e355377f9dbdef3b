import MiniSearch, { type SearchResult } from 'minisearch';
import type { Asset } from '@shared/schemas/asset';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';

/**
 * Offline full-text search over what is on this device (so each role searches its own scope):
 * tickets, work orders and assets — titles, descriptions, tags, serial numbers, notes. MiniSearch
 * keeps an inverted index in memory; prefix and light fuzzy matching forgive typos.
 * No DOM or storage here, so the benchmark times it in Node.
 */
export type SearchKind = 'ticket' | 'workOrder' | 'asset';
export type SearchDoc = { id: string; kind: SearchKind; docId: string; title: string; body: string; tags: string; codes: string; notes: string };
export type SearchHit = { id: string; kind: SearchKind; docId: string; title: string; score: number };

const FIELDS = ['title', 'body', 'tags', 'codes', 'notes'] as const;

export function toSearchDocs(data: { tickets?: readonly Ticket[]; workOrders?: readonly WorkOrder[]; assets?: readonly Asset[] }): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const ticket of data.tickets ?? []) {
    docs.push({ id: `ticket:${ticket.id}`, kind: 'ticket', docId: ticket.id, title: `${ticket.number} ${ticket.title}`, body: ticket.description, tags: [...ticket.tags, ticket.category].join(' '), codes: ticket.number, notes: '' });
  }
  for (const wo of data.workOrders ?? []) {
    docs.push({
      id: `workOrder:${wo.id}`,
      kind: 'workOrder',
      docId: wo.id,
      title: `${wo.number} ${wo.kind}`,
      body: [wo.resolution ?? '', ...wo.checklist.map((item) => item.label)].join(' '),
      tags: wo.parts.map((part) => `${part.partNo} ${part.description}`).join(' '),
      codes: wo.number,
      notes: wo.notes.map((note) => note.text).join(' '),
    });
  }
  for (const asset of data.assets ?? []) {
    docs.push({ id: `asset:${asset.id}`, kind: 'asset', docId: asset.id, title: asset.name, body: `${asset.manufacturer} ${asset.model} ${asset.category}`, tags: asset.tag, codes: `${asset.serialNumber} ${asset.tag}`, notes: '' });
  }
  return docs;
}

export type SearchIndex = MiniSearch<SearchDoc>;

/** Codes such as TCK-000123 or SN-99812 are indexed whole and by their parts. */
function tokenizeForIndex(text: string): string[] {
  const words = text.split(SEPARATORS).filter(Boolean);
  return [...words, ...words.flatMap((word) => (word.includes('-') ? word.split('-').filter(Boolean) : []))];
}

const SEPARATORS = /[\s,.;:!?()[\]{}"'/\\]+/;

const OPTIONS = {
  fields: [...FIELDS],
  storeFields: ['kind', 'docId', 'title'],
  tokenize: tokenizeForIndex,
  searchOptions: {
    // A query keeps codes whole ("TCK-0001" must not also search every "TCK").
    tokenize: (text: string) => text.split(SEPARATORS).filter(Boolean),
    boost: { title: 3, codes: 3, tags: 2 },
    // Prefix matching for the word being typed; typo tolerance for longer words without digits
    // (fuzzy numbers would match half the serial numbers and cost the most time).
    prefix: (_term: string, index: number, terms: string[]) => index === terms.length - 1,
    fuzzy: (term: string) => (term.length > 4 && !/\d/.test(term) ? 0.2 : false),
    maxFuzzy: 1,
    combineWith: 'AND' as const,
  },
};

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const index = new MiniSearch<SearchDoc>(OPTIONS);
  index.addAll(docs as SearchDoc[]);
  return index;
}

/** The same index built in chunks, so a large device's data does not freeze the screen. */
export async function buildSearchIndexAsync(docs: readonly SearchDoc[]): Promise<SearchIndex> {
  const index = new MiniSearch<SearchDoc>(OPTIONS);
  await index.addAllAsync(docs as SearchDoc[], { chunkSize: 2000 });
  return index;
}

export function search(index: SearchIndex, query: string, limit = 50): SearchHit[] {
  const text = query.trim();
  if (!text) return [];
  return index.search(text).slice(0, limit).map((result: SearchResult) => ({
    id: String(result.id),
    kind: result.kind as SearchKind,
    docId: String(result.docId),
    title: String(result.title),
    score: result.score,
  }));
}
