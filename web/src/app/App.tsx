import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { accessToken } from '../api/access-token';
import { createQueryClient } from '../api/query-client';
import { createAppRouter } from './router';
import { ServicesContext, type AppServices } from './services';

export function App({ services }: { services: AppServices }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);

  useEffect(() => {
    const { realtime } = services;
    realtime.start();
    // Signing in, or the network coming back, is worth trying again at once.
    const stopWatchingToken = accessToken.subscribe(() => realtime.reconnectNow());
    const onOnline = () => realtime.reconnectNow();
    window.addEventListener('online', onOnline);
    return () => {
      stopWatchingToken();
      window.removeEventListener('online', onOnline);
      realtime.stop();
    };
  }, [services]);

  return (
    <ServicesContext value={services}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ServicesContext>
  );
}
