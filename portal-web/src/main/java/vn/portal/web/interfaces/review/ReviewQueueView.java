package vn.portal.web.interfaces.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.application.review.NoSuchReviewPageException;
import vn.portal.bridge.application.review.ReviewCase;
import vn.portal.bridge.application.review.ReviewDesk;
import vn.portal.bridge.application.review.ReviewQueuePage;
import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.population.PopulationRegister;
import vn.portal.web.interfaces.common.Flash;

/**
 * {@code /admin/review?agency=&cause=&page=}: one page of the open review queue, oldest first, with everything a
 * reviewer needs to decide each item, the filters by agency and by cause with their counts, and the way through the
 * pages. The address is bookmarkable ({@link ReviewQueueAddress}); an address the queue cannot honour (page=abc,
 * page=-1, a page past the last, an unknown agency or cause) shows what is wrong and no items, answered with 400 or
 * 404, never another page than the one asked for.
 */
@Named
@RequestScoped
public class ReviewQueueView {

    private static final Logger LOG = Logger.getLogger(ReviewQueueView.class.getName());

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Items shown per page; the queue is worked oldest first. */
    static final int PAGE = 25;

    @Inject
    ReviewDesk desk;

    @Inject
    PopulationRegister register;

    @Inject
    ServiceCatalog catalog;

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

    /** An agency of the filter's choice list with its open items (within the chosen cause). */
    public record AgencyOption(String code, String name, long count, boolean selected) {
    }

    /** A review cause with its open items (within the chosen agency) and the address filtering by it. */
    public record CauseOption(String name, long count, boolean selected, String path) {
    }

    private ReviewQueueAddress address;
    private ReviewQueuePage page;
    private List<ReviewQueueAddress.Problem> problems = List.of();
    private List<ItemRow> items;
    private Long open;
    private Flash flash;
    private boolean flashRead;

    /** The view action: reads the address and the page it names before anything renders. */
    public void load() {
        ReviewQueueAddress.Parsed parsed = ReviewQueueAddress.parse(request.getParameter(ReviewQueueAddress.PAGE),
                request.getParameter(ReviewQueueAddress.AGENCY), request.getParameter(ReviewQueueAddress.CAUSE), agencyCodes());
        address = parsed.address();
        if (!parsed.valid()) {
            refuse(HttpServletResponse.SC_BAD_REQUEST, parsed.problems());
            return;
        }
        try {
            page = desk.page(address.filter(), address.page(), PAGE);
        } catch (NoSuchReviewPageException e) {
            refuse(HttpServletResponse.SC_NOT_FOUND, List.of(new ReviewQueueAddress.Problem("review.filter.nopage",
                    String.valueOf(e.requested()), String.valueOf(e.pageCount()))));
        }
    }

    private void refuse(int status, List<ReviewQueueAddress.Problem> found) {
        problems = found;
        LOG.fine(() -> "review queue address refused (" + status + "): " + request.getQueryString());
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }

    private Set<String> agencyCodes() {
        return catalog.agencies().stream().map(Agency::code).collect(Collectors.toSet());
    }

    /** What is wrong with the address; empty when the page is shown. */
    public List<ReviewQueueAddress.Problem> getProblems() {
        return problems;
    }

    /** The page shown; null when the address was refused (then {@link #getProblems()} says why). */
    public ReviewQueuePage getPage() {
        return page;
    }

    public List<ItemRow> getItems() {
        if (items == null) {
            items = page == null ? List.of() : page.cases().stream().map(this::row).toList();
        }
        return items;
    }

    /** Open items in the whole queue (also shown on /admin/, which has no address of its own). */
    public long getOpenCount() {
        if (open == null) {
            open = page != null ? page.openInQueue() : desk.countOpen(null);
        }
        return open;
    }

    public boolean isFiltered() {
        return page != null && !page.filter().isEverything();
    }

    public List<AgencyOption> getAgencyOptions() {
        if (page == null) {
            return List.of();
        }
        String chosen = page.filter().agencyCode();
        List<AgencyOption> options = new ArrayList<>();
        for (Agency agency : catalog.agencies()) {
            long count = page.countsByAgency().getOrDefault(agency.code(), 0L);
            boolean selected = agency.code().equals(chosen);
            if (count > 0 || selected) {
                options.add(new AgencyOption(agency.code(), agency.name(), count, selected));
            }
        }
        return options;
    }

    /** Open items of every agency within the chosen cause: the "all agencies" choice. */
    public long getAllAgenciesCount() {
        return page == null ? 0 : page.countsByAgency().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Open items of every cause within the chosen agency: the "all causes" choice. */
    public long getAllCausesCount() {
        return page == null ? 0 : page.countsByCause().values().stream().mapToLong(Long::longValue).sum();
    }

    public List<CauseOption> getCauseOptions() {
        if (page == null) {
            return List.of();
        }
        List<CauseOption> options = new ArrayList<>();
        for (ReviewCause cause : ReviewCause.values()) {
            options.add(new CauseOption(cause.name(), page.countsByCause().getOrDefault(cause, 0L), cause == page.filter().cause(),
                    address.withFilter(ReviewQueueFilter.of(page.filter().agencyCode(), cause)).path()));
        }
        return options;
    }

    /** The chosen agency's code, or "": for the decision forms' way back and the filter form. */
    public String getAgency() {
        return address == null || address.filter().agencyCode() == null ? "" : address.filter().agencyCode();
    }

    /** The chosen cause's name, or "". */
    public String getCause() {
        return address == null || address.filter().cause() == null ? "" : address.filter().cause().name();
    }

    public int getPageNumber() {
        return page == null ? 1 : page.number();
    }

    /** Path and query of page {@code number} under the current filter (without the context path). */
    public String pagePath(int number) {
        return address.withPage(number).path();
    }

    /** The whole queue, first page. */
    public String getQueuePath() {
        return ReviewQueueAddress.PATH;
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
