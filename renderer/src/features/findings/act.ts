import type { ApiError, Result } from '#shared/api/result';
import type { Finding } from '#shared/domain/finding';
import type { Write } from '../../api/ops';

/**
 * Runs one lifecycle step. The finding's drawer shows a refusal in place
 * (it says what is missing); the answer, when there is one, replaces the finding.
 * Resolves to the error, or undefined on success.
 */
export type Act = (
  failTitle: string,
  run: (write: Write) => Promise<Result<Finding>>,
  success?: string,
) => Promise<ApiError | undefined>;
