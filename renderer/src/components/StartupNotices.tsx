import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOp } from '../api/ops';

/**
 * Shows once what the backend noticed while starting (e.g. that the data
 * folder was readable by other users and has been made private). Kept open
 * until dismissed: the user should read it, and it comes only once per start.
 */
export function StartupNotices() {
  const { data } = useOp('app.info', {});
  const notices = data?.notices;
  const { t } = useTranslation('shell');
  useEffect(() => {
    for (const [i, message] of (notices ?? []).entries()) {
      notifications.show({
        id: `startup-notice-${i}`,
        color: 'yellow',
        title: t('notices.dataFolder'),
        message,
        autoClose: false,
      });
    }
  }, [notices, t]);
  return null;
}
