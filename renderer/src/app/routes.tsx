import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PREFETCHED_FRESH_MS, prefetchOp } from '../api/ops';
import { prefetchPaged } from '../api/paged';
import { auditListInput } from '../features/audits/auditListQuery';
import { clientAuditsInput } from '../features/clients/clientAuditsQuery';
import { nonconformitiesInput } from '../features/findings/nonconformitiesQuery';
import { matchPath, navigate, type Location } from '../lib/router';
import { lazyPage, type LazyPage } from './lazyPage';
import { AUDIT_SECTIONS, type AuditSection } from './sections';

// Each screen is its own chunk (lazyPage): the first chunk is the shell, the screen opened loads beside it.
const AuditsHome = lazyPage(async () => {
  // A team member's audit arrives as a package from the lead: the team feature's button, in the list's header.
  const [{ AuditList }, { ImportPackage }, { FirstRunSetup }] = await Promise.all([
    import('../features/audits/AuditList'),
    import('../features/team/ImportPackage'),
    import('../features/dashboard/FirstRunSetup'),
  ]);
  const importPackage = <ImportPackage by="" onImported={(p) => navigate(`/audits/${p.auditId}/team`)} />;
  return function AuditsHome() {
    return <AuditList importPackage={importPackage} setup={<FirstRunSetup />} />;
  };
});
const AuditCreatePage = lazyPage(() => import('../features/audits/AuditFormPage').then((m) => m.AuditCreatePage));
const AuditEditPage = lazyPage(() => import('../features/audits/AuditFormPage').then((m) => m.AuditEditPage));
const AuditDetail = lazyPage(() => import('./AuditDetail').then((m) => m.AuditDetail));
const ClientList = lazyPage(() => import('../features/clients/ClientList').then((m) => m.ClientList));
const ClientCreatePage = lazyPage(() => import('../features/clients/ClientFormPage').then((m) => m.ClientCreatePage));
const ClientEditPage = lazyPage(() => import('../features/clients/ClientFormPage').then((m) => m.ClientEditPage));
const ClientDetail = lazyPage(async () => {
  const [{ ClientDetail }, { ProgrammeSection }] = await Promise.all([
    import('../features/clients/ClientDetail'),
    import('../features/programme/ProgrammeSection'),
  ]);
  return function ClientPage({ id }: { id: string }) {
    return <ClientDetail id={id} programme={<ProgrammeSection clientId={id} />} />;
  };
});
const NonconformitiesPage = lazyPage(() =>
  import('../features/findings/NonconformitiesPage').then((m) => m.NonconformitiesPage),
);
const TemplateList = lazyPage(() => import('../features/templates/TemplateList').then((m) => m.TemplateList));
const CheckDocumentPage = lazyPage(() =>
  import('../features/verify/CheckDocumentPage').then((m) => m.CheckDocumentPage),
);
const BrandingPage = lazyPage(() => import('../features/branding/BrandingPage').then((m) => m.BrandingPage));
const SigningPage = lazyPage(() => import('../features/signing/SigningPage').then((m) => m.SigningPage));
const ReportTemplatesPage = lazyPage(() =>
  import('../features/report-templates/ReportTemplatesPage').then((m) => m.ReportTemplatesPage),
);
const BackupsPage = lazyPage(() => import('../features/backups/BackupsPage').then((m) => m.BackupsPage));
const SecurityPage = lazyPage(() => import('../features/security/SecurityPage').then((m) => m.SecurityPage));

interface Route {
  pattern: string;
  render: (params: Record<string, string>, location: Location) => ReactNode;
  page: LazyPage<never>;
  /** The screen's first read, asked for while its code loads (the same query key the screen reads). */
  prefetch?: (client: QueryClient, params: Record<string, string>) => void;
}

const route = <P extends object>(
  pattern: string,
  page: LazyPage<P>,
  render: (params: Record<string, string>, location: Location) => ReactNode,
  prefetch?: (client: QueryClient, params: Record<string, string>) => void,
): Route => ({ pattern, render, page, ...(prefetch ? { prefetch } : {}) });

/**
 * An audit's page reads the audit, and its checklist tab the checklist (the same keys and freshness as
 * AuditDetail and useChecklist): started beside the page's code, not once it has mounted.
 */
const auditReads =
  (section: AuditSection) =>
  (c: QueryClient, p: Record<string, string>): void => {
    const id = p.id ?? '';
    prefetchOp(c, 'audits.get', { id }, PREFETCHED_FRESH_MS);
    if (section === 'checklist') prefetchOp(c, 'checklist.get', { auditId: id }, PREFETCHED_FRESH_MS);
  };

// Order matters: '/audits/new' must win over '/audits/:id'.
const ROUTES: Route[] = [
  route(
    '/audits',
    AuditsHome,
    () => <AuditsHome />,
    (c) => prefetchPaged(c, 'audits.page', auditListInput({ sort: 'start_desc' })),
  ),
  route(
    '/audits/new',
    AuditCreatePage,
    (_, l) => <AuditCreatePage clientId={l.query.get('client')} />,
    (c) => prefetchOp(c, 'branding.get', {}, PREFETCHED_FRESH_MS),
  ),
  route(
    '/audits/:id',
    AuditDetail,
    (p) => <AuditDetail key={p.id} id={p.id ?? ''} section="overview" />,
    auditReads('overview'),
  ),
  // The tab is called Overview, so its name in the address works too.
  route(
    '/audits/:id/overview',
    AuditDetail,
    (p) => <AuditDetail key={p.id} id={p.id ?? ''} section="overview" />,
    auditReads('overview'),
  ),
  route('/audits/:id/edit', AuditEditPage, (p) => <AuditEditPage key={p.id} id={p.id ?? ''} />),
  // One route per tab after the overview: /audits/:id/checklist, …/interviews, …/evidence.
  ...AUDIT_SECTIONS.filter((s) => s !== 'overview').map((section) =>
    route(
      `/audits/:id/${section}`,
      AuditDetail,
      (p) => <AuditDetail key={p.id} id={p.id ?? ''} section={section} />,
      auditReads(section),
    ),
  ),
  route('/clients', ClientList, () => <ClientList />),
  route('/clients/new', ClientCreatePage, () => <ClientCreatePage />),
  route(
    '/clients/:id',
    ClientDetail,
    (p) => <ClientDetail key={p.id} id={p.id ?? ''} />,
    (c, p) => prefetchPaged(c, 'audits.page', clientAuditsInput(p.id ?? '')),
  ),
  route('/clients/:id/edit', ClientEditPage, (p) => <ClientEditPage key={p.id} id={p.id ?? ''} />),
  route(
    '/nonconformities',
    NonconformitiesPage,
    () => <NonconformitiesPage />,
    (c) => prefetchPaged(c, 'findings.page', nonconformitiesInput({})),
  ),
  route('/templates', TemplateList, () => <TemplateList />),
  route('/verify', CheckDocumentPage, () => <CheckDocumentPage />),
  route('/settings/branding', BrandingPage, () => <BrandingPage />),
  route('/settings/signing', SigningPage, () => <SigningPage />),
  route('/settings/report-templates', ReportTemplatesPage, () => <ReportTemplatesPage />),
  route('/settings/backups', BackupsPage, () => <BackupsPage />),
  route('/settings/security', SecurityPage, () => <SecurityPage />),
];

/** Where '/' goes. */
export const HOME = '/audits';

function match(path: string): { route: Route; params: Record<string, string> } | null {
  for (const r of ROUTES) {
    const params = matchPath(r.pattern, path);
    if (params) return { route: r, params };
  }
  return null;
}

/** The code of the screen at `path` (null when no route matches). */
export function pageFor(path: string): LazyPage<never> | null {
  return match(path === '/' ? HOME : path)?.route.page ?? null;
}

/** The screen of `location`, or null when no route matches. */
export function resolve(location: Location): ReactNode {
  const found = match(location.path);
  return found ? found.route.render(found.params, location) : null;
}

/**
 * Called before React first renders: the opened screen's code and its first
 * read start together, beside the shell's own start, instead of one after the
 * other once the shell has rendered.
 */
export function startRoute(location: Location, client: QueryClient): void {
  const found = match(location.path === '/' ? HOME : location.path);
  if (!found) return;
  void found.route.page.preload();
  found.route.prefetch?.(client, found.params);
}

/** Once the first screen is up: every screen's code, one loader each, so a later navigation does not wait for it. */
export function routePreloads(): (() => Promise<unknown>)[] {
  return [...new Set(ROUTES.map((r) => r.page))].map((page) => page.preload);
}
