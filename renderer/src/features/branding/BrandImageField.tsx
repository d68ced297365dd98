import { Button, FileInput, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  BRAND_IMAGE_LABELS,
  BRAND_IMAGE_MAX_BYTES,
  type BrandImageKind,
  type CertificationBody,
} from '#shared/domain/branding';
import { useWriteOp, useOp } from '../../api/ops';
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
  const label = BRAND_IMAGE_LABELS[kind];
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
        `${file.name} is ${formatBytes(file.size)}; logos and marks can be at most ${formatBytes(BRAND_IMAGE_MAX_BYTES)}.`,
      );
    }
    setReading(true);
    let dataBase64: string;
    try {
      dataBase64 = await readAsBase64(file);
    } catch {
      return setError(`${file.name} could not be read.`);
    } finally {
      setReading(false);
    }
    const result = await setImage.mutate({ kind, fileName: file.name, dataBase64 });
    if (!result.ok) return setError(result.error.issues?.[0]?.message ?? result.error.message);
    // The settings and the image load again (api/invalidation.ts); what is being typed stays.
    notifySuccess(`${label} saved`);
  };

  const remove = async () => {
    const result = await removeImage.mutate({ kind });
    if (!result.ok) return notifyError(result.error, `The ${label.toLowerCase()} was not removed`);
    notifySuccess(`${label} removed`);
  };
  const confirmRemove = () =>
    modals.openConfirmModal({
      title: `Remove the ${label.toLowerCase()}?`,
      children: <Text size="sm">Reports exported from now on will be written without it.</Text>,
      labels: { confirm: 'Remove', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove(),
    });

  const src = info && image.data ? `data:${image.data.mediaType};base64,${image.data.dataBase64}` : null;
  return (
    <Stack gap="xs">
      <FileInput
        label={label}
        description={description}
        placeholder={info ? 'Choose a file to replace it' : 'Choose a PNG, JPEG or WebP file'}
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
                <Image src={src} alt={`Saved ${label.toLowerCase()}`} h={64} w="auto" fit="contain" />
              ) : (
                <Text size="sm" c="dimmed">
                  Loading…
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {info.width} × {info.height} px · {formatBytes(info.size)}
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
              Remove {label.toLowerCase()}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
