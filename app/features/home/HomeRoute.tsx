import type { ComponentType } from 'react';
import { lazy, Suspense } from 'react';
import type { Role } from '@shared/schemas/common';
import { useSession } from '../../session/SessionContext';

/** Each role lands on its own home screen; screens load lazily so the first route stays small. */
const HOME_BY_ROLE: Record<Role, ComponentType> = {
  engineer: lazy(() => import('../today/TodayPage').then((module) => ({ default: module.TodayPage }))),
  dispatcher: lazy(() => import('../dispatch/QueuePage').then((module) => ({ default: module.QueuePage }))),
  site_manager: lazy(() => import('../site-manager/SiteManagerHome').then((module) => ({ default: module.SiteManagerHome }))),
  admin: lazy(() => import('../dispatch/QueuePage').then((module) => ({ default: module.QueuePage }))),
};

export function HomeRoute() {
  const session = useSession();
  const Home = HOME_BY_ROLE[session.user.role];
  return (
    <Suspense fallback={<p className="page-message" role="status">Loading…</p>}>
      <Home />
    </Suspense>
  );
}
