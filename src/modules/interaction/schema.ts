// The interaction module's shapes shared with the web front end (pure: zod and constants only).
export * from './ratings/levels.ts';
export * from './ratings/schema.ts';
