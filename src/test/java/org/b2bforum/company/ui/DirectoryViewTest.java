package org.b2bforum.company.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.b2bforum.company.TestCompanies.uniqueCity;
import static org.b2bforum.company.TestCompanies.uniqueWord;

import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.GridScrolls;
import org.b2bforum.TransactionsBegun;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.ui.ChoiceSelectTest;
import org.b2bforum.company.Country;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.company.DirectorySort;
import org.b2bforum.company.SearchIn;
import org.b2bforum.company.Sector;
import org.b2bforum.company.ShortlistService;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.FourCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

/** The directory as an approved Moscow company uses it: filters, results and the URL. */
@ForumSpringTest
class DirectoryViewTest extends ForumBrowserlessTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ApplicationContext context;

    @Autowired
    TestCompanies companies;
    @Autowired
    ShortlistService shortlist;
    @Autowired
    DirectoryService directory;
    String word;
    String cityA;
    String cityB;
    TestCompany moscowBuilder;
    TestCompany minskPowerPlant;
    TestCompany moscowPowerBuilder;
    TestCompany minskBuilder;

    @BeforeEach
    void fourCompaniesSharingAWord() {
        word = uniqueWord();
        cityA = uniqueCity();
        cityB = uniqueCity();
        FourCompanies four = companies.fourSharing(word, cityA, cityB);
        moscowBuilder = four.moscowBuilder();
        minskPowerPlant = four.minskPowerPlant();
        moscowPowerBuilder = four.moscowPowerBuilder();
        minskBuilder = four.minskBuilder();
        // Logged in after the browserless UI was set up: every test navigates afterwards.
        companies.logInAs(companies.approved(Country.RU));
    }

    private DirectoryView view() {
        return (DirectoryView) getCurrentView();
    }

    private List<Long> rows() {
        return entries().stream().map(DirectoryEntry::id).toList();
    }

    private List<DirectoryEntry> entries() {
        GridTester<com.vaadin.flow.component.grid.Grid<DirectoryEntry>, DirectoryEntry> grid = test(view().results);
        return IntStream.range(0, grid.size()).mapToObj(grid::getRow).toList();
    }

    private static List<Long> ids(TestCompany... companies) {
        return Arrays.stream(companies).map(TestCompany::id).toList();
    }

    /** The parameters of the address the directory last showed or put into the browser's address bar. */
    private Map<String, List<String>> urlParameters() {
        return view().address.getQueryParameters().getParameters();
    }

    private String path() {
        return view().address.getPath();
    }

    /** The page the router shows. */
    private static String activePath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    /** The addresses put into the browser's history since the last call ({@code History.pushState}), oldest first. */
    private static List<String> pushedAddresses() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .filter(call -> call.getExpression().contains("pushState")
                        || call.getExpression().contains("'vaadin-navigate'") && call.getExpression().contains("replace: false"))
                .map(call -> String.valueOf(call.getParameters().get(1)))
                .toList();
    }

    private void typeCity(String city) {
        ComponentUtil.fireEvent(view().city, new ComboBoxBase.CustomValueSetEvent<>(view().city, true, city));
    }

    private String label(String key) {
        return view().getTranslation(key);
    }

    /** Opens the directory as a bookmarked URL would: "directory?" + the query string. */
    private void open(String queryString) {
        UI.getCurrent().navigate("directory", QueryParameters.fromString(queryString));
        assertThat(getCurrentView()).isInstanceOf(DirectoryView.class);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void the_search_and_each_filter_narrow_the_results() {
        navigate(DirectoryView.class);
        assertThat(view().city.getPlaceholder()).as("as the other filters say when unset")
                .isEqualTo(label("queue.filter.any"));

        GridScrolls.scrolledToStart(view().results);
        test(view().search).setValue(word);
        assertThat(GridScrolls.scrolledToStart(view().results))
                .as("new cards from the top: scrolled down, the new first card was half hidden").isTrue();
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(
                ids(moscowBuilder, minskPowerPlant, moscowPowerBuilder, minskBuilder));
        assertThat(view().total.getText()).isEqualTo(view().getTranslation("directory.total", 4L));

        typeCity(cityA);
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(ids(moscowBuilder, minskBuilder));

        ChoiceSelectTest.choose(view().country, label("country.BY"));
        assertThat(rows()).containsExactly(minskBuilder.id());
        assertThat(view().total.getText()).isEqualTo(label("directory.total").replace("{0}", "1"));

        typeCity(cityB);
        assertThat(rows()).containsExactly(minskPowerPlant.id());

        ChoiceSelectTest.choose(view().country, label("country.RU"));
        assertThat(rows()).containsExactly(moscowPowerBuilder.id());

        ChoiceSelectTest.choose(view().sector, label("sector.FINANCE"));
        assertThat(rows()).isEmpty();
        assertThat(view().total.getText()).isEqualTo(label("directory.total").replace("{0}", "0"));
    }

    @Test
    void a_search_and_the_next_page_keep_the_menu_counters_which_live_updates_change() {
        navigate(DirectoryView.class);
        // the approval's live update, should it reach this page, arrives within two polls
        sleep(Duration.ofSeconds(1));
        navigate(DirectoryView.class);
        Button bell = $(Button.class).id("notifications-button");
        assertThat(bell.getText()).as("the approval's notification").isEqualTo("1");
        // a notification written without its live update (every writer of one sends it): no page reads the bell by itself
        jdbc.update("insert into notification (user_id, message_key, created_at) values (?, ?, now(6))",
                currentUser.require().id(), "notification.meeting.REQUESTED");

        test(view().search).setValue(word);
        assertThat(rows()).hasSize(4);
        assertThat(bell.getText()).as("a search on the same page reads no counters").isEqualTo("1");

        // the bell, the banner and the messages' count were three of the statements of the page opened after "Send" at
        // the booking window's rush: live updates keep them (base.live.FrameFiguresLiveTest), a new page reads none
        navigate(ShortlistView.class);
        assertThat(bell.getText()).as("nor does a new page").isEqualTo("1");
    }

    @Test
    void a_search_reads_its_count_and_its_page_without_a_transaction_of_their_own() throws Exception {
        navigate(DirectoryView.class);

        List<String> begun = TransactionsBegun.during(context, () -> {
            test(view().search).setValue(word);
            assertThat(rows()).hasSize(4);
        });

        // each was a read-only transaction: a set autocommit pair and a commit around one statement
        assertThat(begun).as("transactions begun by a search").isEmpty();
        assertThat(TransactionsBegun.during(context, () -> accounts.loadUserByUsername(currentUser.require().email())))
                .as("the listener sees a transaction where there is one").isNotEmpty();
    }

    @Test
    void a_search_reads_its_count_and_its_first_page_in_one_statement() {
        navigate(DirectoryView.class);
        test(view().search).setValue(word);
        roundTrip();

        // the least of three tries: the database's counters are the node's, and a background task may read meanwhile
        long pageAlone = leastSelects(i -> directory.search(view().query, PageRequest.of(0, DirectoryView.PAGE_SIZE)));
        long search = leastSelects(i -> {
            test(view().search).setValue(i % 2 == 0 ? word + " " : word);
            roundTrip();
        });

        // a count, then the page, were two statements (and two approval checks) of each search at the booking rush
        assertThat(search).as("selects of a search with its count and its first page").isEqualTo(pageAlone);
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(ids(moscowBuilder, minskPowerPlant, moscowPowerBuilder,
                minskBuilder));
        assertThat(view().total.getText()).isEqualTo(view().getTranslation("directory.total", 4L));
    }

    private long leastSelects(java.util.function.IntConsumer work) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = selects();
            work.accept(i);
            least = Math.min(least, selects() - before);
        }
        return least;
    }

    private long selects() {
        return jdbc.queryForObject("show global status like 'Com_select'", (rs, row) -> rs.getLong(2));
    }

    @Test
    void opening_the_directory_begins_no_transaction() throws Exception {
        navigate(ShortlistView.class);

        // the menu's reads, the wishes phase, the count and the page each began one of their own (issue 17)
        assertThat(TransactionsBegun.during(context, () -> navigate(DirectoryView.class))).isEmpty();
        assertThat(rows()).isNotEmpty();
    }

    @Test
    void the_first_answer_carries_a_screenful_of_cards_and_the_grid_asks_for_the_rest_as_the_user_scrolls() {
        navigate(DirectoryView.class);

        // fifty cards per answer were a tenth of a directory search's CPU at the booking rush (bench/README.md)
        assertThat(view().results.getPageSize()).isEqualTo(DirectoryView.PAGE_SIZE).isLessThanOrEqualTo(20);
        test(view().search).setValue(word);
        assertThat(rows()).hasSize(4);
    }

    @Test
    void a_sector_narrows_the_results() {
        navigate(DirectoryView.class);
        test(view().search).setValue(word);

        ChoiceSelectTest.choose(view().sector, label("sector.ENERGY"));

        assertThat(rows()).containsExactlyInAnyOrderElementsOf(ids(minskPowerPlant, moscowPowerBuilder));
    }

    @Test
    void the_other_side_comes_first_and_the_order_can_be_changed() {
        navigate(DirectoryView.class);
        test(view().search).setValue(word);

        assertThat(rows().subList(0, 2)).containsExactlyInAnyOrderElementsOf(ids(minskPowerPlant, minskBuilder));

        ChoiceSelectTest.choose(view().sort, label("directory.sort.NEWEST"));

        assertThat(rows()).containsExactlyElementsOf(
                ids(minskBuilder, moscowPowerBuilder, minskPowerPlant, moscowBuilder));
    }

    @Test
    void changing_a_filter_puts_it_into_the_url() {
        navigate(DirectoryView.class);

        test(view().search).setValue(" " + word + " ");
        assertThat(path()).isEqualTo("directory");
        assertThat(urlParameters()).isEqualTo(Map.of("q", List.of(word)));

        typeCity(cityA);
        ChoiceSelectTest.choose(view().country, label("country.BY"));
        ChoiceSelectTest.choose(view().sector, label("sector.CONSTRUCTION"));
        ChoiceSelectTest.choose(view().sort, label("directory.sort.NAME"));
        assertThat(urlParameters()).isEqualTo(Map.of("q", List.of(word), "city", List.of(cityA),
                "country", List.of("BY"), "sector", List.of("CONSTRUCTION"), "sort", List.of("NAME")));

        test(view().search).clear();
        assertThat(urlParameters()).doesNotContainKey("q").containsKey("city");
        assertThat(rows()).containsExactly(minskBuilder.id());
    }

    @Test
    void a_search_puts_itself_into_the_address_without_a_navigation_and_the_back_button_returns_to_the_address_before() {
        navigate(DirectoryView.class);
        DirectoryView opened = view();
        List<String> navigations = new java.util.ArrayList<>();
        UI.getCurrent().addAfterNavigationListener(e -> navigations.add(e.getLocation().getPathWithQueryParameters()));
        pushedAddresses();

        test(view().search).setValue(word);

        assertThat(rows()).hasSize(4);
        assertThat(pushedAddresses()).as("the browser's address, with a history entry").containsExactly("directory?q=" + word);
        // a navigation of the router per search was most of its cost at the booking rush (bench/README.md, issue 17)
        assertThat(navigations).as("navigations of the router").isEmpty();

        ChoiceSelectTest.choose(view().sector, label("sector.ENERGY"));
        assertThat(pushedAddresses()).containsExactly("directory?q=" + word + "&sector=ENERGY");
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(ids(minskPowerPlant, moscowPowerBuilder));

        // back: the browser's router asks for the address before, and the page shows it again
        UI.getCurrent().navigate("directory", QueryParameters.of("q", word));
        assertThat(view()).isSameAs(opened);
        assertThat(view().sector.getValue()).isNull();
        assertThat(view().search.getValue()).isEqualTo(word);
        assertThat(rows()).hasSize(4);
        assertThat(urlParameters()).isEqualTo(Map.of("q", List.of(word)));
    }

    @Test
    void a_profile_opened_from_the_results_links_back_to_them_with_the_search_and_the_filters_as_they_were_left() {
        UI.getCurrent().navigate("companies/" + minskBuilder.id());
        assertThat(find(Anchor.class).withId("profile-back-to-directory").exists())
                .as("the tab has not opened the directory: no way back to it").isFalse();

        navigate(DirectoryView.class);
        DirectoryView directory = view();
        test(view().search).setValue(word);
        ChoiceSelectTest.choose(view().sector, label("sector.ENERGY"));
        UI.getCurrent().navigate("companies/" + minskPowerPlant.id());

        Anchor back = find(Anchor.class).withId("profile-back-to-directory").single();
        assertThat(back.getHref()).isEqualTo("directory?q=" + word + "&sector=ENERGY");
        assertThat(back.getText()).isEqualTo("← К каталогу компаний");
        assertThat(back.getElement().hasAttribute("router-link")).as("followed without reloading the page").isTrue();

        // the link's click: the router opens its address, the same page with the search and the filter, one answer
        Location link = new Location(back.getHref());
        UI.getCurrent().navigate(link.getPath(), link.getQueryParameters());
        assertThat(view()).isSameAs(directory);
        assertThat(view().search.getValue()).isEqualTo(word);
        assertThat(view().sector.getValue()).isEqualTo(Sector.ENERGY);
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(ids(minskPowerPlant, moscowPowerBuilder));

        // the address the directory showed last, by a navigation too
        UI.getCurrent().navigate("directory");
        UI.getCurrent().navigate("companies/" + minskPowerPlant.id());
        assertThat(find(Anchor.class).withId("profile-back-to-directory").single().getHref()).isEqualTo("directory");
    }

    @Test
    void the_tab_keeps_its_directory_which_shows_the_filters_of_each_new_address_and_reads_the_stars_again() {
        open("q=" + word + "&sector=ENERGY");
        DirectoryView first = view();
        assertThat(rows()).hasSize(2);
        DirectoryEntry someone = test(first.results).getRow(0);
        DirectoryEntry other = test(first.results).getRow(1);
        assertThat(starred(someone)).isFalse();
        var cards = first.cards;
        test(first.results).invokeLitRendererFunction(0, 0, "star");
        assertThat(starred(someone)).as("starred on this page").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from shortlist_entry where target_company_id = ?", Integer.class,
                someone.id())).as("in the shortlist").isEqualTo(1);

        navigate(ShortlistView.class);
        assertThat(test(first.results).size()).as("rows kept while the user is elsewhere").isZero();
        // elsewhere the star just set is taken off again, and another company starred
        shortlist.unstar(someone.id());
        shortlist.star(other.id());

        navigate(DirectoryView.class);
        assertThat(view()).as("the same page, not built anew").isSameAs(first);
        assertThat(view().search.getValue()).isEmpty();
        assertThat(view().sector.getValue()).isNull();
        assertThat(urlParameters()).isEmpty();
        open("q=" + word);
        assertThat(rows()).hasSize(4);
        assertThat(starred(shown(someone))).as("starred on this page before, taken off on another").isFalse();
        assertThat(starred(shown(other))).as("starred on another page").isTrue();
        assertThat(view().cards).as("the cards' renderer kept: nothing about them changed").isSameAs(cards);
    }

    @Test
    void the_cards_are_made_anew_when_the_forum_starts_collecting_wishes() {
        boolean before = Boolean.TRUE.equals(
                jdbc.queryForObject("select wishes_phase from booking_settings where id = 1", Boolean.class));
        try {
            collectingWishes(false);
            open("q=" + word);
            var requesting = view().cards;
            assertThat(template(requesting)).contains("id=\"request-meeting-${item.cid}\"");

            navigate(ShortlistView.class);
            collectingWishes(true);
            open("q=" + word);
            assertThat(view().cards).as("made anew: the phase changed").isNotSameAs(requesting);
            assertThat(template(view().cards)).contains("id=\"add-wish-${item.cid}\"")
                    .doesNotContain("id=\"request-meeting-");
            assertThat(view().results.getColumns()).as("the cards' one column, the old one removed").hasSize(1);
            assertThat(rows()).hasSize(4);

            var wishing = view().cards;
            navigate(ShortlistView.class);
            open("q=" + word);
            assertThat(view().cards).as("kept: the phase is the same").isSameAs(wishing);
        } finally {
            collectingWishes(before);
        }
    }

    @Test
    void url_parameters_set_the_filters() {
        open("q=" + word + "&city=" + encoded(cityB) + "&country=RU&sector=ENERGY&sort=NAME");

        assertThat(view().search.getValue()).isEqualTo(word);
        assertThat(view().city.getValue()).isEqualTo(cityB);
        assertThat(view().country.getValue()).isEqualTo(Country.RU);
        assertThat(view().sector.getValue()).isEqualTo(Sector.ENERGY);
        assertThat(view().sort.getValue()).isEqualTo(DirectorySort.NAME);
        assertThat(rows()).containsExactly(moscowPowerBuilder.id());
        assertThat(urlParameters()).containsEntry("city", List.of(cityB));
    }

    @Test
    void on_a_phone_the_filters_fold_behind_a_button_that_counts_the_active_ones() {
        navigate(DirectoryView.class);
        assertThat(view().refine.getChildren()).containsExactly(view().searchIn, view().city, view().country,
                view().sector, view().sort, view().freeSlots);
        assertThat(view().filtersToggle.getText()).isEqualTo("Фильтры");
        assertThat(view().refine.hasClassName("open")).isFalse();

        test(view().filtersToggle).click();
        assertThat(view().refine.hasClassName("open")).isTrue();
        assertThat(view().filtersToggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");

        typeCity(cityA);
        ChoiceSelectTest.choose(view().country, label("country.BY"));
        assertThat(view().filtersToggle.getText()).isEqualTo("Фильтры (2)");
        assertThat(view().refine.hasClassName("open")).as("still open after a filter changed").isTrue();
        test(view().search).setValue(word);
        assertThat(view().filtersToggle.getText()).as("the search is not a folded filter").isEqualTo("Фильтры (2)");

        test(view().filtersToggle).click();
        assertThat(view().refine.hasClassName("open")).isFalse();
        assertThat(view().filtersToggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        open("sort=NAME&free=1");
        assertThat(view().filtersToggle.getText()).isEqualTo("Фильтры (2)");
    }

    @Test
    void a_city_typed_in_either_language_filters_by_its_stored_name() {
        TestCompany moscow = companies.approved(Country.RU, form -> form.setCity("Москва"));
        navigate(DirectoryView.class);

        // the city typed in English (here on a Russian page; the English page's list shows "Moscow"): before, the
        // directory filtered by "Moscow", which no company has, and found nothing (ux85)
        typeCity(" moscow ");

        assertThat(view().city.getValue()).isEqualTo("Москва");
        assertThat(urlParameters()).containsEntry("city", List.of("Москва"));
        List<DirectoryEntry> found = entries();
        assertThat(found).extracting(DirectoryEntry::id).contains(moscow.id());
        assertThat(found).extracting(DirectoryEntry::city).containsOnly("Москва");
        typeCity("Минск");
        assertThat(view().city.getValue()).isEqualTo("Минск");
    }

    @Test
    void the_search_looks_in_what_companies_offer_or_seek_and_says_so_in_the_url() {
        open("q=" + word + "&in=SEEKS");
        assertThat(view().searchIn.getValue()).isEqualTo(SearchIn.SEEKS);
        assertThat(rows()).as("the word is in what the four offer, not in what they seek").isEmpty();
        assertThat(view().filtersToggle.getText()).isEqualTo("Фильтры (1)");

        ChoiceSelectTest.choose(view().searchIn, label("directory.search-in.OFFERS"));

        assertThat(rows()).hasSize(4);
        assertThat(urlParameters()).isEqualTo(Map.of("q", List.of(word), "in", List.of("OFFERS")));
        ChoiceSelectTest.choose(view().searchIn, label("directory.search-in.EVERYTHING"));
        assertThat(urlParameters()).as("everywhere, as without the parameter").isEqualTo(Map.of("q", List.of(word)));
        assertThat(view().filtersToggle.getText()).isEqualTo("Фильтры");
    }

    @Test
    void offers_or_needs_without_words_to_look_for_is_neither_counted_nor_put_into_the_url() {
        navigate(DirectoryView.class);
        ChoiceSelectTest.choose(view().searchIn, label("directory.search-in.OFFERS"));

        // before, "Фильтры (1)" and "in=OFFERS" in the address, while every company was listed
        assertThat(view().filtersToggle.getText()).isEqualTo("Фильтры");
        assertThat(urlParameters()).doesNotContainKey("in");

        test(view().search).setValue(word);
        assertThat(view().filtersToggle.getText()).isEqualTo("Фильтры (1)");
        assertThat(urlParameters()).isEqualTo(Map.of("q", List.of(word), "in", List.of("OFFERS")));
    }

    @Test
    void a_city_in_the_url_may_be_any_city() {
        open("city=" + encoded(cityA));

        assertThat(view().city.getValue()).isEqualTo(cityA);
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(ids(moscowBuilder, minskBuilder));
    }

    @Test
    void unknown_values_in_the_url_are_ignored() {
        open("q=" + word + "&country=XX&sector=NONSENSE&sort=SIDEWAYS");

        assertThat(view().country.getValue()).isNull();
        assertThat(view().sector.getValue()).isNull();
        assertThat(view().sort.getValue()).isEqualTo(DirectorySort.OTHER_SIDE_FIRST);
        assertThat(rows()).hasSize(4);
    }

    @Test
    void a_company_that_is_not_approved_is_sent_to_its_application() {
        companies.logInAs(companies.pending(Country.RU));

        UI.getCurrent().navigate("directory", QueryParameters.of("q", word));

        assertThat(activePath()).isEqualTo("my-registration");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyRegistrationView");
    }

    @Test
    void organizers_see_the_directory_without_stars() {
        companies.logInAsOrganizer();

        open("city=" + encoded(cityA));

        assertThat(rows()).containsExactlyInAnyOrderElementsOf(ids(moscowBuilder, minskBuilder));
        assertThat(canStar(test(view().results).getRow(0))).isFalse();
    }

    @Test
    void companies_see_a_star_on_each_card() {
        open("city=" + encoded(cityA));

        assertThat(canStar(test(view().results).getRow(0))).isTrue();
    }

    @Test
    void a_page_of_results_adds_no_server_side_elements_per_company() {
        open("q=" + encoded("nothing" + word));
        assertThat(rows()).isEmpty();
        int empty = stateNodes();

        open("city=" + encoded(cityA));
        assertThat(rows()).hasSize(2);

        // the cards are a template rendered in the browser: as components each card held about 15 elements
        assertThat(stateNodes()).isEqualTo(empty);
    }

    /** The row now shown for the company of {@code entry} (an entry read when the page loaded its rows). */
    private DirectoryEntry shown(DirectoryEntry entry) {
        return IntStream.range(0, rows().size()).mapToObj(test(view().results)::getRow)
                .filter(e -> e.id() == entry.id()).findFirst().orElseThrow();
    }

    /** The forum's booking settings say whether the organizers collect wishes (shared by all tests: restore it). */
    private void collectingWishes(boolean wishes) {
        jdbc.update("update booking_settings set wishes_phase = ? where id = 1", wishes);
    }

    /** The cards' template as the browser gets it (LitRenderer keeps it to itself). */
    private static String template(LitRenderer<DirectoryEntry> cards) {
        try {
            Method expression = LitRenderer.class.getDeclaredMethod("getTemplateExpression");
            expression.setAccessible(true);
            return (String) expression.invoke(cards);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private boolean starred(DirectoryEntry entry) {
        return Boolean.parseBoolean(String.valueOf(view().cards.getValueProviders().get("starred").apply(entry)));
    }

    private boolean canStar(DirectoryEntry entry) {
        return (Boolean) view().cards.getValueProviders().get("canStar").apply(entry);
    }

    private static int stateNodes() {
        int[] count = {0};
        UI.getCurrent().getInternals().getStateTree().getRootNode().visitNodeTree(node -> count[0]++);
        return count[0];
    }
}
