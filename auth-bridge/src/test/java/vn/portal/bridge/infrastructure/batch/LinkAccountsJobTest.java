package vn.portal.bridge.infrastructure.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.LinkPartition;
import vn.portal.bridge.application.linking.LinkingFixture;
import vn.portal.bridge.application.linking.SyntheticPeople;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;

/**
 * The batch artifacts outside a container: the reader's paging and checkpoint, the mapper's partitions, and
 * the job XML's references to the CDI names. The engine they call is tested in application.linking.
 */
class LinkAccountsJobTest {

    private final LinkingFixture db = new LinkingFixture();

    @AfterEach
    void close() {
        db.close();
    }

    /** 30 BHXH accounts with 5 BTP accounts stored in between; returns the BHXH ids in order. */
    private List<Long> storeInterleaved() {
        List<LegacyAccount> accounts = new ArrayList<>();
        for (int n = 0; n < 35; n++) {
            accounts.add(SyntheticPeople.builder(n % 7 == 6 ? "BTP" : "BHXH", n).build());
        }
        List<Long> ids = db.store(accounts.toArray(LegacyAccount[]::new));
        List<Long> bhxh = new ArrayList<>();
        for (int n = 0; n < 35; n++) {
            if (n % 7 != 6) {
                bhxh.add(ids.get(n));
            }
        }
        return bhxh;
    }

    private LinkAccountReader reader(String agency, long from, long to) {
        LinkAccountReader reader = new LinkAccountReader();
        reader.engine = db.services.linkingEngine();
        reader.agency = agency;
        reader.fromId = Long.toString(from);
        reader.toId = Long.toString(to);
        return reader;
    }

    private static List<Long> readAll(LinkAccountReader reader, int limit) {
        List<Long> ids = new ArrayList<>();
        Object item;
        while (ids.size() < limit && (item = reader.readItem()) != null) {
            ids.add(((LegacyAccount) item).id().orElseThrow());
        }
        return ids;
    }

    @Test
    void readerHandsOutTheAgencysAccountsInIdOrderAndResumesAfterItsCheckpoint() {
        List<Long> bhxh = storeInterleaved();
        long from = bhxh.get(0);
        long to = bhxh.get(bhxh.size() - 1);

        LinkAccountReader first = reader("BHXH", from, to);
        first.open(null);
        List<Long> firstTen = readAll(first, 10);
        Serializable checkpoint = first.checkpointInfo();

        LinkAccountReader restarted = reader("BHXH", from, to);
        restarted.open(checkpoint);
        List<Long> rest = readAll(restarted, 100);

        assertThat(firstTen).containsExactlyElementsOf(bhxh.subList(0, 10));
        assertThat(checkpoint).isEqualTo(bhxh.get(9));
        assertThat(rest).containsExactlyElementsOf(bhxh.subList(10, bhxh.size()));
    }

    @Test
    void readerOfAnEmptyPartitionReadsNothing() {
        storeInterleaved();
        LinkAccountReader reader = reader("BCA", 0, 0);
        reader.open(null);

        assertThat(reader.readItem()).isNull();
    }

    @Test
    void mapperCutsABigAgencyIntoIdRangesThatCoverItOnce() {
        List<Long> bhxh = storeInterleaved();
        LinkPartitionMapper mapper = new LinkPartitionMapper();
        mapper.engine = db.services.linkingEngine();
        mapper.agency = "";
        mapper.partitionAccounts = "12";
        mapper.threads = "2";

        PartitionPlan plan = mapper.mapPartitions();

        // BHXH: 30 accounts in ranges of about 12; BTP: 5 accounts in one
        assertThat(plan.getPartitions()).isEqualTo(4);
        assertThat(plan.getThreads()).isEqualTo(2);
        Map<String, List<long[]>> ranges = new HashMap<>();
        for (var properties : plan.getPartitionProperties()) {
            ranges.computeIfAbsent(properties.getProperty("agency"), k -> new ArrayList<>()).add(new long[] {
                Long.parseLong(properties.getProperty("fromId")), Long.parseLong(properties.getProperty("toId"))});
        }
        assertThat(ranges).containsOnlyKeys("BHXH", "BTP");
        assertThat(ranges.get("BHXH")).hasSize(3);
        TreeSet<Long> covered = new TreeSet<>();
        for (long[] range : ranges.get("BHXH")) {
            for (long id : bhxh) {
                if (id >= range[0] && id <= range[1]) {
                    assertThat(covered.add(id)).as("account %d in two partitions", id).isTrue();
                }
            }
        }
        assertThat(covered).containsExactlyElementsOf(bhxh);
    }

    @Test
    void oneAgencyYieldsOnlyItsPartitions() {
        storeInterleaved();

        List<LinkPartition> partitions = db.services.linkingEngine().partitions("BTP", 250_000);

        assertThat(partitions).singleElement().satisfies(p -> assertThat(p.agencyCode()).isEqualTo("BTP"));
    }

    @Test
    void writerTagsTheAuditEventsWithTheStartersRunIdElseWithTheExecutionId() {
        LinkDecisionWriter writer = new LinkDecisionWriter();
        writer.job = (JobContext) Proxy.newProxyInstance(JobContext.class.getClassLoader(), new Class<?>[] {JobContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getExecutionId")) {
                        return 7L;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        writer.runId = "link-4f1c2a9e-0d5b-4e8a-9c3f-2b7d6e1a0c55";
        assertThat(writer.correlationId()).isEqualTo("link-4f1c2a9e-0d5b-4e8a-9c3f-2b7d6e1a0c55");
        // JBatch resolves an absent job parameter to the empty string
        writer.runId = "";
        assertThat(writer.correlationId()).isEqualTo("link-job-7");
        writer.runId = null;
        assertThat(writer.correlationId()).isEqualTo("link-job-7");
    }

    @Test
    void everyArtifactTheJobNamesIsADependentNamedBean() throws Exception {
        Document job;
        try (InputStream xml = getClass().getResourceAsStream("/META-INF/batch-jobs/link-accounts.xml")) {
            assertThat(xml).as("link-accounts.xml on the class path").isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            job = factory.newDocumentBuilder().parse(xml);
        }
        assertThat(job.getDocumentElement().getAttribute("id")).isEqualTo("link-accounts");
        List<String> refs = new ArrayList<>();
        NodeList all = job.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String ref = ((Element) all.item(i)).getAttribute("ref");
            if (!ref.isEmpty()) {
                refs.add(ref);
            }
        }
        Map<String, Class<?>> named = new HashMap<>();
        for (Class<?> type : List.of(LinkPartitionMapper.class, LinkAccountReader.class, LinkAccountProcessor.class,
                LinkDecisionWriter.class, LinkPartitionCollector.class, LinkPartitionAnalyzer.class, LinkJobListener.class)) {
            assertThat(type.getAnnotation(Dependent.class)).as(type + " is @Dependent").isNotNull();
            named.put(type.getAnnotation(Named.class).value(), type);
        }
        assertThat(refs).containsExactlyInAnyOrderElementsOf(named.keySet());
    }
}
