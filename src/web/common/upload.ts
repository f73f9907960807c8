// Uploading a material file: the browser checks size and type with the files module's own limits before
// a byte is sent, then POSTs the raw bytes with the name percent-encoded in X-File-Name.
import { postFile } from '../api.ts';
import { ACCEPTED_TYPES, type FileView, MAX_FILE_BYTES, sizeText } from './cases.ts';

const EXTENSIONS = Object.values(ACCEPTED_TYPES).flat();
const TYPES = new Set(Object.keys(ACCEPTED_TYPES));

/** Why a file cannot be uploaded, in Chinese, or null when it may be sent. */
export function fileProblem(file: Pick<File, 'name' | 'size' | 'type'>): string | null {
  const lower = file.name.toLowerCase();
  const isKnownType = EXTENSIONS.some((e) => lower.endsWith(e)) || TYPES.has(file.type);
  if (!isKnownType) return `“${file.name}”不是 PDF、JPG、PNG 或 OFD 文件`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_FILE_BYTES)
    return `“${file.name}”（${sizeText(file.size)}）超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 的大小上限`;
  return null;
}

export function uploadFile(file: File): Promise<FileView> {
  return postFile<FileView>('/api/files', file, 'application/octet-stream', {
    'x-file-name': encodeURIComponent(file.name),
  });
}
