// Stable error codes of catalog search.
import { defineError } from '../../../platform/errors.ts';

export const searchErrors = {
  synonymInvalid: defineError('CATALOG_SYNONYM_INVALID', 400, '同义词不符合要求'),
  synonymNotFound: defineError('CATALOG_SYNONYM_NOT_FOUND', 404, '同义词不存在'),
};
