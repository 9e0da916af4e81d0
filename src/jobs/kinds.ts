/**
 * Every kind of job and schedule the app knows, registered once by importing this module (the
 * queue does). A new kind is a module that calls registerJob / registerSchedule / registerSystemJob, listed here.
 */
import '../email/email.job';
import '../email/signup.email';
import '../email/password-reset.email';
import './prune.job';
import './kpi-import.job';
import './kpi-deviations.job';
import '../events/deliver.job';
import '../events/invoice-overdue.job';
import './report.job';
import './document-batch.job';
