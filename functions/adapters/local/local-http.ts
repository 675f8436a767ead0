/** The plain request/response shapes the local server hands to local-only endpoints. */
export interface LocalHttpRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface LocalHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An error the way S3 answers one, so the dashboard's error handling sees the same thing. */
export function s3StyleError(statusCode: number, code: string, message: string): LocalHttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`,
  };
}
