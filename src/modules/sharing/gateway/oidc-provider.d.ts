// The few parts of oidc-provider 9 (untyped JavaScript) that sharing's gateway uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    Client: { prototype: { compareClientSecret(this: { clientSecret: string }, actual: string): unknown } };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  export const errors: { InvalidTarget: new (description?: string) => Error };
}
