import { randomUUID } from 'node:crypto';
import type { Ids } from '../../core/ports';

/** UUID v4 from the platform's CSPRNG. */
export class RandomIds implements Ids {
  uuid(): string {
    return randomUUID();
  }
}
