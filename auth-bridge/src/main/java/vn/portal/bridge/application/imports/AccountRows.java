package vn.portal.bridge.application.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.portal.bridge.domain.model.credential.InvalidPasswordHashException;
import vn.portal.bridge.domain.model.credential.LegacyPasswordHash;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.InvalidLegacyAccountException;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.legacy.UnknownAgencyException;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;

/**
 * Rows of accounts-*.csv (DESIGN.md §5). Values that are merely unusable for linking (a name that is no name,
 * an id number of unknown shape, a foreign phone) are kept raw and classified by {@link LegacyAccount}; values
 * that break the format (a bad date or timestamp, an unknown agency or status, a malformed password hash) reject
 * the row.
 */
final class AccountRows implements RowHandler<LegacyAccount> {

    private final LegacyAccountRepository accounts;
    private final Set<String> agencies;
    private final String file;
    private final LocalDate today;

    AccountRows(LegacyAccountRepository accounts, Set<String> agencies, String file, LocalDate today) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.file = file;
        this.today = today;
    }

    @Override
    public LegacyAccount map(CsvRow row) {
        String agency = Fields.required("agency_code", row.get("agency_code"));
        if (!agencies.contains(agency)) {
            throw new RowRejectedException("agency_code", RowErrorCode.UNKNOWN_AGENCY,
                    "agency '" + agency + "' is not known; import it from agencies.csv first", agency);
        }
        String accountId = Fields.required("account_id", row.get("account_id"));
        LocalDate birthDate = Fields.birthDate("birth_date", row.get("birth_date"), today);
        Instant createdAt = Fields.timestamp("created_at", row.get("created_at"));
        Instant lastLoginAt = Fields.timestamp("last_login_at", row.get("last_login_at"));
        String hash = row.get("password_hash");
        if (hash != null) {
            try {
                // The credential code's own parser: a hash accepted here is one a citizen's claim can verify.
                LegacyPasswordHash.parse(hash);
            } catch (InvalidPasswordHashException e) {
                throw new RowRejectedException("password_hash", RowErrorCode.UNPARSEABLE_HASH, e.getMessage());
            }
        }
        Gender gender = Fields.gender("gender", row.get("gender"));
        String statusText = Fields.required("status", row.get("status"));
        AccountStatus status;
        try {
            status = AccountStatus.parse(statusText);
        } catch (InvalidLegacyAccountException e) {
            throw new RowRejectedException("status", RowErrorCode.BAD_ACCOUNT_STATUS, e.getMessage(), statusText);
        }
        return LegacyAccount.builder(agency, accountId)
                .username(row.get("username"))
                .fullName(row.get("full_name"))
                .birthDate(birthDate)
                .gender(gender)
                .idNumber(row.get("id_number"))
                .phone(row.get("phone"))
                .email(row.get("email"))
                .passwordHash(hash)
                .createdAt(createdAt)
                .lastLoginAt(lastLoginAt)
                .status(status)
                .source(file, (int) Math.min(Integer.MAX_VALUE, row.line()))
                .build();
    }

    @Override
    public UpsertCounts store(List<LegacyAccount> batch) {
        return accounts.upsert(batch);
    }

    @Override
    public String columnOf(RuntimeException failure) {
        if (failure instanceof InvalidLegacyAccountException invalid) {
            return switch (invalid.field()) {
                case SOURCE, UNLINKABLE_REASON -> null;
                default -> invalid.field().name().toLowerCase(Locale.ROOT);
            };
        }
        if (failure instanceof UnknownAgencyException) {
            return "agency_code";
        }
        return null;
    }
}
