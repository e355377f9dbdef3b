import type { ComponentType } from 'react';
import type { Role } from '@shared/schemas/common';
import { ConflictsBadge } from '../features/conflicts/ConflictsBadge';
import { UnreadNotificationsCount } from './UnreadNotificationsCount';

/** `Badge`: an optional small live count shown after the label (keep it light: it is in the first route). */
export type NavItem = { to: string; label: string; roles: readonly Role[] | 'all'; Badge?: ComponentType };

/**
 * The main navigation, in display order; each screen adds its own entry here. Roles decide who sees a
 * link (the server enforces access either way). Keep labels short: the header must fit a 360 px phone.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Today', roles: ['engineer'] },
  { to: '/', label: 'Home', roles: ['site_manager'] },
  { to: '/', label: 'Queue', roles: ['dispatcher', 'admin'] },
  { to: '/schedule', label: 'Schedule', roles: ['dispatcher', 'admin'] },
  { to: '/map', label: 'Map', roles: ['dispatcher', 'admin'] },
  { to: '/reports', label: 'Reports', roles: ['dispatcher', 'admin'] },
  { to: '/scan', label: 'Scan', roles: ['engineer', 'site_manager'] },
  { to: '/labels', label: 'Labels', roles: ['dispatcher', 'admin'] },
  { to: '/search', label: 'Search', roles: 'all' },
  { to: '/conflicts', label: 'Conflicts', roles: 'all', Badge: ConflictsBadge },
  { to: '/admin/users', label: 'Users', roles: ['admin'] },
  { to: '/admin/sites', label: 'Sites', roles: ['admin'] },
  { to: '/admin/categories', label: 'Categories', roles: ['admin'] },
  { to: '/admin/sla-policies', label: 'SLA', roles: ['admin'] },
  { to: '/admin/rules', label: 'Rules', roles: ['admin'] },
  { to: '/notifications', label: 'Alerts', roles: 'all', Badge: UnreadNotificationsCount },
  { to: '/settings', label: 'Settings', roles: 'all' },
];

export function navItemsForRole(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}

/** What "/" is called for this role (Today, Home, Queue): back links say where they lead. */
export function homeLabelFor(role: Role): string {
  return navItemsForRole(role).find((item) => item.to === '/')?.label ?? 'Home';
}
