// Files routes. Upload: `POST /api/files` with the raw bytes as `application/octet-stream` and the
// original name percent-encoded in `X-File-Name`; the body streams to a temp file and reading stops
// past the limit (413). Download: `GET /api/files/:id`, the uploader's own file, or any file through a
// signed link made for the caller; always an attachment with nosniff, never rendered on our origin.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/access.ts';
import { filesErrors } from './errors.ts';
import type { FilesModule } from './index.ts';
import { contentDisposition, decodeNameHeader } from './name.ts';
import { DownloadQuery, FILE_NAME_HEADER, FileIdParams, FileView, UploadHeaders } from './schema.ts';
import type { StagedFile } from './storage.ts';

const signedIn = { access: 'user' as const };
const tags = ['files'];

/** A parsed upload body: the staged temp file, removed after the response if nothing consumed it. */
class UploadBody {
  readonly staged: StagedFile;
  constructor(staged: StagedFile) {
    this.staged = staged;
  }
}

export function filesRoutes(files: FilesModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.addContentTypeParser('application/octet-stream', (req, payload, done) => {
      const length = req.headers['content-length'];
      files.receive(payload, length === undefined ? undefined : Number(length)).then(
        (staged) => done(null, new UploadBody(staged)),
        (error: Error) => done(error, undefined),
      );
    });
    // a staged body that a refused request (bad header, …) never published: gone before the answer
    const discard = async (req: { body: unknown }) => {
      if (req.body instanceof UploadBody) await files.discard(req.body.staged);
    };
    app.addHook('onError', discard);
    app.addHook('onResponse', discard);

    app.post(
      '/api/files',
      {
        config: signedIn,
        schema: {
          tags,
          summary: '上传材料文件（PDF、JPG、PNG、OFD，原始字节，文件名放在 X-File-Name）',
          consumes: ['application/octet-stream'],
          headers: UploadHeaders,
          body: z.unknown().describe('文件原始内容'),
          response: { 201: FileView },
        },
      },
      async (req, reply) => {
        if (!(req.body instanceof UploadBody)) throw filesErrors.notOctetStream();
        const name = decodeNameHeader(req.headers[FILE_NAME_HEADER]);
        const file = await files.upload(contextOf(req), req.body.staged, name);
        return reply.status(201).send({
          id: file.id,
          name: file.name,
          size: file.size,
          mediaType: file.mediaType,
          sha256: file.sha256,
        });
      },
    );

    app.get(
      '/api/files/:id/meta',
      {
        config: signedIn,
        schema: {
          tags,
          summary: '文件信息（名称、大小、类型；仅本人上传的文件，如续填草稿时）',
          params: FileIdParams,
          response: { 200: FileView },
        },
      },
      async (req) => {
        const { id, name, size, mediaType, sha256 } = await files.assertReadable(
          contextOf(req),
          req.params.id,
        );
        return { id, name, size, mediaType, sha256 };
      },
    );

    app.get(
      '/api/files/:id',
      {
        config: signedIn,
        schema: {
          tags,
          summary: '下载文件（本人上传的文件，或凭签名链接）',
          params: FileIdParams,
          querystring: DownloadQuery,
        },
      },
      async (req, reply) => {
        const { expires, signature } = req.query;
        if ((expires === undefined) !== (signature === undefined)) throw filesErrors.notFound();
        const link = expires !== undefined && signature !== undefined ? { expires, signature } : null;
        const file = await files.authorizeDownload(contextOf(req), req.params.id, link);
        const { stream } = await files.read(file.id);
        return reply
          .headers({
            'content-type': file.mediaType,
            'content-length': String(file.size),
            'content-disposition': contentDisposition(file.name),
            'x-content-type-options': 'nosniff',
            'cache-control': 'private, no-store',
            'content-security-policy': "default-src 'none'; sandbox",
            'cross-origin-resource-policy': 'same-origin',
          })
          .send(await stream());
      },
    );
  };
  return plugin;
}
