import { Center } from '@mantine/core';
import { IconFile, IconFileTypePdf, IconMovie, IconMusic, IconPhoto } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Evidence } from '#shared/domain/evidence';
import { getApi } from '../../api/client';

/** Thumbnails as data: URLs, by content digest: the same photo linked twice is fetched once. */
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 400;

function remember(sha: string, url: string | null): void {
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(sha, url);
}

async function loadThumbnail(id: string): Promise<string | null> {
  const result = await getApi().invoke('evidence.thumbnail', { id });
  if (!result.ok || !result.value) return null;
  return `data:${result.value.mediaType};base64,${result.value.dataBase64}`;
}

export function FileTypeIcon({ mediaType, size = 28 }: { mediaType: string; size?: number }) {
  const Icon = mediaType.startsWith('image/')
    ? IconPhoto
    : mediaType === 'application/pdf'
      ? IconFileTypePdf
      : mediaType.startsWith('video/')
        ? IconMovie
        : mediaType.startsWith('audio/')
          ? IconMusic
          : IconFile;
  return <Icon size={size} stroke={1.4} aria-hidden />;
}

/**
 * A small preview of an attachment: its thumbnail when the backend made one,
 * else an icon for its type. A thumbnail that fails to load falls back to
 * the icon; it never breaks the list around it.
 */
export function Thumb({ evidence, size = 96 }: { evidence: Evidence; size?: number }) {
  const { id, sha256, hasThumbnail } = evidence;
  const [loaded, setLoaded] = useState<{ sha: string; url: string | null } | null>(null);
  const [broken, setBroken] = useState(false);
  // undefined while loading; null when there is none.
  const url = !hasThumbnail
    ? null
    : cache.has(sha256)
      ? cache.get(sha256)
      : loaded?.sha === sha256
        ? loaded.url
        : undefined;

  useEffect(() => {
    if (!hasThumbnail || cache.has(sha256)) return;
    let current = true;
    void loadThumbnail(id)
      .catch(() => null)
      .then((result) => {
        remember(sha256, result);
        if (current) setLoaded({ sha: sha256, url: result });
      });
    return () => {
      current = false;
    };
  }, [id, sha256, hasThumbnail]);

  const box = { width: size, height: size, borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' } as const;
  if (url && !broken) {
    return (
      <img
        src={url}
        alt={evidence.originalName}
        width={size}
        height={size}
        style={{ ...box, objectFit: 'cover', display: 'block' }}
        data-thumbnail
        onError={() => setBroken(true)}
      />
    );
  }
  return (
    <Center
      style={{ ...box, background: 'var(--mantine-color-default-hover)' }}
      c="dimmed"
      role="img"
      aria-label={evidence.originalName}
      aria-busy={url === undefined}
    >
      <FileTypeIcon mediaType={evidence.mediaType} size={Math.round(size / 3)} />
    </Center>
  );
}
