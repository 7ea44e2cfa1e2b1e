import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one table of error codes → HTTP status and default Indonesian message. Codes are stable: clients rely on them. */
export const ERROR_CODES = {
  VALIDATION_FAILED: [400, 'Data yang dikirim tidak valid.'],
  BAD_REQUEST: [400, 'Permintaan tidak dapat diproses.'],
  TOKEN_INVALID: [400, 'Tautan tidak valid.'],
  TOKEN_EXPIRED: [400, 'Tautan sudah kedaluwarsa. Silakan minta tautan baru.'],
  TOKEN_USED: [400, 'Tautan sudah pernah digunakan.'],
  UNAUTHENTICATED: [401, 'Silakan masuk terlebih dahulu.'],
  INVALID_CREDENTIALS: [401, 'Email atau kata sandi salah.'],
  FORBIDDEN: [403, 'Anda tidak berwenang melakukan tindakan ini.'],
  EMAIL_NOT_VERIFIED: [403, 'Email belum diverifikasi. Buka tautan verifikasi yang kami kirim ke email Anda.'],
  ACCOUNT_DISABLED: [403, 'Akun ini dinonaktifkan.'],
  ORIGIN_REJECTED: [403, 'Permintaan dari asal (Origin) yang tidak diizinkan.'],
  NOT_FOUND: [404, 'Data tidak ditemukan.'],
  ROUTE_NOT_FOUND: [404, 'Alamat API tidak ditemukan.'],
  CONFLICT: [409, 'Data bertentangan dengan data yang sudah ada.'],
  EMAIL_TAKEN: [409, 'Email sudah terdaftar.'],
  DUPLICATE_APPLICATION: [409, 'NIK ini sudah terdaftar pada seleksi lain dengan jenis dan tahun yang sama.'],
  REGISTRATION_CLOSED: [409, 'Pendaftaran tidak sedang dibuka.'],
  INVALID_STATE: [409, 'Tindakan ini tidak dapat dilakukan pada tahap sekarang.'],
  PAYLOAD_TOO_LARGE: [413, 'Data yang dikirim terlalu besar.'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Jenis konten tidak didukung.'],
  NOT_ELIGIBLE: [422, 'Tidak memenuhi syarat.'],
  FILE_INVALID: [422, 'Berkas tidak dapat diterima.'],
  DOCUMENTS_MISSING: [422, 'Dokumen wajib belum lengkap.'],
  PROFILE_INCOMPLETE: [422, 'Lengkapi profil terlebih dahulu.'],
  LOGIN_LOCKED: [429, 'Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.'],
  RATE_LIMITED: [429, 'Terlalu banyak permintaan. Coba lagi sebentar lagi.'],
  INTERNAL: [500, 'Terjadi kesalahan pada server. Silakan coba lagi.'],
  SERVICE_UNAVAILABLE: [503, 'Layanan sedang tidak tersedia.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? ERROR_CODES[code][1]);
    this.statusCode = ERROR_CODES[code][0];
  }
}

export const notFound = (what = 'Data') => new AppError('NOT_FOUND', `${what} tidak ditemukan.`);
export const forbidden = () => new AppError('FORBIDDEN');
export const validationFailed = (fields: Record<string, string>, message?: string) =>
  new AppError('VALIDATION_FAILED', message ?? ERROR_CODES.VALIDATION_FAILED[1], fields);

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

function body(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields && Object.keys(fields).length ? { code, message, fields } : { code, message } };
}

/** Maps a zod issue path (body/email) to a field key "email"; the request part is kept only for params and query. */
function fieldKey(context: string | undefined, instancePath: string): string {
  const pathPart = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (context === 'body') return pathPart || 'body';
  return pathPart ? `${context ?? 'request'}.${pathPart}` : (context ?? 'request');
}

/** The one error handler: stable codes, Indonesian messages, 5xx never reveal internals. */
export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return reply.status(error.statusCode).send(body(error.code, error.message, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError & { validationContext?: string }).validationContext;
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const key = fieldKey(context, issue.instancePath);
      fields[key] ??= issue.message ?? 'tidak valid';
    }
    return reply.status(400).send(body('VALIDATION_FAILED', ERROR_CODES.VALIDATION_FAILED[1], fields));
  }
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send(body('PAYLOAD_TOO_LARGE', ERROR_CODES.PAYLOAD_TOO_LARGE[1]));
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', ERROR_CODES.UNSUPPORTED_MEDIA_TYPE[1]));
  }
  if (status === 429) {
    return reply.status(429).send(body('RATE_LIMITED', ERROR_CODES.RATE_LIMITED[1]));
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, empty body…): say what is wrong without internals.
    const message = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
      ? 'Isi permintaan bukan JSON yang valid.'
      : ERROR_CODES.BAD_REQUEST[1];
    return reply.status(status).send(body('BAD_REQUEST', message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(body('INTERNAL', ERROR_CODES.INTERNAL[1]));
}
