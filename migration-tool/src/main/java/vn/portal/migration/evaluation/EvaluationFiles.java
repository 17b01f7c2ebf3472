package vn.portal.migration.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.encoding.LegacyText;
import vn.portal.migration.evaluation.EvaluationSetGenerator.AccountRow;
import vn.portal.migration.evaluation.EvaluationSetGenerator.AgencyFile;
import vn.portal.migration.evaluation.EvaluationSetGenerator.EvaluationSet;
import vn.portal.migration.evaluation.EvaluationSetGenerator.RegisterRow;

/**
 * Writes an evaluation set as the files an agency would hand over (DESIGN.md §5): {@code agencies.csv},
 * {@code population.csv} (UTF-8) and one {@code accounts-<agency>.csv} per agency in that agency's encoding,
 * plus {@code truth.csv} ({@code agency_code,account_id,true_personal_id,variation}) which no importer reads.
 */
public final class EvaluationFiles {

    public static final String AGENCIES = "agencies.csv";
    public static final String POPULATION = "population.csv";
    public static final String TRUTH = "truth.csv";
    static final String[] POPULATION_HEADER = {"personal_id", "old_id_number", "full_name", "birth_date", "gender", "phone"};
    static final String[] ACCOUNTS_HEADER = {"agency_code", "account_id", "username", "full_name", "birth_date", "gender",
            "id_number", "phone", "email", "password_hash", "created_at", "last_login_at", "status"};
    static final String[] TRUTH_HEADER = {"agency_code", "account_id", "true_personal_id", "variation"};

    private EvaluationFiles() {
    }

    /** Writes the set into {@code directory} (created if needed) and returns the account files written. */
    public static List<Path> write(EvaluationSet set, Path directory) throws IOException {
        Files.createDirectories(directory);
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();
        try (CSVPrinter out = new CSVPrinter(utf8(directory.resolve(AGENCIES)), format)) {
            out.printRecord("agency_code", "name", "kind", "parent_code", "supervisor");
            for (AgencyFile agency : EvaluationSetGenerator.AGENCIES) {
                out.printRecord(agency.agencyCode(), agency.name(), "PROVINCE", "", "");
            }
        }
        try (CSVPrinter out = new CSVPrinter(utf8(directory.resolve(POPULATION)), format)) {
            out.printRecord((Object[]) POPULATION_HEADER);
            for (RegisterRow person : set.register()) {
                out.printRecord(person.personalId(), blank(person.oldIdNumber()), person.fullName(),
                        person.birthDate().toString(), person.gender().name(), blank(person.phone()));
            }
        }
        List<Path> files = new ArrayList<>();
        for (AgencyFile agency : EvaluationSetGenerator.AGENCIES) {
            Path file = directory.resolve(agency.fileName());
            files.add(file);
            try (CSVPrinter out = new CSVPrinter(writer(file, agency.encoding()), format)) {
                out.printRecord((Object[]) ACCOUNTS_HEADER);
                for (AccountRow row : set.accounts()) {
                    if (row.agency().equals(agency)) {
                        out.printRecord(agency.agencyCode(), row.accountId(), row.username(), row.fullName(),
                                blank(row.birthDate()), blank(row.gender()), blank(row.idNumber()), blank(row.phone()),
                                blank(row.email()), row.passwordHash(), row.createdAt(), blank(row.lastLoginAt()),
                                row.status());
                    }
                }
            }
        }
        try (CSVPrinter out = new CSVPrinter(utf8(directory.resolve(TRUTH)), format)) {
            out.printRecord((Object[]) TRUTH_HEADER);
            for (AccountRow row : set.accounts()) {
                out.printRecord(row.agency().agencyCode(), row.accountId(), blank(row.truePersonalId()),
                        row.variation().name());
            }
        }
        return files;
    }

    private static Writer writer(Path file, LegacyEncoding encoding) throws IOException {
        // UTF-8 goes through a plain writer so decomposed (NFD) names stay decomposed in the file.
        return encoding == LegacyEncoding.UTF_8 ? utf8(file) : LegacyText.writer(Files.newOutputStream(file), encoding);
    }

    private static Writer utf8(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
