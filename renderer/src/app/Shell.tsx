import { AppShell, Box, Burger, Group, NavLink, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertOctagon,
  IconArchive,
  IconBuilding,
  IconCertificate,
  IconFileDescription,
  IconClipboardCheck,
  IconFileCertificate,
  IconId,
  IconLock,
  IconShieldCheck,
  IconTemplate,
} from '@tabler/icons-react';
import { memo, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StartupNotices } from '../components/StartupNotices';
import { SearchButton, SearchPalette } from '../features/search/SearchPalette';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { href } from '../lib/router';
import { AppearanceChoice } from './AppearanceChoice';
import classes from './Shell.module.css';

/** The first Tab stop: straight past the header and the navigation to the screen (the route lives in the hash). */
function SkipLink() {
  const { t } = useTranslation('shell');
  return (
    <a
      className={classes.skip}
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('skipToMain')}
    </a>
  );
}

/** The audit the user is in ('/audits/<id>/…'), so search starts there. */
function auditIn(path: string): string | null {
  const id = /^\/audits\/([^/]+)/.exec(path)?.[1];
  return id && id !== 'new' ? decodeURIComponent(id) : null;
}

const NAV = [
  { to: '/audits', label: 'nav.audits', icon: IconClipboardCheck },
  { to: '/clients', label: 'nav.clients', icon: IconBuilding },
  { to: '/nonconformities', label: 'nav.nonconformities', icon: IconAlertOctagon },
  { to: '/templates', label: 'nav.templates', icon: IconTemplate },
  { to: '/verify', label: 'nav.verify', icon: IconFileCertificate },
] as const;

/** Settings, below the working screens. */
const SETTINGS = [
  { to: '/settings/branding', label: 'settings.branding', icon: IconId },
  { to: '/settings/signing', label: 'settings.signing', icon: IconCertificate },
  { to: '/settings/report-templates', label: 'settings.reportTemplates', icon: IconFileDescription },
  { to: '/settings/backups', label: 'settings.backups', icon: IconArchive },
  { to: '/settings/security', label: 'settings.security', icon: IconLock },
] as const;

/** `label` is the item's key in the shell namespace. */
type NavItem = { to: string; label: string; icon: typeof IconId };

function navItem({ to, label, icon: Icon }: NavItem, path: string, t: (key: string) => string) {
  const active = path === to || path.startsWith(`${to}/`);
  return (
    <NavLink
      key={to}
      href={href(to)}
      label={t(label)}
      active={active}
      aria-current={active ? 'page' : undefined}
      leftSection={<Icon size={18} stroke={1.6} />}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/** Appearance and language under the navigation: the same element on every navigation, so React skips them. */
const Preferences = memo(function Preferences() {
  return (
    <>
      <AppearanceChoice />
      <Box px="sm" mt="sm">
        <LanguageSelect />
      </Box>
    </>
  );
});

export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { t } = useTranslation('shell');
  // On a narrow window the navbar is an overlay: close it once a link is followed.
  useEffect(close, [path, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('toggleNavigation')} />
          <ThemeIcon size="lg" radius="md" variant="light" aria-hidden>
            <IconShieldCheck size={20} />
          </ThemeIcon>
          <div>
            <Title order={1} size="h4" lh={1.1}>
              {t('appName')}
            </Title>
            <Text size="xs" c="dimmed" lh={1.1}>
              {t('tagline')}
            </Text>
          </div>
          <Group ml="auto">
            <SearchButton />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('mainNavigation')}>
        {NAV.map((item) => navItem(item, path, t))}
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm" id="nav-settings">
          {t('settings.heading')}
        </Text>
        <div role="group" aria-labelledby="nav-settings">
          {SETTINGS.map((item) => navItem(item, path, t))}
        </div>
        <Preferences />
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {/* Wide enough for the checklist's list and editor side by side on a 1920 px screen. */}
        <div style={{ maxWidth: 1680, margin: '0 auto' }}>{children}</div>
      </AppShell.Main>
      <SearchPalette auditId={auditIn(path)} />
      <StartupNotices />
    </AppShell>
  );
}
