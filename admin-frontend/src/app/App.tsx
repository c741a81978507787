import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { RuntimeConfig } from '@/lib/config';
import { AppProvider, createQueryClient } from './provider';
import { createRouter } from './router';

export function App({ config }: { config: RuntimeConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <AppProvider config={config} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
