import { Navigate, useSearchParams } from 'react-router';

/**
 * Alert notifications link to /agents/alerts?id=… (core/listening/alert-notifications.ts);
 * the alerts live in the agents area's Crisis tab, which marks the linked one.
 */
export default function AlertLinkRedirect() {
  const [params] = useSearchParams();
  const id = params.get('id');
  const to = id ? `/ai-agents?view=crisis&alert=${encodeURIComponent(id)}` : '/ai-agents?view=crisis';
  return <Navigate to={to} replace />;
}
