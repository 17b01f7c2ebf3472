package vn.portal.bridge.infrastructure.batch;

import java.util.ArrayList;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.AccountDecision;
import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.application.linking.LinkingTally;

/**
 * Records a chunk of decisions through the engine (links, review items, verdicts, audit events) and leaves
 * the chunk's counts for {@link LinkPartitionCollector}. The audit events carry the run id the starter passed
 * as job parameter {@code runId} (so its own "job started" event and the job's decisions share one correlation
 * id); without one, {@code link-job-<execution id>}.
 */
@Dependent
@Named("linkDecisionWriter")
public class LinkDecisionWriter extends AbstractItemWriter {

    @Inject
    LinkingEngine engine;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    @BatchProperty(name = "dryRun")
    String dryRun;

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Override
    public void writeItems(List<Object> items) {
        List<AccountDecision> decisions = new ArrayList<>(items.size());
        for (Object item : items) {
            decisions.add((AccountDecision) item);
        }
        LinkingTally tally = new LinkingTally();
        engine.record(decisions, correlationId(), JobSettings.flag(dryRun, "dryRun"), tally);
        Object pending = step.getTransientUserData();
        step.setTransientUserData(pending instanceof LinkingTally earlier ? earlier.add(tally) : tally);
    }

    /**
     * Why not the execution id alone: a batch runtime without a persistent job repository (Payara Micro) numbers
     * executions from 1 again after a restart, so two runs would share a correlation id in the lasting audit log.
     */
    String correlationId() {
        return runId == null || runId.isBlank() ? "link-job-" + job.getExecutionId() : runId.strip();
    }
}
