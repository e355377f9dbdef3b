import { isDeepEqual } from '@shared/domain/doc-rules';

/**
 * The form's values as they apply to the document now: only the inputs the admin changed since the
 * form opened replace the current values. Another admin's edit that synced in meanwhile is kept
 * instead of being written back to what this form showed when it opened, with no conflict to tell.
 */
export function editedOver<F extends Record<string, unknown>>(current: F, opened: F, input: F): F {
  const edited = (Object.keys(input) as (keyof F)[]).filter((key) => !isDeepEqual(input[key], opened[key]));
  return { ...current, ...Object.fromEntries(edited.map((key) => [key, input[key]])) };
}

/** The form as shown: what was typed in the touched inputs, the document as it is now in the rest. */
export function typedOver<F extends Record<string, unknown>>(current: F, typed: Partial<F>, touched: ReadonlySet<keyof F>): F {
  return { ...current, ...Object.fromEntries([...touched].map((key) => [key, typed[key]])) };
}

