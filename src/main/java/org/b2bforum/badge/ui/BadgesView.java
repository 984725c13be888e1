package org.b2bforum.badge.ui;

import java.util.Locale;

import org.b2bforum.base.i18n.Plural;
import org.b2bforum.base.ui.GridTop;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.company.Cities;
import org.b2bforum.badge.BadgeBatch;
import org.b2bforum.badge.BadgeBatchService;
import org.b2bforum.badge.BadgeFilter;
import org.b2bforum.badge.BadgeHolder;
import org.b2bforum.badge.BadgeHolderRemovedException;
import org.b2bforum.badge.BadgeService;
import org.b2bforum.badge.CompanyOption;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Downloads;
import org.b2bforum.base.ui.GoneDownload;
import org.b2bforum.company.BadgeRole;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * Organizers print badges: the delegates of approved companies filtered by city, company and role
 * (sorted by company and name, as they will be printed), each one's badge role, one delegate's
 * badge, and the batch of all filtered badges as one PDF, made in the background with its progress
 * shown, and downloadable when it is ready.
 */
@Route("badges")
@Menu(title = "menu.badges", icon = "PRINT", order = 12)
@RolesAllowed(Role.ORGANIZER_NAME)
class BadgesView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 700;

    final ComboBox<String> city = new ComboBox<>();
    final ComboBox<CompanyOption> company = new ComboBox<>();
    final Select<BadgeRole> role = new Select<>();
    final Span count = new Span();
    final Grid<BadgeHolder> grid = new Grid<>();
    final Button print = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div result = new Div();

    private final BadgeService badges;
    private final BadgeBatchService batches;
    private final Locale locale;
    private String batchId;
    private Registration pollRegistration;

    BadgesView(BadgeService badges, BadgeBatchService batches) {
        this.badges = badges;
        this.batches = batches;
        this.locale = getLocale();
        addClassName("page");
        addClassName("badges-view");

        city.setId("badges-city");
        city.setLabel(getTranslation("badges.city"));
        city.setItems(badges.cities());
        city.setItemLabelGenerator(name -> Cities.inLanguage(name, this::getTranslation));
        city.setClearButtonVisible(true);
        city.setPlaceholder(getTranslation("badges.any"));

        company.setId("badges-company");
        company.setLabel(getTranslation("badges.company"));
        // a page of the companies whose name holds what is typed, read as the list opens or scrolls: not 2,000 in each tab
        company.setItems(query -> badges.companies(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        company.setItemLabelGenerator(CompanyOption::name);
        company.setClearButtonVisible(true);
        company.setPlaceholder(getTranslation("badges.any"));
        company.setWidth("min(100%, 22em)");

        role.setId("badges-role");
        role.setLabel(getTranslation("badges.role"));
        role.setItems(BadgeRole.values());
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("badges.any"));
        role.setItemLabelGenerator(r -> r == null ? getTranslation("badges.any") : roleLabel(r));

        city.addValueChangeListener(e -> filterChanged());
        company.addValueChangeListener(e -> filterChanged());
        role.addValueChangeListener(e -> filterChanged());

        HorizontalLayout filters = new HorizontalLayout(city, company, role);
        filters.setWidthFull(); // as wide as the page: shrunk to its content it wrapped the third filter at 1280 px
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("badges-grid");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        // widths, not the content's: names as wide as they came squeezed the positions to a word ("Директ…"); together
        // with the role's select and the badge's link no wider than the page at 1280 px (the grid scrolled sideways)
        Grid.Column<BadgeHolder> companyColumn = grid.addColumn(BadgeHolder::companyName)
                .setHeader(getTranslation("badges.company")).setKey("company").setWidth("10rem").setFlexGrow(1);
        // on a phone the company under the name (its column left out there, PhoneColumns)
        grid.addColumn(LitRenderer.<BadgeHolder>of("""
                <span>${item.name}</span><span class="phone-only">${item.company}</span>""")
                .withProperty("name", BadgeHolder::fullName).withProperty("company", BadgeHolder::companyName))
                .setHeader(getTranslation("badges.name")).setKey("name").setWidth("9rem").setFlexGrow(1);
        Grid.Column<BadgeHolder> position = grid.addColumn(BadgeHolder::position)
                .setHeader(getTranslation("badges.position")).setKey("position").setWidth("13rem").setFlexGrow(2);
        // a width, not the content's: the content's is read from the first rows only, a longer city further down
        // the list was cut ("Заречный 18…", AccessibilityIT); names of two words wrap
        Grid.Column<BadgeHolder> cityColumn = grid.addColumn(h -> Cities.inLanguage(h.city(), this::getTranslation))
                .setHeader(getTranslation("badges.city")).setKey("city").setWidth("7rem").setFlexGrow(1);
        grid.addComponentColumn(this::roleSelect).setHeader(getTranslation("badges.role")).setAutoWidth(true);
        grid.addComponentColumn(this::badgeLink).setHeader(getTranslation("badges.badge")).setAutoWidth(true);
        // at 390 px the six columns scrolled sideways, the role and the badge off the screen: a phone shows the name
        // with the company under it, the role and the badge
        PhoneColumns.leaveOut(grid, companyColumn, position, cityColumn);
        grid.setWidthFull();
        grid.setHeight("28rem");

        count.setId("badges-count");
        count.addClassName("result-count");

        print.setId("print-badges");
        print.setText(getTranslation("badges.print"));
        print.setIcon(VaadinIcon.PRINT.create());
        print.addThemeVariants(ButtonVariant.PRIMARY);
        print.addClickListener(e -> startBatch());

        progress.setId("badges-progress");
        progress.setWidth("min(100%, 24em)");
        progress.setVisible(false);
        progressText.setId("badges-progress-text");
        progress.getElement().setAttribute("aria-labelledby", "badges-progress-text");
        result.setId("badges-result");

        HorizontalLayout printLine = new HorizontalLayout(print, progress, progressText);
        printLine.setWrap(true);
        printLine.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph hint = new Paragraph(getTranslation("badges.hint"));
        hint.addClassName("hint");
        add(new H1(getTranslation("menu.badges")), hint, filters, count, grid, printLine, result);
        refresh();
    }

    BadgeFilter filter() {
        CompanyOption chosen = company.getValue();
        return new BadgeFilter(city.getValue(), chosen == null ? null : chosen.id(), role.getValue());
    }

    private void filterChanged() {
        refresh();
        // new rows from the top: the grid kept its scroll offset and showed the new first row half hidden
        GridTop.scrollToTop(grid);
    }

    private void refresh() {
        BadgeFilter filter = filter();
        int total = badges.count(filter);
        count.setText(getTranslation("badges.count", total));
        grid.setItems(query -> badges.holders(filter, query.getOffset(), query.getLimit()).stream(), query -> total);
        print.setEnabled(total > 0 && batchId == null);
    }

    private Select<BadgeRole> roleSelect(BadgeHolder holder) {
        Select<BadgeRole> select = new Select<>();
        select.setId("badge-role-" + holder.delegateId());
        select.setItems(BadgeRole.values());
        select.setItemLabelGenerator(this::roleLabel);
        select.setValue(holder.role());
        select.addClassName("badge-role-select");
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                if (badges.setRole(holder.delegateId(), e.getValue())) {
                    Notices.success(getTranslation("badges.role-saved", holder.fullName(), roleLabel(e.getValue())));
                } else {
                    Notices.warning(getTranslation("badges.holder-removed", holder.fullName()));
                    refresh();
                }
            }
        });
        return select;
    }

    private Anchor badgeLink(BadgeHolder holder) {
        Anchor link = new Anchor(Downloads.toldOnFailure(event -> badge(holder, event.getUI())),
                AttachmentType.DOWNLOAD, getTranslation("badges.pdf"));
        link.setId("badge-pdf-" + holder.delegateId());
        return link;
    }

    /**
     * The badge's PDF; for a delegate their company removed meanwhile the page says so and shows the list afresh, as
     * a role set for them does, and the browser gets 410 Gone (before: an error in the download and its trace).
     */
    DownloadResponse badge(BadgeHolder holder, UI ui) {
        return GoneDownload.pdf("badge-" + holder.delegateId() + ".pdf",
                () -> badges.badgePdf(holder.delegateId(), locale), BadgeHolderRemovedException.class, ui,
                () -> getTranslation("badges.holder-removed", holder.fullName()), this::refresh);
    }

    void startBatch() {
        BadgeBatch batch = batches.start(filter(), locale);
        batchId = batch.id();
        print.setEnabled(false);
        result.removeAll();
        progress.setVisible(true);
        showProgress(batch);
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
    }

    /** Called by the poll while a batch runs (and by tests). */
    void pollBatch() {
        if (batchId != null) {
            showProgress(batches.status(batchId));
        }
    }

    private void showProgress(BadgeBatch batch) {
        progress.setValue(batch.progress());
        progressText.setText(switch (batch.state()) {
            case QUEUED -> getTranslation("badges.progress.queued");
            case RENDERING -> getTranslation("badges.progress.rendering", Math.max(0, batch.done()),
                    Math.max(0, batch.total()));
            case SAVING -> getTranslation("badges.progress.saving");
            case DONE -> getTranslation(Plural.key("badges.progress.done", batch.total(), locale), batch.total(),
                    String.format(locale, "%.1f", batch.bytes() / 1024.0 / 1024.0));
            case FAILED -> getTranslation("badges.progress.failed");
        });
        if (!batch.finished()) {
            return;
        }
        batchId = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        progress.setVisible(false);
        print.setEnabled(true);
        if (batch.state() == BadgeBatch.State.DONE) {
            String id = batch.id();
            Anchor download = new Anchor(Downloads.toldOnFailure(event -> new DownloadResponse(
                    batches.open(id), batch.fileName(), "application/pdf", batch.bytes())), AttachmentType.DOWNLOAD, "");
            download.setId("badges-download");
            download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("badges.download", batch.fileName())));
            result.add(download);
        }
    }

    private String roleLabel(BadgeRole value) {
        return getTranslation("badge.role." + value.name());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        pollRegistration = event.getUI().addPollListener(e -> pollBatch());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.badges") + " · " + getTranslation("app.short-title");
    }
}
