import { createTheme } from '@mantine/core';

/** The console's theme; every close button (modals, notifications) is named in the UI's language. */
export const appTheme = (closeLabel: string) =>
  createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    CloseButton: { defaultProps: { 'aria-label': closeLabel } },
  },
});
