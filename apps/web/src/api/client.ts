import createClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];

/** An answer of the API's one error shape (ErrorResponse in the OpenAPI document). */
export type ErrorBody = Schemas['ErrorResponse'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
  get code(): string {
    return this.body?.code ?? (this.status >= 500 ? 'INTERNAL' : 'UNKNOWN');
  }
}

const TOKEN_KEY = 'ancrage.token';
let unauthorised: () => void = () => undefined;

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
  /** Called when the API answers 401: the session shell signs out. */
  onUnauthorised: (handler: () => void) => {
    unauthorised = handler;
  },
};

const auth: Middleware = {
  onRequest({ request }) {
    const value = token.get();
    if (value) request.headers.set('authorization', `Bearer ${value}`);
    request.headers.set('accept', 'application/json');
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401 && token.get()) unauthorised();
    if (!response.ok) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as ErrorBody | null;
      throw new ApiError(response.status, body);
    }
    return response;
  },
};

/** The typed client: paths, parameters, bodies and answers come from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** React Query hooks over the same client (`$api.useQuery('get', '/agencies/{safir}', …)`). */
export const $api = createQueryHooks(api);

/** CSV needs the token, so it is fetched and handed to the browser as a file. */
export async function download(path: string, query: Record<string, string | number | undefined>, filename: string): Promise<void> {
  const params = new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  const res = await fetch(`${path}?${params}`, { headers: { authorization: `Bearer ${token.get() ?? ''}` } });
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => null)) as ErrorBody | null);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** A file sent as multipart/form-data (an import's spreadsheet, an agreement's document), with its fields, answered as JSON. */
export async function uploadFile<T>(path: string, file: File, fields: Record<string, string | undefined> = {}): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
  form.append('file', file);
  const res = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.get() ?? ''}`, accept: 'application/json' },
    body: form,
  });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new ApiError(res.status, body as ErrorBody | null);
  return body as T;
}
