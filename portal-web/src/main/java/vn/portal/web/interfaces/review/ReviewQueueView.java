package vn.portal.web.interfaces.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import vn.portal.bridge.application.review.ReviewCase;
import vn.portal.bridge.application.review.ReviewDesk;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.population.PopulationRegister;
import vn.portal.web.interfaces.common.Flash;

/** {@code /admin/review}: the oldest open review items with everything a reviewer needs to decide. */
@Named
@RequestScoped
public class ReviewQueueView {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Items shown per page; the queue is worked oldest first. */
    static final int PAGE = 25;

    @Inject
    ReviewDesk desk;

    @Inject
    PopulationRegister register;

    @Inject
    HttpServletRequest request;

    /** One open item. */
    public record ItemRow(long id, String cause, ZonedDateTime openedAt, String openedBy, String note, String agencyCode,
            String accountId, String username, String accountName, LocalDate accountBirthDate, String accountGender,
            String idNumberKind, String idNumber, String phone, String email, String accountStatus, Long disputedLinkId,
            List<CandidateRow> candidates, EvidenceView evidence) {
    }

    /**
     * A person the account may be linked to. {@code index} is what the form posts: the server finds the person
     * again from the item, so no personal ID travels in the form.
     */
    public record CandidateRow(int index, String maskedPersonalId, String fullName, LocalDate birthDate, String gender,
            String score, boolean disputedHolder) {
    }

    private List<ItemRow> items;
    private Long open;
    private Flash flash;
    private boolean flashRead;

    public List<ItemRow> getItems() {
        if (items == null) {
            items = desk.open(null, 0, PAGE).stream().map(this::row).toList();
        }
        return items;
    }

    public long getOpenCount() {
        if (open == null) {
            open = desk.countOpen(null);
        }
        return open;
    }

    public Flash getFlash() {
        if (!flashRead) {
            flash = Flash.take(request);
            flashRead = true;
        }
        return flash;
    }

    private ItemRow row(ReviewCase reviewCase) {
        var item = reviewCase.item();
        LegacyAccount account = reviewCase.account();
        EvidenceView evidence = item.candidates().map(EvidenceView::parse)
                .orElseGet(() -> reviewCase.disputed().flatMap(l -> l.evidence()).map(EvidenceView::parse).orElse(null));
        List<CandidateRow> candidates = new ArrayList<>();
        List<PersonalId> people = reviewCase.candidates();
        for (int i = 0; i < people.size(); i++) {
            PersonalId person = people.get(i);
            Optional<PopulationRecord> record = register.findByPersonalId(person);
            boolean holder = reviewCase.disputed().map(l -> l.personalId().equals(person)).orElse(false);
            candidates.add(new CandidateRow(i, person.masked(), record.map(r -> r.fullName().display()).orElse(""),
                    record.map(PopulationRecord::birthDate).orElse(null), record.map(r -> r.gender().name()).orElse(null),
                    score(evidence, person), holder));
        }
        return new ItemRow(item.id().orElseThrow(), item.cause().name(), item.openedAt().atZone(VIETNAM), item.openedBy(),
                item.note().orElse(""), account.agencyCode(), account.accountId(), account.username().orElse(""),
                account.rawFullName().orElse(""), account.birthDate().orElse(null), account.gender().map(Enum::name).orElse(null),
                account.idNumberKind().name(), account.idNumber().raw().orElse(""), account.rawPhone().orElse(""),
                account.email().orElse(""), account.status().name(), item.disputedLinkId().orElse(null), List.copyOf(candidates),
                evidence);
    }

    private static String score(EvidenceView evidence, PersonalId person) {
        if (evidence == null) {
            return "";
        }
        return evidence.candidates().stream().filter(c -> c.personalId().equals(person.value())).map(EvidenceView.Candidate::score)
                .findFirst().orElse("");
    }
}
