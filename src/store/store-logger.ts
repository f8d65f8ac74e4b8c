// The little the store needs from a logger; a pino Logger fits.

export interface StoreLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
