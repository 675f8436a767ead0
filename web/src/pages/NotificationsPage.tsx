import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { unwrap } from '../api/client';
import { isApiProblem } from '../api/problem';
import { useServices } from '../app/services';
import { useSignedInUser } from '../auth/use-session';
import { Button } from '../components/Button';
import { FormProblem } from '../components/FormProblem';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { browserTimeZone } from '../lib/time-zones';
import { FilterSwitch } from './notifications/FilterSwitch';
import { NotificationList } from './notifications/NotificationList';
import { PreferencesSection } from './notifications/PreferencesSection';
import { listQueryFromFilters, pageCount } from './notifications/notification-filters';
import { notificationListKey } from './notifications/query-keys';
import { useNotificationActions } from './notifications/use-notification-actions';
import { useNotificationFilters } from './notifications/use-notification-filters';

export default function NotificationsPage() {
  const { api } = useServices();
  const { user } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const [filters, setFilters] = useNotificationFilters();
  const query = useMemo(() => listQueryFromFilters(filters), [filters]);
  const list = useQuery({
    queryKey: notificationListKey(query),
    queryFn: ({ signal }) => unwrap(api.GET('/notifications', { params: { query }, signal })),
    // The old page stays on screen while the next one loads: no flash between pages.
    placeholderData: keepPreviousData,
  });
  const { markAllRead } = useNotificationActions();
  const [announcement, setAnnouncement] = useState('');

  const unreadCount = list.data?.unreadCount;
  const items = list.data?.items ?? [];
  const pages = pageCount(list.data?.total ?? 0, list.data?.pageSize);
  const markAll = () =>
    markAllRead.mutate(undefined, {
      onSuccess: ({ updated }) =>
        setAnnouncement(`${updated} ${updated === 1 ? 'notification' : 'notifications'} marked as read.`),
    });

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened to your posts and accounts while you were away."
        actions={
          <Button variant="secondary" onClick={markAll} busy={markAllRead.isPending} disabled={!unreadCount}>
            Mark all as read
          </Button>
        }
      />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div className="mt-6 space-y-8">
        <section aria-label="Inbox" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <FilterSwitch filters={filters} unreadCount={unreadCount} onChange={setFilters} />
          </div>
          <FormProblem problem={isApiProblem(markAllRead.error) ? markAllRead.error : null} />
          <QueryState query={list} label="notifications">
            {list.data ? (
              items.length === 0 ? (
                filters.page > 1 ? (
                  <Notice
                    title="This page is empty"
                    action={
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={() => setFilters({ ...filters, page: 1 })}
                      >
                        First page
                      </Button>
                    }
                  />
                ) : filters.unreadOnly ? (
                  <Notice
                    tone="success"
                    title="You are all caught up"
                    action={
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={() => setFilters({ unreadOnly: false, page: 1 })}
                      >
                        Show all
                      </Button>
                    }
                  >
                    Nothing unread. Read notifications stay under “All” until you delete them.
                  </Notice>
                ) : (
                  <Notice title="No notifications yet">
                    When one of your posts is published or fails, or an account needs reconnecting, you will
                    hear about it here.
                  </Notice>
                )
              ) : (
                <>
                  <NotificationList notifications={items} timeZone={timeZone} onAnnounce={setAnnouncement} />
                  <Pager
                    page={filters.page}
                    pageCount={pages}
                    summary={`${list.data.total} ${list.data.total === 1 ? 'notification' : 'notifications'} · page ${filters.page} of ${pages}`}
                    onPage={(page) => setFilters({ ...filters, page })}
                  />
                </>
              )
            ) : null}
          </QueryState>
        </section>
        <PreferencesSection />
      </div>
    </>
  );
}
