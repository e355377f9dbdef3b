import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import { COLLECTION_SCHEMAS, type CollectionName, type DocOf } from '@shared/schemas/collections';
import { derivedProperties } from './derived-fields';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

export type CollectionSchemaOptions = { version: number; indexes?: (string | string[])[] };

/**
 * The RxDB JSON schema of a collection, generated from its zod schema so the two can never
 * drift. RxDB manages `_deleted` itself and refuses top-level `_` fields, nested defaults and
 * unbounded indexed strings, so those are adapted here.
 */
export function rxSchemaFor<C extends CollectionName>(collection: C, options: CollectionSchemaOptions): RxJsonSchema<DocOf<C>> {
  const schema = rxSchemaFromZod<DocOf<C>>(collection, COLLECTION_SCHEMAS[collection], options);
  // The device's own index fields (app/db/derived-fields.ts): in RxDB's schema, never in the domain's.
  // Required, as Dexie wants every indexed field: RxDB's write hook sets them on every write.
  const derived = derivedProperties(collection);
  return { ...schema, properties: { ...schema.properties, ...derived }, required: [...(schema.required ?? []), ...Object.keys(derived)] } as RxJsonSchema<DocOf<C>>;
}

/** The same generation for a local-only collection (conflict records) from its zod schema in shared/. */
export function rxSchemaFromZod<T>(title: string, schema: z.ZodType, options: CollectionSchemaOptions): RxJsonSchema<T> {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = { ...(json.properties ?? {}) };
  delete properties._deleted;
  const indexedFields = new Set((options.indexes ?? []).flat());
  for (const [name, property] of Object.entries(properties)) {
    properties[name] = adaptProperty(property, name === 'id' || indexedFields.has(name));
  }
  return {
    title,
    version: options.version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: (json.required ?? []).filter((field) => field !== '_deleted'),
    indexes: options.indexes ?? [],
  } as unknown as RxJsonSchema<T>;
}

function adaptProperty(property: JsonSchema, indexed: boolean): JsonSchema {
  const adapted = stripForRx(property);
  if (indexed && adapted.type === 'string' && adapted.maxLength === undefined) adapted.maxLength = 100;
  if (indexed && adapted.type === 'string' && typeof adapted.maxLength === 'number' && adapted.maxLength > 2048) adapted.maxLength = 2048;
  return adapted;
}

/** Remove what RxDB refuses below the top level (defaults) and what only bloats it (date regexes). */
function stripForRx(node: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...node };
  delete copy.default;
  delete copy.$schema;
  if (copy.format === 'date-time') delete copy.pattern;
  if (copy.properties) copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([key, value]) => [key, stripForRx(value)]));
  if (copy.items && typeof copy.items === 'object') copy.items = stripForRx(copy.items as JsonSchema);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = copy[key];
    if (Array.isArray(list)) copy[key] = list.map((entry: JsonSchema) => stripForRx(entry));
  }
  return copy;
}
