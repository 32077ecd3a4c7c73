export interface UserErrorLike {
  code: string;
  field?: string | null;
  message: string;
}

export interface SplitErrors {
  /** first message per input field name */
  byField: Record<string, string>;
  /** form-level errors and errors for fields this form does not show */
  general: string[];
}

/**
 * Splits a payload's `errors` into messages shown next to their field and the rest.
 * `fields` lists the input fields the form renders; a field like `recipients.1.email`
 * is matched exactly first, then by its last segment.
 */
export function splitErrors(errors: readonly UserErrorLike[] | null | undefined, fields: readonly string[]): SplitErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors ?? []) {
    const f = e.field ?? null;
    let key: string | null = null;
    if (f && fields.includes(f)) key = f;
    else if (f) {
      const last = f.split('.').pop()!;
      if (fields.includes(last)) key = last;
    }
    if (key) {
      if (!(key in byField)) byField[key] = e.message;
    } else general.push(e.message);
  }
  return { byField, general };
}

/** Message of a top-level GraphQL / network error, for error states. */
export function describeError(error: { message: string; networkError?: Error; graphQLErrors?: readonly { message: string }[] } | undefined | null): string {
  if (!error) return '';
  if (error.networkError) return 'Cannot reach the server. Check your connection and try again.';
  if (error.graphQLErrors?.length) return error.graphQLErrors.map((e) => e.message).join(' ');
  return error.message;
}

export function isNotSignedIn(error: { graphQLErrors?: readonly { message: string; extensions?: Record<string, unknown> }[] } | undefined | null): boolean {
  return !!error?.graphQLErrors?.some(
    (e) => e.extensions?.code === 'UNAUTHENTICATED' || /not (signed|logged) in|authenticat/i.test(e.message),
  );
}
