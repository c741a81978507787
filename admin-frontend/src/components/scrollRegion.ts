import type { ComponentPropsWithoutRef } from 'react';

/**
 * Props for a Mantine ScrollArea's viewport: a named region that keyboard users can focus and scroll
 * (WCAG 2.1.1; axe-core's scrollable-region-focusable).
 */
export function scrollRegion(label: string): ComponentPropsWithoutRef<'div'> {
  return { tabIndex: 0, role: 'region', 'aria-label': label };
}
