import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { useAnalyticsRange } from './use-analytics-range';

/** The overview of the chosen period (shared by the overview page and anything else on it). */
export function useOverview() {
  const { api } = useServices();
  const { query } = useAnalyticsRange();
  return useQuery({
    queryKey: ['analytics', 'overview', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/overview', { params: { query }, signal })),
  });
}
