// Search routes: the public search box and suggestions, and the synonym table the service office edits.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/http/access.ts';
import type { CatalogSearch } from './index.ts';
import {
  SearchRequest,
  SearchResponse,
  SuggestRequest,
  SuggestResponse,
  SynonymBody,
  SynonymList,
  SynonymParams,
} from './schema.ts';

const tags = ['catalog-search'];
const isPublic = { access: 'public' as const };
const officeAdmin = { access: { roles: ['office_admin' as const] } };

export function searchRoutes(search: CatalogSearch): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/catalog/search',
      {
        config: isPublic,
        schema: { tags, summary: '事项检索', querystring: SearchRequest, response: { 200: SearchResponse } },
      },
      async (req) => {
        const { q, division, department, onlineDepth, ...rest } = req.query;
        const result = await search.search({
          ...rest,
          q,
          divisionCode: division,
          departmentId: department,
          minOnlineDepth: onlineDepth,
        });
        return {
          ...result,
          hits: result.hits.map(({ nameHighlighted, score: _, ...hit }) => ({
            ...hit,
            nameSegments: nameHighlighted,
          })),
        };
      },
    );
    app.get(
      '/api/catalog/suggest',
      {
        config: isPublic,
        schema: {
          tags,
          summary: '检索联想',
          querystring: SuggestRequest,
          response: { 200: SuggestResponse },
        },
      },
      async (req) => search.suggest(req.query.q),
    );
    app.get(
      '/api/admin/catalog/synonyms',
      { config: officeAdmin, schema: { tags, summary: '同义词列表', response: { 200: SynonymList } } },
      async () => search.listSynonyms(),
    );
    app.put(
      '/api/admin/catalog/synonyms',
      {
        config: officeAdmin,
        schema: { tags, summary: '保存同义词', body: SynonymBody, response: { 200: SynonymList.element } },
      },
      async (req) => search.saveSynonym(contextOf(req), req.body),
    );
    app.delete(
      '/api/admin/catalog/synonyms/:term',
      {
        config: officeAdmin,
        schema: { tags, summary: '删除同义词', params: SynonymParams, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await search.removeSynonym(contextOf(req), req.params.term);
        return reply.status(204).send(null);
      },
    );
  };
}
