/**
 * The Jakarta Batch job {@code link-accounts} (META-INF/batch-jobs/link-accounts.xml): CDI artifacts that run
 * the one {@link vn.portal.bridge.application.linking.LinkingEngine} partitioned by agency and id range, chunk
 * by chunk, with the last account id as checkpoint. The engine itself comes from a CDI producer of the
 * deploying application (portal-web's BridgeProducer); the register index is built once per job execution
 * and JVM ({@link vn.portal.bridge.infrastructure.batch.LinkingMatchers}).
 */
package vn.portal.bridge.infrastructure.batch;
