import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import { loadConfig } from '@/lib/config';
import '@/lib/i18n';

const root = createRoot(document.getElementById('root')!);
void loadConfig().then((config) => {
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
});
