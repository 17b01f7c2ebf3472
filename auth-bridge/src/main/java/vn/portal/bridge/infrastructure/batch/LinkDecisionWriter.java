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
 * the chunk's counts for {@link LinkPartitionCollector}.
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

    @Override
    public void writeItems(List<Object> items) {
        List<AccountDecision> decisions = new ArrayList<>(items.size());
        for (Object item : items) {
            decisions.add((AccountDecision) item);
        }
        LinkingTally tally = new LinkingTally();
        engine.record(decisions, "link-job-" + job.getExecutionId(), JobSettings.flag(dryRun, "dryRun"), tally);
        Object pending = step.getTransientUserData();
        step.setTransientUserData(pending instanceof LinkingTally earlier ? earlier.add(tally) : tally);
    }
}
