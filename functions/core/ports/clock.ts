/** Time source. Inject a fixed or manual clock in tests instead of sleeping. */
export interface Clock {
  now(): Date;
}
