/**
 * Errors the gateway answers with, carrying the real provider's status codes and messages
 * (provider utils/httperror). Auth errors are JSON {"message": ...}; others plain text like http.Error.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly format: "json" | "text" = "text",
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const authError = (status: number, message: string) => new HttpError(status, message, "json");

export const ErrInvalidAuthHeader = authError(400, "invalid authorization header");
export const ErrJWTInvalidClaims = authError(400, "JWT has invalid claims");
export const ErrAuthAmbiguous = authError(400, "auth: ambiguous authentication. may not use mTLS and JWT at the same time");
export const ErrUnauthorized = authError(401, "unauthorized access");
export const ErrJWTInvalid = authError(401, "JWT is invalid");
export const ErrJWTExpired = authError(401, "JWT is expired");
