// The raw .xlsx body of an import, read with a cap of IMPORT_LIMIT: a declared Content-Length over it
// is refused before a byte is read, a body without one (chunked) as soon as it passes the cap — 413
// CATALOG_IMPORT_TOO_LARGE either way. The rest of the upload is read and dropped rather than the
// connection cut, so the client (a browser mid-upload) gets the answer instead of a reset.
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { excelErrors } from './errors.ts';

/** The largest upload the import reads: 10 MB, far above any department's list (a few hundred KB). */
export const IMPORT_LIMIT = 10 * 1024 * 1024;

const tooLarge = (size: string) =>
  excelErrors.tooLarge(`导入文件不能超过 ${IMPORT_LIMIT / 1024 / 1024} MB（本次上传${size}）`);
const mb = (bytes: number) => ` ${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function readUpload(req: FastifyRequest, payload: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > IMPORT_LIMIT) return Promise.reject(tooLarge(mb(declared)));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
    };
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size <= IMPORT_LIMIT) return void chunks.push(chunk);
      stop();
      payload.resume(); // keep draining: the bytes still coming are dropped
      reject(tooLarge('超过此上限'));
    }
    function onEnd() {
      stop();
      resolve(Buffer.concat(chunks, size));
    }
    function onError(error: Error) {
      stop();
      reject(error);
    }
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });
}
