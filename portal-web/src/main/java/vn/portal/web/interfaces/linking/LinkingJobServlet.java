package vn.portal.web.interfaces.linking;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.security.session.SignedInUser;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * {@code POST /admin/linking/run}: starts the {@code link-accounts} Jakarta Batch job (the same linking engine as
 * {@code migration-tool link}), for every agency or one existing agency, optionally as a dry run. The job runs in the server's batch
 * runtime; {@code /admin/linking} shows its executions.
 */
@WebServlet(urlPatterns = "/admin/linking/run")
public class LinkingJobServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LinkingJobServlet.class.getName());
    static final String JOB = "link-accounts";

    @Inject
    transient AuditLog auditLog;

    @Inject
    transient CsrfGuard csrf;

    @Inject
    transient ServiceCatalog catalog;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // SessionGuardFilter has already refused (and audited) anyone signed out or without the role.
        Optional<SignedInUser> verified = csrf.verifiedAdministrator(request, response);
        if (verified.isEmpty()) {
            return;
        }
        SignedInUser admin = verified.get();
        String chosen = request.getParameter("agency");
        String agency = chosen == null || chosen.isBlank() ? null : chosen.strip();
        if (agency != null && (!agency.matches("[A-Za-z0-9_-]{1,32}") || catalog.agency(agency).isEmpty())) {
            // Not widened to every agency: that would link accounts of agencies the administrator did not choose.
            LOG.warning(() -> "Linking job not started: administrator " + admin.maskedPersonalId() + " chose an agency that does not exist");
            Flash.error("linking.flash.unknownAgency").put(request);
            response.sendRedirect(request.getContextPath() + "/admin/linking");
            return;
        }
        boolean dryRun = "true".equals(request.getParameter("dryRun"));
        Properties parameters = new Properties();
        if (agency != null) {
            parameters.setProperty("agency", agency);
        }
        parameters.setProperty("dryRun", Boolean.toString(dryRun));
        // The job tags its decisions' audit events with this id too: one correlation id from the click to the last link.
        String runId = LinkingEngine.newRunId();
        parameters.setProperty("runId", runId);
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = operator.start(JOB, parameters);
        LOG.info(() -> "Linking job started, execution " + executionId + ", run " + runId);
        auditLog.record(AuditEntry.success(AuditEventType.LINK_BATCH)
                .withActor(admin.personalId())
                .withTarget("batch/" + JOB + "/" + executionId)
                .withReason("JOB_STARTED")
                .withCorrelationId(runId)
                .withDetails("agency " + (agency == null ? "(all)" : agency) + (dryRun ? ", dry run" : "")));
        Flash.success("linking.flash.started", Long.toString(executionId)).put(request);
        response.sendRedirect(request.getContextPath() + "/admin/linking");
    }
}
