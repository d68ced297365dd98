import { Alert, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { Finding } from '#shared/domain/finding';
import { useWrite } from '../../api/ops';
import { notifySuccess } from '../../lib/notify';
import { errorText } from '../../i18n/errorText';
import { AttachmentsPanel } from '../../components/evidence/AttachmentsPanel';
import { AttachmentsAfterCreate, DeleteButton } from '../../components/editorForm';
import type { AuditRefs } from '../../lib/useAuditRefs';
import type { EditorArgs } from '../../components/records/RecordDrawerPage';
import type { Act } from './act';
import { FindingForm } from './FindingForm';
import { FindingLifecycle } from './FindingLifecycle';
import { FindingTrail } from './FindingTrail';
import { DueCell, StatusBadge, TypeBadge } from '../../components/findings/labels';

export interface FindingEditorProps {
  audit: Audit;
  refs: AuditRefs;
  actor: string;
  /** From the Findings page's drawer; the record is null while creating. */
  args: EditorArgs<Finding>;
}

/** One finding in the drawer: what it says, its evidence, where it is in its life, and its history. */
export function FindingEditor(props: FindingEditorProps) {
  const { audit, refs, actor, args } = props;
  const { t } = useTranslation('findings');
  const { record: f, readOnly, onSaved, onDeleted, setDirtyCheck } = args;
  const [refusal, setRefusal] = useState<{ title: string; message: string } | null>(null);
  // The form's dirty check, kept here too: issuing unsaved text would issue the old text.
  const formDirty = useRef<(() => boolean) | null>(null);
  const trackDirty = useCallback(
    (check: (() => boolean) | null) => {
      formDirty.current = check;
      setDirtyCheck(check);
    },
    [setDirtyCheck],
  );

  // Every step refreshes the findings and what shows them (api/invalidation.ts).
  const write = useWrite();
  const act: Act = useCallback(
    async (failTitle, run, success) => {
      const result = await run(write);
      if (!result.ok) {
        setRefusal({ title: failTitle, message: errorText(result.error) });
        return result.error;
      }
      setRefusal(null);
      if (success) notifySuccess(success);
      onSaved(result.value);
      return undefined;
    },
    [onSaved, write],
  );

  const issue = () => {
    if (!f) return;
    if (formDirty.current?.()) {
      return setRefusal({ title: t('drawer.saveFirst'), message: t('drawer.issuedAsSaved') });
    }
    void act(t('drawer.notIssued'), (write) => write('findings.issue', { id: f.id, by: actor })).then(
      (error) => !error && notifySuccess(t('drawer.issued')),
    );
  };

  const editable = !readOnly && f?.status !== 'closed';
  return (
    <Stack gap="md">
      {f && (
        <Group gap="xs" aria-label={t('drawer.summary')} role="group">
          {f.number && (
            <Text fw={700} size="lg" data-testid="finding-number">
              {f.number}
            </Text>
          )}
          <TypeBadge type={f.type} />
          <StatusBadge status={f.status} />
          {f.status !== 'draft' && <DueCell finding={f} />}
        </Group>
      )}
      {refusal && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={refusal.title}
          withCloseButton
          closeButtonLabel={t('drawer.dismiss')}
          onClose={() => setRefusal(null)}
        >
          {refusal.message}
        </Alert>
      )}
      <FindingForm
        key={f?.updatedAt ?? 'new'}
        audit={audit}
        refs={refs}
        finding={f}
        actor={actor}
        readOnly={!editable}
        onSaved={onSaved}
        setDirtyCheck={trackDirty}
      />
      {!f ? (
        <AttachmentsAfterCreate noun="finding" />
      ) : (
        <>
          <div role="region" aria-label={t('drawer.evidenceFiles')}>
            <Text size="sm" fw={500} mb={4}>
              {t('drawer.evidenceFiles')}
            </Text>
            <AttachmentsPanel
              auditId={audit.id}
              target={{ type: 'finding', id: f.id }}
              team={audit.team}
              readOnly={!editable}
            />
          </div>
          <Divider />
          {f.status === 'draft' ? (
            !readOnly && (
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {t('drawer.draftHint')}
                </Text>
                <Group justify="space-between">
                  <DeleteButton
                    noun="draft finding"
                    description={t('drawer.deleteDescription')}
                    run={() => write('findings.delete', { id: f.id })}
                    onDeleted={() => onDeleted(f.id)}
                  />
                  <Button leftSection={<IconSend size={16} />} onClick={issue}>
                    {t('drawer.issue')}
                  </Button>
                </Group>
              </Stack>
            )
          ) : (
            <FindingLifecycle
              finding={f}
              auditId={audit.id}
              team={audit.team}
              by={actor}
              readOnly={readOnly}
              act={act}
            />
          )}
          <Divider />
          <FindingTrail findingId={f.id} refs={refs} />
        </>
      )}
    </Stack>
  );
}
