// A sentence as data: a Fluent key from locales/<lang>/supervision.ftl and its params. Shells
// translate each line and join them with newlines (one message, phone-friendly).
export interface Line {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}
