import { Button } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { href } from '../lib/router';
import { Empty } from './Empty';

export function NotFound() {
  return (
    <Empty
      mt="xl"
      title="Page not found"
      description="This address does not lead to a screen of Fieldwork."
      icon={<IconClipboardCheck />}
      actions={
        <Button component="a" href={href('/audits')}>
          Go to audits
        </Button>
      }
    />
  );
}
