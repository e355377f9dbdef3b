import { PRIORITIES } from '@shared/schemas/common';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import { PRIORITY_LABELS } from './labels';

/** The `<option>`s every site, category and priority select lists, named the same everywhere (a category by its name, which tickets store). */
export function SiteOptions({ sites }: { sites: readonly Pick<Site, 'id' | 'name'>[] }) {
  return sites.map((site) => (
    <option key={site.id} value={site.id}>
      {site.name}
    </option>
  ));
}

export function CategoryOptions({ categories }: { categories: readonly Pick<Category, 'id' | 'name'>[] }) {
  return categories.map((category) => (
    <option key={category.id} value={category.name}>
      {category.name}
    </option>
  ));
}

export function PriorityOptions() {
  return PRIORITIES.map((priority) => (
    <option key={priority} value={priority}>
      {PRIORITY_LABELS[priority]}
    </option>
  ));
}
