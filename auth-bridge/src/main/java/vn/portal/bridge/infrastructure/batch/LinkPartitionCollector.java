package vn.portal.bridge.infrastructure.batch;

import java.io.Serializable;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.LinkingTally;

/** Sends each chunk's counts from the partition thread to the step's analyzer. */
@Dependent
@Named("linkPartitionCollector")
public class LinkPartitionCollector implements PartitionCollector {

    @Inject
    StepContext step;

    @Override
    public Serializable collectPartitionData() {
        Object pending = step.getTransientUserData();
        step.setTransientUserData(null);
        return pending instanceof LinkingTally tally ? tally : new LinkingTally();
    }
}
