import { ActionIcon, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

interface RemoveIconButtonProps {
  /** The accessible name, naming the row ("Stop trusting Lena Lead"). */
  label: string;
  /** Shown on hover; the label when omitted. */
  tooltip?: string;
  /** Opens the confirmation: a table row's removal is never immediate. */
  onClick: () => void;
}

/** The red bin at the end of a table row that asks before removing the row. */
export function RemoveIconButton({ label, tooltip, onClick }: RemoveIconButtonProps) {
  return (
    <Tooltip label={tooltip ?? label} withArrow>
      <ActionIcon variant="subtle" color="red" onClick={onClick} aria-label={label}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
