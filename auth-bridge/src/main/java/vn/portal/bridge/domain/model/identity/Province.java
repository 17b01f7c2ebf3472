package vn.portal.bridge.domain.model.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A province or centrally-run city as coded by Circular 07/2016/TT-BCA (appendix: codes of the place of
 * birth registration used in digits 1-3 of the personal ID). The 63 codes are kept after the 2025
 * province merger because already-issued numbers keep them. The list is data, in {@code provinces.csv}.
 */
public final class Province {

    private final String code;
    private final String name;
    private final String kind;

    private Province(String code, String name, String kind) {
        this.code = code;
        this.name = name;
        this.kind = kind;
    }

    /** Three-digit code, e.g. "001". */
    public String code() {
        return code;
    }

    /** Common Vietnamese name, e.g. "Hà Nội", "Hồ Chí Minh". */
    public String name() {
        return name;
    }

    /** Name with its administrative kind, e.g. "Thành phố Hồ Chí Minh", "Tỉnh Cà Mau". */
    public String officialName() {
        return kind + " " + name;
    }

    /** True for the five centrally-run cities (thành phố trực thuộc trung ương). */
    public boolean isCentralCity() {
        return "Thành phố".equals(kind);
    }

    public static Optional<Province> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Registry.BY_CODE.get(code.strip()));
    }

    /** All 63 provinces in code order. */
    public static Collection<Province> all() {
        return Registry.BY_CODE.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Province province && province.code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code + " " + name;
    }

    /** Holder idiom: the file is read once, on first use, into an unmodifiable map. */
    private static final class Registry {
        private static final Map<String, Province> BY_CODE = load();

        private static Map<String, Province> load() {
            Map<String, Province> provinces = new LinkedHashMap<>();
            try (InputStream in = Province.class.getResourceAsStream("provinces.csv")) {
                if (in == null) {
                    throw new IllegalStateException("resource provinces.csv is missing next to " + Province.class.getName());
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String header = reader.readLine();
                if (!"code,name,kind".equals(header)) {
                    throw new IllegalStateException("provinces.csv must start with the header code,name,kind but starts with " + header);
                }
                String line;
                int lineNumber = 1;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] fields = line.split(",", -1);
                    if (fields.length != 3 || !fields[0].matches("\\d{3}")) {
                        throw new IllegalStateException("provinces.csv line " + lineNumber + " is not code,name,kind: " + line);
                    }
                    if (provinces.put(fields[0], new Province(fields[0], fields[1].strip(), fields[2].strip())) != null) {
                        throw new IllegalStateException("provinces.csv line " + lineNumber + " repeats code " + fields[0]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read provinces.csv", e);
            }
            return Collections.unmodifiableMap(provinces);
        }
    }
}
