import { Button, ColorInput, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  DEFAULT_CERTIFICATION_BODY,
  type CertificationBody,
  type CertificationBodyFields,
} from '#shared/domain/branding';
import { useWriteOp, useOp } from '../../api/ops';
import { Block } from '../../components/Block';
import { LoadError, PageLoader } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { reportLanguageOptions } from '../../components/reportLanguageOptions';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { issuesToErrors } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { BrandImageField } from './BrandImageField';
import { reportNumberExample, tokenHelp } from './reportNumber';

type Values = CertificationBodyFields;

const toValues = (b: CertificationBody): Values => ({
  name: b.name,
  address: b.address,
  accreditation: b.accreditation,
  website: b.website,
  primaryColour: b.primaryColour,
  accentColour: b.accentColour,
  reportNumberPattern: b.reportNumberPattern,
  language: b.language,
});

const EMPTY: Values = DEFAULT_CERTIFICATION_BODY;
/** The same in every language: the start of a web address. */
const URL_PLACEHOLDER = 'https://';

/** Settings → Certification body: who issues the reports and how they look. */
export function BrandingPage() {
  const { t } = useTranslation('branding');
  const body = useOp('branding.get', {});
  const update = useWriteOp('branding.update');
  const form = useForm<Values>({ initialValues: EMPTY });
  // What is typed and not yet saved comes back after a reload (issue 19, defect 1); restored over the loaded values.
  const journal = useFormJournal(form, { recordType: 'branding', recordId: 'certification-body', auditId: '' });
  const loaded = body.data;

  useEffect(() => {
    if (!loaded) return;
    // An image saved meanwhile reloads the settings: keep what is being typed.
    const typing = form.isDirty();
    form.setInitialValues(toValues(loaded));
    if (!typing) form.setValues(toValues(loaded));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's values arrive
  }, [loaded?.updatedAt, loaded === undefined]);

  if (body.error && !loaded) return <LoadError error={body.error} onRetry={body.reload} />;
  if (!loaded) return <PageLoader />;

  const submit = form.onSubmit((v) => {
    void update.mutate(v).then((result) => {
      if (!result.ok) {
        form.setErrors(issuesToErrors(result.error.issues));
        return notifyError(result.error, t('page.notSaved'));
      }
      form.resetDirty(toValues(result.value));
      void journal.clear();
      notifySuccess(t('page.saved'));
    });
  });
  const pattern = form.values.reportNumberPattern;

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Stack gap="lg">
        <Block title={t('page.identity')}>
          <form onSubmit={submit} noValidate aria-label={t('page.formLabel')}>
            <Stack gap="md">
              <RestoredFormAlert
                restoredAt={journal.restoredAt}
                onDiscard={journal.discard}
                saveLabel={t('page.save')}
              />
              <TextInput label={t('page.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
              <Textarea
                label={t('page.address')}
                autosize
                minRows={2}
                maxRows={6}
                description={t('page.addressHint')}
                {...form.getInputProps('address')}
              />
              <TextInput
                label={t('page.accreditation')}
                description={t('page.accreditationHint')}
                {...form.getInputProps('accreditation')}
              />
              <TextInput label={t('page.website')} placeholder={URL_PLACEHOLDER} {...form.getInputProps('website')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <ColorInput
                  label={t('page.primaryColour')}
                  description={t('page.primaryColourHint')}
                  format="hex"
                  {...form.getInputProps('primaryColour')}
                />
                <ColorInput
                  label={t('page.accentColour')}
                  description={t('page.accentColourHint')}
                  format="hex"
                  {...form.getInputProps('accentColour')}
                />
              </SimpleGrid>
              <TextInput
                label={t('page.pattern')}
                withAsterisk
                description={t('page.placeholders', { list: tokenHelp() })}
                {...form.getInputProps('reportNumberPattern')}
              />
              <Text size="sm" aria-live="polite">
                <Trans
                  t={t}
                  i18nKey="page.example"
                  components={{ example: <b data-testid="report-number-example">{reportNumberExample(pattern)}</b> }}
                />
              </Text>
              <Select
                label={t('page.language')}
                description={t('page.languageHint')}
                data={reportLanguageOptions}
                allowDeselect={false}
                {...form.getInputProps('language')}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={update.pending} variant={form.isDirty() ? 'filled' : 'default'}>
                  {t('page.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Block>
        <Block title={t('page.images')}>
          <Stack gap="lg">
            <BrandImageField kind="logo" info={loaded.logo} description={t('page.logoHint')} />
            <BrandImageField
              kind="accreditation_mark"
              info={loaded.accreditationMark}
              description={t('page.markHint')}
            />
          </Stack>
        </Block>
      </Stack>
    </>
  );
}
