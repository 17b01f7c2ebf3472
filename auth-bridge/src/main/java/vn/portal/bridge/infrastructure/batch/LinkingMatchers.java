package vn.portal.bridge.infrastructure.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.domain.model.matching.Matcher;

/**
 * The register index of each running job execution, built once per JVM and shared by the partitions that
 * run here (building it reads the whole register: seconds and hundreds of MB). Partitions on other cluster
 * members build their own; nothing here is job progress, which lives in the batch runtime's checkpoints.
 */
@ApplicationScoped
public class LinkingMatchers {

    private static final Logger LOG = Logger.getLogger(LinkingMatchers.class.getName());

    private final Map<Long, Matcher> byExecution = new ConcurrentHashMap<>();

    @Inject
    LinkingEngine engine;

    /** The matcher of {@code jobExecutionId}, loading the register on first use. */
    public Matcher forExecution(long jobExecutionId) {
        return byExecution.computeIfAbsent(jobExecutionId, id -> {
            LOG.info(() -> "loading the population register for link-accounts execution " + id);
            return engine.loadMatcher();
        });
    }

    /** Frees the index when the execution ends, whatever its outcome. */
    public void release(long jobExecutionId) {
        byExecution.remove(jobExecutionId);
    }
}
