import { Button, ColorInput, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import {
  DEFAULT_CERTIFICATION_BODY,
  REPORT_NUMBER_TOKENS,
  type CertificationBody,
  type CertificationBodyFields,
} from '#shared/domain/branding';
import { useWriteOp, useOp } from '../../api/ops';
import { Block } from '../../components/Block';
import { LoadError, PageLoader } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { issuesToErrors } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { BrandImageField } from './BrandImageField';
import { reportNumberExample, TOKEN_HELP } from './reportNumber';

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

/** Settings → Certification body: who issues the reports and how they look. */
export function BrandingPage() {
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
        return notifyError(result.error, 'The certification body was not saved');
      }
      form.resetDirty(toValues(result.value));
      void journal.clear();
      notifySuccess('Certification body saved');
    });
  });
  const pattern = form.values.reportNumberPattern;

  return (
    <>
      <PageHeader
        title="Certification body"
        description="Who issues the reports: its name, address and accreditation, logo and colours appear on every exported report."
      />
      <Stack gap="lg">
        <Block title="Identity">
          <form onSubmit={submit} noValidate aria-label="Certification body">
            <Stack gap="md">
              <RestoredFormAlert
                restoredAt={journal.restoredAt}
                onDiscard={journal.discard}
                saveLabel="Save certification body"
              />
              <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
              <Textarea
                label="Address"
                autosize
                minRows={2}
                maxRows={6}
                description="As it should appear in the report header and on the cover."
                {...form.getInputProps('address')}
              />
              <TextInput
                label="Accreditation"
                description="The accreditation body and your accreditation number, shown next to the mark."
                {...form.getInputProps('accreditation')}
              />
              <TextInput label="Website" placeholder="https://" {...form.getInputProps('website')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <ColorInput
                  label="Primary colour"
                  description="Headings and table headers."
                  format="hex"
                  {...form.getInputProps('primaryColour')}
                />
                <ColorInput
                  label="Accent colour"
                  description="Rules and highlights."
                  format="hex"
                  {...form.getInputProps('accentColour')}
                />
              </SimpleGrid>
              <TextInput
                label="Report number pattern"
                withAsterisk
                description={`Placeholders: ${REPORT_NUMBER_TOKENS.map((t) => `${t} ${TOKEN_HELP[t]}`).join(' · ')}`}
                {...form.getInputProps('reportNumberPattern')}
              />
              <Text size="sm" aria-live="polite">
                Example: <b data-testid="report-number-example">{reportNumberExample(pattern)}</b>
              </Text>
              <Select
                label="Report language"
                description="More languages will follow."
                data={[{ value: 'en', label: 'English' }]}
                allowDeselect={false}
                {...form.getInputProps('language')}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={update.pending} variant={form.isDirty() ? 'filled' : 'default'}>
                  Save certification body
                </Button>
              </Group>
            </Stack>
          </form>
        </Block>
        <Block title="Logo and accreditation mark">
          <Stack gap="lg">
            <BrandImageField
              kind="logo"
              info={loaded.logo}
              description="On the cover and in the page header. PNG, JPEG or WebP, at most 2 MB."
            />
            <BrandImageField
              kind="accreditation_mark"
              info={loaded.accreditationMark}
              description="The accreditation body's mark, if your accreditation lets you use it on reports."
            />
          </Stack>
        </Block>
      </Stack>
    </>
  );
}
