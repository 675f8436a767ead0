import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../api/client';
import { useServices } from '../app/services';
import { useSignedInUser } from '../auth/use-session';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { browserTimeZone } from '../lib/time-zones';
import { postListKey } from '../publishing/query-keys';
import { BulkActions } from './posts/BulkActions';
import { CsvImport } from './posts/CsvImport';
import { PostFiltersForm } from './posts/PostFiltersForm';
import { PostTable } from './posts/PostTable';
import { postLabel } from './posts/post-text';
import {
  filtersFromSearchParams,
  isFiltered,
  listQueryFromFilters,
  pageCount,
  searchParamsFromFilters,
  type PostFilters,
} from './posts/post-filters';
import { useAuthorNames, useSocialAccounts } from './posts/use-post-lookups';

const LINK_BUTTON =
  'inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-xs hover:bg-brand-700';

export default function PostsPage() {
  const { api } = useServices();
  const { user, can } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const editor = can('user');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const query = useMemo(() => listQueryFromFilters(filters, timeZone), [filters, timeZone]);
  const posts = useQuery({
    queryKey: postListKey(query),
    queryFn: ({ signal }) => unwrap(api.GET('/posts', { params: { query }, signal })),
    // The old page stays on screen while the next one loads: no flash between pages.
    placeholderData: keepPreviousData,
  });
  const accounts = useSocialAccounts();
  const authors = useAuthorNames();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [importing, setImporting] = useState(false);

  const applyFilters = (next: PostFilters) => {
    setSelected(new Set());
    setSearchParams(searchParamsFromFilters(next));
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const list = posts.data?.posts ?? [];
  // Only what is on this page can be acted on: a post that left the page is not acted on blindly.
  const selection = list
    .filter((post) => selected.has(post.id))
    .map((post) => ({ postId: post.id, label: postLabel(post) }));
  const pages = pageCount(posts.data?.total ?? 0);
  const accountList = accounts.data?.accounts ?? [];

  return (
    <>
      <PageHeader
        title="Posts"
        description="Every post, the accounts it targets and where each one stands."
        actions={
          editor ? (
            <>
              <Button
                variant="secondary"
                aria-expanded={importing}
                onClick={() => setImporting((open) => !open)}
              >
                Import CSV
              </Button>
              <Link to="/compose" className={LINK_BUTTON}>
                New post
              </Link>
            </>
          ) : undefined
        }
      />
      <div className="mt-6 space-y-4">
        {importing ? <CsvImport accounts={accountList} onClose={() => setImporting(false)} /> : null}
        <PostFiltersForm filters={filters} accounts={accountList} onChange={applyFilters} />
        {editor ? <BulkActions selection={selection} onDone={(ids) => select(ids, false)} /> : null}
        <QueryState query={posts} label="posts">
          {posts.data ? (
            list.length === 0 ? (
              isFiltered(filters) ? (
                <Notice
                  title="No post matches these filters"
                  action={
                    <Button variant="secondary" size="sm" onClick={() => applyFilters({ page: 1 })}>
                      Clear filters
                    </Button>
                  }
                >
                  Widen the dates, pick another status or network, or search for other words.
                </Notice>
              ) : filters.page > 1 ? (
                <Notice title="This page is empty">
                  <Link className="font-medium underline" to="/posts">
                    Back to the first page
                  </Link>
                </Notice>
              ) : (
                <Notice title="No posts yet">
                  {editor ? (
                    <>
                      <Link className="font-medium underline" to="/compose">
                        Write your first post
                      </Link>{' '}
                      or import several from a CSV file. Connect an account first on the{' '}
                      <Link className="font-medium underline" to="/accounts">
                        Accounts
                      </Link>{' '}
                      page if you have not.
                    </>
                  ) : (
                    'Nobody in this organization has written a post yet.'
                  )}
                </Notice>
              )
            ) : (
              <>
                <PostTable
                  posts={list}
                  timeZone={timeZone}
                  authors={authors}
                  {...(editor ? { selected, onSelect: select } : {})}
                />
                <Pager
                  page={filters.page}
                  pageCount={pages}
                  summary={`${posts.data.total} ${posts.data.total === 1 ? 'post' : 'posts'} · page ${filters.page} of ${pages}`}
                  onPage={(page) => applyFilters({ ...filters, page })}
                />
              </>
            )
          ) : null}
        </QueryState>
      </div>
    </>
  );
}
