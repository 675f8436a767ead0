import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireSession } from '../auth/RequireSession';
import { AuthLayout } from '../pages/auth/AuthLayout';
import { AppLayout } from './layout/AppLayout';
import { RouteError } from './RouteError';

/**
 * Each page is its own chunk (React.lazy), so the first load carries only the frame and
 * the page being opened. The layouts' <Suspense> keep the frame up while a page loads.
 */
const PAGES: Record<string, LazyExoticComponent<ComponentType>> = {
  calendar: lazy(() => import('../pages/CalendarPage')),
  posts: lazy(() => import('../pages/PostsPage')),
  'posts/:id': lazy(() => import('../pages/posts/PostDetailPage')),
  approvals: lazy(() => import('../pages/approvals/ApprovalsPage')),
  compose: lazy(() => import('../pages/ComposePage')),
  media: lazy(() => import('../pages/MediaPage')),
  'ai-agents': lazy(() => import('../pages/AiAgentsPage')),
  // Where alert notifications link (core/listening/alert-notifications.ts ALERTS_LINK).
  'agents/alerts': lazy(() => import('../pages/agents/AlertLinkRedirect')),
  notifications: lazy(() => import('../pages/NotificationsPage')),
  accounts: lazy(() => import('../pages/AccountsPage')),
  team: lazy(() => import('../pages/team/TeamPage')),
  billing: lazy(() => import('../pages/BillingPage')),
  admin: lazy(() => import('../pages/AdminPage')),
};

/** Settings sections, each a tab of /settings. */
const SETTINGS: Record<string, LazyExoticComponent<ComponentType>> = {
  profile: lazy(() => import('../pages/settings/ProfilePage')),
  sessions: lazy(() => import('../pages/settings/SessionsPage')),
  'api-keys': lazy(() => import('../pages/settings/ApiKeysPage')),
  organization: lazy(() => import('../pages/settings/OrganizationPage')),
  privacy: lazy(() => import('../pages/settings/PrivacyPage')),
};

/** Pages for visitors without a session (some also work signed in). */
const PUBLIC_PAGES: Record<string, LazyExoticComponent<ComponentType>> = {
  login: lazy(() => import('../pages/auth/LoginPage')),
  signup: lazy(() => import('../pages/auth/SignupPage')),
  'forgot-password': lazy(() => import('../pages/auth/ForgotPasswordPage')),
  'reset-password': lazy(() => import('../pages/auth/ResetPasswordPage')),
  'verify-email': lazy(() => import('../pages/auth/VerifyEmailPage')),
  'invitations/:token': lazy(() => import('../pages/auth/AcceptInvitationPage')),
  status: lazy(() => import('../pages/auth/StatusPage')),
};

/** Analytics: one layout (period, tabs) around its pages; the charts load with them only. */
const ANALYTICS: Record<string, LazyExoticComponent<ComponentType>> = {
  posts: lazy(() => import('../pages/analytics/AnalyticsPostsPage')),
  growth: lazy(() => import('../pages/analytics/GrowthPage')),
  audience: lazy(() => import('../pages/analytics/AudiencePage')),
  competitors: lazy(() => import('../pages/analytics/CompetitorsPage')),
  trends: lazy(() => import('../pages/analytics/TrendsPage')),
  reports: lazy(() => import('../pages/analytics/ReportsPage')),
};
const AnalyticsLayout = lazy(() => import('../pages/analytics/AnalyticsLayout'));
const AnalyticsOverviewPage = lazy(() => import('../pages/analytics/AnalyticsOverviewPage'));

const HomePage = lazy(() => import('../pages/home/HomePage'));
const SettingsLayout = lazy(() => import('../pages/settings/SettingsLayout'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export const ROUTES: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <AuthLayout />,
        children: Object.entries(PUBLIC_PAGES).map(([path, Page]) => ({ path, element: <Page /> })),
      },
      {
        element: <RequireSession />,
        children: [
          {
            path: '/',
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              ...Object.entries(PAGES).map(([path, Page]) => ({ path, element: <Page /> })),
              {
                path: 'analytics',
                element: <AnalyticsLayout />,
                children: [
                  { index: true, element: <AnalyticsOverviewPage /> },
                  ...Object.entries(ANALYTICS).map(([path, Page]) => ({ path, element: <Page /> })),
                ],
              },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="profile" replace /> },
                  ...Object.entries(SETTINGS).map(([path, Page]) => ({ path, element: <Page /> })),
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(ROUTES);
