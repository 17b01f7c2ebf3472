package vn.portal.sandbox.citizen;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo citizens, loaded once from {@code sandbox-citizens.csv} (DESIGN.md §5) and kept in memory in file order.
 */
public final class CitizenDirectory {

    /** The bundled resource used when no file is configured. */
    public static final String BUNDLED_RESOURCE = "/sandbox-citizens.csv";

    static final List<String> HEADER =
            List.of("personal_id", "full_name", "birth_date", "gender", "phone", "account_level");

    private final Map<String, Citizen> byPersonalId;
    private final List<Citizen> citizens;

    private CitizenDirectory(Map<String, Citizen> byPersonalId) {
        this.byPersonalId = Collections.unmodifiableMap(byPersonalId);
        this.citizens = List.copyOf(byPersonalId.values());
    }

    /** Loads the bundled demo citizens. */
    public static CitizenDirectory bundled() {
        InputStream in = CitizenDirectory.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new CitizenFileException("classpath:" + BUNDLED_RESOURCE, 0, null, "resource is missing", null);
        }
        try (in) {
            return load(in, "classpath:" + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a CSV file in the DESIGN.md §5 format. */
    public static CitizenDirectory fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new CitizenFileException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates the CSV.
     *
     * @throws CitizenFileException with the line and field of the first problem
     */
    public static CitizenDirectory load(InputStream in, String sourceName) {
        // Strict UTF-8: a file saved in a legacy encoding must fail loudly instead of producing mangled names.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        Map<String, Citizen> citizens = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").trim()).toList();
            if (!header.equals(HEADER)) {
                throw new CitizenFileException(sourceName, 1, null,
                        "header must be " + String.join(",", HEADER) + " but was " + String.join(",", header), null);
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                Citizen citizen = toCitizen(record, sourceName, line);
                if (citizens.putIfAbsent(citizen.personalId(), citizen) != null) {
                    throw new CitizenFileException(sourceName, line, "personal_id",
                            "duplicate personal ID " + citizen.personalId(), null);
                }
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            String problem = cause instanceof CharacterCodingException ? "is not valid UTF-8" : "cannot be parsed: "
                    + cause.getMessage();
            throw new CitizenFileException(sourceName, 0, null, problem, e);
        }
        if (citizens.isEmpty()) {
            throw new CitizenFileException(sourceName, 0, null, "contains no citizens", null);
        }
        return new CitizenDirectory(citizens);
    }

    private static Citizen toCitizen(CSVRecord record, String sourceName, long line) {
        if (record.size() != HEADER.size()) {
            throw new CitizenFileException(sourceName, line, null,
                    "expected " + HEADER.size() + " fields but found " + record.size(), null);
        }
        String field = "birth_date";
        try {
            LocalDate birthDate = LocalDate.parse(record.get("birth_date"));
            field = "gender";
            Gender gender = Gender.fromClaimValue(record.get("gender"));
            field = "account_level";
            int level = Integer.parseInt(record.get("account_level"));
            return new Citizen(record.get("personal_id"), record.get("full_name"), birthDate, gender,
                    record.get("phone"), level);
        } catch (InvalidCitizenException e) {
            throw new CitizenFileException(sourceName, line, e.field(), e.getMessage(), e);
        } catch (DateTimeParseException | NumberFormatException e) {
            String expected = "birth_date".equals(field) ? "a date yyyy-MM-dd" : "1 or 2";
            throw new CitizenFileException(sourceName, line, field,
                    "must be " + expected + ", was '" + record.get(field) + "'", e);
        }
    }

    /** All citizens in file order. */
    public List<Citizen> all() {
        return citizens;
    }

    public Optional<Citizen> find(String personalId) {
        return Optional.ofNullable(personalId == null ? null : byPersonalId.get(personalId));
    }

    public int size() {
        return citizens.size();
    }
}
