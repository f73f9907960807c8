// Files request and response shapes and the upload rules the browser must share with the server
// (pure: zod only). The web front end checks MAX_FILE_BYTES and ACCEPT before it sends a byte.
import { z } from 'zod';

/** The one size limit for an uploaded material or result: 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The longest original name kept (in characters, extension included). */
export const MAX_NAME_LENGTH = 100;

/** What the platform stores: PDF, JPEG, PNG and OFD (GB/T 33190 版式文档), sniffed from content. */
export const ALLOWED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;
export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

/** Extensions that go with each type; the first is added to a name that carries none of them. */
export const EXTENSIONS: Record<AllowedMediaType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/ofd': ['.ofd'],
};

/** For `<input type="file" accept=…>`: a hint to the file picker, never a check. */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';

/** The header that carries the original file name, percent-encoded UTF-8 (encodeURIComponent). */
export const FILE_NAME_HEADER = 'x-file-name';

export const UploadHeaders = z.object({
  [FILE_NAME_HEADER]: z
    .string()
    .max(4096)
    .optional()
    .describe('原始文件名，UTF-8 百分号编码（encodeURIComponent）；仅作显示，路径部分会被去掉'),
});

export const FileView = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.enum(ALLOWED_MEDIA_TYPES),
  sha256: z.string(),
});
export type FileView = z.infer<typeof FileView>;

export const FileIdParams = z.object({ id: z.uuid() }).strict();

/** A signed link's query (both or neither); without them only the uploader may download. */
export const DownloadQuery = z
  .object({
    expires: z.coerce.number().int().positive().max(99_999_999_999).optional(),
    signature: z
      .string()
      .regex(/^[\w-]{43}$/)
      .optional(),
  })
  .strict();
