import { Button, Group, Text } from '@mantine/core';
import { IconFilePlus, IconFolderPlus, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../lib/notify';
import { droppedFiles, MAX_DROPPED_FILES, pastedImages, visibleFiles } from './dropped';

/** The two hidden pickers behind "Add files" and "Add folder". */
export function FilePickers({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const { t } = useTranslation('evidence');
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  // React does not know the folder attribute; set it on the element itself.
  const setFolderInput = (el: HTMLInputElement | null) => {
    folder.current = el;
    el?.setAttribute('webkitdirectory', '');
  };
  const picked = (input: HTMLInputElement, all: boolean) => {
    const list = all ? Array.from(input.files ?? []) : visibleFiles(input.files);
    input.value = '';
    if (list.length > MAX_DROPPED_FILES) {
      notifyError({ code: 'too_large', message: t('add.tooMany', { max: MAX_DROPPED_FILES }) }, t('add.tooManyTitle'));
      return;
    }
    onFiles(list);
  };
  return (
    <Group gap="xs">
      <input
        ref={files}
        type="file"
        multiple
        hidden
        aria-label={t('add.attachFiles')}
        onChange={(e) => picked(e.currentTarget, true)}
      />
      <input
        ref={setFolderInput}
        type="file"
        multiple
        hidden
        aria-label={t('add.attachFolder')}
        onChange={(e) => picked(e.currentTarget, false)}
      />
      <Button
        size="xs"
        variant="default"
        leftSection={<IconFilePlus size={14} />}
        onClick={() => files.current?.click()}
        disabled={disabled}
      >
        {t('add.files')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconFolderPlus size={14} />}
        onClick={() => folder.current?.click()}
        disabled={disabled}
      >
        {t('add.folder')}
      </Button>
    </Group>
  );
}

/**
 * A region that takes dropped files and folders. While `pasteEnabled`, an
 * image pasted anywhere on the page (outside text fields) is added too.
 */
export function DropArea({
  onFiles,
  enabled,
  children,
  label,
}: {
  onFiles: (files: File[]) => void;
  enabled: boolean;
  children: ReactNode;
  label: string;
}) {
  const [over, setOver] = useState(false);
  const { t } = useTranslation('evidence');
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    if (!enabled) return;
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented) return;
      const images = pastedImages(e);
      if (images.length === 0) return;
      e.preventDefault();
      latest.current(images);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [enabled]);

  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  const onDragOver = (e: DragEvent) => {
    if (!enabled || !hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!over) setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!enabled || !hasFiles(e)) return;
    e.preventDefault();
    setOver(false);
    droppedFiles(e.dataTransfer).then(
      (files) => latest.current(files),
      () => notifyError({ code: 'internal', message: t('add.dropUnread') }, t('add.nothingAdded')),
    );
  };

  return (
    <section
      aria-label={label}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
      data-drop-over={over || undefined}
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        outline: over ? '2px dashed var(--mantine-primary-color-filled)' : undefined,
        outlineOffset: 4,
      }}
    >
      {children}
    </section>
  );
}

export function DropHint() {
  const { t } = useTranslation('evidence');
  return (
    <Group
      gap="xs"
      justify="center"
      p="sm"
      style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <IconUpload size={16} aria-hidden color="var(--mantine-color-dimmed)" />
      <Text size="xs" c="dimmed">
        {t('add.dropHint')}
      </Text>
    </Group>
  );
}
