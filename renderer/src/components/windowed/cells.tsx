import { Anchor, Badge, Text } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import classes from './cells.module.css';

/**
 * Cells for a windowed table's rows, as plain elements with the theme's classes: a list's first paint draws a
 * screenful of rows at once, and <Badge>, <Anchor>, <Text> and <Group> each resolve their props and styles on
 * every render (on the Nonconformities screen, over a third of the time from its answer to the painted rows).
 * They look the same as those components: Mantine's own classes and the theme's colour variables.
 */

/** The Mantine colours a cell badge may take (cells.module.css has the variables of each). */
export type CellTone = 'red' | 'orange' | 'yellow' | 'teal' | 'gray' | 'blue' | 'violet' | 'indigo' | 'dark';

const BADGE = `${Badge.classes.root} mantine-Badge-root ${classes.badge}`;
const BADGE_LABEL = `${Badge.classes.label} mantine-Badge-label`;

/**
 * <Badge color={tone} variant={look} size={size} radius={radius}> ('pill' is Badge without a radius);
 * `asWritten` is tt="none". Other attributes (data-…) go on the badge itself.
 */
export function CellBadge({
  tone,
  look,
  size = 'md',
  radius = 'sm',
  asWritten = false,
  children,
  ...data
}: {
  tone: CellTone;
  look: 'light' | 'outline' | 'filled';
  size?: 'sm' | 'md';
  radius?: 'sm' | 'pill';
  asWritten?: boolean;
  children: ReactNode;
} & { [attribute: `data-${string}`]: string | boolean | undefined }) {
  return (
    <span
      className={BADGE}
      data-tone={tone}
      data-look={look}
      data-size={size}
      data-radius={radius}
      data-case={asWritten ? 'as-written' : undefined}
      {...data}
    >
      <span className={BADGE_LABEL}>{children}</span>
    </span>
  );
}

const LINK = `mantine-focus-auto ${Anchor.classes.root} ${Text.classes.root} ${classes.link}`;

/** <Anchor href fw={500}> in a row that opens on a click: the link's own click does not reach the row. */
export function CellLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className={LINK} data-underline="hover" href={href} onClick={stopPropagation}>
      {children}
    </a>
  );
}

const stopPropagation = (e: MouseEvent) => e.stopPropagation();

/** Secondary text: <Text span c="dimmed">. */
export function Dimmed({ children }: { children: ReactNode }) {
  return <span className={classes.dimmed}>{children}</span>;
}

/** A date that has passed its due day: <Text span c="red" fw={600}>. */
export function Late({ children }: { children: ReactNode }) {
  return <span className={classes.late}>{children}</span>;
}

/** Parts of one cell side by side on one line: <Group gap={6} wrap="nowrap">. */
export function Inline({ children }: { children: ReactNode }) {
  return <span className={classes.inline}>{children}</span>;
}
