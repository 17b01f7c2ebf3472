package vn.portal.bridge.domain.model.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;

/**
 * The population register held in memory as one hash map per blocking rule, so finding an account's
 * candidates costs four hash lookups. A bucket is stored as the single person or as an array (with unused
 * slots at the end left null), which keeps a million-person index near 200 bytes of overhead per person.
 * Besides the blocks it counts how the register spells each folded given name ({@link GivenNameSpellings}),
 * which the matcher needs to judge a name written without diacritics. Built once, then read-only: safe to
 * share between matcher threads.
 */
public final class RegisterIndex {

    private final HashMap<String, PersonRecord> byPersonalId;
    private final HashMap<String, Object> byOldIdNumber;
    private final HashMap<String, Object> byPhone;
    private final HashMap<String, Object> byNameKeyBirthYear;
    /** Display form of the given name -> its folded form and how many people carry it; while building only. */
    private HashMap<String, SpellingCount> spellingCounts = new HashMap<>();
    private HashMap<String, GivenNameSpellings> spellingsByFoldedGivenName;

    private RegisterIndex(int expected) {
        int capacity = (int) Math.min(Integer.MAX_VALUE, expected * 4L / 3 + 16);
        this.byPersonalId = new HashMap<>(capacity);
        this.byOldIdNumber = new HashMap<>(capacity / 2);
        this.byPhone = new HashMap<>(capacity);
        this.byNameKeyBirthYear = new HashMap<>(capacity);
    }

    /**
     * Indexes every person.
     *
     * @throws InvalidMatchRecordException when a personal ID occurs twice (the register's primary key)
     */
    public static RegisterIndex of(Iterable<PersonRecord> people) {
        return of(people, 1024);
    }

    /** As {@link #of(Iterable)}, sizing the maps for about {@code expectedSize} people up front. */
    public static RegisterIndex of(Iterable<PersonRecord> people, int expectedSize) {
        RegisterIndex index = new RegisterIndex(Math.max(16, expectedSize));
        for (PersonRecord person : people) {
            index.add(person);
        }
        index.groupSpellings();
        return index;
    }

    /** Mutable tally of one spelling while the index is built: men, women, gender unknown. */
    private static final class SpellingCount {
        final String folded;
        final int[] count = new int[3];

        int total() {
            return count[0] + count[1] + count[2];
        }

        SpellingCount(String folded) {
            this.folded = folded;
        }
    }

    private void add(PersonRecord person) {
        PersonRecord previous = byPersonalId.putIfAbsent(person.personalId.value(), person);
        if (previous != null) {
            throw new InvalidMatchRecordException("personal ID " + person.personalId.masked()
                    + " occurs twice in the register extract");
        }
        if (person.oldIdNumber != null) {
            addToBucket(byOldIdNumber, person.oldIdNumber.value(), person);
        }
        if (person.phone != null) {
            addToBucket(byPhone, person.phone.value(), person);
        }
        addToBucket(byNameKeyBirthYear, BlockingRule.nameYearKey(person.name.key(), person.birthDate.getYear()), person);
        MatchName name = person.name;
        String spelling = name.display().substring(name.givenStartInDisplay());
        SpellingCount tally = spellingCounts.get(spelling);
        if (tally == null) {
            tally = new SpellingCount(name.key().substring(name.givenStartInKey()));
            spellingCounts.put(spelling, tally);
        }
        tally.count[GivenNameSpellings.column(person.gender)]++;
    }

    /** Turns the per-spelling tallies into one {@link GivenNameSpellings} per folded given name. */
    private void groupSpellings() {
        Map<String, List<Map.Entry<String, SpellingCount>>> byFolded = new HashMap<>();
        for (Map.Entry<String, SpellingCount> entry : spellingCounts.entrySet()) {
            byFolded.computeIfAbsent(entry.getValue().folded, k -> new ArrayList<>(2)).add(entry);
        }
        spellingsByFoldedGivenName = new HashMap<>(byFolded.size() * 4 / 3 + 16);
        for (Map.Entry<String, List<Map.Entry<String, SpellingCount>>> group : byFolded.entrySet()) {
            List<Map.Entry<String, SpellingCount>> entries = group.getValue();
            // most common first, then by spelling, so evidence notes read the same on every run
            entries.sort((x, y) -> x.getValue().total() != y.getValue().total()
                    ? Integer.compare(y.getValue().total(), x.getValue().total()) : x.getKey().compareTo(y.getKey()));
            String[] spellings = new String[entries.size()];
            int[][] counts = new int[entries.size()][];
            for (int i = 0; i < spellings.length; i++) {
                spellings[i] = entries.get(i).getKey();
                counts[i] = entries.get(i).getValue().count;
            }
            spellingsByFoldedGivenName.put(group.getKey(), new GivenNameSpellings(group.getKey(), spellings, counts));
        }
        spellingCounts = null;
    }

    private static void addToBucket(HashMap<String, Object> map, String key, PersonRecord person) {
        map.merge(key, person, (existing, added) -> {
            if (existing instanceof PersonRecord single) {
                return new PersonRecord[] {single, person, null, null};
            }
            PersonRecord[] bucket = (PersonRecord[]) existing;
            int size = bucketSize(bucket);
            if (size == bucket.length) {
                bucket = Arrays.copyOf(bucket, size * 2);
            }
            bucket[size] = person;
            return bucket;
        });
    }

    /** Number of people indexed. */
    public int size() {
        return byPersonalId.size();
    }

    public Optional<PersonRecord> byPersonalId(PersonalId personalId) {
        return Optional.ofNullable(byPersonalId.get(personalId.value()));
    }

    /** Everyone whose old ID card had this number (reissued numbers make it more than one now and then). */
    public List<PersonRecord> byOldIdNumber(OldIdNumber number) {
        return asList(byOldIdNumber.get(number.value()));
    }

    public List<PersonRecord> byPhone(PhoneNumber phone) {
        return asList(byPhone.get(phone.value()));
    }

    /** Everyone with this folded full name ("nguyen van an") born in {@code birthYear}. */
    public List<PersonRecord> byNameKeyAndBirthYear(String nameKey, int birthYear) {
        return asList(byNameKeyBirthYear.get(BlockingRule.nameYearKey(nameKey, birthYear)));
    }

    /**
     * How the register spells the given names that fold to {@code foldedGivenName} ("thuy"); empty when nobody
     * in the register has such a given name.
     */
    public Optional<GivenNameSpellings> givenNameSpellings(String foldedGivenName) {
        return Optional.ofNullable(spellingsByFoldedGivenName.get(foldedGivenName));
    }

    /** As {@link #givenNameSpellings(String)}, null when there are none; for the matcher's decisions. */
    GivenNameSpellings spellingsOf(String foldedGivenName) {
        return spellingsByFoldedGivenName.get(foldedGivenName);
    }

    /** The raw bucket for an account under a rule: null, one {@link PersonRecord}, or a null-padded array. */
    Object bucket(BlockingRule rule, AccountRecord account) {
        String key = rule.accountKey(account);
        return key == null ? null : bucket(rule, key);
    }

    /** The raw bucket under a rule for a key the rule made. */
    Object bucket(BlockingRule rule, String key) {
        return switch (rule) {
            case PERSONAL_ID -> byPersonalId.get(key);
            case OLD_ID_NUMBER -> byOldIdNumber.get(key);
            case PHONE -> byPhone.get(key);
            case NAME_KEY_BIRTH_YEAR -> byNameKeyBirthYear.get(key);
        };
    }

    static int bucketSize(Object bucket) {
        if (bucket == null) {
            return 0;
        }
        if (bucket instanceof PersonRecord) {
            return 1;
        }
        PersonRecord[] array = (PersonRecord[]) bucket;
        int size = array.length;
        while (size > 0 && array[size - 1] == null) {
            size--;
        }
        return size;
    }

    static PersonRecord bucketMember(Object bucket, int i) {
        return bucket instanceof PersonRecord single ? single : ((PersonRecord[]) bucket)[i];
    }

    private static List<PersonRecord> asList(Object bucket) {
        int size = bucketSize(bucket);
        if (size == 0) {
            return List.of();
        }
        List<PersonRecord> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(bucketMember(bucket, i));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Counts the candidate pairs the rules produce for {@code accounts}, as a reviewer of the blocking
     * design needs: per rule the pairs it produces, and how many of those no earlier rule had produced
     * (so the last column adds up to the distinct pairs the matcher scores). Rules are applied in the
     * given order; buckets larger than {@code maxBucketSize} are skipped as the matcher skips them.
     */
    public BlockingReport countCandidatePairs(Iterable<AccountRecord> accounts, List<BlockingRule> rules, int maxBucketSize) {
        Map<BlockingRule, long[]> counts = new EnumMap<>(BlockingRule.class);
        for (BlockingRule rule : rules) {
            counts.put(rule, new long[3]);
        }
        long accountCount = 0;
        long withoutCandidates = 0;
        long withoutKeys = 0;
        Object[] buckets = new Object[rules.size()];
        for (AccountRecord account : accounts) {
            accountCount++;
            boolean anyKey = false;
            boolean anyCandidate = false;
            for (int r = 0; r < rules.size(); r++) {
                BlockingRule rule = rules.get(r);
                anyKey |= rule.accountKey(account) != null;
                Object bucket = bucket(rule, account);
                int size = bucketSize(bucket);
                long[] c = counts.get(rule);
                if (size > maxBucketSize) {
                    c[2]++;
                    buckets[r] = null;
                    continue;
                }
                buckets[r] = bucket;
                c[0] += size;
                for (int i = 0; i < size; i++) {
                    PersonRecord person = bucketMember(bucket, i);
                    if (!inEarlierBucket(buckets, r, person)) {
                        c[1]++;
                        anyCandidate = true;
                    }
                }
            }
            if (!anyKey) {
                withoutKeys++;
            } else if (!anyCandidate) {
                withoutCandidates++;
            }
        }
        List<BlockingReport.RuleCount> perRule = new ArrayList<>(rules.size());
        for (BlockingRule rule : rules) {
            long[] c = counts.get(rule);
            perRule.add(new BlockingReport.RuleCount(rule, c[0], c[1], c[2]));
        }
        return new BlockingReport(accountCount, size(), perRule, withoutKeys, withoutCandidates);
    }

    private static boolean inEarlierBucket(Object[] buckets, int upTo, PersonRecord person) {
        for (int r = 0; r < upTo; r++) {
            Object bucket = buckets[r];
            int size = bucketSize(bucket);
            for (int i = 0; i < size; i++) {
                if (bucketMember(bucket, i) == person) {
                    return true;
                }
            }
        }
        return false;
    }
}
