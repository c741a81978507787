import { IconBrandWhatsapp, IconBuildingCommunity, IconBuildingHospital, IconCalendar, IconChartBar, IconDeviceMobile, IconMessages, IconRoute, IconSettings, IconUsers } from '@tabler/icons-react';
import type { Role } from '@/lib/api/types';

/** The console's pages and the least role that may open each (the API enforces the same). */
export const navigation = [
  { to: '/inbox', label: 'nav.inbox', icon: IconMessages, minimum: 'staff' },
  { to: '/dashboard', label: 'nav.dashboard', icon: IconChartBar, minimum: 'staff' },
  { to: '/calendar', label: 'nav.calendar', icon: IconCalendar, minimum: 'staff' },
  { to: '/catalogue', label: 'nav.catalogue', icon: IconBuildingHospital, minimum: 'staff' },
  { to: '/customers', label: 'nav.customers', icon: IconUsers, minimum: 'staff' },
  { to: '/phone', label: 'nav.phone', icon: IconDeviceMobile, minimum: 'staff' },
  { to: '/whatsapp', label: 'nav.whatsapp', icon: IconBrandWhatsapp, minimum: 'staff' },
  { to: '/flows', label: 'nav.flows', icon: IconRoute, minimum: 'owner' },
  { to: '/settings', label: 'nav.settings', icon: IconSettings, minimum: 'owner' },
  { to: '/projects', label: 'nav.projects', icon: IconBuildingCommunity, minimum: 'owner', superadmin: true },
] as const satisfies readonly { to: string; label: string; icon: unknown; minimum: Role; superadmin?: boolean }[];
