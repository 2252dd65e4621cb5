import '@codegouvfr/react-dsfr/main.css';
import './ui/app.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { keepPreviousData, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Link } from './ui/Link';
import { App } from './app/App';
import { ApiError } from './api/client';

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

startReactDsfr({ defaultColorScheme: 'light', Link });

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // After a write the views read again (with consistentWith, a new key): keep showing the last
      // answer meanwhile, so the page and its forms stay in place.
      placeholderData: keepPreviousData,
      refetchOnWindowFocus: false,
      // A refused read (4xx) will be refused again: only server trouble is worth a retry.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
