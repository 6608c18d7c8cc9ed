// Every screen of the console by its address. Screens load on demand, so the first page stays small.
import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { RequireOfficer } from './RequireOfficer.tsx';
import { RequireAccount } from './RequireAccount.tsx';
import { SignInPage } from './SignInPage.tsx';
import { NotFound } from './NotFound.tsx';
import { queryClient } from './query-client.ts';
import { prefetchRecord } from '../screens/application/data.ts';

type ScreenModule = Promise<{ default: React.ComponentType }>;
const screen = (load: () => ScreenModule) => async () => ({ Component: (await load()).default });

/** Pages anyone may open. */
const publicPages: RouteObject[] = [
  { path: '/signin', element: <SignInPage /> },
  { path: '/calculator', lazy: screen(() => import('../screens/calculator/Calculator.tsx')) },
  { path: '/account/signin', lazy: screen(() => import('../screens/account/AccountSignIn.tsx')) },
];

/** Pages for an API account's administrators (their own sign-in; they never see casework). */
const accountPages: RouteObject[] = [
  { path: '/account', element: <Navigate to="/account/verifications" replace /> },
  { path: '/account/verifications', lazy: screen(() => import('../screens/account/Verifications.tsx')) },
  {
    path: '/account/verifications/:verificationId',
    lazy: screen(() => import('../screens/account/VerificationDetail.tsx')),
  },
  { path: '/account/rule-sets', lazy: screen(() => import('../screens/account/RuleSets.tsx')) },
  { path: '/account/settings', lazy: screen(() => import('../screens/account/AccountSettings.tsx')) },
  { path: '/account/manual-reviews', lazy: screen(() => import('../screens/account/ManualReviews.tsx')) },
  {
    path: '/account/manual-reviews/:reviewId',
    lazy: screen(() => import('../screens/account/ManualReview.tsx')),
  },
];

/** Pages for signed-in officers (the server checks each role again on every call). */
const officerPages: RouteObject[] = [
  { index: true, element: <Navigate to="/work" replace /> },
  { path: '/work', lazy: screen(() => import('../screens/work/MyWork.tsx')) },
  { path: '/queues/validation', lazy: screen(() => import('../screens/queues/ValidationQueue.tsx')) },
  { path: '/queues/escalations', lazy: screen(() => import('../screens/queues/EscalationQueue.tsx')) },
  { path: '/queues/escalations/:escalationId', lazy: screen(() => import('../screens/queues/EscalationRecord.tsx')) },
  { path: '/applications', lazy: screen(() => import('../screens/applications/ApplicationList.tsx')) },
  { path: '/applications/:ref/tasks/:taskId', lazy: screen(() => import('../screens/tasks/TaskForm.tsx')) },
  {
    path: '/applications/:ref/liveness-links/new',
    lazy: screen(() => import('../screens/liveness-links/NewLivenessCheck.tsx')),
  },
  {
    path: '/applications/:ref/liveness-links/:linkId',
    lazy: screen(() => import('../screens/liveness-links/LivenessLinkRecord.tsx')),
  },
  {
    path: '/applications/:ref/liveness-checks/:sessionId/*',
    lazy: screen(() => import('../screens/evidence/LivenessEvidence.tsx')),
  },
  { path: '/applications/:ref/inz/*', lazy: screen(() => import('../screens/inz/InzResult.tsx')) },
  {
    path: '/applications/:ref/*',
    loader: ({ params }) => {
      prefetchRecord(queryClient, params.ref ?? '');
      return null;
    },
    lazy: screen(() => import('../screens/application/ApplicationRecord.tsx')),
  },
  { path: '/admin/officers', lazy: screen(() => import('../screens/admin/Officers.tsx')) },
];

export const childRoutes: RouteObject[] = [
  ...publicPages,
  { element: <RequireOfficer />, children: officerPages },
  { element: <RequireAccount />, children: accountPages },
  { path: '*', element: <NotFound /> },
];
