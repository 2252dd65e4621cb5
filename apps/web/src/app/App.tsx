import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { Layout } from '../shell/Layout';
import { SessionProvider, useSession, useSessionState } from '../shell/session';
import { Frame } from '../shell/Frame';
import { SignIn } from '../shell/SignIn';
import { Loading } from '../ui/Feedback';
import { NotFound } from './NotFound';
import { AgencyGate } from '../features/agency/AgencyGate';

// Each area is its own chunk: the first page loads the shell and one feature.
const AgencyHome = lazy(() => import('../features/agency/AgencyHome'));
const AlertsPage = lazy(() => import('../features/alerts/AlertsPage'));
const PartnersPage = lazy(() => import('../features/partnerships/PartnersPage'));
const PartnershipPage = lazy(() => import('../features/partnerships/PartnershipPage'));
const JointEventsPage = lazy(() => import('../features/partnerships/JointEventsPage'));
const InstancesPage = lazy(() => import('../features/instances/InstancesPage'));
const PathwaysPage = lazy(() => import('../features/pathways/PathwaysPage'));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage'));
const CampaignsOverview = lazy(() => import('../features/steering/CampaignsOverview'));
const RegisterPage = lazy(() => import('../features/partnerships/RegisterPage'));
const ImportPage = lazy(() => import('../features/partnerships/ImportPage'));
const DiagnosticPage = lazy(() => import('../features/diagnostics/DiagnosticPage'));
const PlanPage = lazy(() => import('../features/action-plans/PlanPage'));
const FundPage = lazy(() => import('../features/fund/FundPage'));
const TerritoryPage = lazy(() => import('../features/territory/TerritoryPage'));
const BasinPage = lazy(() => import('../features/territory/BasinPage'));
const BasinsPage = lazy(() => import('../features/steering/BasinsPage'));
const TimelinePage = lazy(() => import('../features/audit/TimelinePage'));
const TraceabilityPage = lazy(() => import('../features/steering/TraceabilityPage'));
const Inbox = lazy(() => import('../features/steering/Inbox'));
const AgenciesPage = lazy(() => import('../features/steering/AgenciesPage'));
const ExecutionPage = lazy(() => import('../features/steering/ExecutionPage'));
const RollupPage = lazy(() => import('../features/steering/RollupPage'));
const MatrixPage = lazy(() => import('../features/steering/MatrixPage'));
const AnchoringPage = lazy(() => import('../features/steering/AnchoringPage'));
const DiagnosticsOverview = lazy(() => import('../features/steering/DiagnosticsOverview'));
const VerifyPage = lazy(() => import('../features/audit/VerifyPage'));
const ComparePage = lazy(() => import('../features/audit/ComparePage'));
const JournalPage = lazy(() => import('../features/audit/JournalPage'));
const RightsPage = lazy(() => import('../features/audit/RightsPage'));
const UsersPage = lazy(() => import('../features/access/UsersPage'));
const UserPage = lazy(() => import('../features/access/UserPage'));
const AccountPage = lazy(() => import('../features/access/AccountPage'));
const AccessibilityPage = lazy(() => import('./AccessibilityPage'));
const AgenciesAdmin = lazy(() => import('../features/territory/AgenciesAdmin'));
const EnvelopesAdmin = lazy(() => import('../features/fund/EnvelopesAdmin'));

/** Each role lands on what it must act on. */
function Home() {
  const session = useSession();
  if (session.managedAgencies[0]) return <Navigate to={`/agence/${session.managedAgencies[0]}`} replace />;
  if (session.roles.has('director')) return <Navigate to="/pilotage" replace />;
  if (session.roles.has('auditor')) return <Navigate to="/controle" replace />;
  if (session.roles.has('admin')) return <Navigate to="/administration/utilisateurs" replace />;
  return <Navigate to="/compte" replace />;
}

/** Agency pages take a well-formed SAFIR code; anything else is not a page. */
function AgencyRoute({ page: Page }: { page: React.ComponentType<{ safir: string }> }) {
  const { safir = '' } = useParams();
  if (!/^\d{5}$/.test(safir)) return <NotFound />;
  return (
    <AgencyGate safir={safir}>
      <Page safir={safir} />
    </AgencyGate>
  );
}

function Signed() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/agence/:safir" element={<AgencyRoute page={AgencyHome} />} />
        <Route path="/agence/:safir/partenaires" element={<AgencyRoute page={PartnersPage} />} />
        <Route path="/agence/:safir/partenaires/:partnerId" element={<AgencyRoute page={PartnershipPage} />} />
        <Route path="/agence/:safir/import" element={<AgencyRoute page={ImportPage} />} />
        <Route path="/agence/:safir/evenements" element={<AgencyRoute page={JointEventsPage} />} />
        <Route path="/agence/:safir/instances" element={<AgencyRoute page={InstancesPage} />} />
        <Route path="/agence/:safir/campagnes" element={<AgencyRoute page={CampaignsPage} />} />
        <Route path="/agence/:safir/parcours" element={<AgencyRoute page={PathwaysPage} />} />
        <Route path="/agence/:safir/diagnostic" element={<AgencyRoute page={DiagnosticPage} />} />
        <Route path="/agence/:safir/plan" element={<AgencyRoute page={PlanPage} />} />
        <Route path="/agence/:safir/fonds" element={<AgencyRoute page={FundPage} />} />
        <Route path="/agence/:safir/territoire" element={<AgencyRoute page={TerritoryPage} />} />
        <Route path="/agence/:safir/historique" element={<AgencyRoute page={TimelinePage} />} />
        <Route path="/agence/:safir/tracabilite" element={<AgencyRoute page={TraceabilityPage} />} />
        <Route path="/partenaires" element={<RegisterPage />} />
        <Route path="/pilotage" element={<Inbox />} />
        <Route path="/pilotage/agences" element={<AgenciesPage />} />
        <Route path="/pilotage/plans" element={<ExecutionPage />} />
        <Route path="/pilotage/fonds" element={<RollupPage />} />
        <Route path="/pilotage/partenariats" element={<MatrixPage />} />
        <Route path="/pilotage/ancrage" element={<AnchoringPage />} />
        <Route path="/pilotage/diagnostics" element={<DiagnosticsOverview />} />
        <Route path="/pilotage/campagnes" element={<CampaignsOverview />} />
        <Route path="/pilotage/bassins" element={<BasinsPage />} />
        <Route path="/bassin/:code" element={<BasinPage />} />
        <Route path="/controle" element={<VerifyPage />} />
        <Route path="/controle/comparer" element={<ComparePage />} />
        <Route path="/controle/journal" element={<JournalPage />} />
        <Route path="/controle/droits" element={<RightsPage />} />
        <Route path="/administration/utilisateurs" element={<UsersPage />} />
        <Route path="/administration/utilisateurs/:userId" element={<UserPage />} />
        <Route path="/administration/agences" element={<AgenciesAdmin />} />
        <Route path="/administration/enveloppes" element={<EnvelopesAdmin />} />
        <Route path="/alertes" element={<AlertsPage />} />
        <Route path="/compte" element={<AccountPage />} />
        <Route path="/accessibilite" element={<AccessibilityPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}

function Gate() {
  const { session, loading } = useSessionState();
  const { pathname } = useLocation();
  if (loading) return <Loading label="Connexion…" />;
  if (session) return <Signed />;
  // The accessibility statement is public: the footer links to it from the sign-in page too.
  if (pathname === '/accessibilite')
    return (
      <Frame withMenu={false}>
        <main id="contenu" tabIndex={-1} className="fr-container fr-pb-6w">
          <Suspense fallback={<Loading />}>
            <AccessibilityPage />
          </Suspense>
        </main>
      </Frame>
    );
  return <SignIn />;
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
