/** Identifier source (UUID v4 by default) so tests can make ids predictable. */
export interface Ids {
  uuid(): string;
}
