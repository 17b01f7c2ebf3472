package vn.portal.migration.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.portal.bridge.domain.model.encoding.Detection;
import vn.portal.bridge.domain.model.encoding.EncodingDetector;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.encoding.LegacyText;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.LegacyIdNumber;
import vn.portal.bridge.domain.model.matching.AccountRecord;
import vn.portal.bridge.domain.model.matching.Decision;
import vn.portal.bridge.domain.model.matching.Matcher;
import vn.portal.bridge.domain.model.matching.MatchingModel;
import vn.portal.bridge.domain.model.matching.PersonRecord;
import vn.portal.bridge.domain.model.matching.RegisterIndex;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * Reads an evaluation set back from its files the way an import would (encoding detected per file, fields
 * parsed into the identity value objects; a field that does not parse is left out, as the importer would store
 * it as missing or invalid), links every account with the matching core ({@link Matcher}, the same decision
 * the linking engine records) and compares each decision with the truth file.
 */
public final class LinkingEvaluation {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASH = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final MatchingModel model;

    public LinkingEvaluation(MatchingModel model) {
        this.model = model;
    }

    /** What was read and decided, with the time spent on each part. */
    public record Run(EvaluationReport report, Map<String, Detection> detectedEncodings, int registerSize,
                      long readNanos, long indexNanos, long decideNanos) {
    }

    public Run run(Path directory) throws IOException {
        long t0 = System.nanoTime();
        Map<String, String[]> truth = readTruth(directory.resolve(EvaluationFiles.TRUTH));
        List<PersonRecord> people = readRegister(directory.resolve(EvaluationFiles.POPULATION));
        Map<String, Detection> detected = new LinkedHashMap<>();
        List<AccountRecord> accounts = new ArrayList<>(truth.size());
        for (EvaluationSetGenerator.AgencyFile agency : EvaluationSetGenerator.AGENCIES) {
            Path file = directory.resolve(agency.fileName());
            Detection detection = EncodingDetector.detect(file);
            detected.put(agency.fileName(), detection);
            readAccounts(file, detection.encoding(), accounts);
        }
        long t1 = System.nanoTime();
        RegisterIndex index = RegisterIndex.of(people, people.size());
        Matcher matcher = new Matcher(index, model);
        long t2 = System.nanoTime();
        EvaluationReport report = new EvaluationReport();
        for (AccountRecord account : accounts) {
            String[] expected = truth.get(account.reference());
            if (expected == null) {
                throw new IllegalStateException("account " + account.reference() + " is missing from the truth file");
            }
            Decision decision = matcher.decide(account);
            report.record(Variation.valueOf(expected[1]), expected[0].isEmpty() ? null : expected[0], decision);
        }
        long t3 = System.nanoTime();
        return new Run(report, detected, index.size(), t1 - t0, t2 - t1, t3 - t2);
    }

    private static CSVParser parser(Reader reader) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
    }

    private static Map<String, String[]> readTruth(Path file) throws IOException {
        Map<String, String[]> truth = new HashMap<>();
        try (CSVParser csv = parser(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (CSVRecord row : csv) {
                truth.put(row.get("agency_code") + "/" + row.get("account_id"),
                        new String[] {row.get("true_personal_id"), row.get("variation")});
            }
        }
        return truth;
    }

    private static List<PersonRecord> readRegister(Path file) throws IOException {
        List<PersonRecord> people = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             CSVParser csv = parser(LegacyText.reader(in, LegacyEncoding.UTF_8))) {
            for (CSVRecord row : csv) {
                PersonRecord.Builder person = PersonRecord.builder(PersonalId.parse(row.get("personal_id")))
                        .name(VietnameseName.of(row.get("full_name")))
                        .birthDate(LocalDate.parse(row.get("birth_date")))
                        .gender(Gender.parse(row.get("gender")));
                if (!row.get("old_id_number").isEmpty()) {
                    person.oldIdNumber(OldIdNumber.parse(row.get("old_id_number")));
                }
                if (!row.get("phone").isEmpty()) {
                    person.phone(PhoneNumber.parse(row.get("phone")));
                }
                people.add(person.build());
            }
        }
        return people;
    }

    private static void readAccounts(Path file, LegacyEncoding encoding, List<AccountRecord> accounts) throws IOException {
        try (InputStream in = Files.newInputStream(file); CSVParser csv = parser(LegacyText.reader(in, encoding))) {
            for (CSVRecord row : csv) {
                AccountRecord.Builder account = AccountRecord.builder(row.get("agency_code") + "/" + row.get("account_id"))
                        .name(optional(() -> VietnameseName.of(row.get("full_name"))))
                        .birthDate(optional(() -> birthDate(row.get("birth_date"))))
                        .gender(optional(() -> Gender.parse(row.get("gender"))))
                        .phone(optional(() -> PhoneNumber.parse(row.get("phone"))))
                        .email(row.get("email").isEmpty() ? null : row.get("email"));
                String rawId = row.get("id_number");
                if (!rawId.isEmpty()) {
                    // the importer's classification, then the same mapping the linking engine applies
                    LegacyIdNumber id = LegacyIdNumber.classify(rawId);
                    switch (id.kind()) {
                        case PERSONAL_ID -> account.personalId(id.personalId().orElseThrow());
                        case OLD_ID_CARD -> account.oldIdNumber(id.oldIdNumber().orElseThrow());
                        case PASSPORT -> account.passportNumber(id.normalised().orElseThrow());
                        case INVALID -> account.invalidIdNumber(id.raw().orElse(rawId));
                        case MISSING -> {
                            // nothing to compare
                        }
                    }
                }
                accounts.add(account.build());
            }
        }
    }

    private static LocalDate birthDate(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, SLASH) : LocalDate.parse(text, ISO);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("birth date '" + text + "' is not yyyy-MM-dd or d/M/yyyy", e);
        }
    }

    /** A field that is empty or does not parse is missing, as in the imported account. */
    private static <T> T optional(java.util.function.Supplier<T> parse) {
        try {
            return Optional.ofNullable(parse.get()).orElse(null);
        } catch (RuntimeException unparseable) {
            return null;
        }
    }
}
