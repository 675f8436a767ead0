import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { RouteError } from './RouteError';

/**
 * Each page is its own chunk (React.lazy), so the first load carries only the frame and
 * the page being opened. The layout's <Suspense> keeps the frame up while a page loads.
 */
const PAGES: Record<string, LazyExoticComponent<ComponentType>> = {
  calendar: lazy(() => import('../pages/CalendarPage')),
  posts: lazy(() => import('../pages/PostsPage')),
  compose: lazy(() => import('../pages/ComposePage')),
  media: lazy(() => import('../pages/MediaPage')),
  analytics: lazy(() => import('../pages/AnalyticsPage')),
  'ai-agents': lazy(() => import('../pages/AiAgentsPage')),
  notifications: lazy(() => import('../pages/NotificationsPage')),
  accounts: lazy(() => import('../pages/AccountsPage')),
  team: lazy(() => import('../pages/TeamPage')),
  settings: lazy(() => import('../pages/SettingsPage')),
  billing: lazy(() => import('../pages/BillingPage')),
  admin: lazy(() => import('../pages/AdminPage')),
};

const HomePage = lazy(() => import('../pages/home/HomePage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      ...Object.entries(PAGES).map(([path, Page]) => ({ path, element: <Page /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(ROUTES);
