// A team leader gives the application (with the tasks that went with it) to another case officer, or back to
// the queue, with a reason kept in the audit trail. The server checks the role again.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Choice } from '../work/Choice.tsx';
import { Refusal } from '../work/lists.tsx';
import { applicationKey, type Application } from './data.ts';

const QUEUE = 'queue';

export function Reassign({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const queryClient = useQueryClient();
  const holders = useQuery({
    queryKey: ['work', 'holders'],
    queryFn: async () => unwrap(await api.GET('/api/v1/work/holders')),
  });
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const reassign = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/applications/{ref}/reassign', {
          params: { path: { ref: application.reference } },
          body: { officerId: to === QUEUE ? null : to, reason },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(applicationKey(application.reference), updated);
      void queryClient.invalidateQueries({ queryKey: ['work'] });
      void queryClient.invalidateQueries({ queryKey: ['application', application.reference] });
      setDone(updated.owner ? t('reassigned', { name: updated.owner.fullName }) : t('releasedToQueue'));
      setReason('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    reassign.mutate();
  };
  const options = [
    ...(holders.data ?? []).filter((h) => h.id !== application.owner?.id).map((h) => ({ id: h.id, label: h.fullName })),
    ...(application.owner ? [{ id: QUEUE, label: t('backToQueue') }] : []),
  ];
  return (
    <section aria-labelledby="reassign-heading" className="reassign">
      <h2 id="reassign-heading">{t('reassignTitle')}</h2>
      <Refusal error={holders.error ?? reassign.error} />
      {done && <p role="status">{done}</p>}
      <Form onSubmit={submit} className="row">
        <Choice label={t('reassignTo')} value={to} onChange={setTo} options={options} />
        <Field
          label={t('reassignReason')}
          description={t('reassignReasonHelp')}
          value={reason}
          onChange={setReason}
          isRequired
        />
        <Button type="submit" className="button" isDisabled={reassign.isPending || to === '' || reason.trim() === ''}>
          {t('reassignButton')}
        </Button>
      </Form>
    </section>
  );
}
