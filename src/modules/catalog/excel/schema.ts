// Shapes of the Excel import and export (pure zod, shared with the web front end's import page).
import { z } from 'zod';
import { DivisionCode } from '../schema.ts';

export const ExportQuery = z
  .object({
    /** one division of the department's list; all of them when absent */
    division: DivisionCode.optional(),
    /** the service office names the department; a department admin gets their own */
    department: z.uuid().optional(),
  })
  .strict();

export const ImportSummary = z.object({
  rows: z.int(),
  changed: z.int(),
  unchanged: z.int(),
  submitted: z.array(
    z.object({
      implementationId: z.string(),
      code: z.string(),
      name: z.string(),
      versionId: z.string(),
      versionNo: z.int(),
      /** the guide elements that differ from the published version */
      elements: z.array(z.string()),
    }),
  ),
});

/** One entry of the 422 report (`errors` of the problem). */
export const ImportProblem = z.object({
  path: z.string(),
  sheet: z.string(),
  row: z.int(),
  column: z.string(),
  message: z.string(),
});
