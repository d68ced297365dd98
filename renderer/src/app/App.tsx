import { useEffect, type ReactNode } from 'react';
import { AUDIT_SECTIONS, AuditDetail } from './AuditDetail';
import { AuditCreatePage, AuditEditPage } from '../features/audits/AuditFormPage';
import { AuditList } from '../features/audits/AuditList';
import { ImportPackage } from '../features/team/ImportPackage';
import { ProgrammeSection } from '../features/programme/ProgrammeSection';
import { ClientDetail } from '../features/clients/ClientDetail';
import { ClientCreatePage, ClientEditPage } from '../features/clients/ClientFormPage';
import { ClientList } from '../features/clients/ClientList';
import { NonconformitiesPage } from '../features/findings/NonconformitiesPage';
import { TemplateList } from '../features/templates/TemplateList';
import { BrandingPage } from '../features/branding/BrandingPage';
import { SigningPage } from '../features/signing/SigningPage';
import { CheckDocumentPage } from '../features/verify/CheckDocumentPage';
import { NotFound } from '../components/NotFound';
import { matchPath, navigate, useLocation, type Location } from '../lib/router';
import { Shell } from './Shell';

type Route = [pattern: string, render: (params: Record<string, string>, location: Location) => ReactNode];

// Order matters: '/audits/new' must win over '/audits/:id'.
const ROUTES: Route[] = [
  [
    '/audits',
    () => (
      <AuditList
        // A team member's audit arrives as a package from the lead.
        importPackage={<ImportPackage by="" onImported={(p) => navigate(`/audits/${p.auditId}/team`)} />}
      />
    ),
  ],
  ['/audits/new', (_, l) => <AuditCreatePage clientId={l.query.get('client')} />],
  ['/audits/:id', (p) => <AuditDetail key={p.id} id={p.id ?? ''} section="overview" />],
  ['/audits/:id/edit', (p) => <AuditEditPage key={p.id} id={p.id ?? ''} />],
  // One route per tab after the overview: /audits/:id/checklist, …/interviews, …/evidence.
  ...AUDIT_SECTIONS.filter((s) => s !== 'overview').map((section): Route => [
    `/audits/:id/${section}`,
    (p) => <AuditDetail key={p.id} id={p.id ?? ''} section={section} />,
  ]),
  ['/clients', () => <ClientList />],
  ['/clients/new', () => <ClientCreatePage />],
  [
    '/clients/:id',
    (p) => <ClientDetail key={p.id} id={p.id ?? ''} programme={<ProgrammeSection clientId={p.id ?? ''} />} />,
  ],
  ['/clients/:id/edit', (p) => <ClientEditPage key={p.id} id={p.id ?? ''} />],
  ['/nonconformities', () => <NonconformitiesPage />],
  ['/templates', () => <TemplateList />],
  ['/verify', () => <CheckDocumentPage />],
  ['/settings/branding', () => <BrandingPage />],
  ['/settings/signing', () => <SigningPage />],
];

function resolve(location: Location): ReactNode {
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, location.path);
    if (params) return render(params, location);
  }
  return <NotFound />;
}

export function App() {
  const location = useLocation();

  useEffect(() => {
    if (location.path === '/') navigate('/audits', { replace: true });
  }, [location.path]);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.path]);

  return <Shell path={location.path}>{location.path === '/' ? null : resolve(location)}</Shell>;
}
