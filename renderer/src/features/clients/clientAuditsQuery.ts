/**
 * A client's audits on its page: audits.page's input. Its own small module: the
 * app's start-up asks for the first page with it while the page's code is
 * still loading, under the very key the page reads.
 */
export const clientAuditsInput = (clientId: string) => ({ clientId, sort: 'start_desc' as const, limit: 50 });
