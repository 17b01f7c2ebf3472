package vn.portal.bridge.infrastructure.batch;

import java.io.Serializable;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.LinkingTally;

/** Adds every partition's chunk counts into the job's tally (the analyzer runs on the step's main thread). */
@Dependent
@Named("linkPartitionAnalyzer")
public class LinkPartitionAnalyzer extends AbstractPartitionAnalyzer {

    @Inject
    JobContext job;

    @Override
    public void analyzeCollectorData(Serializable data) {
        if (data instanceof LinkingTally chunk) {
            Object total = job.getTransientUserData();
            job.setTransientUserData(total instanceof LinkingTally sum ? sum.add(chunk) : new LinkingTally().add(chunk));
        }
    }
}
