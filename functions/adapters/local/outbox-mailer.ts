import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Ids, Logger, MailMessage, Mailer } from '../../core/ports';

export interface OutboxMessage extends MailMessage {
  messageId: string;
  from: string;
  sentAt: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;
/** Orders messages written within the same millisecond (a manual clock in tests). */
let sequence = 0;

/**
 * Local mail: every message becomes a JSON file in `<dataDir>/outbox/`, and a log line
 * lists the links in it, so a developer can click the verification or invitation link
 * straight from the terminal.
 */
export class OutboxMailer implements Mailer {
  private readonly dir: string;

  constructor(
    private readonly options: { dataDir: string; from: string; clock: Clock; ids: Ids; logger: Logger },
  ) {
    this.dir = join(options.dataDir, 'outbox');
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const sentAt = this.options.clock.now().toISOString();
    const messageId = `local-${this.options.ids.uuid()}`;
    const stored: OutboxMessage = { messageId, from: this.options.from, sentAt, ...message };
    await mkdir(this.dir, { recursive: true });
    // The timestamp prefix keeps a directory listing in sending order.
    sequence += 1;
    const fileName = `${sentAt.replace(/[:.]/g, '-')}_${String(sequence).padStart(6, '0')}_${messageId}.json`;
    // Written aside and renamed into place: a reader (a test, a developer's script) listing
    // the outbox meanwhile sees the whole message or none, never half a JSON file.
    const partial = join(this.dir, `${fileName}.partial`);
    await writeFile(partial, JSON.stringify(stored, null, 2) + '\n');
    await rename(partial, join(this.dir, fileName));
    this.options.logger.info(`Mail to ${message.to}: ${message.subject}`, {
      messageId,
      links: message.text.match(URL_PATTERN) ?? [],
      file: join(this.dir, fileName),
    });
    return { messageId };
  }
}

/** Every message in the outbox, oldest first (optionally only those sent to one address). */
export async function readOutbox(dataDir: string, to?: string): Promise<OutboxMessage[]> {
  const dir = join(dataDir, 'outbox');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const messages = await Promise.all(
    names
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as OutboxMessage),
  );
  return to ? messages.filter((message) => message.to.toLowerCase() === to.toLowerCase()) : messages;
}
