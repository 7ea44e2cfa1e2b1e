// A small typed fetch client for the Rekrutmen ASN API. Every error the server sends has the shape
// { error: { code, message, fields? } }; it becomes an ApiError so pages can show the server's own
// Indonesian message and put field problems next to the right input.

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(options: { status: number; code: string; message: string; fields?: FieldErrors }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message to show a user for any thrown value. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Terjadi kesalahan yang tidak terduga. Silakan coba lagi.';
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

const fallbackMessages: Record<number, string> = {
  400: 'Permintaan tidak valid.',
  401: 'Anda perlu masuk terlebih dahulu.',
  403: 'Anda tidak memiliki akses untuk tindakan ini.',
  404: 'Data tidak ditemukan.',
  409: 'Data bertentangan dengan data yang sudah ada.',
  429: 'Terlalu banyak permintaan. Silakan tunggu sebentar.',
};

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function parseErrorBody(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (error && typeof error === 'object') {
      const { code, message, fields } = error as { code?: unknown; message?: unknown; fields?: unknown };
      return new ApiError({
        status,
        code: typeof code === 'string' ? code : `HTTP_${status}`,
        message: typeof message === 'string' && message ? message : (fallbackMessages[status] ?? 'Terjadi kesalahan pada server.'),
        fields: fields && typeof fields === 'object' ? (fields as FieldErrors) : undefined,
      });
    }
  }
  return new ApiError({
    status,
    code: `HTTP_${status}`,
    message: fallbackMessages[status] ?? 'Terjadi kesalahan pada server. Silakan coba lagi.',
  });
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
    });
  }

  const text = response.status === 204 ? '' : await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) throw parseErrorBody(response.status, parsed);
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>(path, { method: 'GET', query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
};

export interface UploadOptions {
  method?: 'POST' | 'PUT';
  /** The multipart field that carries the file (the server reads one file, "file" by default). */
  field?: string;
  /** Called with the share sent so far, 0–1; a browser reports it only for the request body. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Text fields sent before the file (the server reads the fields that precede it). */
  fields?: Record<string, string>;
}

/**
 * Sends one file (or several, or none: just the fields) as multipart/form-data. XMLHttpRequest rather than fetch: only it reports upload
 * progress, which matters on a slow phone connection. Errors take the same ApiError shape.
 */
export function uploadFile<T>(path: string, file: Blob | readonly Blob[], options: UploadOptions = {}): Promise<T> {
  const { method = 'PUT', field = 'file', onProgress, signal, fields = {} } = options;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let parsed: unknown = undefined;
      if (xhr.responseText) {
        try {
          parsed = JSON.parse(xhr.responseText);
        } catch {
          parsed = undefined;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(parseErrorBody(xhr.status, parsed));
    });
    const networkError = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'NETWORK_ERROR',
          message: 'Unggahan terputus. Periksa koneksi internet Anda lalu unggah ulang berkasnya.',
        }),
      );
    xhr.addEventListener('error', networkError);
    xhr.addEventListener('timeout', networkError);
    xhr.addEventListener('abort', () => reject(new DOMException('Unggahan dibatalkan', 'AbortError')));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const blob of Array.isArray(file) ? file : [file]) form.append(field, blob, blob instanceof File ? blob.name : 'berkas');
    xhr.send(form);
  });
}
