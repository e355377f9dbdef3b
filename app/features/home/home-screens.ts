import type { ComponentType } from 'react';
import type { Role } from '@shared/schemas/common';

/**
 * Each role's home screen, a lazy chunk. The session preloads the signed-in user's one while the
 * local database opens (or the login request is in flight), so the two do not run one after the
 * other; HomeRoute then renders it without suspending.
 */
const HOME_LOADERS: Record<Role, () => Promise<ComponentType>> = {
  engineer: () => import('../today/TodayPage').then((module) => module.TodayPage),
  dispatcher: () => import('../dispatch/QueuePage').then((module) => module.QueuePage),
  site_manager: () => import('../site-manager/SiteManagerHome').then((module) => module.SiteManagerHome),
  admin: () => import('../dispatch/QueuePage').then((module) => module.QueuePage),
};

const loaded = new Map<Role, ComponentType>();

export function loadHome(role: Role): Promise<ComponentType> {
  return HOME_LOADERS[role]().then((Home) => {
    loaded.set(role, Home);
    return Home;
  });
}

/** The role's home screen if its chunk is already here. */
export function loadedHome(role: Role): ComponentType | undefined {
  return loaded.get(role);
}

/**
 * Starts loading a home screen and the frame around it early. `role` may come from an unparsed cached profile: an unknown
 * one is ignored. A failure is only logged here: HomeRoute loads again and shows the error.
 */
export function preloadHome(role: unknown): void {
  const warn = (error: unknown) => console.warn('preloading the home screen failed', error);
  // The signed-in frame around it (a lazy route the router would load only on arrival).
  import('../../components/SignedInFrame').catch(warn);
  if (typeof role !== 'string' || !Object.hasOwn(HOME_LOADERS, role)) return;
  loadHome(role as Role).catch(warn);
}
