import * as z from 'zod';
import { DEFAULT_LLM_TIMEOUT_MS, LLM_TIMEOUT_CEILING_MS } from './llm-timeout';

/**
 * Claude model identifiers (Anthropic's model list and "Claude on Amazon Bedrock"). Sonnet 4.6
 * is served by the Anthropic API and, through every region's `global.` cross-region inference
 * profile, by Bedrock's InvokeModel, which the Bedrock adapter uses. Both are settings: pick a
 * newer model when your account has it.
 */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-4-6';
export const DEFAULT_BEDROCK_MODEL = 'global.anthropic.claude-sonnet-4-6';
/** An Anthropic API model id or alias: `claude-sonnet-4-6`, `claude-sonnet-4-5-20250929`. */
export const anthropicModelId = z
  .string()
  .regex(/^claude-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an Anthropic model id such as claude-sonnet-4-6');
/**
 * A Claude model on Bedrock: a foundation model id or a cross-region inference profile
 * (`global.`, `us.`, `eu.`, `jp.`, `apac.`…). Only Anthropic Claude models: that is all the IAM
 * grant (lib/plume-function.ts useLlm) allows.
 */
export const bedrockModelId = z
  .string()
  .regex(
    /^([a-z]{2,6}\.)?anthropic\.claude-[a-z0-9-]+(-v\d+(:\d+)?)?$/,
    'must be a Bedrock Claude model or inference profile id such as global.anthropic.claude-sonnet-4-6',
  );

/**
 * Every setting Plume reads from the environment, validated once per process. CDK sets
 * these on each Lambda (lib/plume-function.ts); the local runtime fills local defaults.
 */
const envSchema = z.object({
  /** `aws` in Lambda, `local` for `npm start` and tests. Chooses the adapters. */
  PLUME_RUNTIME: z.enum(['aws', 'local']).default('local'),
  PLUME_VERSION: z.string().default('0.1.0'),
  /** Public base URL of the dashboard (links in mail, OAuth callbacks). */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /**
   * Days raw (hourly) metric snapshots are kept; older ones are thinned to the last snapshot of
   * each post per UTC day, the daily rollup kept for ever (core/analytics/prune-snapshots.ts).
   */
  ANALYTICS_RAW_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * In AWS, where an export cannot be streamed to the client: the most rows written to storage
   * within the request (API Gateway gives a Lambda 30 s); a larger export becomes a background
   * job whose file appears among the reports (core/analytics/reports/request-export.ts).
   */
  ANALYTICS_INLINE_EXPORT_ROWS: z.coerce.number().int().min(0).max(1_000_000).default(50_000),

  /** postgres://… ; unset locally means embedded PGlite under PLUME_DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /** AWS: the Aurora cluster endpoint and IAM-auth user (tokens are generated per connection). */
  DB_HOST: z.string().optional(),
  DB_PORT: z.coerce.number().int().default(5432),
  DB_NAME: z.string().default('plume'),
  /** The IAM-auth login role Lambdas connect as; it may SET ROLE to plume_app / plume_system. */
  DB_USER: z.string().default('plume_lambda'),
  /** Migration function only: the RDS-managed master secret (JSON username/password). */
  DB_ADMIN_SECRET_ARN: z.string().optional(),
  DB_IAM_AUTH: z.enum(['true', 'false']).default('false'),
  /**
   * `false` behind RDS Proxy: a named prepared statement pins the client to one database
   * connection for the rest of its session, which defeats the proxy's pooling.
   */
  DB_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  /** With DB_HOST and no IAM auth: the password, passed to the driver as a field (never in a URL). */
  PGPASSWORD: z.string().optional(),
  /**
   * Seconds one database connection attempt may take; one more attempt follows a failed one.
   * CDK sets it per function from its timeout (lib/database-wait.ts): a paused Aurora resumes
   * in ~15 s, 30 s and more after a day asleep.
   */
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  PLUME_DATA_DIR: z.string().default('.data'),

  AWS_REGION: z.string().optional(),
  /** SQS queue URLs as JSON: {"publish":"https://sqs…", "agent-content-creator": …}. */
  QUEUE_URLS: z.string().default('{}'),
  SCHEDULE_GROUP: z.string().default('plume'),
  SCHEDULER_ROLE_ARN: z.string().optional(),
  PUBLISH_QUEUE_ARN: z.string().optional(),
  TABLE_NAME: z.string().default('plume'),
  MEDIA_BUCKET: z.string().default('plume-media'),
  WS_CALLBACK_URL: z.string().optional(),
  KMS_KEY_ID: z.string().optional(),
  MAIL_FROM: z.string().default('Plume <no-reply@localhost>'),
  SES_CONFIGURATION_SET: z.string().optional(),

  /** Secrets Manager ARNs (AWS) — the values are read at run time, never put in env. */
  JWT_SECRET_ARN: z.string().optional(),
  ANTHROPIC_SECRET_ARN: z.string().optional(),
  STRIPE_SECRET_ARN: z.string().optional(),
  /** JSON secret with each social network's app credentials (client ids and secrets). */
  PLATFORM_APPS_SECRET_ARN: z.string().optional(),
  /**
   * HTTP functions behind CloudFront: JSON `{"current","previous"}` secret CloudFront sends in
   * x-plume-origin-verify. Only a request carrying it has its CloudFront-Viewer-Address believed.
   */
  ORIGIN_VERIFY_SECRET_ARN: z.string().optional(),

  /** anthropic | bedrock | offline. Locally `offline` unless ANTHROPIC_API_KEY is set. */
  LLM_PROVIDER: z.enum(['anthropic', 'bedrock', 'offline']).optional(),
  LLM_MODEL: anthropicModelId.default(DEFAULT_ANTHROPIC_MODEL),
  /** A cross-region inference profile, so every commercial region can serve it. */
  BEDROCK_MODEL_ID: bedrockModelId.default(DEFAULT_BEDROCK_MODEL),
  ANTHROPIC_API_KEY: z.string().optional(),
  /**
   * Agent memory's embeddings: `bedrock` (Titan Text Embeddings V2) or `local` (offline
   * hashing, lexical). In AWS `bedrock` unless LLM_PROVIDER is offline; locally `local`.
   */
  EMBEDDINGS_PROVIDER: z.enum(['bedrock', 'local']).optional(),
  /** Titan's vector size (256, 512 or 1024); a change re-embeds the memories on their next refresh. */
  EMBEDDING_DIMENSIONS: z.coerce
    .number()
    .pipe(z.union([z.literal(256), z.literal(512), z.literal(1024)]))
    .default(512),
  /**
   * Milliseconds one model call may take, retries and their waits included; at most the agent
   * Lambda's timeout minus a margin (config/llm-timeout.ts), so a call never outlives its Lambda.
   */
  LLM_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(LLM_TIMEOUT_CEILING_MS)
    .default(DEFAULT_LLM_TIMEOUT_MS),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Locally: the same JSON as the platform-apps secret (or put it in .data/secrets.json). */
  PLATFORM_APPS: z.string().optional(),

  /** Requests per minute per signed-in user or API key (benchmarks raise it to measure the API itself). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Browser origins allowed to call the HTTP API's own URL with CORS (comma separated). */
  CORS_ORIGINS: z.string().default(''),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; throws a readable error listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid Plume configuration:\n${lines.join('\n')}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}

/** Tests that change process.env call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}
