import { createBrowserRouter, type RouteObject } from 'react-router';
import { SignedInLayout } from './components/SignedInLayout';
import { HomeRoute } from './features/home/HomeRoute';
import { LoginPage } from './features/login/LoginPage';
import { NotFoundPage, RouteErrorPage } from './components/RouteMessages';

/**
 * Screens load lazily: the first route carries only what it shows (maps and the scanner come later).
 * Each feature adds its signed-in routes as one entry in this list.
 */
const FEATURE_ROUTES: RouteObject[] = [
  { path: 'today', lazy: () => import('./features/today/TodayPage').then((module) => ({ Component: module.TodayPage })) },
  { path: 'work-orders/:id', lazy: () => import('./features/work-orders/WorkOrderPage').then((module) => ({ Component: module.WorkOrderPage })) },
  // Scanning (issue 6): the scanner and label chunks load only on these screens.
  { path: 'scan', lazy: () => import('./features/scan/ScanPage').then((module) => ({ Component: module.ScanPage })) },
  { path: 'scan/audit', lazy: () => import('./features/scan/AuditPage').then((module) => ({ Component: module.AuditPage })) },
  { path: 'a/:tag', lazy: () => import('./features/assets/AssetPage').then((module) => ({ Component: module.AssetPage })) },
  { path: 'a/:tag/report', lazy: () => import('./features/assets/ReportFaultPage').then((module) => ({ Component: module.ReportFaultPage })) },
  { path: 'reports/:id', lazy: () => import('./features/assets/TicketReportPage').then((module) => ({ Component: module.TicketReportPage })) },
  { path: 'assets/new', lazy: () => import('./features/assets/RegisterAssetPage').then((module) => ({ Component: module.RegisterAssetPage })) },
  { path: 'assets/import', lazy: () => import('./features/assets/ImportAssetsPage').then((module) => ({ Component: module.ImportAssetsPage })) },
  { path: 'labels', lazy: () => import('./features/labels/LabelsPage').then((module) => ({ Component: module.LabelsPage })) },
  { path: 'conflicts', lazy: () => import('./features/conflicts/ConflictsPage').then((module) => ({ Component: module.ConflictsPage })) },
  { path: 'tickets/new', lazy: () => import('./features/tickets/NewTicketPage').then((module) => ({ Component: module.NewTicketPage })) },
  { path: 'tickets/:id', lazy: () => import('./features/tickets/TicketPage').then((module) => ({ Component: module.TicketPage })) },
  { path: 'schedule', lazy: () => import('./features/schedule/SchedulePage').then((module) => ({ Component: module.SchedulePage })) },
  { path: 'map', lazy: () => import('./features/map/MapPage').then((module) => ({ Component: module.MapPage })) },
  { path: 'reports', lazy: () => import('./features/reports/ReportsPage').then((module) => ({ Component: module.ReportsPage })) },
  { path: 'search', lazy: () => import('./features/search/SearchPage').then((module) => ({ Component: module.SearchPage })) },
  { path: 'notifications', lazy: () => import('./features/notifications/NotificationsPage').then((module) => ({ Component: module.NotificationsPage })) },
  { path: 'admin/users', lazy: () => import('./features/admin/UsersPage').then((module) => ({ Component: module.UsersPage })) },
  { path: 'admin/sla-policies', lazy: () => import('./features/admin/SlaPoliciesPage').then((module) => ({ Component: module.SlaPoliciesPage })) },
  { path: 'admin/sites', lazy: () => import('./features/admin/SitesPage').then((module) => ({ Component: module.SitesPage })) },
  { path: 'admin/categories', lazy: () => import('./features/admin/CategoriesPage').then((module) => ({ Component: module.CategoriesPage })) },
  { path: 'admin/rules', lazy: () => import('./features/admin/RulesPage').then((module) => ({ Component: module.RulesPage })) },
  { path: 'settings', lazy: () => import('./features/settings/SettingsPage').then((module) => ({ Component: module.SettingsPage })) },
  { path: '*', Component: NotFoundPage },
];

export const router = createBrowserRouter([
  { path: '/login', Component: LoginPage },
  {
    path: '/',
    Component: SignedInLayout,
    // The frame is a lazy route, not React.lazy: the router starts loading it at once, alongside
    // the database layer, instead of after the session has opened.
    children: [
      {
        lazy: () => import('./components/SignedInFrame').then((module) => ({ Component: module.SignedInFrame })),
        // Inside the frame: a screen that fails keeps the navigation and the sync bar around it.
        children: [{ ErrorBoundary: RouteErrorPage, children: [{ index: true, Component: HomeRoute }, ...FEATURE_ROUTES] }],
      },
    ],
    ErrorBoundary: RouteErrorPage,
  },
]);
