package vn.portal.bridge.infrastructure.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.LinkingSummary;
import vn.portal.bridge.application.linking.LinkingTally;

/** Logs the run's summary, makes its first line the job's exit status, and frees the register index. */
@Dependent
@Named("linkJobListener")
public class LinkJobListener implements JobListener {

    private static final Logger LOG = Logger.getLogger(LinkJobListener.class.getName());

    @Inject
    JobContext job;

    @Inject
    LinkingMatchers matchers;

    @Inject
    @BatchProperty(name = "agency")
    String agency;

    @Inject
    @BatchProperty(name = "dryRun")
    String dryRun;

    private Instant started;

    @Override
    public void beforeJob() {
        started = Instant.now();
    }

    @Override
    public void afterJob() {
        matchers.release(job.getExecutionId());
        Object total = job.getTransientUserData();
        LinkingTally tally = total instanceof LinkingTally sum ? sum : new LinkingTally();
        LinkingSummary summary = tally.toSummary(JobSettings.agency(agency),
                JobSettings.flag(dryRun, "dryRun"), Duration.between(started == null ? Instant.now() : started, Instant.now()));
        LOG.info(() -> "link-accounts execution " + job.getExecutionId() + "\n" + summary.report());
        // taken_meanwhile explains a run that saw accounts but decided none: another run (a double click) got there first.
        job.setExitStatus(String.format(java.util.Locale.ROOT,
                "seen=%d linked=%d review=%d unlinkable=%d no_match=%d errors=%d taken_meanwhile=%d", summary.accountsSeen(),
                summary.autoLinkedTotal(), summary.sentToReviewTotal(), summary.unlinkableTotal(), summary.noMatch(),
                summary.errors(), summary.takenMeanwhile()));
    }
}
