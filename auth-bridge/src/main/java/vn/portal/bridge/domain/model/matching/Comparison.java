package vn.portal.bridge.domain.model.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * One comparison of the model: a field, its ordered levels, and per level the m probability (of seeing this
 * level when the account and the person are the same human) and the u probability (when they are two random
 * people). The level's weight is log2(m/u), its Bayes factor in bits; the {@link Level#MISSING} level carries
 * no evidence and weighs 0, as in Fellegi and Sunter (1969). Immutable and thread-safe.
 */
public final class Comparison {

    private final ComparisonField field;
    private final Level[] levels;
    private final double[] m;
    private final double[] u;
    private final double[] weights;
    private final double jaroWinklerThreshold;

    Comparison(ComparisonField field, Level[] levels, double[] m, double[] u, double jaroWinklerThreshold) {
        this.field = field;
        this.levels = levels.clone();
        this.m = m.clone();
        this.u = u.clone();
        this.weights = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            weights[i] = levels[i] == Level.MISSING ? 0.0 : log2(m[i] / u[i]);
        }
        this.jaroWinklerThreshold = jaroWinklerThreshold;
    }

    public ComparisonField field() {
        return field;
    }

    /** The levels in the order they are tried. */
    public List<Level> levels() {
        return List.of(levels);
    }

    /** log2(m/u) of the level, 0 for {@link Level#MISSING}. */
    public double weight(Level level) {
        return weights[indexOf(level)];
    }

    public double m(Level level) {
        return m[indexOf(level)];
    }

    public double u(Level level) {
        return u[indexOf(level)];
    }

    public double jaroWinklerThreshold() {
        return jaroWinklerThreshold;
    }

    int levelCount() {
        return levels.length;
    }

    Level levelAt(int index) {
        return levels[index];
    }

    double weightAt(int index) {
        return weights[index];
    }

    double mAt(int index) {
        return m[index];
    }

    double uAt(int index) {
        return u[index];
    }

    int indexOf(Level level) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == level) {
                return i;
            }
        }
        throw new IllegalArgumentException("comparison " + field.key() + " has no level " + level);
    }

    /** Index of the first level the pair passes; the last level (DISAGREE) always passes. */
    int classify(AccountRecord account, PersonRecord person) {
        int last = levels.length - 1;
        for (int i = 0; i < last; i++) {
            if (passes(levels[i], account, person)) {
                return i;
            }
        }
        return last;
    }

    private boolean passes(Level level, AccountRecord account, PersonRecord person) {
        return switch (field) {
            case PERSONAL_ID -> personalId(level, account, person);
            case OLD_ID_NUMBER -> oldIdNumber(level, account, person);
            case FAMILY_AND_MIDDLE_NAME -> familyAndMiddleName(level, account.name, person.name);
            case GIVEN_NAME -> givenName(level, account.name, person.name);
            case BIRTH_DATE -> birthDate(level, account.birthDate, person.birthDate);
            case GENDER -> level == Level.MISSING ? account.gender == null || person.gender == null
                    : level == Level.EXACT && account.gender == person.gender;
            case PHONE -> phone(level, account, person);
        };
    }

    private static boolean personalId(Level level, AccountRecord account, PersonRecord person) {
        String digits = account.twelveDigits;
        if (level == Level.MISSING) {
            return digits == null;
        }
        String other = person.personalId.value();
        return switch (level) {
            case EXACT -> account.personalId != null && digits.equals(other);
            case ONE_EDIT -> StringMetrics.withinOneEdit(digits, 0, digits.length(), other, 0, other.length());
            default -> false;
        };
    }

    private static boolean oldIdNumber(Level level, AccountRecord account, PersonRecord person) {
        if (level == Level.MISSING) {
            return account.oldIdNumber == null || person.oldIdNumber == null;
        }
        String a = account.oldIdNumber.value();
        String b = person.oldIdNumber.value();
        return switch (level) {
            case EXACT -> a.equals(b);
            case ONE_EDIT -> StringMetrics.withinOneEdit(a, 0, a.length(), b, 0, b.length());
            default -> false;
        };
    }

    private static boolean phone(Level level, AccountRecord account, PersonRecord person) {
        if (level == Level.MISSING) {
            return account.phone == null || person.phone == null;
        }
        String a = account.phone.value();
        String b = person.phone.value();
        return switch (level) {
            case EXACT -> a.equals(b);
            case ONE_EDIT -> StringMetrics.withinOneEdit(a, 0, a.length(), b, 0, b.length());
            default -> false;
        };
    }

    private boolean familyAndMiddleName(Level level, MatchName a, MatchName b) {
        if (level == Level.MISSING) {
            return a == null || b == null || a.singleWord() || b.singleWord();
        }
        String ak = a.key();
        String bk = b.key();
        int akEnd = a.familyMiddleEndInKey();
        int bkEnd = b.familyMiddleEndInKey();
        return switch (level) {
            case EXACT -> StringMetrics.regionEquals(a.display(), 0, a.familyMiddleEndInDisplay(),
                    b.display(), 0, b.familyMiddleEndInDisplay());
            case FOLDED_EQUAL -> (a.withoutDiacritics() || b.withoutDiacritics())
                    && StringMetrics.regionEquals(ak, 0, akEnd, bk, 0, bkEnd);
            case DIACRITICS_DIFFER -> StringMetrics.regionEquals(ak, 0, akEnd, bk, 0, bkEnd);
            case ONE_EDIT -> StringMetrics.withinOneEdit(ak, 0, akEnd, bk, 0, bkEnd);
            case JARO_WINKLER -> StringMetrics.jaroWinkler(ak, 0, akEnd, bk, 0, bkEnd) >= jaroWinklerThreshold;
            case MIDDLE_NAME_MISSING -> (!a.hasMiddleName() || !b.hasMiddleName())
                    && StringMetrics.regionEquals(ak, 0, a.familyEndInKey(), bk, 0, b.familyEndInKey());
            case FAMILY_ONLY -> StringMetrics.regionEquals(ak, 0, a.familyEndInKey(), bk, 0, b.familyEndInKey());
            default -> false;
        };
    }

    private boolean givenName(Level level, MatchName a, MatchName b) {
        if (level == Level.MISSING) {
            return a == null || b == null;
        }
        String ak = a.key();
        String bk = b.key();
        int akStart = a.givenStartInKey();
        int bkStart = b.givenStartInKey();
        return switch (level) {
            case EXACT -> StringMetrics.regionEquals(a.display(), a.givenStartInDisplay(), a.display().length(),
                    b.display(), b.givenStartInDisplay(), b.display().length());
            case FOLDED_EQUAL -> (a.withoutDiacritics() || b.withoutDiacritics())
                    && StringMetrics.regionEquals(ak, akStart, ak.length(), bk, bkStart, bk.length());
            case DIACRITICS_DIFFER -> StringMetrics.regionEquals(ak, akStart, ak.length(), bk, bkStart, bk.length());
            case ONE_EDIT -> StringMetrics.withinOneEdit(ak, akStart, ak.length(), bk, bkStart, bk.length());
            case JARO_WINKLER -> StringMetrics.jaroWinkler(ak, akStart, ak.length(), bk, bkStart, bk.length())
                    >= jaroWinklerThreshold;
            default -> false;
        };
    }

    private static boolean birthDate(Level level, LocalDate a, LocalDate b) {
        if (level == Level.MISSING) {
            return a == null || b == null;
        }
        return switch (level) {
            case EXACT -> a.equals(b);
            case DAY_MONTH_SWAPPED -> a.getYear() == b.getYear() && a.getDayOfMonth() != a.getMonthValue()
                    && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue();
            case SAME_YEAR_AND_MONTH -> a.getYear() == b.getYear() && a.getMonthValue() == b.getMonthValue();
            case SAME_YEAR -> a.getYear() == b.getYear();
            default -> false;
        };
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }
}
