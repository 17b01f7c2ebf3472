package vn.portal.web.interfaces.linking;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.web.interfaces.common.Flash;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** {@code /admin/linking}: current links by method, open review items, and the linking job's recent executions. */
@Named
@RequestScoped
public class LinkingJobsView {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int RECENT = 20;

    @Inject
    IdentityLinkRepository links;

    @Inject
    ReviewItemRepository reviews;

    @Inject
    ServiceCatalog catalog;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    private Flash flash;
    private boolean flashRead;

    /** The outcome of the last start request (POST-redirect-GET), read once. */
    public Flash getFlash() {
        if (!flashRead) {
            flash = Flash.take(request);
            flashRead = true;
        }
        return flash;
    }

    /** One execution of the job as the table shows it. */
    public record ExecutionRow(long id, String status, String exitStatus, ZonedDateTime started, ZonedDateTime ended,
                               String parameters) {
    }

    /** A count of current links made one way. */
    public record MethodCount(String method, long count) {
    }

    public List<ExecutionRow> getExecutions() {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<ExecutionRow> rows = new ArrayList<>();
        try {
            for (JobInstance instance : operator.getJobInstances(LinkingJobServlet.JOB, 0, RECENT)) {
                for (JobExecution execution : operator.getJobExecutions(instance)) {
                    rows.add(new ExecutionRow(execution.getExecutionId(), String.valueOf(execution.getBatchStatus()),
                            execution.getExitStatus(), zoned(execution.getStartTime()), zoned(execution.getEndTime()),
                            String.valueOf(execution.getJobParameters())));
                }
            }
        } catch (NoSuchJobException neverRun) {
            return List.of();
        }
        rows.sort((a, b) -> Long.compare(b.id(), a.id()));
        return rows;
    }

    public List<MethodCount> getLinksByMethod() {
        return links.countCurrentByMethod(null).entrySet().stream()
                .map(e -> new MethodCount(String.valueOf(e.getKey()), e.getValue()))
                .toList();
    }

    public long getOpenReviews() {
        return reviews.countOpen(null);
    }

    public List<Agency> getAgencies() {
        return catalog.agencies();
    }

    private static ZonedDateTime zoned(Date date) {
        return date == null ? null : date.toInstant().atZone(VIETNAM);
    }
}
