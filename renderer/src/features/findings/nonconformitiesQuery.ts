import type { FindingListQuery } from '#shared/domain/finding';
import { nowLocalDateTime } from '../../lib/dateTime';

/** Today in the auditor's own calendar: what "overdue" is judged against. */
const today = () => nowLocalDateTime().slice(0, 10);

/**
 * The Nonconformities screen's findings.page input for its filters. Its own
 * small module: the app's start-up asks for the unfiltered first page with it
 * while the screen's code is still loading, under the very key the screen reads.
 */
export const nonconformitiesInput = (query: FindingListQuery) => ({ ...query, today: today(), limit: 100 });
