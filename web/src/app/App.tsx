import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../api/query-client';
import { SessionEffects } from '../auth/SessionEffects';
import { createAppRouter } from './router';
import { ServicesContext, type AppServices } from './services';

export function App({ services }: { services: AppServices }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);

  useEffect(() => {
    const { realtime, session } = services;
    // The refresh cookie, if any, becomes an access token before any signed-in page renders.
    void session.restore();
    // The network coming back is worth a reconnection attempt at once.
    const onOnline = () => realtime.reconnectNow();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [services]);

  return (
    <ServicesContext value={services}>
      <QueryClientProvider client={queryClient}>
        <SessionEffects />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ServicesContext>
  );
}
