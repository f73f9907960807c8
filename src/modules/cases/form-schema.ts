// The application form of an item version: a small, renderable subset of JSON Schema (draft 2020-12)
// — a flat object of string, number, integer and boolean fields. Pure zod, shared with the web front end.
import { z } from 'zod';

const FieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);

export const FormField = z
  .object({
    type: z.enum(['string', 'number', 'integer', 'boolean']),
    title: z.string().trim().min(1).max(50),
    description: z.string().trim().max(300).optional(),
    maxLength: z.int().min(1).max(5000).optional(),
    minLength: z.int().min(0).max(5000).optional(),
    pattern: z.string().max(200).optional(),
    format: z.enum(['date']).optional(),
    enum: z.array(z.string().max(100)).min(1).max(50).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    /** how the portal renders a string: one line (default) or a text area */
    'x-widget': z.enum(['input', 'textarea']).optional(),
  })
  .strict();
export type FormField = z.infer<typeof FormField>;

export const FormSchema = z
  .object({
    type: z.literal('object'),
    title: z.string().max(100).optional(),
    properties: z.record(FieldName, FormField),
    required: z.array(FieldName).max(100),
    additionalProperties: z.literal(false),
  })
  .strict();
export type FormSchema = z.infer<typeof FormSchema>;
