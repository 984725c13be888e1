package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.company.Country;
import org.b2bforum.company.DirectoryEntry;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataCommunicator;
import com.vaadin.flow.data.provider.DataKeyMapper;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.communication.ServerRpcHandler;
import com.vaadin.flow.server.communication.UidlRequestHandler;

/**
 * The directory's grid, whose updates the server confirms at the tab's next request instead of the browser in a
 * request of its own ({@link ServerConfirmedGrids}): the keys of the rows scrolled or searched away are still
 * forgotten, and a click on a row, of the new rows or of a replaced one in the same request, still finds its company.
 * A "request" here is what {@code ConfirmingRpcHandler} does around Vaadin's handling of its RPCs; that Vaadin sends
 * UIDL requests to it, the first test.
 */
@ForumSpringTest
class ServerConfirmedGridsTest extends ForumBrowserlessTest {

    /** More than three of the directory's pages of cards (20 each). */
    static final int COMPANIES = 65;

    @Autowired
    TestCompanies companies;
    @Autowired
    JdbcTemplate jdbc;

    /** Written once for the class (the tests read them only): 65 approvals took ~25 s at load 18. */
    static String word;
    static String otherWord;
    static TestCompany reader;

    @BeforeEach
    void companiesSharingAWord() {
        if (word == null) {
            String shared = TestCompanies.uniqueWord();
            otherWord = TestCompanies.uniqueWord();
            for (int i = 0; i < COMPANIES; i++) {
                String offers = (i < 5 ? otherWord + " и " : "") + "Строим склады, " + shared + ".";
                companies.approved(i % 2 == 0 ? Country.RU : Country.BY, f -> f.setOffers(offers));
            }
            reader = companies.approved(Country.RU);
            word = shared;
        }
        companies.logInAs(reader);
    }

    private Grid<DirectoryEntry> grid() {
        @SuppressWarnings("unchecked")
        Grid<DirectoryEntry> grid = $(Grid.class).id("directory-results");
        return grid;
    }

    /** One UIDL request of the tab with {@code rpcs} as its RPCs, as {@code ConfirmingRpcHandler} handles it, then its answer. */
    private void request(Runnable rpcs) {
        try {
            ServerConfirmedGrids.confirmingAround(UI.getCurrent(), rpcs::run);
        } catch (ServerRpcHandler.MessageIdSyncException e) {
            throw new AssertionError(e);
        }
        roundTrip();
    }

    /** The companies of the search whose keys the grid still maps. */
    private long keysHeld(List<DirectoryEntry> everyone) {
        DataKeyMapper<DirectoryEntry> keys = grid().getDataCommunicator().getKeyMapper();
        return everyone.stream().filter(keys::has).count();
    }

    private List<DirectoryEntry> everyRow() {
        GridTester<Grid<DirectoryEntry>, DirectoryEntry> tester = test(grid());
        List<DirectoryEntry> rows = new ArrayList<>();
        IntStream.range(0, tester.size()).forEach(i -> rows.add(tester.getRow(i)));
        return rows;
    }

    @Test
    void uidl_requests_go_to_the_handler_that_confirms_and_the_page_switches_the_browsers_confirmation_off() {
        RequestHandler first = null;
        for (RequestHandler handler : VaadinService.getCurrent().getRequestHandlers()) {
            if (handler instanceof UidlRequestHandler) {
                first = handler;
                break;
            }
        }
        assertThat(first).as("the first UIDL handler Vaadin asks")
                .isInstanceOf(ServerConfirmedGrids.ConfirmingUidlRequestHandler.class);

        UI.getCurrent().navigate("directory", QueryParameters.of("q", word));
        assertThat(gridScripts()).as("the directory's first answer").contains(SWITCH_OFF)
                .satisfies(scripts -> assertThat(scripts.indexOf(SWITCH_OFF)).isLessThan(scripts.indexOf(CONFIRM)));
        UI.getCurrent().navigate("companies/" + reader.id());
        roundTrip();
        // the view the tab keeps, attached again: its new rows' update was queued ahead of the component's attach
        // listener, and Chromium confirmed it (DirectorySearchJourneyIT)
        UI.getCurrent().navigate("directory", QueryParameters.of("q", otherWord));
        assertThat(gridScripts()).as("the directory attached again").contains(SWITCH_OFF)
                .satisfies(scripts -> assertThat(scripts.indexOf(SWITCH_OFF)).isLessThan(scripts.indexOf(CONFIRM)));
    }

    static final String SWITCH_OFF = "switch off";
    static final String CONFIRM = "confirm";

    /** The grid's scripts of the answer, in their order: the switch-off and the connector's confirmations named. */
    private List<String> gridScripts() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        Grid<DirectoryEntry> grid = grid();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(call -> call.getOwner() == grid.getElement().getNode())
                .map(call -> call.getInvocation().getExpression())
                .map(script -> script.contains(ServerConfirmedGrids.SWITCH_OFF) ? SWITCH_OFF
                        : script.contains("$connector.confirm(") ? CONFIRM : script)
                .toList();
    }

    @Test
    void the_keys_of_rows_scrolled_away_are_forgotten_at_the_next_request_and_do_not_grow_over_many_scrolls() {
        UI.getCurrent().navigate("directory", QueryParameters.of("q", word));
        roundTrip();
        List<DirectoryEntry> everyone = everyRow();
        assertThat(everyone).hasSize(COMPANIES);
        DataCommunicator<DirectoryEntry> communicator = grid().getDataCommunicator();

        int updatesWaitingMost = 0;
        long keysMost = 0;
        int page = communicator.getPageSize();
        for (int scroll = 0; scroll < 30; scroll++) {
            // as the grid's connector asks: whole pages, here one at a time, up and down the results
            int start = page * ((scroll * 3) % (COMPANIES / page + 1));
            request(() -> communicator.setViewportRange(start, page));
            updatesWaitingMost = Math.max(updatesWaitingMost, ServerConfirmedGrids.waitingUpdates(communicator).size());
            keysMost = Math.max(keysMost, keysHeld(everyone));
        }

        // the browser confirmed each update in a request of its own; unconfirmed, every update's replaced keys stay
        assertThat(updatesWaitingMost).as("updates sent and not yet confirmed, at most the last answer's").isLessThanOrEqualTo(1);
        assertThat(keysMost).as("companies whose keys the grid holds: the rows in view and the ones the last answer replaced")
                .isLessThanOrEqualTo(2L * page).isLessThan(COMPANIES);
    }

    @Test
    void a_row_scrolled_away_is_found_until_the_next_request_is_handled_and_a_click_after_a_search_finds_its_company() {
        UI.getCurrent().navigate("directory", QueryParameters.of("q", word));
        roundTrip();
        DataKeyMapper<DirectoryEntry> keys = grid().getDataCommunicator().getKeyMapper();
        int page = grid().getDataCommunicator().getPageSize();
        request(() -> grid().getDataCommunicator().setViewportRange(0, page));
        DirectoryEntry first = test(grid()).getRow(0);
        String firstKey = keys.key(first);
        request(() -> grid().getDataCommunicator().setViewportRange(2 * page, page));

        request(() -> {
            // sent by the browser before it had the answer that scrolled the row away: handled before the confirmation
            assertThat(keys.get(firstKey)).as("a row clicked in the request after the scroll").isEqualTo(first);
        });
        assertThat(keys.get(firstKey)).as("forgotten once that request is handled").isNull();

        TextField search = $(TextField.class).id("directory-search");
        request(() -> test(search).setValue(otherWord));
        assertThat(everyRow()).hasSize(5);
        request(() -> test(grid()).invokeLitRendererFunction(0, 0, "star"));
        DirectoryEntry starred = test(grid()).getRow(0);
        assertThat(jdbc.queryForObject("select count(*) from shortlist_entry where target_company_id = ?",
                Integer.class, starred.id())).as("the click on a row after the search starred its company").isEqualTo(1);
    }
}
