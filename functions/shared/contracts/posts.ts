import * as z from 'zod';
import {
  POST_APPROVAL_STATUSES,
  POST_CONTENT_TYPES,
  POST_REVIEW_ACTIONS,
  POST_STATUSES,
  POST_TARGET_STATUSES,
} from '../enums';
import { PLATFORM_IDS } from '../platforms/catalog';
import { calendarDate, localDateTime, timeZone, timestamp, uuidParam } from './common';
import type { AreaContracts } from './contract';

const MAX_TEXT = 100_000;
const text = z.string().max(MAX_TEXT);
const thread = z.array(z.string().max(MAX_TEXT)).max(50);
const mediaIds = z.array(z.uuid()).max(20);
const options = z.record(z.string().max(100), z.unknown());

export const postTarget = z
  .object({
    id: z.uuid(),
    socialAccountId: z.uuid(),
    platform: z.enum(PLATFORM_IDS),
    accountName: z.string().nullable(),
    accountHandle: z.string().nullable(),
    accountStatus: z.string().describe('active, needs_reauth or disconnected'),
    status: z.enum(POST_TARGET_STATUSES),
    version: z.number().int(),
    scheduledAt: timestamp.nullable(),
    timezone: z.string().nullable(),
    content: z.string().nullable().describe('Text for this network only; null uses the post content'),
    thread: z.array(z.string()).nullable(),
    mediaIds: z.array(z.uuid()).nullable(),
    firstComment: z.string().nullable(),
    options: options.nullable(),
    attempts: z.number().int(),
    nextAttemptAt: timestamp.nullable(),
    platformPostId: z.string().nullable(),
    platformPostUrl: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable().describe("Why it failed or waits; a platform's refusal verbatim"),
    publishedAt: timestamp.nullable(),
    updatedAt: timestamp,
  })
  .meta({ id: 'PostTarget' });

export const post = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    title: z.string().nullable(),
    content: z.string(),
    thread: z.array(z.string()).nullable(),
    contentType: z.enum(POST_CONTENT_TYPES),
    mediaIds: z.array(z.uuid()),
    status: z.enum(POST_STATUSES).describe("Derived from the targets' statuses"),
    scheduledAt: timestamp.nullable(),
    timezone: z.string(),
    publishedAt: timestamp.nullable(),
    approvalStatus: z
      .enum(POST_APPROVAL_STATUSES)
      .describe(
        'The approval flow: scheduling and publishing are refused until `approved` (or `not_required`)',
      ),
    approvedBy: z.uuid().nullable(),
    approvedAt: timestamp.nullable(),
    aiGenerated: z.boolean().describe('Written by an agent: such a post is always reviewed by a person'),
    createdAt: timestamp,
    updatedAt: timestamp,
    targets: z.array(postTarget),
  })
  .meta({ id: 'Post' });

export const targetInput = z
  .object({
    socialAccountId: z.uuid(),
    content: text.nullable().optional(),
    thread: thread.nullable().optional(),
    mediaIds: mediaIds.nullable().optional(),
    firstComment: z.string().max(10_000).nullable().optional(),
    options: options.nullable().optional(),
  })
  .strict()
  .meta({ id: 'PostTargetInput' });

const uniqueAccounts = (targets: { socialAccountId: string }[]) =>
  new Set(targets.map((t) => t.socialAccountId)).size === targets.length;
const targets = z.array(targetInput).min(1).max(25).refine(uniqueAccounts, 'Each account may appear once');

export const createPostRequest = z
  .object({
    title: z.string().trim().max(500).nullable().optional(),
    content: text.default(''),
    thread: thread.nullable().optional(),
    mediaIds: mediaIds.optional(),
    contentType: z.enum(POST_CONTENT_TYPES).optional(),
    timezone: timeZone.optional().describe("The author's zone; defaults to the profile's"),
    targets,
  })
  .strict()
  .meta({ id: 'CreatePostRequest' });

export const updatePostRequest = z
  .object({
    title: z.string().trim().max(500).nullable().optional(),
    content: text.optional(),
    thread: thread.nullable().optional(),
    mediaIds: mediaIds.optional(),
    contentType: z.enum(POST_CONTENT_TYPES).optional(),
    timezone: timeZone.optional(),
    targets: targets.optional().describe('Replaces the set of targets; existing accounts keep their state'),
  })
  .meta({ id: 'UpdatePostRequest' });

const instantSchedule = z
  .object({
    at: timestamp.describe('The instant to publish'),
    timeZone: timeZone.optional().describe('Zone to show the schedule in; defaults to the post zone'),
  })
  .strict();
const localSchedule = z
  .object({
    localTime: localDateTime.describe('Wall time in `timeZone`'),
    timeZone,
    disambiguation: z
      .enum(['earlier', 'later'])
      .optional()
      .describe('Which of a repeated hour (clocks going back)'),
  })
  .strict();
export const scheduleRequest = z
  .union([instantSchedule, localSchedule], { error: 'Give `at`, or `localTime` with `timeZone`' })
  .meta({ id: 'ScheduleRequest' });

export const validationIssue = z
  .object({
    field: z.string(),
    code: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
    used: z.number().optional(),
    limit: z.number().optional(),
  })
  .meta({ id: 'ValidationIssue' });

export const postPreview = z
  .object({
    postId: z.uuid(),
    targets: z.array(
      z.object({
        targetId: z.uuid(),
        socialAccountId: z.uuid(),
        platform: z.enum(PLATFORM_IDS),
        accountName: z.string().nullable(),
        text: z.string(),
        thread: z.array(z.string()),
        firstComment: z.string().nullable(),
        media: z.array(z.object({ id: z.uuid(), kind: z.string(), mimeType: z.string() })),
        characters: z.number().int().describe('User-perceived characters (graphemes)'),
        maxTextLength: z.number().int().nullable(),
        issues: z.array(validationIssue),
      }),
    ),
  })
  .meta({ id: 'PostPreview' });

const listQuery = z
  .object({
    status: z.enum(POST_STATUSES).optional(),
    approvalStatus: z.enum(POST_APPROVAL_STATUSES).optional().describe('`in_review` is the approvals queue'),
    platform: z.enum(PLATFORM_IDS).optional(),
    accountId: z.uuid().optional(),
    from: timestamp.optional().describe('Scheduled (or created, for drafts) at or after'),
    to: timestamp.optional().describe('... and before'),
    q: z.string().trim().min(1).max(200).optional().describe('Text search in title and content'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

const calendarQuery = z
  .object({
    from: calendarDate.describe('First day, in the viewer zone'),
    to: calendarDate.describe('Last day (inclusive), at most 62 days after `from`'),
    timeZone: timeZone.describe("The viewer's zone"),
  })
  .strict();

export const calendarEntry = z
  .object({
    postId: z.uuid(),
    targetId: z.uuid(),
    status: z.enum(POST_TARGET_STATUSES),
    platform: z.enum(PLATFORM_IDS),
    accountName: z.string().nullable(),
    title: z.string().nullable(),
    excerpt: z.string(),
    at: timestamp.describe('Scheduled (or published) instant, UTC'),
    day: z.string().describe('YYYY-MM-DD in the viewer zone'),
    localTime: z.string().describe('HH:mm in the viewer zone'),
  })
  .meta({ id: 'CalendarEntry' });

export const bulkScheduleRow = z
  .object({
    content: text.min(1),
    title: z.string().trim().max(500).optional(),
    socialAccountIds: z.array(z.uuid()).min(1).max(25),
    mediaIds: mediaIds.optional(),
    firstComment: z.string().max(10_000).optional(),
    at: timestamp.optional(),
    localTime: localDateTime.optional(),
    timeZone: timeZone.optional(),
  })
  .strict()
  .refine(
    (row) => (row.at === undefined) !== (row.localTime === undefined),
    'Give either `at` or `localTime` (with `timeZone`)',
  )
  .refine(
    (row) => row.localTime === undefined || row.timeZone !== undefined,
    '`localTime` needs a `timeZone`',
  )
  .meta({ id: 'BulkScheduleRow' });

const reviewComment = z.string().trim().min(1).max(5_000);

export const postReview = z
  .object({
    id: z.uuid(),
    action: z.enum(POST_REVIEW_ACTIONS),
    fromStatus: z.enum(POST_APPROVAL_STATUSES).nullable(),
    toStatus: z.enum(POST_APPROVAL_STATUSES).nullable(),
    comment: z.string().nullable(),
    createdAt: timestamp,
    user: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Null for a step the system took'),
  })
  .meta({ id: 'PostReview' });

/** The most rows one bulk schedule takes. */
export const MAX_BULK_ROWS = 500;
const bulkRows = z.array(bulkScheduleRow).min(1).max(MAX_BULK_ROWS);

export const postsContracts = {
  listPosts: {
    query: listQuery,
    response: z
      .object({
        posts: z.array(post),
        total: z.number().int(),
        page: z.number().int(),
        limit: z.number().int(),
      })
      .meta({ id: 'PostList' }),
  },
  createPost: {
    body: createPostRequest,
    response: post,
    successStatus: 201,
    errors: { 400: 'An account or media file does not exist in your organization' },
  },
  getPost: { params: uuidParam, response: post },
  updatePost: {
    params: uuidParam,
    body: updatePostRequest,
    response: post,
    errors: {
      409: 'The post is published or being published',
      422: 'A scheduled target would break its network’s rules',
    },
  },
  deletePost: {
    params: uuidParam,
    successStatus: 204,
    errors: { 409: 'The post is being published right now' },
  },
  duplicatePost: {
    params: uuidParam,
    response: post,
    successStatus: 201,
    errors: { 409: 'Every account of the post is disconnected' },
  },
  // Optional only so that an unknown post answers 404 before the body is judged; a missing body is a 400.
  schedulePost: {
    params: uuidParam,
    body: scheduleRequest.optional(),
    response: post,
    errors: {
      409: 'The post is being published, no target can be scheduled, or it awaits approval (`approval_required`)',
      422: 'A target breaks its network’s rules; each issue is in `errors`',
    },
  },
  publishPostNow: {
    params: uuidParam,
    response: post,
    successStatus: 202,
    errors: {
      409: 'The post is being published, no target can be published, or it awaits approval (`approval_required`)',
      422: 'A target breaks its network’s rules; each issue is in `errors`',
    },
  },
  previewPost: { params: uuidParam, response: postPreview },
  submitPostForReview: {
    params: uuidParam,
    body: z
      .object({ comment: reviewComment.optional() })
      .strict()
      .optional()
      .meta({ id: 'SubmitForReviewRequest' }),
    response: post,
    errors: { 409: 'The post is already in review or approved' },
  },
  approvePost: {
    params: uuidParam,
    body: z
      .object({ comment: reviewComment.optional() })
      .strict()
      .optional()
      .meta({ id: 'ApprovePostRequest' }),
    response: post,
    errors: {
      403: 'Your role may not approve posts in this organization (its approval policy)',
      409: 'The post is not waiting for review',
    },
  },
  // Bodies optional only so that an unknown post answers 404 before the body is judged; the
  // use-case refuses a missing comment with 400.
  requestPostChanges: {
    params: uuidParam,
    body: z
      .object({ comment: reviewComment.describe('What should change (required)') })
      .strict()
      .optional()
      .meta({ id: 'RequestChangesRequest' }),
    response: post,
    errors: {
      403: 'Your role may not review posts in this organization (its approval policy)',
      409: 'The post is not waiting for review',
    },
  },
  listPostReviews: {
    params: uuidParam,
    response: z.object({ reviews: z.array(postReview) }).meta({ id: 'PostReviewList' }),
  },
  commentOnPost: {
    params: uuidParam,
    body: z
      .object({ comment: reviewComment.describe('Required') })
      .strict()
      .optional()
      .meta({ id: 'PostCommentRequest' }),
    response: postReview,
    successStatus: 201,
  },
  // The operation reads the body itself: JSON, or a CSV file with the same columns.
  bulkSchedulePosts: {
    rawBody: {
      description:
        `1 to ${MAX_BULK_ROWS} posts, all scheduled or none: JSON (an array, or \`{ "posts": [...] }\`), ` +
        'or CSV with a header row: content, accounts (ids separated by spaces, commas or semicolons), ' +
        'at | local_time + time_zone, title, media_ids, first_comment. Each row gives `at`, or ' +
        '`localTime` with `timeZone`.',
      content: {
        'application/json': z.union([bulkRows, z.object({ posts: bulkRows }).strict()]),
        'text/csv': z.string().describe('UTF-8 CSV with a header row'),
      },
    },
    response: z.object({ posts: z.array(post) }).meta({ id: 'BulkScheduleResult' }),
    successStatus: 201,
    errors: {
      409: 'Your posts need approval in this organization (`approval_required`); nothing was created',
      413: 'The body is over 1000000 bytes',
      415: 'The body is neither `application/json` nor `text/csv`',
      422: 'A row cannot be scheduled (an account, media file or time is refused); nothing was scheduled',
    },
  },
  getCalendar: {
    query: calendarQuery,
    response: z.object({ timeZone: z.string(), entries: z.array(calendarEntry) }).meta({ id: 'Calendar' }),
  },
} satisfies AreaContracts<'posts'>;
