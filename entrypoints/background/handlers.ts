import type { AnnotationStore } from '@/storage/db/annotation-store';
import { parseRequest, type Request, type RequestType, type Response, type ResponseData } from '@/storage/messaging/messages';
import type { SettingsStore } from '@/storage/db/settings';
import { errorMessage } from '@/storage/model/error-message';

export interface HandlerDeps {
  store: AnnotationStore;
  injectInto: (tabId: number) => Promise<void>;
  /** Optional so tests of annotation messages need not build one; settings requests then fail. */
  settings?: SettingsStore;
}

/**
 * Answers one message. Plain function of (dependencies, raw message) so unit tests call it directly;
 * the background only wires it to `runtime.onMessage`. Never throws: errors become
 * `{ ok: false, error }` so the sender can tell the reader what went wrong.
 */
export async function handleMessage(deps: HandlerDeps, raw: unknown): Promise<Response<RequestType>> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, data: await dispatch(deps, parsed.request) };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}

async function dispatch({ store, injectInto, settings }: HandlerDeps, req: Request): Promise<ResponseData[RequestType]> {
  switch (req.type) {
    case 'annotation.save':
      return { annotation: await store.save(req.annotation) };
    case 'annotation.update':
      return { annotation: await store.update(req.id, req.patch) };
    case 'annotation.delete':
      return { deleted: await store.delete(req.id) };
    case 'annotation.listForPage':
      return { annotations: await store.forPage(req.pageKey) };
    case 'tab.enable':
      await injectInto(req.tabId);
      return { enabled: true };
    case 'settings.get':
      return { settings: await needSettings(settings).get() };
    case 'settings.set':
      return { settings: await needSettings(settings).set(req.patch) };
  }
}

function needSettings(settings: SettingsStore | undefined): SettingsStore {
  if (!settings) throw new Error('settings are not available here');
  return settings;
}
