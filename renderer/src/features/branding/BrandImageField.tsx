import { Button, FileInput, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRAND_IMAGE_MAX_BYTES, type BrandImageKind, type CertificationBody } from '#shared/domain/branding';
import { useWriteOp, useOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
import { formatBytes, readAsBase64 } from '../../lib/files';
import { notifyError, notifySuccess } from '../../lib/notify';

const ACCEPT = 'image/png,image/jpeg,image/webp';

interface Props {
  kind: BrandImageKind;
  info: CertificationBody['logo'];
  description: string;
}

/** Upload, preview and removal of the logo or the accreditation mark. */
export function BrandImageField({ kind, info, description }: Props) {
  const { t } = useTranslation('branding');
  const label = t(`labels:brandImage.${kind}`);
  /** This image's own sentences (a German noun keeps its capital, so no lower-casing of the label). */
  const own = (key: 'saved' | 'removed' | 'notRemoved' | 'removeTitle' | 'remove' | 'alt') => t(`image.${kind}.${key}`);
  const image = useOp('branding.image', { kind }, { enabled: info !== null });
  const setImage = useWriteOp('branding.setImage');
  const removeImage = useWriteOp('branding.removeImage');
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const upload = async (file: File | null) => {
    setError(null);
    if (!file) return;
    // Checked here first so a huge file is never sent at all.
    if (file.size > BRAND_IMAGE_MAX_BYTES) {
      return setError(
        t('image.tooLarge', {
          name: file.name,
          size: formatBytes(file.size),
          max: formatBytes(BRAND_IMAGE_MAX_BYTES),
        }),
      );
    }
    setReading(true);
    let dataBase64: string;
    try {
      dataBase64 = await readAsBase64(file);
    } catch {
      return setError(t('image.unreadable', { name: file.name }));
    } finally {
      setReading(false);
    }
    const result = await setImage.mutate({ kind, fileName: file.name, dataBase64 });
    if (!result.ok) return setError(result.error.issues?.[0]?.message ?? errorText(result.error));
    // The settings and the image load again (api/invalidation.ts); what is being typed stays.
    notifySuccess(own('saved'));
  };

  const remove = async () => {
    const result = await removeImage.mutate({ kind });
    if (!result.ok) return notifyError(result.error, own('notRemoved'));
    notifySuccess(own('removed'));
  };
  const confirmRemove = () =>
    modals.openConfirmModal({
      title: own('removeTitle'),
      children: <Text size="sm">{t('image.removeText')}</Text>,
      labels: { confirm: t('image.removeConfirm'), cancel: t('image.keepIt') },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove(),
    });

  const src = info && image.data ? `data:${image.data.mediaType};base64,${image.data.dataBase64}` : null;
  return (
    <Stack gap="xs">
      <FileInput
        label={label}
        description={description}
        placeholder={info ? t('image.replace') : t('image.choose')}
        accept={ACCEPT}
        value={null}
        onChange={(f) => void upload(f)}
        error={error}
        leftSection={<IconPhoto size={16} />}
        disabled={setImage.pending || reading}
        clearable={false}
      />
      {info && (
        <Paper withBorder p="sm">
          <Group justify="space-between" align="center">
            <Group gap="md">
              {src ? (
                <Image src={src} alt={own('alt')} h={64} w="auto" fit="contain" />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('image.loading')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('image.dimensions', { width: info.width, height: info.height, size: formatBytes(info.size) })}
              </Text>
            </Group>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconTrash size={14} />}
              onClick={confirmRemove}
              loading={removeImage.pending}
            >
              {own('remove')}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
