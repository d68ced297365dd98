import { Badge, Button, Card, Code, Group, Table, Text } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportIssue } from '#shared/domain/report';
import type { VerifyResult } from '#shared/domain/signing';
import { getApi } from '../../api/client';
import { i18n } from '../../i18n/instance';
import { formatTimestamp } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { ByteFailure, downloadBytes } from '../../api/bytes';
import { mediaTypeOf, saveBlob } from '../../lib/download';
import { VerifyOutcome } from '../../components/VerifyOutcome';

async function downloadIssue(issue: ReportIssue): Promise<void> {
  try {
    const blob = await downloadBytes({ kind: 'issue', issueId: issue.id }, mediaTypeOf(issue.fileName));
    saveBlob(blob, issue.fileName);
  } catch (e) {
    if (e instanceof ByteFailure) notifyError(e.error, i18n.t('report:versions.unreadable'));
    else throw e;
  }
}

/** Every issued (frozen, signed) version, newest first, with its file and a fresh signature check. */
export function IssuedVersions({ issues }: { issues: ReportIssue[] }) {
  const { t } = useTranslation('report');
  const [checks, setChecks] = useState<Record<string, VerifyResult>>({});
  const [checking, setChecking] = useState<string | null>(null);

  const verify = async (issue: ReportIssue) => {
    setChecking(issue.id);
    const result = await getApi().invoke('reports.verify', { issueId: issue.id });
    setChecking(null);
    if (!result.ok) return notifyError(result.error, t('versions.notChecked'));
    setChecks((c) => ({ ...c, [issue.id]: result.value }));
  };

  if (issues.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('versions.none')}
      </Text>
    );

  const sorted = [...issues].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  return (
    <Card p={0} withBorder>
      <Table.ScrollContainer minWidth={860}>
        <Table aria-label={t('versions.tableLabel')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('versions.document')}</Table.Th>
              <Table.Th>{t('versions.version')}</Table.Th>
              <Table.Th>{t('versions.reportNumber')}</Table.Th>
              <Table.Th>{t('versions.issued')}</Table.Th>
              <Table.Th>{t('versions.signedBy')}</Table.Th>
              <Table.Th>{t('versions.sha')}</Table.Th>
              <Table.Th>{t('versions.status')}</Table.Th>
              <Table.Th>{t('versions.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((issue) => (
              <Fragment key={issue.id}>
                <Table.Tr>
                  <Table.Td>
                    {t(`labels:exportKind.${issue.kind}`)}
                    {issue.warnings.length > 0 && (
                      <Text size="xs" c="orange" title={issue.warnings.join('\n')}>
                        {issue.warnings.length === 1
                          ? issue.warnings[0]
                          : t('versions.remarks', { count: issue.warnings.length, first: issue.warnings[0] })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{issue.version}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{issue.reportNumber}</Table.Td>
                  <Table.Td>
                    {formatTimestamp(issue.issuedAt)}
                    {issue.issuedBy && (
                      <Text size="xs" c="dimmed">
                        {t('versions.by', { name: issue.issuedBy })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {issue.signerName}
                    <Text size="xs" c="dimmed">
                      {issue.signerRole}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code title={issue.sha256}>{issue.sha256.slice(0, 12)}</Code>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 120 }}>
                    {issue.current ? (
                      <Badge color="teal">{t('versions.current')}</Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('versions.superseded')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconDownload size={14} />}
                        onClick={() => void downloadIssue(issue)}
                        aria-label={t('versions.downloadOf', {
                          kind: t(`labels:exportKind.${issue.kind}`),
                          version: issue.version,
                        })}
                      >
                        {t('versions.download')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconShieldCheck size={14} />}
                        loading={checking === issue.id}
                        onClick={() => void verify(issue)}
                        aria-label={t('versions.verifyOf', {
                          kind: t(`labels:exportKind.${issue.kind}`),
                          version: issue.version,
                        })}
                      >
                        {t('versions.verify')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {checks[issue.id] && (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <VerifyOutcome result={checks[issue.id]!} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
