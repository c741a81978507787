import { ActionIcon, Alert, Anchor, Button, Card, Group, SegmentedControl, Stack, Table, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBrandWhatsapp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectSettings } from '@/lib/api/types';
import { useFailureNotice } from '@/lib/notices';
import { useSaveSettings } from '@/lib/project/settings';
import { useClinicNumber } from '../api/number';
import { CodeLink } from './CodeLink';

type Flow = NonNullable<ProjectSettings['settings']['flow']>;

interface Values {
  greeting: string;
  required_fields: string[];
  menu_style: string;
  engine: string;
  codes: { code: string; value: string }[];
}

/** The saved flow with the form's values: what a save stores, and the draft the "try it" panel chats with. */
function toFlow(values: Values, flow: Flow): Flow {
  return {
    ...flow,
    greeting: values.greeting.trim() || undefined,
    required_fields: values.required_fields,
    menu_style: values.menu_style,
    engine: values.engine,
    activation_codes: Object.fromEntries(values.codes.map(({ code, value }) => [code, value])),
  };
}

/**
 * What the bot says first, what it asks for, how it shows menus, which engine answers, activation codes.
 * `onDraftChange` gets the flow as edited, on every change (for the "try it" panel).
 */
export function FlowForm({ settings, onDraftChange }: { settings: ProjectSettings; onDraftChange?: (draft: Flow) => void }) {
  const { t } = useTranslation();
  const failed = useFailureNotice();
  const save = useSaveSettings();
  const flow: Flow = settings.settings.flow ?? {};
  const form = useForm<Values>({
    onValuesChange: (values) => onDraftChange?.(toFlow(values, flow)),
    initialValues: {
      greeting: flow.greeting ?? '',
      required_fields: flow.required_fields ?? [],
      menu_style: flow.menu_style ?? 'buttons',
      engine: flow.engine ?? 'deterministic',
      codes: Object.entries(flow.activation_codes ?? {}).map(([code, value]) => ({ code, value })),
    },
    validate: {
      codes: {
        code: (value) => (/^[A-Za-z0-9_-]{1,40}$/.test(value) ? null : t('flows.codeFormat')),
      },
    },
  });

  // links are drawn for the codes the assistant knows (saved), to the number the WhatsApp connection reports
  const { number: savedNumber, isLoading: numberLoading } = useClinicNumber();
  const savedCodes = new Set(Object.keys(flow.activation_codes ?? {}));

  const submit = (values: Values) =>
    save.mutate(
      {
        name: settings.name,
        time_zone: settings.time_zone,
        locale: settings.locale,
        settings: {
          ...settings.settings,
          flow: toFlow(values, flow),
        },
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }),
        onError: failed,
      },
    );

  return (
    <Card component="form" onSubmit={form.onSubmit(submit)} aria-labelledby="flow-title">
      <Title order={2} size="h5" mb="sm" id="flow-title">
        {t('flows.conversation')}
      </Title>
      <Stack>
        <Textarea
          label={t('flows.greeting')}
          description={t('flows.greetingHelp')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('greeting')}
        />
        <TagsInput
          label={t('flows.requiredFields')}
          description={t('flows.requiredFieldsHelp')}
          maxTags={10}
          {...form.getInputProps('required_fields')}
        />
        <Group grow align="flex-start">
          <div>
            <Text size="sm" fw={500} id="menu-style" mb={4}>
              {t('flows.menuStyle')}
            </Text>
            <SegmentedControl
              aria-labelledby="menu-style"
              data={[
                { value: 'buttons', label: t('flows.buttons') },
                { value: 'list', label: t('flows.list') },
              ]}
              {...form.getInputProps('menu_style')}
            />
          </div>
          <div>
            <Text size="sm" fw={500} id="engine" mb={4}>
              {t('flows.engine')}
            </Text>
            <SegmentedControl
              aria-labelledby="engine"
              data={[
                { value: 'deterministic', label: t('flows.deterministic') },
                { value: 'llm', label: t('flows.llm') },
              ]}
              {...form.getInputProps('engine')}
            />
          </div>
        </Group>
        <div>
          <Text size="sm" fw={500}>
            {t('flows.activationCodes')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('flows.activationCodesHelp')}
          </Text>
          {savedNumber && (
            <Text size="xs" mb="xs" data-testid="clinic-number">
              {t('flows.linksFrom', { number: savedNumber })}
            </Text>
          )}
          {!savedNumber && !numberLoading && (
            <Alert color="yellow" mb="xs" icon={<IconBrandWhatsapp size={16} aria-hidden />}>
              {t('flows.noNumber')}{' '}
              <Anchor component={Link} to="/whatsapp" size="sm">
                {t('flows.noNumberLink')}
              </Anchor>
            </Alert>
          )}
          <Table>
            <Table.Tbody>
              {form.getValues().codes.map((_, index) => (
                <Table.Tr key={form.key(`codes.${index}`)}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('flows.code')}
                      placeholder="PROMO"
                      maxLength={40}
                      {...form.getInputProps(`codes.${index}.code`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('flows.codeValue')}
                      placeholder={t('flows.codeValuePlaceholder')}
                      maxLength={40}
                      {...form.getInputProps(`codes.${index}.value`)}
                    />
                  </Table.Td>
                  <Table.Td w={90}>
                    {savedNumber && savedCodes.has(form.getValues().codes[index]!.code) && (
                      <CodeLink number={savedNumber} code={form.getValues().codes[index]!.code} />
                    )}
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('flows.removeCode')} onClick={() => form.removeListItem('codes', index)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button
            variant="subtle"
            size="xs"
            mt={4}
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => form.insertListItem('codes', { code: '', value: '' })}
          >
            {t('flows.addCode')}
          </Button>
        </div>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
