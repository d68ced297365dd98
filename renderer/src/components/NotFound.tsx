import { Button } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { href } from '../lib/router';
import { Empty } from './Empty';

export function NotFound() {
  const { t } = useTranslation('common');
  return (
    <Empty
      mt="xl"
      title={t('pageNotFound')}
      description={t('pageNotFoundHint')}
      icon={<IconClipboardCheck />}
      actions={
        <Button component="a" href={href('/audits')}>
          {t('goToAudits')}
        </Button>
      }
    />
  );
}
