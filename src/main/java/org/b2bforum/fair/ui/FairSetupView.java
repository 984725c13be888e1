package org.b2bforum.fair.ui;

import java.util.List;

import org.b2bforum.base.security.Role;
import org.b2bforum.company.Cities;
import org.b2bforum.fair.CompanyChoice;
import org.b2bforum.fair.FairMapFilter;
import org.b2bforum.fair.FairRefusedException;
import org.b2bforum.fair.FairService;
import org.b2bforum.fair.FairStand;
import org.b2bforum.fair.FairZone;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Organizers set up the fair: zones, numbered stands placed on each zone's grid, and which approved
 * company exhibits at which stand. Every refusal is said next to the field it concerns.
 */
@Route("fair/setup")
@Menu(title = "menu.fair-setup", icon = "GRID_BIG", order = 11)
@RolesAllowed(Role.ORGANIZER_NAME)
@StyleSheet("styles/fair.css")
class FairSetupView extends VerticalLayout implements HasDynamicTitle {

    final TextField zoneRu = new TextField();
    final TextField zoneEn = new TextField();
    final Button addZone = new Button();

    final ComboBox<FairZone> standZone = new ComboBox<>();
    final TextField standNumber = new TextField();
    final IntegerField standRow = new IntegerField();
    final IntegerField standColumn = new IntegerField();
    final Button addStand = new Button();

    final ComboBox<FairStand> assignStand = new ComboBox<>();
    final ComboBox<CompanyChoice> assignCompany = new ComboBox<>();
    final Button assign = new Button();

    final Grid<FairStand> stands = new Grid<>();

    private final FairService fair;

    FairSetupView(FairService fair) {
        this.fair = fair;
        addClassName("page");
        addClassName("fair-setup-view");

        zoneRu.setId("zone-name-ru");
        zoneRu.setLabel(getTranslation("fair.setup.zone.ru"));
        zoneEn.setId("zone-name-en");
        zoneEn.setLabel(getTranslation("fair.setup.zone.en"));
        addZone.setId("add-zone");
        addZone.setText(getTranslation("fair.setup.zone.add"));
        addZone.addClickListener(e -> addZone());

        standZone.setId("stand-zone");
        standZone.setLabel(getTranslation("fair.setup.stand.zone"));
        standZone.setItemLabelGenerator(z -> z.name(getLocale()));
        standNumber.setId("stand-number");
        standNumber.setLabel(getTranslation("fair.setup.stand.number"));
        standNumber.setPlaceholder("B-14");
        standRow.setId("stand-row");
        standRow.setLabel(getTranslation("fair.setup.stand.row"));
        standColumn.setId("stand-column");
        standColumn.setLabel(getTranslation("fair.setup.stand.column"));
        for (IntegerField field : List.of(standRow, standColumn)) {
            field.setMin(1);
            field.setMax(FairService.MAX_GRID);
            field.setStepButtonsVisible(true);
        }
        addStand.setId("add-stand");
        addStand.setText(getTranslation("fair.setup.stand.add"));
        addStand.addClickListener(e -> addStand());

        assignStand.setId("assign-stand");
        assignStand.setLabel(getTranslation("fair.setup.assign.stand"));
        assignStand.setItemLabelGenerator(s -> s.number() + (s.assigned() ? " · " + s.companyName() : ""));
        assignCompany.setId("assign-company");
        assignCompany.setLabel(getTranslation("fair.setup.assign.company"));
        assignCompany.setItemLabelGenerator(c -> c.name() + " · " + Cities.inLanguage(c.city(), this::getTranslation)
                + (c.standNumber() == null ? "" : " · " + getTranslation("fair.stand.label", c.standNumber())));
        assign.setId("assign");
        assign.setText(getTranslation("fair.setup.assign"));
        assign.addThemeVariants(ButtonVariant.PRIMARY);
        assign.addClickListener(e -> assign());

        stands.setId("fair-stands");
        stands.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        // widths of their own: five equal columns left a phone ~40 px for a hall's name
        stands.addColumn(s -> s.zone().name(getLocale())).setHeader(getTranslation("fair.setup.stand.zone"))
                .setWidth("10rem").setFlexGrow(2);
        stands.addColumn(FairStand::number).setHeader(getTranslation("fair.setup.stand.number")).setAutoWidth(true)
                .setFlexGrow(0);
        stands.addColumn(s -> s.row() + " × " + s.column()).setHeader(getTranslation("fair.setup.place"))
                .setAutoWidth(true).setFlexGrow(0);
        stands.addColumn(s -> s.assigned() ? s.companyName() : "—").setHeader(getTranslation("fair.setup.assign.company"))
                .setWidth("10rem").setFlexGrow(2);
        stands.addComponentColumn(s -> {
            if (!s.assigned()) {
                return new Paragraph();
            }
            Button free = new Button(getTranslation("fair.setup.unassign"), VaadinIcon.CLOSE_SMALL.create(),
                    e -> unassign(s));
            free.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            free.setId("unassign-" + s.number());
            return free;
        }).setAutoWidth(true).setFlexGrow(0);
        stands.setAllRowsVisible(true);

        FormLayout zoneForm = new FormLayout(zoneRu, zoneEn, addZone);
        FormLayout standForm = new FormLayout(standZone, standNumber, standRow, standColumn, addStand);
        FormLayout assignForm = new FormLayout(assignStand, assignCompany, assign);
        add(new H1(getTranslation("menu.fair-setup")), new Paragraph(getTranslation("fair.setup.intro")),
                new H2(getTranslation("fair.setup.zones")), zoneForm,
                new H2(getTranslation("fair.setup.stands")), standForm,
                new H2(getTranslation("fair.setup.assignments")), assignForm, stands);
        reload();
    }

    private void reload() {
        standZone.setItems(fair.zones());
        List<FairStand> all = fair.map(FairMapFilter.everything());
        stands.setItems(all);
        assignStand.setItems(all);
        assignCompany.setItems(fair.approvedCompanies());
    }

    private void addZone() {
        clear(zoneRu);
        try {
            fair.addZone(zoneRu.getValue(), zoneEn.getValue());
            zoneRu.clear();
            zoneEn.clear();
            done();
        } catch (FairRefusedException e) {
            refuse(zoneRu, e);
        }
    }

    private void addStand() {
        clear(standZone, standNumber, standRow);
        if (standZone.getValue() == null) {
            standZone.setErrorMessage(getTranslation("fair.error.no-zone"));
            standZone.setInvalid(true);
            return;
        }
        if (standRow.getValue() == null || standColumn.getValue() == null) {
            standRow.setErrorMessage(getTranslation("fair.error.stand-place", FairService.MAX_GRID));
            standRow.setInvalid(true);
            return;
        }
        try {
            fair.addStand(standZone.getValue().id(), standNumber.getValue(), standRow.getValue(), standColumn.getValue());
            standNumber.clear();
            done();
        } catch (FairRefusedException e) {
            refuse(e.key().contains("place") ? standRow : standNumber, e);
        }
    }

    private void assign() {
        clear(assignStand, assignCompany);
        if (assignStand.getValue() == null) {
            assignStand.setErrorMessage(getTranslation("fair.error.no-stand"));
            assignStand.setInvalid(true);
            return;
        }
        if (assignCompany.getValue() == null) {
            assignCompany.setErrorMessage(getTranslation("fair.error.choose-company"));
            assignCompany.setInvalid(true);
            return;
        }
        try {
            fair.assign(assignStand.getValue().id(), assignCompany.getValue().id());
            assignStand.clear();
            assignCompany.clear();
            done();
        } catch (FairRefusedException e) {
            refuse(e.key().contains("company") ? assignCompany : assignStand, e);
        }
    }

    private void unassign(FairStand stand) {
        try {
            fair.unassign(stand.id());
            done();
        } catch (FairRefusedException e) {
            Notification.show(getTranslation(e.key(), e.args()), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void done() {
        reload();
        Notification.show(getTranslation("fair.setup.saved"), 3000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.SUCCESS);
    }

    private void refuse(HasValidation field, FairRefusedException e) {
        field.setErrorMessage(getTranslation(e.key(), e.args()));
        field.setInvalid(true);
    }

    private static void clear(HasValidation... fields) {
        for (HasValidation field : fields) {
            field.setInvalid(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.fair-setup") + " · " + getTranslation("app.short-title");
    }
}
