package vn.portal.bridge.infrastructure.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;

/** Asks the engine's matcher for the decision on one account; never fails for the account's content. */
@Dependent
@Named("linkAccountProcessor")
public class LinkAccountProcessor implements ItemProcessor {

    @Inject
    LinkingEngine engine;

    @Inject
    LinkingMatchers matchers;

    @Inject
    JobContext job;

    @Override
    public Object processItem(Object item) {
        return engine.decide(matchers.forExecution(job.getExecutionId()), (LegacyAccount) item);
    }
}
