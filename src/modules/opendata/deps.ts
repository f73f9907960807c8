// What the opendata module needs from outside: platform (db, clock), audit and sharing (the openable
// resources and one resource's plain rows, read through sharing's index only).
import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type { SharingModule } from '../sharing/index.ts';

export type OpendataDeps = PlatformDeps & {
  audit: Pick<AuditModule, 'record'>;
  sharing: Pick<SharingModule, 'openable' | 'openSource'>;
};

/** One published resource with its plain rows, as sharing hands it over. */
export type OpenSourceData = NonNullable<Awaited<ReturnType<SharingModule['openSource']>>>;
export type OpenSource = OpenSourceData['source'];
export type DataItem = OpenSource['items'][number];
