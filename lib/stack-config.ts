import { z } from 'zod';
import {
  DEFAULT_ANTHROPIC_MODEL,
  DEFAULT_BEDROCK_MODEL,
  anthropicModelId,
  bedrockModelId,
} from '../functions/config/env';

/**
 * The knobs an operator turns at deploy time (`npx cdk deploy -c natMode=gateway ...`).
 * Defaults are the cheapest setup that still works end to end; see README for the
 * monthly cost of each choice.
 */
export interface PlumeStackConfig {
  /**
   * How private subnets reach the internet (social networks, Anthropic, Stripe, AWS APIs):
   * - `instance` (default): one t4g.nano NAT instance (~$3/month + its public IPv4 ~$3.60).
   * - `gateway`: one managed NAT gateway (~$33/month + data processing).
   * - `gateway-per-az`: a NAT gateway in each of the two AZs (highly available, ~$66/month).
   * - `none`: no egress at all; the subnets are isolated and interface endpoints are
   *   forced on. Social networks, Anthropic and WebSocket pushes from VPC functions are then
   *   unreachable, so it requires `llmProvider=bedrock` (or offline): a locked-down install.
   */
  natMode: 'instance' | 'gateway' | 'gateway-per-az' | 'none';
  /**
   * Interface VPC endpoints for Secrets Manager, KMS, SQS, Scheduler, SES and Bedrock
   * (~$7.30/month each per AZ, so ~$88/month). Off by default: traffic goes via NAT.
   * Gateway endpoints for S3 and DynamoDB are free and always on.
   */
  interfaceEndpoints: boolean;
  /** Aurora Serverless v2 minimum ACUs. 0 lets the database pause when idle (no compute cost). */
  dbMinCapacity: number;
  /** Aurora Serverless v2 maximum ACUs (1 ACU = 2 GiB RAM, ~$0.12/hour in us-east-1). */
  dbMaxCapacity: number;
  /** Protects the database from deletion: on by default (it holds the customer's data); a trial passes false to tear down. */
  deletionProtection: boolean;
  /** Days of automated Aurora backups (1..35). */
  backupRetentionDays: number;
  /** Put RDS Proxy (end-to-end IAM auth) in front of Aurora for large installs (min. 8 ACU billed). */
  useRdsProxy: boolean;
  /** Email address subscribed to the alarm topic (confirm the subscription mail). */
  alarmEmail?: string;
  /**
   * Who Plume's mail comes from: SES refuses any sender it has not verified, so one of the two
   * is required. `mailFromDomain` creates a domain identity (publish its DKIM records; mail
   * comes from no-reply@<domain>); `mailFromAddress` creates an email address identity (click
   * the link SES mails to it; quickest for a trial).
   */
  mailFromDomain?: string;
  mailFromAddress?: string;
  /** Browser origins allowed to call the HTTP API's own URL with CORS. The dashboard needs none. */
  corsOrigins: string[];
  /** The built dashboard (Vite output), relative to the repository root or absolute. */
  webAssetPath: string;
  /**
   * Which language model the agents use: Anthropic API (key in Secrets Manager; needs internet
   * egress), Bedrock (IAM; through NAT or the bedrock-runtime endpoint), offline.
   */
  llmProvider: 'anthropic' | 'bedrock' | 'offline';
  /** The Anthropic API model (LLM_MODEL). */
  anthropicModel: string;
  /** The Bedrock model or cross-region inference profile (BEDROCK_MODEL_ID). */
  bedrockModel: string;
  /**
   * Optional custom domain for the dashboard. CloudFront's default *.cloudfront.net
   * certificate cannot enforce TLS 1.2, a custom certificate (in us-east-1) can.
   */
  domainName?: string;
  certificateArn?: string;
  /**
   * Bump after putting a new `current` value in the origin-verify secret (README): CloudFront
   * then re-reads it. The functions accept `current` and `previous` meanwhile.
   */
  originVerifyGeneration: number;
}

const flag = z.preprocess((value) => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0' || value === '') return false;
  return value;
}, z.boolean());

const list = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}, z.array(z.string()));

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

const domainName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
    'must be a domain name such as example.com',
  );

const origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}, 'must be a bare origin such as https://app.example.com (no path, no trailing slash)');

const fields = {
  natMode: z.enum(['instance', 'gateway', 'gateway-per-az', 'none']).default('instance'),
  interfaceEndpoints: flag.default(false),
  dbMinCapacity: z.coerce.number().min(0).max(256).multipleOf(0.5).default(0),
  dbMaxCapacity: z.coerce.number().min(1).max(256).multipleOf(0.5).default(4),
  deletionProtection: flag.default(true),
  backupRetentionDays: z.coerce.number().int().min(1).max(35).default(7),
  useRdsProxy: flag.default(false),
  alarmEmail: z.preprocess((value) => (value === '' ? undefined : value), z.email().optional()),
  mailFromDomain: z.preprocess((value) => (value === '' ? undefined : value), domainName.optional()),
  mailFromAddress: z.preprocess((value) => (value === '' ? undefined : value), z.email().optional()),
  corsOrigins: list.pipe(z.array(origin)).default([]),
  webAssetPath: z.string().min(1).default('web/dist'),
  llmProvider: z.enum(['anthropic', 'bedrock', 'offline']).default('anthropic'),
  anthropicModel: anthropicModelId.default(DEFAULT_ANTHROPIC_MODEL),
  bedrockModel: bedrockModelId.default(DEFAULT_BEDROCK_MODEL),
  domainName: optionalText,
  certificateArn: optionalText,
  originVerifyGeneration: z.coerce.number().int().min(1).default(1),
};

export const stackConfigSchema = z
  .object(fields)
  .refine((c) => c.dbMaxCapacity >= c.dbMinCapacity, {
    message: 'dbMaxCapacity must be at least dbMinCapacity',
    path: ['dbMaxCapacity'],
  })
  .refine((c) => c.dbMinCapacity === 0 || c.dbMinCapacity >= 0.5, {
    message: 'dbMinCapacity is 0 (pause when idle) or at least 0.5',
    path: ['dbMinCapacity'],
  })
  .refine((c) => (c.mailFromDomain === undefined) !== (c.mailFromAddress === undefined), {
    message:
      'Plume sends mail (sign-up, invitations, notifications) and SES refuses an unverified sender: set exactly one of -c mailFromDomain=example.com (a domain identity; publish its DKIM records) or -c mailFromAddress=you@example.com (an address identity; click the link SES mails to it)',
    path: ['mailFromDomain'],
  })
  .refine((c) => !(c.natMode === 'none' && c.llmProvider === 'anthropic'), {
    message:
      'natMode=none leaves no route to the Anthropic API: use -c llmProvider=bedrock (reached through the VPC endpoint natMode=none adds) or offline, or keep a NAT',
    path: ['llmProvider'],
  })
  .refine((c) => (c.domainName === undefined) === (c.certificateArn === undefined), {
    message: 'domainName and certificateArn go together',
    path: ['certificateArn'],
  });

/** The context keys bin/app.ts reads, one per config field. */
export const STACK_CONFIG_KEYS = Object.keys(fields) as Array<keyof PlumeStackConfig>;

/**
 * Validates raw context values (strings from `-c key=value`, typed values from cdk.json)
 * into a config, throwing one readable error that lists every bad key.
 */
export function parseStackConfig(raw: Record<string, unknown>): PlumeStackConfig {
  const parsed = stackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid Plume stack configuration (cdk context):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
