import { Alert, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import type { FindingType } from '#shared/domain/finding';

/** How to grade, in our own words, next to the type being chosen. */
const GUIDANCE: Record<FindingType, { title: string; text: string }> = {
  major: {
    title: 'Major nonconformity',
    text:
      'Grade as major when the finding puts in doubt whether the management system can achieve what it is meant to — ' +
      'for example a requirement that is not addressed at all, or several minor lapses against one requirement that ' +
      'together show the system is failing there. Certification waits until it is corrected and verified.',
  },
  minor: {
    title: 'Minor nonconformity',
    text:
      'A requirement is not fully met, but the lapse is isolated and does not put the management system’s ability to ' +
      'achieve its intended results in doubt. The client answers with a correction and a corrective action plan.',
  },
  ofi: {
    title: 'Opportunity for improvement',
    text:
      'Nothing is out of line with a requirement, but you see a way the client could do better or a risk of a future ' +
      'lapse. No response is required; it is noted and closed.',
  },
  positive: {
    title: 'Good practice',
    text: 'Something the client does notably well, worth recording in the report. It needs no response.',
  },
};

export function GradingGuidance({ type }: { type: FindingType }) {
  const g = GUIDANCE[type];
  return (
    <Alert variant="light" color="gray" icon={<IconScale size={18} />} title={`When to choose: ${g.title}`} p="sm">
      <Text size="sm">{g.text}</Text>
    </Alert>
  );
}
