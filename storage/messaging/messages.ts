import { z } from 'zod';
import { AnnotationSchema, ColorSchema, MAX_NOTE, MAX_TAG, MAX_TAGS, MAX_URL } from '../model/annotation';
import { SettingsPatchSchema, type Settings } from '../db/settings';

/**
 * Every message between Sourcemark's contexts, declared once. Content scripts and extension
 * pages send requests; the background (which owns the database) answers. Each request is
 * validated on arrival: a malformed one gets `{ ok: false, error }`, never a crash.
 */
export const RequestSchema = z.discriminatedUnion('type', [
  /** Store a new annotation (or replace one with the same id). */
  z.strictObject({ type: z.literal('annotation.save'), annotation: AnnotationSchema }),
  /** Change the reader-editable fields of one annotation. */
  z.strictObject({
    type: z.literal('annotation.update'),
    id: z.uuid(),
    patch: z.strictObject({
      note: z.string().max(MAX_NOTE).optional(),
      color: ColorSchema.optional(),
      tags: z.array(z.string().min(1).max(MAX_TAG)).max(MAX_TAGS).optional(),
    }),
  }),
  z.strictObject({ type: z.literal('annotation.delete'), id: z.uuid() }),
  /** The annotations of one page, oldest first. */
  z.strictObject({ type: z.literal('annotation.listForPage'), pageKey: z.string().min(1).max(MAX_URL) }),
  /** Run Sourcemark in a tab that does not have it (the popup's "use on this page"). */
  z.strictObject({ type: z.literal('tab.enable'), tabId: z.number().int().nonnegative() }),
  /** Every setting, defaults filled in (the content script cannot open the database). */
  z.strictObject({ type: z.literal('settings.get') }),
  /** Change some settings; answers with all of them. */
  z.strictObject({ type: z.literal('settings.set'), patch: SettingsPatchSchema }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What each request answers with, when it succeeds. */
export interface ResponseData {
  'annotation.save': { annotation: z.infer<typeof AnnotationSchema> };
  'annotation.update': { annotation: z.infer<typeof AnnotationSchema> };
  'annotation.delete': { deleted: boolean };
  'annotation.listForPage': { annotations: z.infer<typeof AnnotationSchema>[] };
  'tab.enable': { enabled: true };
  'settings.get': { settings: Settings };
  'settings.set': { settings: Settings };
}

export type Response<T extends RequestType> = { ok: true; data: ResponseData[T] } | { ok: false; error: string };

/** Names the first problem of a zod error with its location, e.g. `annotation.color: Invalid option`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return `${where}: ${issue.message}`;
}

export function parseRequest(raw: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const parsed = RequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, error: `invalid message: ${describeZodError(parsed.error)}` };
}
