// The public pre-application presence calculator: dates and trips in, each year's days and the result out.
// Nothing is stored: the browser sends the dates to the calculation API and shows its answer.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RequestBody } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { DateInput } from './DateInput.tsx';
import { PresenceResult } from './PresenceResult.tsx';
import { ByTravelDocument } from './ByTravelDocument.tsx';

interface Trip {
  key: number;
  departed: string;
  returned: string;
}

type PresenceRequest = RequestBody<'/api/v1/presence/calculate', 'post'>;

/** The calculation request for a person entitled to stay from `residenceFrom`, away on each trip. */
function presenceRequest(applicationDate: string, residenceFrom: string, trips: readonly Trip[]): PresenceRequest {
  return {
    applicationDate,
    indefiniteStayPeriods: [{ from: residenceFrom, to: null }],
    movements: trips.flatMap((trip) => [
      { date: trip.departed, direction: 'departure' as const },
      { date: trip.returned, direction: 'arrival' as const },
    ]),
    // Someone who has not travelled has been here throughout (the office's own screens call this an exception).
    options: { noMovements: 'PRESENT_THROUGHOUT' },
  };
}

export default function Calculator() {
  const { t } = useTranslation('calculator');
  const [applicationDate, setApplicationDate] = useState('');
  const [residenceFrom, setResidenceFrom] = useState('');
  const [trips, setTrips] = useState<Trip[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const calculation = useMutation({
    mutationFn: async (request: PresenceRequest) =>
      unwrap(await api.POST('/api/v1/presence/calculate', { body: request })),
  });
  const [checked, setChecked] = useState(false);
  const backBeforeLeaving = (trip: Trip) =>
    trip.departed !== '' && trip.returned !== '' && trip.returned < trip.departed;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (trips.some(backBeforeLeaving)) return;
    calculation.mutate(presenceRequest(applicationDate, residenceFrom, trips));
  };
  const updateTrip = (key: number, change: Partial<Trip>) =>
    setTrips((all) => all.map((trip) => (trip.key === key ? { ...trip, ...change } : trip)));
  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <p>{t('nothingStored')}</p>
      <Form onSubmit={submit} className="stack narrow">
        <DateInput
          label={t('applicationDate')}
          description={t('dateHelp')}
          value={applicationDate}
          onChange={setApplicationDate}
          required
        />
        <DateInput
          label={t('residenceFrom')}
          description={t('residenceFromHelp')}
          value={residenceFrom}
          onChange={setResidenceFrom}
          required
        />
        <fieldset className="stack">
          <legend>
            <strong>{t('trips')}</strong>
          </legend>
          <p className="hint">{t('tripsHelp')}</p>
          {trips.length === 0 && <p>{t('noTrips')}</p>}
          {trips.map((trip, index) => (
            <fieldset key={trip.key} className="row trip">
              <legend>{t('trip', { n: index + 1 })}</legend>
              <DateInput
                label={t('departed')}
                value={trip.departed}
                onChange={(departed) => updateTrip(trip.key, { departed })}
                required
              />
              <DateInput
                label={t('returned')}
                value={trip.returned}
                onChange={(returned) => updateTrip(trip.key, { returned })}
                required
                errorMessage={checked && backBeforeLeaving(trip) ? t('returnedBeforeDeparted') : undefined}
              />
              <Button
                className="button danger"
                onPress={() => setTrips((all) => all.filter((other) => other.key !== trip.key))}
              >
                {t('removeTrip', { n: index + 1 })}
              </Button>
            </fieldset>
          ))}
          <div>
            <Button
              className="button"
              onPress={() => {
                setTrips((all) => [...all, { key: nextKey, departed: '', returned: '' }]);
                setNextKey((k) => k + 1);
              }}
            >
              {t('addTrip')}
            </Button>
          </div>
        </fieldset>
        <div>
          <Button type="submit" className="button primary" isDisabled={calculation.isPending}>
            {calculation.isPending ? t('calculating') : t('calculate')}
          </Button>
        </div>
      </Form>
      <ErrorNotice error={calculation.error} />
      {calculation.data && <PresenceResult presence={calculation.data} />}
      <ByTravelDocument />
    </Page>
  );
}
