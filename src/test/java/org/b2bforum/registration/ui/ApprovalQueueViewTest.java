package org.b2bforum.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import org.b2bforum.ForumBrowserlessTest;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.GridScrolls;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.company.Country;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;
import org.b2bforum.registration.IdentityChanges;
import org.b2bforum.registration.RegistrationFilter;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;

/** Organizers review company applications; companies never see the queue. */
@ForumSpringTest
class ApprovalQueueViewTest extends ForumBrowserlessTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    IdentityChanges identityChanges;
    @Autowired
    AccountService accounts;

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_sees_pending_applications_and_narrows_them_with_the_filters() {
        long gomelTourism = register("Гомель", Country.BY, Sector.TOURISM);
        long gomelEnergy = register("Гомель", Country.BY, Sector.ENERGY);
        long moscowTourism = register("Москва", Country.RU, Sector.TOURISM);

        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        assertThat(queue.status.getValue()).as("pending first").isEqualTo(RegistrationStatus.PENDING);
        assertThat(ids(queue)).contains(gomelTourism, gomelEnergy, moscowTourism);
        assertThat(rows(queue)).allMatch(r -> r.status() == RegistrationStatus.PENDING);
        int row = rowOf(queue, gomelTourism);
        assertThat(test(queue.grid).getCellText(row, 3)).isEqualTo("Гомель, Беларусь");
        assertThat(test(queue.grid).getCellText(row, 4)).isEqualTo("Туризм");
        assertThat(test(queue.grid).getHeaderCell(0)).isEqualTo("Компания");
        // on a tablet (768 px) the five columns are wider than the page: the status, last, was off the screen (ux89)
        assertThat(queue.grid.getColumns()).extracting(Grid.Column::getKey).as("the status beside the company")
                .containsExactly("shortName", "status", "submittedAt", "city", "sectors");
        assertThat(queue.grid.getColumns().getFirst().isFrozen())
                .as("on a phone the queue scrolls sideways: the row's company stays in sight").isTrue();

        assertThat(queue.city.getPlaceholder()).as("unset, as the other filters say").isEqualTo("Все");
        GridScrolls.scrolledToStart(queue.grid);
        test(queue.city).selectItem("Гомель");
        assertThat(GridScrolls.scrolledToStart(queue.grid))
                .as("new rows from the top: scrolled down, the new first row was half hidden").isTrue();
        assertThat(ids(queue)).contains(gomelTourism, gomelEnergy).doesNotContain(moscowTourism);
        assertThat(rows(queue)).allMatch(r -> r.city().equals("Гомель"));

        test(queue.sector).selectItem("Туризм");
        assertThat(ids(queue)).contains(gomelTourism).doesNotContain(gomelEnergy, moscowTourism);
        assertThat(rows(queue)).allMatch(r -> r.sectors().contains(Sector.TOURISM));

        registrations.approve(gomelTourism);
        test(queue.status).selectItem("Одобрена");
        assertThat(ids(queue)).contains(gomelTourism);
        assertThat(rows(queue)).allMatch(r -> r.status() == RegistrationStatus.APPROVED);
        test(queue.status).selectItem("Ожидает одобрения");
        assertThat(ids(queue)).doesNotContain(gomelTourism);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_city_typed_or_in_the_address_in_either_language_filters_by_its_stored_name() {
        long gomel = register("Гомель", Country.BY, Sector.TOURISM);
        long moscow = register("Москва", Country.RU, Sector.TOURISM);
        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        int items = queue.city.getListDataView().getItemCount();

        ComponentUtil.fireEvent(queue.city, new ComboBoxBase.CustomValueSetEvent<>(queue.city, true, " gomel "));
        assertThat(queue.city.getValue()).isEqualTo("Гомель");
        assertThat(ids(queue)).contains(gomel).doesNotContain(moscow);
        ComponentUtil.fireEvent(queue.city, new ComboBoxBase.CustomValueSetEvent<>(queue.city, true, "  "));
        assertThat(queue.city.getValue()).as("blank: any city").isNull();
        assertThat(ids(queue)).contains(gomel, moscow);

        // before, the address's "Moscow" was kept as typed: a new item, and no application found
        UI.getCurrent().navigate("registrations", com.vaadin.flow.router.QueryParameters.fromString("city=Moscow"));
        queue = (ApprovalQueueView) getCurrentView();
        assertThat(queue.city.getValue()).isEqualTo("Москва");
        assertThat(ids(queue)).contains(moscow).doesNotContain(gomel);
        assertThat(queue.city.getListDataView().getItemCount()).as("no item added").isEqualTo(items);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_menu_counts_the_applications_waiting_for_a_decision() {
        long waiting = register("Гомель", Country.BY, Sector.TOURISM);
        register("Москва", Country.RU, Sector.ENERGY);
        // with the new names approved companies proposed (mend53a), which other tests left
        long pending = registrations.count(new RegistrationFilter(RegistrationStatus.PENDING, null, null))
                + identityChanges.count();
        assertThat(pending).isGreaterThanOrEqualTo(2);

        // read when a page opens (the test's UI opened the organizer's first page before the applications came)
        UI.getCurrent().navigate("directory");
        assertThat($(Span.class).id("menu-count-registrations").getText()).isEqualTo(String.valueOf(pending));

        registrations.approve(waiting);
        navigate(ApprovalQueueView.class);
        assertThat($(Span.class).id("menu-count-registrations").getText()).as("one fewer on the next page")
                .isEqualTo(String.valueOf(pending - 1));
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_opens_an_application_from_the_queue_and_approves_it() {
        RegistrationForm application = TestData.registrationForm();
        long id = registrations.register(application);
        ApprovalQueueView queue = navigate(ApprovalQueueView.class);

        test(queue.grid).clickRow(rowOf(queue, id));

        assertThat(getCurrentView()).isInstanceOf(RegistrationDetailView.class);
        assertThat(find(StatusBadge.class).single().getText()).isEqualTo("Ожидает одобрения");
        test(find(Button.class).id("approve")).click();

        assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(test(find(Notification.class).single()).getText()).isEqualTo("Заявка одобрена, компания уведомлена");
        assertThat(find(StatusBadge.class).single().getText()).isEqualTo("Одобрена");
        assertThat(find(Button.class).withId("approve").exists()).as("decided once").isFalse();
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void a_link_to_no_application_says_so_with_the_way_back_to_the_queue() {
        for (String id : List.of("abc", "999999999")) {
            UI.getCurrent().navigate("registrations/" + id);
            assertThat(getCurrentView()).isInstanceOf(RegistrationDetailView.class);
            assertThat(find(H1.class).single().getText()).isEqualTo("Заявка не найдена");
            assertThat(find(Paragraph.class).id("registration-not-found").getText()).startsWith("Такой заявки нет");
            assertThat(((RegistrationDetailView) getCurrentView()).getPageTitle()).startsWith("Заявка не найдена · ");
            assertThat(find(RouterLink.class).all()).anyMatch(link -> link.getHref().equals("registrations"));
        }
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_edited_or_old_address_gives_the_queue_with_the_defaults_for_what_it_cannot_read_not_an_error() {
        long pending = registrations.register(TestData.registrationForm());

        UI.getCurrent().navigate("registrations", com.vaadin.flow.router.QueryParameters.fromString(
                "status=ALLES&sector=energy&city=&q="));
        ApprovalQueueView queue = (ApprovalQueueView) getCurrentView();
        assertThat(queue.status.getValue()).as("an unknown status: pending").isEqualTo(RegistrationStatus.PENDING);
        assertThat(queue.sector.getValue()).as("an unknown sector: any").isNull();
        assertThat(queue.city.getValue()).isNull();
        assertThat(queue.search.getValue()).isEmpty();
        assertThat(ids(queue)).contains(pending);

        // the search's wildcards are letters, as typed: "%" and "_" find only names that have them
        UI.getCurrent().navigate("registrations", com.vaadin.flow.router.QueryParameters.fromString(
                "status=all&city=%D0%9D%D0%B8%D0%B3%D0%B4%D0%B5&q=%25_"));
        queue = (ApprovalQueueView) getCurrentView();
        assertThat(queue.status.getValue()).isNull();
        assertThat(queue.city.getValue()).as("a city not in the list is kept").isEqualTo("Нигде");
        assertThat(queue.search.getValue()).isEqualTo("%_");
        assertThat(ids(queue)).isEmpty();
        assertThat(queue.count.getText()).isEqualTo("Найдено заявок: 0");

        // an application's address with a filter it cannot read: the application, and the way back to the plain queue
        UI.getCurrent().navigate("registrations/" + pending, com.vaadin.flow.router.QueryParameters.fromString(
                "status=nope&sector=42"));
        assertThat(getCurrentView()).isInstanceOf(RegistrationDetailView.class);
        assertThat(find(RouterLink.class).id("back-to-queue").getHref()).isEqualTo("registrations");
        assertThat(find(Button.class).withId("approve").exists()).isTrue();
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void asking_for_changes_needs_a_comment_in_a_dialog_that_fits_a_phone() {
        long id = registrations.register(TestData.registrationForm());
        UI.getCurrent().navigate("registrations/" + id);
        test(find(Button.class).id("request-changes")).click();
        Dialog dialog = find(Dialog.class).single();
        TextArea comment = find(TextArea.class).id("decision-comment");
        assertThat(dialog.getWidth()).isEqualTo("36em");
        assertThat(dialog.getMaxWidth()).as("no wider than a phone").isEqualTo("100%");
        assertThat(comment.getWidth()).isEqualTo("100%");
        HorizontalLayout actions = (HorizontalLayout) find(Button.class).id("approve").getParent().orElseThrow();
        assertThat(actions.isWrap()).as("three buttons wrap on a phone").isTrue();

        assertThat(dialog.getHeaderTitle()).as("what it does").isEqualTo("Запросить изменения в заявке");
        assertThat(find(Button.class).id("confirm-decision").getText()).isEqualTo("Запросить изменения");

        test(find(Button.class).id("confirm-decision")).click();

        assertThat(comment.isInvalid()).isTrue();
        // what to write and who reads it, not the generic "Заполните это поле" (ux80)
        assertThat(comment.getErrorMessage()).isEqualTo("Напишите, что изменить: компания это увидит");
        assertThat(comment.getI18n().getRequiredErrorMessage()).as("the same when the field is left (blur)")
                .isEqualTo(comment.getErrorMessage());
        assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.PENDING);

        test(comment).setValue("Укажите полное наименование по уставу");
        test(find(Button.class).id("confirm-decision")).click();

        assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.CHANGES_REQUESTED);
        assertThat(test(find(Notification.class).single()).getText())
                .isEqualTo("Компании отправлен запрос на изменения");
        assertThat(find(Dialog.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_rejection_dialog_says_what_it_does_and_that_the_company_reads_the_reason_in_both_languages() {
        long id = registrations.register(TestData.registrationForm());
        UI.getCurrent().navigate("registrations/" + id);
        test(find(Button.class).id("reject")).click();
        assertThat(find(Dialog.class).single().getHeaderTitle()).isEqualTo("Отклонить заявку");
        TextArea reason = find(TextArea.class).id("decision-comment");
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Укажите причину: компания её увидит");
        assertThat(registrations.details(id).status()).as("nothing decided").isEqualTo(RegistrationStatus.PENDING);
        find(Dialog.class).single().close();

        UI.getCurrent().setLocale(Languages.ENGLISH);
        navigate(ApprovalQueueView.class);
        UI.getCurrent().navigate("registrations/" + id);
        test(find(Button.class).id("reject")).click();
        assertThat(find(Dialog.class).single().getHeaderTitle()).isEqualTo("Reject the application");
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(find(TextArea.class).id("decision-comment").getErrorMessage())
                .isEqualTo("Give the reason: the company will read it");

        test(find(TextArea.class).id("decision-comment")).setValue("Not a business of the forum's sectors");
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(registrations.details(id).status()).isEqualTo(RegistrationStatus.REJECTED);
    }

    /**
     * At 390 px the five columns scrolled sideways, the status off the screen and the city cut ("Minsk, Be", ux80): on a
     * phone the browser leaves out the submission date, the city's column and the sectors (PhoneColumns), and the city
     * goes under the company's name (shown by forum.css on a narrow screen only). The browser's side:
     * RegistrationJourneyIT at 390 px.
     */
    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void on_a_phone_the_queue_shows_the_company_with_its_city_and_the_status_and_leaves_the_rest_out() {
        long gomel = register("Гомель", Country.BY, Sector.TOURISM);
        ApprovalQueueView queue = navigate(ApprovalQueueView.class);

        assertThat(queue.grid.getColumns().stream()
                .filter(c -> c.getElement().getClassList().contains(PhoneColumns.WIDE_ONLY)).map(Grid.Column::getKey))
                .as("left out on a phone; the company and the status stay").containsExactly("submittedAt", "city", "sectors");
        assertThat(queue.grid.getColumns()).as("the desktop's five, all visible to the server").hasSize(5)
                .allMatch(Grid.Column::isVisible);
        int row = rowOf(queue, gomel);
        assertThat(test(queue.grid).getLitRendererPropertyValue(row, 0, "place", String.class))
                .as("under the company's name on a phone").isEqualTo("Гомель, Беларусь");
        assertThat(test(queue.grid).getLitRendererPropertyValue(row, 0, "name", String.class))
                .isEqualTo(test(queue.grid).getRow(row).shortName());
        assertThat(test(queue.grid).getCellText(row, 3)).as("its own column on a desktop").isEqualTo("Гомель, Беларусь");
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void an_organizer_finds_an_application_by_name_tax_number_or_e_mail_and_sees_how_many_match() {
        String marker = "Поиск" + System.nanoTime();
        RegistrationForm cheese = TestData.registrationForm(Country.BY);
        cheese.setShortName("Сыроварня " + marker);
        long cheeseId = registrations.register(cheese);
        RegistrationForm bakery = TestData.registrationForm();
        bakery.setFullName("ООО «Пекарня " + marker + "»");
        long bakeryId = registrations.register(bakery);

        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        assertThat(queue.count.getText()).as("how many the filter finds, before the grid is scrolled")
                .isEqualTo("Найдено заявок: " + registrations.count(queue.filter()));

        test(queue.search).setValue(marker.toLowerCase(java.util.Locale.ROOT)); // in any letter case
        assertThat(ids(queue)).containsExactlyInAnyOrder(cheeseId, bakeryId);
        assertThat(queue.count.getText()).isEqualTo("Найдено заявок: 2");
        test(queue.search).setValue("Сыроварня " + marker);
        assertThat(ids(queue)).containsExactly(cheeseId);
        test(queue.search).setValue(bakery.getTaxNumber());
        assertThat(ids(queue)).containsExactly(bakeryId);
        test(queue.search).setValue(cheese.getEmail().toUpperCase(java.util.Locale.ROOT));
        assertThat(ids(queue)).containsExactly(cheeseId);
        test(queue.search).setValue("100%_" + marker);
        assertThat(ids(queue)).as("% and _ are letters here, not patterns").isEmpty();
        assertThat(queue.count.getText()).isEqualTo("Найдено заявок: 0");
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_filter_goes_with_an_application_and_comes_back_to_the_queue() {
        String marker = "Фильтр" + System.nanoTime();
        RegistrationForm form = TestData.registrationForm(Country.BY);
        form.setShortName("Молочный " + marker);
        form.setCity("Гомель");
        form.setSectors(EnumSet.of(Sector.ENERGY));
        long id = registrations.register(form);

        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        queue.status.setValue(null); // "Все"
        test(queue.city).selectItem("Гомель");
        test(queue.sector).selectItem("Энергетика");
        test(queue.search).setValue(marker);
        test(queue.grid).clickRow(rowOf(queue, id));

        assertThat(getCurrentView()).isInstanceOf(RegistrationDetailView.class);
        RouterLink back = find(RouterLink.class).id("back-to-queue");
        assertThat(back.getHref()).startsWith("registrations?").contains("status=all", "sector=ENERGY");

        String href = back.getHref();
        UI.getCurrent().navigate("registrations", // as the link does
                com.vaadin.flow.router.QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
        ApprovalQueueView again = (ApprovalQueueView) getCurrentView();
        assertThat(again.status.getValue()).as("any status, as it was left").isNull();
        assertThat(again.city.getValue()).isEqualTo("Гомель");
        assertThat(again.sector.getValue()).isEqualTo(Sector.ENERGY);
        assertThat(again.search.getValue()).isEqualTo(marker);
        assertThat(ids(again)).containsExactly(id);

        UI.getCurrent().navigate("registrations");
        assertThat(((ApprovalQueueView) getCurrentView()).status.getValue()).as("a plain link: pending, as always")
                .isEqualTo(RegistrationStatus.PENDING);
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void after_a_decision_the_next_application_of_the_filter_is_one_click_away() {
        String marker = "Подряд" + System.nanoTime();
        List<Long> ids = IntStream.range(0, 3).mapToObj(i -> {
            RegistrationForm form = TestData.registrationForm();
            form.setShortName("Завод " + (i + 1) + " " + marker);
            long id = registrations.register(form);
            registrations.backdateSubmission(id, java.time.Instant.now().minusSeconds(3600L * (3 - i)));
            return id;
        }).toList();
        long other = registrations.register(TestData.registrationForm()); // outside the filter: never offered

        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        test(queue.search).setValue(marker);
        test(queue.grid).clickRow(rowOf(queue, ids.getFirst()));
        assertThat(find(Button.class).withId("next-application").exists()).as("offered once decided").isFalse();
        test(find(Button.class).id("approve")).click();
        // an approval is good news; a rejection is done, with nothing to celebrate
        assertThat(find(Notification.class).last().getThemeNames()).containsExactly("success");

        Button next = find(Button.class).id("next-application");
        assertThat(next.getText()).isEqualTo("Следующая заявка: Завод 2 " + marker);
        test(next).click();
        assertThat(find(H1.class).single().getText()).isEqualTo("Завод 2 " + marker);
        test(find(Button.class).id("request-changes")).click();
        test(find(TextArea.class).id("decision-comment")).setValue("Приложите выписку из реестра");
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(registrations.details(ids.get(1)).status()).isEqualTo(RegistrationStatus.CHANGES_REQUESTED);

        test(find(Button.class).id("next-application")).click();
        assertThat(find(H1.class).single().getText()).isEqualTo("Завод 3 " + marker);
        test(find(Button.class).id("reject")).click();
        test(find(TextArea.class).id("decision-comment")).setValue("Не относится к тематике форума");
        test(find(Button.class).id("confirm-decision")).click();
        assertThat(find(Notification.class).last().getThemeNames()).containsExactly("contrast");

        assertThat(find(Button.class).withId("next-application").exists()).isFalse();
        assertThat(find(Paragraph.class).id("no-application-left").getText())
                .isEqualTo("Больше заявок, ожидающих решения, по этому фильтру нет.");
        assertThat(registrations.details(other).status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(find(RouterLink.class).id("back-to-queue").getHref()).contains("q=");
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void next_application_follows_the_order_the_organizer_sorted_the_queue_by() {
        String marker = "Порядок" + System.nanoTime();
        // submitted В, Б, А: by name the order is the other way round
        List<Long> ids = List.of("В", "Б", "А").stream().map(letter -> {
            RegistrationForm form = TestData.registrationForm();
            form.setShortName(letter + "-Завод " + marker);
            long id = registrations.register(form);
            registrations.backdateSubmission(id, java.time.Instant.now().minusSeconds(
                    3600L * (3 - "ВБА".indexOf(letter))));
            return id;
        }).toList();

        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        test(queue.search).setValue(marker);
        queue.grid.sort(List.of(new GridSortOrder<>(queue.grid.getColumnByKey("shortName"), SortDirection.ASCENDING)));
        assertThat(ids(queue)).as("sorted by name").containsExactly(ids.get(2), ids.get(1), ids.get(0));
        test(queue.grid).clickRow(0);
        test(find(Button.class).id("approve")).click();

        // the next row of the list as the organizer sees it, not the earliest submitted (В)
        assertThat(find(Button.class).id("next-application").getText())
                .isEqualTo("Следующая заявка: Б-Завод " + marker);
        assertThat(find(RouterLink.class).id("back-to-queue").getHref()).contains("sort=shortName");
        test(find(Button.class).id("next-application")).click();
        test(find(Button.class).id("approve")).click();
        assertThat(find(Button.class).id("next-application").getText())
                .isEqualTo("Следующая заявка: В-Завод " + marker);

        // the way back finds the list sorted as it was left
        String href = find(RouterLink.class).id("back-to-queue").getHref();
        UI.getCurrent().navigate("registrations", // as the link does
                com.vaadin.flow.router.QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
        ApprovalQueueView back = (ApprovalQueueView) getCurrentView();
        assertThat(back.grid.getSortOrder()).singleElement().satisfies(order -> {
            assertThat(order.getSorted().getKey()).isEqualTo("shortName");
            assertThat(order.getDirection()).isEqualTo(SortDirection.ASCENDING);
        });
    }

    @Test
    @WithUserDetails(TestData.ORGANIZER_EMAIL)
    void the_search_comes_first_and_on_a_phone_the_other_filters_fold_behind_one_button() {
        ApprovalQueueView queue = navigate(ApprovalQueueView.class);
        // stacked one a row, the four filters took 60 % of a phone's first screen (4 rows of the grid in sight)
        com.vaadin.flow.component.Component bar = queue.search.getParent().orElseThrow();
        assertThat(bar.getChildren().toList()).as("the search first, then the button that folds the rest")
                .containsExactly(queue.search, queue.filtersToggle, queue.refine);
        assertThat(queue.refine.getChildren().toList()).containsExactly(queue.status, queue.city, queue.sector);
        assertThat(queue.refine.hasClassName("queue-refine")).as("folded by the stylesheet on a narrow screen").isTrue();
        assertThat(queue.filtersToggle.hasClassName("filters-toggle")).as("shown only on a narrow screen").isTrue();
        assertThat(queue.filtersToggle.getElement().getAttribute("aria-controls")).isEqualTo("queue-refine");
        assertThat(queue.filtersToggle.getText()).as("pending, the default, is no filter to count").isEqualTo("Фильтры");

        test(queue.filtersToggle).click();
        assertThat(queue.refine.hasClassName("open")).isTrue();
        assertThat(queue.filtersToggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        test(queue.city).selectItem("Гомель");
        test(queue.sector).selectItem("Туризм");
        assertThat(queue.filtersToggle.getText()).as("folded, the button says the list is narrowed")
                .isEqualTo("Фильтры (2)");
        test(queue.filtersToggle).click();
        assertThat(queue.refine.hasClassName("open")).isFalse();
        assertThat(queue.filtersToggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void a_company_is_not_let_into_the_approval_queue() {
        RegistrationForm application = TestData.registrationForm();
        long id = registrations.register(application);
        TestData.logInAs(accounts, application.getLoginEmail());
        navigate(MyRegistrationView.class);

        // Vaadin's access control reroutes an authenticated user without the role to "not found".
        assertThatThrownBy(() -> navigate(ApprovalQueueView.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PageNotFoundView");
        assertThat(getCurrentView().getElement().getAttribute("id")).isEqualTo("page-not-found");
        assertThat(find(Grid.class).exists()).isFalse();

        UI.getCurrent().navigate("registrations/" + id);
        assertThat(getCurrentView().getElement().getAttribute("id")).isEqualTo("page-not-found");
        assertThat(find(Button.class).withId("approve").exists()).isFalse();
    }

    private long register(String city, Country country, Sector sector) {
        RegistrationForm application = TestData.registrationForm(country);
        application.setCity(city);
        application.setSectors(EnumSet.of(sector));
        return registrations.register(application);
    }

    private List<RegistrationSummary> rows(ApprovalQueueView queue) {
        var grid = test(queue.grid);
        return IntStream.range(0, grid.size()).mapToObj(grid::getRow).toList();
    }

    private List<Long> ids(ApprovalQueueView queue) {
        return rows(queue).stream().map(RegistrationSummary::id).toList();
    }

    private int rowOf(ApprovalQueueView queue, long id) {
        int row = ids(queue).indexOf(id);
        assertThat(row).as("application %d in the queue", id).isNotNegative();
        return row;
    }
}
