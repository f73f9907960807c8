// Every route of the web app. Pages load lazily; the portal shell is the only eager layout.
import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PortalLayout } from './portal/PortalLayout.tsx';

const Home = lazy(() => import('./portal/Home.tsx'));
const Search = lazy(() => import('./portal/Search.tsx'));
const ItemGuide = lazy(() => import('./portal/catalog/ItemGuide.tsx'));
const ThemeDirectory = lazy(() =>
  import('./portal/catalog/Directories.tsx').then((m) => ({ default: m.ThemeDirectory })),
);
const DepartmentDirectory = lazy(() =>
  import('./portal/catalog/Directories.tsx').then((m) => ({ default: m.DepartmentDirectory })),
);
const ThemeItems = lazy(() =>
  import('./portal/catalog/ItemListPage.tsx').then((m) => ({ default: m.ThemeItems })),
);
const DepartmentItems = lazy(() =>
  import('./portal/catalog/ItemListPage.tsx').then((m) => ({ default: m.DepartmentItems })),
);
const BundleList = lazy(() => import('./portal/catalog/BundleList.tsx'));
const BundleGuide = lazy(() => import('./portal/catalog/BundleGuide.tsx'));
const Register = lazy(() => import('./portal/Register.tsx'));
const Login = lazy(() => import('./portal/Login.tsx'));
const Mine = lazy(() => import('./portal/Mine.tsx'));
const Notifications = lazy(() => import('./common/Notifications.tsx'));
const ApplyWizard = lazy(() => import('./portal/cases/ApplyWizard.tsx'));
const BundleApply = lazy(() => import('./portal/cases/BundleApply.tsx'));
const Drafts = lazy(() => import('./portal/cases/Drafts.tsx'));
const MyCases = lazy(() => import('./portal/cases/MyCases.tsx'));
const MyCaseDetail = lazy(() => import('./portal/cases/MyCaseDetail.tsx'));
const Lookup = lazy(() => import('./portal/cases/Lookup.tsx'));
const MyLicenses = lazy(() => import('./portal/licenses/MyLicenses.tsx'));
const MyLicenseDetail = lazy(() => import('./portal/licenses/MyLicenseDetail.tsx'));
const Verify = lazy(() => import('./portal/licenses/Verify.tsx'));
const NotFound = lazy(() => import('./portal/NotFound.tsx'));
const RatePage = lazy(() => import('./portal/RatePage.tsx'));
const RatingStats = lazy(() => import('./portal/RatingStats.tsx'));
const RectificationList = lazy(() => import('./workbench/ratings/RectificationList.tsx'));
const AppealQueue = lazy(() =>
  import('./workbench/ratings/RectificationList.tsx').then((m) => ({ default: m.AppealQueue })),
);
const RectificationDetail = lazy(() => import('./workbench/ratings/RectificationDetail.tsx'));
const StaffLogin = lazy(() => import('./workbench/StaffLogin.tsx'));
const Shell = lazy(() => import('./workbench/Shell.tsx'));
const WorkbenchHome = lazy(() => import('./workbench/WorkbenchHome.tsx'));
const Departments = lazy(() => import('./admin/Departments.tsx'));
const Halls = lazy(() => import('./admin/Halls.tsx'));
const StaffAdmin = lazy(() => import('./admin/StaffAdmin.tsx'));
const CalendarEditor = lazy(() => import('./admin/CalendarEditor.tsx'));
const AuditLog = lazy(() => import('./auditor/AuditLog.tsx'));
const Security = lazy(() => import('./workbench/Security.tsx'));
const CatalogList = lazy(() => import('./workbench/catalog/CatalogList.tsx'));
const CatalogEditor = lazy(() => import('./workbench/catalog/CatalogEditor.tsx'));
const VersionHistory = lazy(() => import('./workbench/catalog/VersionHistory.tsx'));
const CatalogExcel = lazy(() => import('./workbench/catalog/CatalogExcel.tsx'));
const ReviewQueue = lazy(() => import('./workbench/catalog/ReviewQueue.tsx'));
const Inbox = lazy(() => import('./workbench/cases/Inbox.tsx'));
const DepartmentCases = lazy(() => import('./workbench/cases/DepartmentCases.tsx'));
const StaffCaseDetail = lazy(() => import('./workbench/cases/StaffCaseDetail.tsx'));
const WindowIntake = lazy(() => import('./workbench/cases/WindowIntake.tsx'));
const ProcessList = lazy(() => import('./workbench/cases/ProcessList.tsx'));
const TaskReassign = lazy(() => import('./workbench/cases/TaskReassign.tsx'));
const ProcessEditor = lazy(() => import('./workbench/cases/ProcessEditor.tsx'));
const ReviewVersion = lazy(() => import('./workbench/catalog/ReviewVersion.tsx'));
const DepartmentLicenses = lazy(() => import('./workbench/licenses/DepartmentLicenses.tsx'));
const LicenseTypes = lazy(() => import('./workbench/licenses/LicenseTypes.tsx'));
const SealList = lazy(() => import('./workbench/seals/SealList.tsx'));
const SealDetail = lazy(() => import('./workbench/seals/SealDetail.tsx'));
const PerformancePage = lazy(() => import('./workbench/performance/PerformancePage.tsx'));
const SupervisionConsole = lazy(() => import('./workbench/supervision/SupervisionConsole.tsx'));
const WarningDetailPage = lazy(() => import('./workbench/supervision/WarningDetailPage.tsx'));
const SupervisionOrders = lazy(() => import('./workbench/supervision/OrderList.tsx'));
const SupervisionOrder = lazy(() => import('./workbench/supervision/OrderDetail.tsx'));
const SupervisionRules = lazy(() => import('./workbench/supervision/RuleList.tsx'));
const BigScreen = lazy(() => import('./workbench/analytics/BigScreen.tsx'));
const Cockpit = lazy(() => import('./workbench/analytics/Cockpit.tsx'));
const SharingCatalog = lazy(() => import('./workbench/sharing/CatalogBrowser.tsx'));
const SharingMine = lazy(() => import('./workbench/sharing/MyResources.tsx'));
const SharingReview = lazy(() => import('./workbench/sharing/ReviewQueue.tsx'));
const SharingResource = lazy(() => import('./workbench/sharing/ResourceDetail.tsx'));
const SharingForm = lazy(() => import('./workbench/sharing/ResourceForm.tsx'));
const SharingSubscriptions = lazy(() => import('./workbench/sharing/exchange/Subscriptions.tsx'));
const SharingSubscription = lazy(() => import('./workbench/sharing/exchange/SubscriptionDetail.tsx'));
const SharingDeadLetters = lazy(() => import('./workbench/sharing/exchange/DeadLetters.tsx'));
const SharingMyShares = lazy(() => import('./workbench/sharing/grants/MyShares.tsx'));
const SharingApprovals = lazy(() => import('./workbench/sharing/grants/Approvals.tsx'));
const SharingClients = lazy(() => import('./workbench/sharing/grants/Clients.tsx'));
const SharingCallLog = lazy(() => import('./workbench/sharing/grants/CallLog.tsx'));
const SharingQuality = lazy(() => import('./workbench/sharing/QualityBoard.tsx'));
const OpenList = lazy(() => import('./portal/opendata/OpenList.tsx'));
const OpenDataset = lazy(() => import('./portal/opendata/OpenDataset.tsx'));
const OpenDataConsole = lazy(() => import('./workbench/opendata/OpenDataConsole.tsx'));

const page = (node: ReactNode) => (
  <Suspense
    fallback={
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    }
  >
    {node}
  </Suspense>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={page(<Home />)} />
        <Route path="search" element={page(<Search />)} />
        <Route path="items/:implementationId" element={page(<ItemGuide />)} />
        <Route path="items/:implementationId/versions/:versionId" element={page(<ItemGuide />)} />
        <Route path="themes" element={page(<ThemeDirectory />)} />
        <Route path="themes/:theme" element={page(<ThemeItems />)} />
        <Route path="departments" element={page(<DepartmentDirectory />)} />
        <Route path="departments/:id" element={page(<DepartmentItems />)} />
        <Route path="bundles" element={page(<BundleList />)} />
        <Route path="bundles/:id" element={page(<BundleGuide />)} />
        <Route path="bundles/:id/apply" element={page(<BundleApply />)} />
        <Route path="register" element={page(<Register />)} />
        <Route path="login" element={page(<Login />)} />
        <Route path="me" element={page(<Mine />)} />
        <Route path="mine/notifications" element={page(<Notifications />)} />
        <Route path="apply/:implementationId" element={page(<ApplyWizard />)} />
        <Route path="mine/drafts" element={page(<Drafts />)} />
        <Route path="mine/cases" element={page(<MyCases />)} />
        <Route path="mine/cases/:id" element={page(<MyCaseDetail />)} />
        <Route path="lookup" element={page(<Lookup />)} />
        <Route path="mine/licenses" element={page(<MyLicenses />)} />
        <Route path="mine/licenses/:id" element={page(<MyLicenseDetail />)} />
        <Route path="verify" element={page(<Verify />)} />
        <Route path="rate/:token" element={page(<RatePage />)} />
        <Route path="ratings" element={page(<RatingStats />)} />
        <Route path="open" element={page(<OpenList />)} />
        <Route path="open/:name" element={page(<OpenDataset />)} />
        <Route path="*" element={page(<NotFound />)} />
      </Route>
      <Route path="screen" element={page(<BigScreen />)} />
      <Route path="workbench/login" element={page(<StaffLogin />)} />
      <Route path="workbench" element={page(<Shell />)}>
        <Route index element={page(<WorkbenchHome />)} />
        <Route path="admin/departments" element={page(<Departments />)} />
        <Route path="admin/halls" element={page(<Halls />)} />
        <Route path="admin/staff" element={page(<StaffAdmin />)} />
        <Route path="admin/calendar" element={page(<CalendarEditor />)} />
        <Route path="audit" element={page(<AuditLog />)} />
        <Route path="security" element={page(<Security />)} />
        <Route path="notifications" element={page(<Notifications />)} />
        <Route path="inbox" element={page(<Inbox />)} />
        <Route path="intake" element={page(<WindowIntake />)} />
        <Route path="cases" element={page(<DepartmentCases />)} />
        <Route path="cases/:id" element={page(<StaffCaseDetail />)} />
        <Route path="tasks" element={page(<TaskReassign />)} />
        <Route path="processes" element={page(<ProcessList />)} />
        <Route path="processes/:implementationId" element={page(<ProcessEditor />)} />
        <Route path="catalog" element={page(<CatalogList />)} />
        <Route path="catalog/excel" element={page(<CatalogExcel />)} />
        <Route path="catalog/review" element={page(<ReviewQueue />)} />
        <Route path="catalog/review/:versionId" element={page(<ReviewVersion />)} />
        <Route path="catalog/:implementationId" element={page(<CatalogEditor />)} />
        <Route path="catalog/:implementationId/history" element={page(<VersionHistory />)} />
        <Route path="licenses" element={page(<DepartmentLicenses />)} />
        <Route path="license-types" element={page(<LicenseTypes />)} />
        <Route path="seals" element={page(<SealList />)} />
        <Route path="seals/:id" element={page(<SealDetail />)} />
        <Route path="ratings" element={page(<RectificationList />)} />
        <Route path="ratings/appeals" element={page(<AppealQueue />)} />
        <Route path="ratings/:id" element={page(<RectificationDetail />)} />
        <Route path="performance" element={page(<PerformancePage />)} />
        <Route path="supervision" element={page(<SupervisionConsole />)} />
        <Route path="supervision/warnings/:id" element={page(<WarningDetailPage />)} />
        <Route path="supervision/orders" element={page(<SupervisionOrders />)} />
        <Route path="supervision/orders/:id" element={page(<SupervisionOrder />)} />
        <Route path="supervision/rules" element={page(<SupervisionRules />)} />
        <Route path="cockpit" element={page(<Cockpit />)} />
        <Route path="sharing" element={page(<SharingCatalog />)} />
        <Route path="sharing/mine" element={page(<SharingMine />)} />
        <Route path="sharing/review" element={page(<SharingReview />)} />
        <Route path="sharing/new" element={page(<SharingForm />)} />
        <Route path="sharing/resources/:id" element={page(<SharingResource />)} />
        <Route path="sharing/resources/:id/edit" element={page(<SharingForm />)} />
        <Route path="sharing/subscriptions" element={page(<SharingSubscriptions />)} />
        <Route path="sharing/subscriptions/:id" element={page(<SharingSubscription />)} />
        <Route path="sharing/dead-letters" element={page(<SharingDeadLetters />)} />
        <Route path="sharing/my-shares" element={page(<SharingMyShares />)} />
        <Route path="sharing/approvals" element={page(<SharingApprovals />)} />
        <Route path="sharing/clients" element={page(<SharingClients />)} />
        <Route path="sharing/call-log" element={page(<SharingCallLog />)} />
        <Route path="sharing/quality" element={page(<SharingQuality />)} />
        <Route path="opendata" element={page(<OpenDataConsole />)} />
      </Route>
    </Routes>
  );
}
