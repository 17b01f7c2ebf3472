package vn.portal.bridge.application.imports;

import java.util.List;
import java.util.Locale;

/** The four kinds of file the importers read, with the header each must carry (DESIGN.md §5). */
public enum ImportKind {
    AGENCIES("agencies", List.of("agency_code", "name", "kind", "parent_code", "supervisor")),
    SERVICES("services", List.of("service_code", "agency_code", "name", "min_level", "vneid_integrated", "integrated_on")),
    POPULATION("population", List.of("personal_id", "old_id_number", "full_name", "birth_date", "gender", "phone")),
    ACCOUNTS("accounts", List.of("agency_code", "account_id", "username", "full_name", "birth_date", "gender", "id_number",
            "phone", "email", "password_hash", "created_at", "last_login_at", "status"));

    private final String label;
    private final List<String> columns;

    ImportKind(String label, List<String> columns) {
        this.label = label;
        this.columns = columns;
    }

    /** "agencies", "services", "population", "accounts": used in messages, audit targets and CLI command names. */
    public String label() {
        return label;
    }

    /** The header columns, in the documented order. */
    public List<String> columns() {
        return columns;
    }

    /** The documented header line, e.g. {@code agency_code,name,kind,parent_code,supervisor}. */
    public String headerLine() {
        return String.join(",", columns);
    }

    /** The kind whose header has exactly these column names (any order, any case), or null. */
    static ImportKind ofHeader(List<String> names) {
        List<String> folded = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).sorted().toList();
        for (ImportKind kind : values()) {
            if (kind.columns.stream().sorted().toList().equals(folded)) {
                return kind;
            }
        }
        return null;
    }
}
