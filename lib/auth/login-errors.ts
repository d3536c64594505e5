/**
 * Sign-in failures in plain words. The login route answers with a Kubernetes Status; its
 * message is shown when it helps, and the common cases get a sentence of their own.
 */
const sentence = (s: string) => s.replace(/[.\s]*$/, '.');

export function loginErrorMessage(code: number, serverMessage?: string): string {
  const detail = serverMessage?.trim();
  switch (code) {
    case 401:
      return 'The API server did not accept this token.';
    case 400:
      return detail ? `The sign-in request was not valid: ${detail}` : 'Enter a token.';
    case 403:
      return `The console refused the sign-in request${detail ? `: ${sentence(detail)}` : '.'}`;
    case 404:
      return detail ?? 'One-click sign-in is not available here.';
    case 502:
    case 503:
    case 504:
      return `The API server cannot be reached${detail ? `: ${sentence(detail)}` : '.'} Try again in a moment.`;
    case 0:
      return 'The console cannot be reached. Check your connection and try again.';
    default:
      return `Sign-in failed (${code})${detail ? `: ${sentence(detail)}` : '.'}`;
  }
}
