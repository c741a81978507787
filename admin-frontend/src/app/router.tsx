import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from '@/components/AppLayout';
import { RequireAuth, RequireRole, RequireSuperadmin } from '@/components/RequireAuth';
import { NotFound } from '@/components/NotFound';

/** Pages load on demand: the first load carries only the shell and the page opened. */
export const routes: RouteObject[] = [
  { path: '/sign-in', lazy: () => import('@/features/auth/routes/SignInRoute').then((m) => ({ Component: m.SignInRoute })) },
  {
    path: '/set-password',
    lazy: () => import('@/features/users/routes/SetPasswordRoute').then((m) => ({ Component: m.SetPasswordRoute })),
  },
  {
    path: '/auth/callback',
    lazy: () => import('@/features/auth/routes/CallbackRoute').then((m) => ({ Component: m.CallbackRoute })),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      {
        path: 'inbox/:conversationId?',
        lazy: () => import('@/features/inbox/routes/InboxRoute').then((m) => ({ Component: m.InboxRoute })),
      },
      {
        path: 'dashboard',
        lazy: () => import('@/features/dashboard/routes/DashboardRoute').then((m) => ({ Component: m.DashboardRoute })),
      },
      {
        path: 'calendar',
        lazy: () => import('@/features/calendar/routes/CalendarRoute').then((m) => ({ Component: m.CalendarRoute })),
      },
      {
        path: 'catalogue',
        lazy: () => import('@/features/catalogue/routes/CatalogueRoute').then((m) => ({ Component: m.CatalogueRoute })),
      },
      {
        path: 'customers/:customerId?',
        lazy: () => import('@/features/customers/routes/CustomersRoute').then((m) => ({ Component: m.CustomersRoute })),
      },
      {
        path: 'phone',
        lazy: () => import('@/features/phone/routes/PhoneRoute').then((m) => ({ Component: m.PhoneRoute })),
      },
      {
        path: 'whatsapp',
        lazy: () => import('@/features/whatsapp/routes/WhatsAppRoute').then((m) => ({ Component: m.WhatsAppRoute })),
      },
      {
        path: 'flows',
        element: <RequireRole minimum="owner" />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/flows/routes/FlowsRoute').then((m) => ({ Component: m.FlowsRoute })),
          },
        ],
      },
      {
        path: 'settings',
        element: <RequireRole minimum="owner" />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/settings/routes/SettingsRoute').then((m) => ({ Component: m.SettingsRoute })),
          },
        ],
      },
      {
        path: 'projects',
        element: <RequireSuperadmin />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/projects/routes/ProjectsRoute').then((m) => ({ Component: m.ProjectsRoute })),
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
