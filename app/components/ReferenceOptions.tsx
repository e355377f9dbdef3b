import { PRIORITIES } from '@shared/schemas/common';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { PRIORITY_LABELS } from './labels';

/** The `<option>`s every site, category, priority and person select lists, named the same everywhere (a category by its name, which tickets store). */
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

/** People by their full name, their id as the value (assignees, engineers). */
export function PersonOptions({ people }: { people: readonly Pick<User, 'id' | 'fullName'>[] }) {
  return people.map((person) => (
    <option key={person.id} value={person.id}>
      {person.fullName}
    </option>
  ));
}
