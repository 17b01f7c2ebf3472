package vn.portal.bridge.infrastructure.batch;

import java.util.List;
import java.util.Properties;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.LinkPartition;
import vn.portal.bridge.application.linking.LinkingEngine;

/** One partition per agency, big agencies cut into id ranges (see {@link LinkingEngine#partitions}). */
@Dependent
@Named("linkPartitionMapper")
public class LinkPartitionMapper implements PartitionMapper {

    static final String AGENCY = "agency";
    static final String FROM_ID = "fromId";
    static final String TO_ID = "toId";

    @Inject
    LinkingEngine engine;

    /** One agency code, or empty for every agency. */
    @Inject
    @BatchProperty(name = "agency")
    String agency;

    @Inject
    @BatchProperty(name = "partitionAccounts")
    String partitionAccounts;

    @Inject
    @BatchProperty(name = "threads")
    String threads;

    @Override
    public PartitionPlan mapPartitions() {
        List<LinkPartition> slices = engine.partitions(JobSettings.agency(agency),
                JobSettings.positiveLong(partitionAccounts, "partitionAccounts", 250_000));
        PartitionPlanImpl plan = new PartitionPlanImpl();
        // A step with no undecided account still needs one partition; an empty id range reads nothing.
        if (slices.isEmpty()) {
            slices = List.of(new LinkPartition(agency == null || agency.isBlank() ? "-" : agency.strip(), 0, 0));
        }
        Properties[] properties = new Properties[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            LinkPartition slice = slices.get(i);
            properties[i] = new Properties();
            properties[i].setProperty(AGENCY, slice.agencyCode());
            properties[i].setProperty(FROM_ID, Long.toString(slice.fromIdInclusive()));
            properties[i].setProperty(TO_ID, Long.toString(slice.toIdInclusive()));
        }
        plan.setPartitions(slices.size());
        plan.setThreads((int) Math.min(slices.size(), JobSettings.positiveLong(threads, "threads", 2)));
        plan.setPartitionProperties(properties);
        return plan;
    }
}
