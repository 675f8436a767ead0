import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Secrets Manager that speaks its wire protocol (AWS JSON 1.1,
 * `X-Amz-Target: secretsmanager.GetSecretValue`), so code that builds its own
 * `SecretsManagerClient` runs unchanged against it: point AWS_ENDPOINT_URL_SECRETS_MANAGER
 * at `endpoint`. Only GetSecretValue is served; signatures are not checked.
 */
export interface SecretsManagerServer {
  endpoint: string;
  /** Secret ids (ARNs) asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export async function startSecretsManagerServer(
  secrets: Record<string, string>,
): Promise<SecretsManagerServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const target = request.headers['x-amz-target'];
      const input = JSON.parse((await readBody(request)) || '{}') as { SecretId?: string };
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(body));
      };
      if (target !== 'secretsmanager.GetSecretValue') {
        send(400, { __type: 'InvalidRequestException', message: `unsupported ${String(target)}` });
        return;
      }
      const id = input.SecretId ?? '';
      requests.push(id);
      const value = secrets[id];
      if (value === undefined) {
        send(400, { __type: 'ResourceNotFoundException', message: `Secrets Manager can't find ${id}` });
        return;
      }
      send(200, { ARN: id, Name: id, SecretString: value, VersionId: 'v1', VersionStages: ['AWSCURRENT'] });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
