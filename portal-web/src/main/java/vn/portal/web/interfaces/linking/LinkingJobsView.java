package vn.portal.web.interfaces.linking;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
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

/** {@code /admin/linking}: current links by method, open review items, and the linking job's recent executions. */
@Named
@RequestScoped
public class LinkingJobsView {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int RECENT = 20;
    /** While a run goes on the page reloads itself this often (a plain GET: the views are stateless). */
    static final int REFRESH_SECONDS = 3;

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
    // EL asks for the executions several times per render (head, table); the batch runtime is asked once per request.
    private List<ExecutionRow> executions;

    /** The outcome of the last start request (POST-redirect-GET), read once. */
    public Flash getFlash() {
        if (!flashRead) {
            flash = Flash.take(request);
            flashRead = true;
        }
        return flash;
    }

    /**
     * One execution of the job as the table shows it: {@code status} is the batch status's name, {@code exitStatus}
     * the raw exit status (kept for the page's data attributes), {@code counts} its counters when it is the job's
     * summary, else empty.
     */
    public record ExecutionRow(long id, String status, String exitStatus, List<ExitSummary.Count> counts,
                               ZonedDateTime started, ZonedDateTime ended, String parameters) {

        public ExecutionRow {
            counts = List.copyOf(counts);
        }

        static ExecutionRow of(long id, BatchStatus status, String exitStatus, ZonedDateTime started,
                               ZonedDateTime ended, String parameters) {
            List<ExitSummary.Count> counts = ExitSummary.parse(exitStatus).map(ExitSummary::counts).orElse(List.of());
            return new ExecutionRow(id, String.valueOf(status), exitStatus, counts, started, ended, parameters);
        }

        /** Starting, started or stopping: the run may still change what the page shows. */
        public boolean running() {
            return switch (status) {
                case "STARTING", "STARTED", "STOPPING" -> true;
                default -> false;
            };
        }

        /**
         * True when the exit status is worth showing as text: not a summary (those show as counts) and not merely
         * the batch status repeated (the default exit status of a job that set none).
         */
        public boolean rawExitStatusShown() {
            return counts.isEmpty() && exitStatus != null && !exitStatus.isBlank() && !exitStatus.equals(status);
        }
    }

    /** A count of current links made one way. */
    public record MethodCount(String method, long count) {
    }

    public List<ExecutionRow> getExecutions() {
        if (executions == null) {
            executions = readExecutions();
        }
        return executions;
    }

    /** Seconds until the page reloads itself: {@value #REFRESH_SECONDS} while any execution runs, else 0 (no reload). */
    public int getRefreshSeconds() {
        return getExecutions().stream().anyMatch(ExecutionRow::running) ? REFRESH_SECONDS : 0;
    }

    private static List<ExecutionRow> readExecutions() {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<ExecutionRow> rows = new ArrayList<>();
        try {
            for (JobInstance instance : operator.getJobInstances(LinkingJobServlet.JOB, 0, RECENT)) {
                for (JobExecution execution : operator.getJobExecutions(instance)) {
                    rows.add(ExecutionRow.of(execution.getExecutionId(), execution.getBatchStatus(),
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
