// Administration of officers: create, change roles, deactivate / reactivate. The server checks the
// administrator role on each call; its refusals are shown in its own words.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Answer } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { RolePicker, type Role } from './RolePicker.tsx';

type OfficerRow = Answer<'/api/v1/officers', 'get'>[number];
const OFFICERS = ['officers'] as const;

function NewOfficer({ onDone }: { onDone(message: string): void }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['case-officer']);
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/officers', { body: { fullName, email, password, roles } })),
    onSuccess: (officer) => {
      setFullName('');
      setEmail('');
      setPassword('');
      onDone(t('created', { name: officer.fullName }));
      void queryClient.invalidateQueries({ queryKey: OFFICERS });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="new-officer">
      <h2 id="new-officer">{t('newOfficer')}</h2>
      <ErrorNotice error={create.error} />
      <Form onSubmit={submit} className="stack narrow">
        <Field label={t('fullName')} value={fullName} onChange={setFullName} isRequired />
        <Field label={t('email')} type="email" value={email} onChange={setEmail} isRequired />
        <Field
          label={t('password')}
          description={t('passwordHelp')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          isRequired
        />
        <RolePicker label={t('roles')} value={roles} onChange={setRoles} />
        <div>
          <Button type="submit" className="button primary" isDisabled={create.isPending}>
            {create.isPending ? t('creating') : t('create')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

function OfficerItem({ officer, self, onDone }: { officer: OfficerRow; self: boolean; onDone(message: string): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(officer.roles);
  const change = useMutation({
    mutationFn: async (body: { roles?: Role[]; active?: boolean }) =>
      unwrap(await api.PATCH('/api/v1/officers/{officerId}', { params: { path: { officerId: officer.id } }, body })),
    onSuccess: (updated, body) => {
      onDone(
        body.active === undefined
          ? t('rolesSaved', { name: updated.fullName })
          : updated.active
            ? t('reactivated', { name: updated.fullName })
            : t('deactivated', { name: updated.fullName }),
      );
      void queryClient.invalidateQueries({ queryKey: OFFICERS });
    },
  });
  return (
    <li className="officer">
      <p>
        <strong>{officer.fullName}</strong> {self && t('you')} · {officer.email} ·{' '}
        <span className={`status ${officer.active ? 'status-good' : 'status-bad'}`}>
          {officer.active ? t('active') : t('inactive')}
        </span>
      </p>
      <p className="hint">{officer.roles.map((r) => tc(`roles.${r}`)).join(', ')}</p>
      <ErrorNotice error={change.error} />
      <div className="row">
        <RolePicker label={t('rolesOf', { name: officer.fullName })} value={roles} onChange={setRoles} />
        <Button className="button" isDisabled={change.isPending} onPress={() => change.mutate({ roles })}>
          {t('saveRoles', { name: officer.fullName })}
        </Button>
        <Button
          className={officer.active ? 'button danger' : 'button'}
          isDisabled={change.isPending || self}
          onPress={() => change.mutate({ active: !officer.active })}
        >
          {officer.active ? t('deactivate', { name: officer.fullName }) : t('reactivate', { name: officer.fullName })}
        </Button>
      </div>
    </li>
  );
}

export default function Officers() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const [message, setMessage] = useState('');
  const officers = useQuery({ queryKey: OFFICERS, queryFn: async () => unwrap(await api.GET('/api/v1/officers')) });
  return (
    <Page title={t('officersTitle')}>
      <p>{t('officersIntro')}</p>
      <p role="status" className={message ? 'notice notice-ok' : 'visually-hidden'}>
        {message}
      </p>
      <NewOfficer onDone={setMessage} />
      <section aria-labelledby="officer-list">
        <h2 id="officer-list">{t('list')}</h2>
        <ErrorNotice error={officers.error} />
        <ul className="officers">
          {(officers.data ?? []).map((officer) => (
            <OfficerItem
              key={`${officer.id}:${officer.roles.join()}:${String(officer.active)}`}
              officer={officer}
              self={officer.id === session.officer?.id}
              onDone={setMessage}
            />
          ))}
        </ul>
      </section>
    </Page>
  );
}
