/**
 * The environment a Plume Lambda starts with, filled with harmless dummy values: it selects
 * the AWS composition root (PLUME_RUNTIME=aws) so module scope runs exactly as in Lambda,
 * while every host is under `.invalid` (RFC 2606) so nothing could connect even if a module
 * tried to at import time. Mirrors the variables lib/plume-function.ts sets.
 */
export function lambdaEnvironment(functionName: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'production',
    TZ: 'UTC',
    // Set by the Lambda service itself.
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'bench',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: `plume-bench-${functionName}`,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/plume-bench-${functionName}`,
    // Set by the stack (PlumeFunction). NODE_EXTRA_CA_CERTS points at a file only Lambda has
    // and is read at the first TLS connection, never at import, so it is left out.
    NODE_OPTIONS: '--enable-source-maps',
    POWERTOOLS_SERVICE_NAME: `plume-${functionName}`,
    PLUME_RUNTIME: 'aws',
    PLUME_VERSION: '0.0.0-bench',
    PUBLIC_URL: 'https://plume.invalid',
    LOG_LEVEL: 'INFO',
    DB_HOST: 'aurora.plume.invalid',
    DB_PORT: '5432',
    DB_NAME: 'plume',
    DB_USER: 'plume_app',
    DB_IAM_AUTH: 'true',
    QUEUE_URLS: JSON.stringify({ publish: 'https://sqs.us-east-1.plume.invalid/000000000000/plume-publish' }),
    SCHEDULE_GROUP: 'plume-bench',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/plume-bench-scheduler',
    PUBLISH_QUEUE_ARN: 'arn:aws:sqs:us-east-1:000000000000:plume-publish',
    TABLE_NAME: 'plume-bench',
    MEDIA_BUCKET: 'plume-bench-media',
    WS_CALLBACK_URL: 'https://ws.plume.invalid/prod',
    KMS_KEY_ID: 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000',
    MAIL_FROM: 'Plume <no-reply@plume.invalid>',
    JWT_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:plume-jwt',
    ANTHROPIC_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:plume-anthropic',
    STRIPE_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:plume-stripe',
    LLM_PROVIDER: 'bedrock',
  };
}
